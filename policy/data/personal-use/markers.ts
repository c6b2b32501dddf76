import { STAFF_ROLES } from "../personal-data/lexicon.js";

/** Words after "personal" in a subject that make it part of a school phrase, not the personal-mail label. */
export const NOT_A_LABEL_AFTER: readonly string[] = [
  "development",
  "statement",
  "statements",
  "data",
  "information",
  "details",
  "social",
  "best",
  "bests",
  "tutor",
  "budget",
  "hygiene",
  "care",
  "belongings",
  "property",
  "safety",
  "effectiveness",
  "learning",
  "records",
  "file",
  "files",
  "use",
];

/**
 * Words of a job title in a signature block ("Jo Hart / Business Manager", "Head of Year 9"): the sender
 * signing as the school's member of staff. Beside `STAFF_ROLES` (the roles that introduce a colleague),
 * the generic words of titles as the DfE's School Workforce Census names school posts (teacher, teaching
 * assistant, technician, administrator, manager, officer, leader, supervisor, librarian, clerk,
 * caretaker, site staff) and the organisations staff sign for (school, academy, trust, college). The
 * school's own name counts too (personal-use/context.ts).
 */
export const SIGNATURE_TITLE_WORDS: readonly string[] = [
  "head",
  "manager",
  "officer",
  "assistant",
  "lead",
  "leader",
  "coordinator",
  "co-ordinator",
  "supervisor",
  "technician",
  "librarian",
  "clerk",
  "principal",
  "director",
  "trustee",
  "ceo",
  "chaplain",
  "matron",
  "site",
  "office",
  "reception",
  "school",
  "academy",
  "trust",
  "college",
  "department",
  "faculty",
];

/** Every word or phrase of a post: `STAFF_ROLES` and `SIGNATURE_TITLE_WORDS` together. */
export const STAFF_TITLE_WORDS: readonly string[] = [...STAFF_ROLES, ...SIGNATURE_TITLE_WORDS];

/**
 * How a paragraph turning from the work at hand to something else opens ("PS I'm selling my bike",
 * "Oh and the Airbnb wants the balance", "Also - are you in for the syndicate?"): an aside, judged on its
 * own. Source: development part AI and a new user's trial (asides tacked onto work replies); the
 * postscript as Fowler's Modern English Usage describes it, an afterthought added below a letter.
 */
export const ASIDE_OPENERS: readonly string[] = [
  "ps",
  "p.s",
  "pps",
  "also",
  "oh and",
  "oh also",
  "and also",
  "btw",
  "by the way",
  "on another note",
  "on a different note",
  "on a separate note",
  "unrelated",
  "random one",
  "off topic",
  "totally unrelated",
  "completely unrelated",
];
