/**
 * How a school's pupils' mailboxes and a member of staff's own contact details are recognised, as data
 * (the own-contact-details rule reads it; tone-data-style invariants in pupils.test.ts).
 *
 * Sources: "m365-edu" — Microsoft 365 Education tenants commonly give pupils a subdomain of the school's
 * own ("students.school.org.uk"; Microsoft Learn, "Add a domain to Microsoft 365": subdomains); "sjp-98" —
 * St John Payne School's Staff Acceptable Use Agreement, "I will not give out my own personal details, such
 * as mobile phone number, personal e-mail address and social networking identities to pupils."; "sd-323" —
 * St Dunstan's Staff Acceptable Use Agreement, "I will not give out my own personal details to pupils or
 * parents."
 */

/** The first label of a school domain's subdomain for pupils' mailboxes ("students" in students.school.org.uk). Source: m365-edu. */
export const PUPIL_SUBDOMAINS: readonly string[] = ["students", "student", "pupils", "pupil", "learners", "learner"];

/**
 * A phone the school gives staff, which is a school channel however it is introduced ("call me on my work
 * mobile during the expedition"). Source: sjp-98 (it is "my own personal details" that are forbidden).
 */
export const WORK_PHONE_WORDS: readonly string[] = [
  "work mobile",
  "work phone",
  "school mobile",
  "school phone",
  "trip mobile",
  "trip phone",
  "duty mobile",
  "duty phone",
];

/**
 * How staff offer pupils a way to reach them on social media, as whole words (lower case). Source: sjp-98
 * ("social networking identities").
 */
export const SOCIAL_CONTACT_PHRASES: readonly string[] = [
  "add me on",
  "follow me on",
  "message me on",
  "find me on",
  "dm me",
  "snap me",
  "whatsapp me",
  "my snapchat",
  "my snap",
  "my instagram",
  "my insta",
  "my tiktok",
  "my facebook",
  "my whatsapp",
];
