/**
 * Signs of chain mail (issue 11: forward-to-everyone, hoax warnings, jokes to all staff; the schools'
 * clauses on chain letters and junk). Lower-case phrases, whole words. Source of every entry: the label
 * definition in the corpus README ("chain letters, 'forward this to ten people', hoax virus warnings,
 * jokes forwarded to all") and the common forms of chain letters and virus hoaxes as catalogued by hoax
 * debunking sites (e.g. the "Good Times" and "Budweiser frogs screensaver" hoax texts).
 */

/** Asking the reader to pass it on. */
export const PASS_ON_VERBS: readonly string[] = [
  "forward this",
  "forwards this",
  "forward it",
  "forward to",
  "forward on",
  "send this",
  "send it to",
  "pass this on",
  "pass this to",
  "pass it on",
  "pass on",
  "share this",
  "share it with",
  "copy this",
  "repost",
  // "copy and paste (don't share) this to 10 friends": the Facebook chain's wording, "this" not next to it.
  "copy and paste",
  "pass it round",
  "pass it around",
  "shares this",
  "sharing this",
  "passing it on",
  "passing this on",
  "send to",
  // Development part AB: "send it on to every teacher you know", "send it round to everyone",
  // "copy and share to every group", "please share with every parent you know".
  "send it on",
  "send it round",
  "send it around",
  "copy and share",
  "share with",
  "share to",
  // Development part AF: a reply-all that passes the letter on ("Me too! Sending it on").
  "sending it on",
  "sending this on",
  "sending it round",
  "passing this round",
  // Development parts AM and AN: a reply to all staff above a quoted prayer chain ("please keep it going!").
  "keep it going",
  "keep the chain going",
];

const NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "twenty"];
const COUNTED_RECIPIENTS: string[] = [];
for (const who of ["people", "others", "friends", "colleagues", "contacts", "women", "teachers", "mums", "parents"]) {
  for (let count = 2; count <= 20; count++) COUNTED_RECIPIENTS.push(`${count} ${who}`);
  for (const count of NUMBER_WORDS) COUNTED_RECIPIENTS.push(`${count} ${who}`);
}

/** To whom: everybody. */
export const EVERYONE: readonly string[] = [
  "everyone",
  "everybody",
  // The chain's reach is the reader's own circle, not a group the school names.
  "anyone you know",
  "people you care about",
  "anyone you care about",
  "your contacts",
  "your address book",
  "as many people as",
  "as many as you can",
  "all your colleagues",
  "your friends",
  "to friends",
  "all the teachers you know",
  "people you love",
  "women you love",
  "10 amazing",
  "people you know",
  "women you know",
  "mums you know",
  "friends you know",
  "all the women",
  "all the parents you know",
  "every woman",
  "every mum",
  "every parent you know",
  "every teacher you know",
  "every friend",
  "every person you",
  "their contacts",
  // Development part AB: "pass it on to anyone who needs a laugh", "share to every group and contact".
  "anyone who needs",
  "every group",
  "every contact",
  // Development part AN: "Pass it round every school in the trust!"
  "every school",
  "your parent groups",
  "all your groups",
  // "forward to 6 others", "send to 9 people": a chain letter's count, whatever the number.
  ...COUNTED_RECIPIENTS,
];

/** Virus-hoax and chain-letter wording, each enough on its own. */
export const HOAX_PHRASES: readonly string[] = [
  // Luck and prayer chains, and the "please share" scare, as hoax sites catalogue them.
  "your wish will be granted",
  "never been known to fail",
  "share share share",
  // The copy-and-paste privacy notice and the "Bill Gates will pay you" letter, as hoax sites catalogue them.
  "i do not give facebook",
  "i do not give instagram",
  "permission to use my pictures",
  "bill gates is sharing",
  "microsoft will pay you",
  "not take this for a junk letter",
  "this is not a joke",
  "not a hoax",
  "break the chain",
  "chain letter",
  "bad luck",
  "good luck will",
  // Not "within 24 hours": a safeguarding concern is logged and a complaint answered within 24 hours
  // (development part BD's data-protection notice); a chain's "send it to 10 people" is read above.
  "make a wish",
  "microsoft has confirmed",
  "microsoft have confirmed",
  "confirmed by microsoft",
  "confirmed by the police",
  "wipe your hard drive",
  "destroy your hard drive",
  "erase your hard drive",
  "the worst virus ever",
  "most destructive virus",
  "do not open any email",
  "do not open any e-mail",
  "don't open any email",
  "do not open it",
  "do not open this",
  "warn all your",
  "tell all your",
  // The virus-warning and privacy-notice forms seen most: "spread the word", "warn everyone you know",
  // "I don't give permission", "copy and paste this to your status".
  "spread the word",
  "warn everyone",
  "warn everybody",
  // Development part BC: a WhatsApp video hoax passed on ("don't open it … Tell everyone you know").
  "tell everyone you know",
  "don't open it",
  "i don't give facebook",
  "i don't give permission",
  "i do not give permission",
  "to your status",
  "on your status",
  // Development part AB: the missing-child share hoax, the "blessing" chain, the friend-request hoax.
  "shared enough",
  "don't scroll past",
  "do not scroll past",
  "if you delete it",
  "if you delete this",
  "tell all the contacts",
  "accept friend requests",
  "accept a friend request",
];

/**
 * A joke or funny thing, which matters when it goes to all staff ("jokes forwarded to all"): a joke for one
 * colleague, or for the staff newsletter's editor, is not chain mail.
 */
export const JOKE_WORDS: readonly string[] = [
  "joke",
  "jokes",
  "funny",
  "hilarious",
  "made me laugh",
  "made me chuckle",
  "had to share",
  "brighten your day",
  "friday funnies",
  "lol",
  "lmao",
  "meme",
  "funniest",
  "cracked me up",
  "too good not to share",
  "cry laughing",
  "crying laughing",
  "thought you'd all enjoy",
  "thought you would all enjoy",
];

/** Recipient display names that mean the whole staff. */
export const ALL_STAFF_NAMES: readonly string[] = [
  "all staff",
  "allstaff",
  "all-staff",
  "staff list",
  "whole staff",
  "everyone",
  "all teachers",
  "teaching staff",
  "support staff",
  "all users",
];
