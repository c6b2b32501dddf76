/**
 * Who a greeting addresses and who the recipients are, as words that can be compared: "Dear Mr and Mrs
 * Haldane" → ["haldane"]; "Andrew Haldane <a.haldane@…>" → ["andrew", "haldane", "a", …]. Shared by the
 * misdirected-mail rules.
 */
import type { ClassifiedRecipient } from "../../engine/message.js";
import { firstNonEmptyLine } from "../text.js";
import { NICKNAMES } from "./nicknames.js";
import { GIVEN_NAMES } from "../../data/personal-data/lexicon.js";
import { STAFF_TITLE_WORDS } from "../../data/personal-use/markers.js";

const OPENINGS = /^(?:dear|hi|hello|hey|hiya|morning|afternoon|good\s+(?:morning|afternoon|evening))\b[\s,]*/i;
const TITLES = new Set([
  "mr",
  "mrs",
  "ms",
  "miss",
  "mx",
  "dr",
  "prof",
  "professor",
  "rev",
  "cllr",
  "sir",
  "madam",
  "master",
  "and",
  "&",
]);
/** Greetings to a group or a role, never to a named person. */
const GENERIC = new Set([
  "all",
  "everyone",
  "everybody",
  "team",
  "colleagues",
  "colleague",
  "parents",
  "parent",
  "carers",
  "carer",
  "families",
  "family",
  "staff",
  "governors",
  "governor",
  "there",
  "both",
  "guys",
  "folks",
  "friends",
  "friend",
  "year",
  "class",
  "tutors",
  "tutor",
  "department",
  "whom",
  "concern",
  "ladies",
  "gentlemen",
  "teachers",
  "teacher",
  "members",
  "you",
  "again",
  "headteacher",
  "head",
  "principal",
  "sirs",
  "madams",
  "committee",
  "panel",
  "board",
  "office",
  "admissions",
  "finance",
  "reception",
  "sales",
  "accounts",
  "support",
  "service",
  "services",
  "officer",
  "manager",
  "coordinator",
  "senco",
  "dsl",
  "chair",
  "clerk",
  "trustees",
  "partners",
  "mum",
  "mom",
  "dad",
  "mother",
  "father",
  "grandma",
  "grandad",
  "nan",
  "guardian",
  "home",
  "lads",
  "girls",
  "boys",
  "gang",
  "peeps",
  "mate",
  "mates",
  "hun",
  // Family and endearments ("Hi Sis"), and kitchen and site roles ("Hi Chef"): no one's name.
  "sis",
  "bro",
  "auntie",
  "aunty",
  "uncle",
  "cuz",
  "love",
  "hon",
  "babe",
  "darling",
  "chaps",
  "chef",
  "caretaker",
]);
/** Address local parts that name a role, not a person. */
const ROLE_LOCAL = new Set([
  "office",
  "admin",
  "info",
  "enquiries",
  "enquiry",
  "head",
  "headteacher",
  "reception",
  "senco",
  "finance",
  "hr",
  "bursar",
  "school",
  "contact",
  "mail",
  "noreply",
  "clerk",
  "governors",
  "accounts",
  "team",
  "support",
  "it",
  "helpdesk",
  "dsl",
  "safeguarding",
  "sen",
  "attendance",
  "parents",
  "sales",
  "admissions",
  "hello",
  "staff",
  "allstaff",
  "exams",
  "trips",
  "payroll",
  "invoices",
  "orders",
  "bookings",
  "transport",
  "catering",
  "kitchen",
  "premises",
  // A company's shared mailboxes: whoever is greeted ("Hi Sophie") may read them.
  "events",
  "booking",
  "reservations",
  "customerservice",
  "customerservices",
  "customer",
  "service",
  "services",
  "lettings",
  "claims",
  "billing",
  "payments",
  "help",
  "care",
  "careers",
  "jobs",
  "recruitment",
  "press",
  "marketing",
  "paye",
  "returns",
  "applications",
  // The services schools refer pupils to ("Physio" <bradford.paedsphysio@nhs.net>, "Ed Psych",
  // "CAMHS"), and a trip's shared mailbox ("Trip Leaders"): development part AA.
  "physio",
  "physiotherapy",
  "psych",
  "psychology",
  "camhs",
  "nursing",
  "therapy",
  "trip",
  // A school's own medical room by its usual names ("Health Centre" <healthcentre@…>, "Medical Room",
  // "Sanatorium", "Matron"): read by whichever nurse is greeted ("Dear Sister Ncube"). Development part AE.
  "healthcentre",
  "health",
  "medical",
  "sanatorium",
  "matron",
  "nurse",
  // The local authority's and exam boards' role mailboxes ("KS2 Moderator" <moderator@essex.gov.uk>, the
  // duty desk): read by whoever is greeted ("Dear Mr Lowe"). A new user's trial.
  "moderator",
  "moderation",
  "duty",
  "examiner",
  "assessor",
  "panel",
  // A supplier's renewals desk (development part AS: "Arbor Renewals" <renewals@…>).
  "renewals",
  // A tour operator's groups desk (groups@…) and a council's front door ("Children and Families Hub",
  // the MASH, referrals@): read by whoever is greeted (development parts AT, BD and DL).
  "groups",
  "hub",
  "mash",
  "referrals",
]);

const GIVEN = new Set(GIVEN_NAMES.map((name) => name.toLowerCase()));

/** Words of posts and services in a display name: the one-word titles and the shared mailboxes above. */
const ROLE_WORDS = new Set([
  ...STAFF_TITLE_WORDS.filter((title) => title.indexOf(" ") === -1),
  ...ROLE_LOCAL,
  "adviser",
  "advisor",
  "agent",
]);

const TRAILING = ",!.:; \t";

// The plain letter of each character from U+00E0 to U+017F (Latin-1's lower case, then Latin Extended-A),
// as a name is written in an address or a typed greeting ("Zoë Clarke" <zoe.clarke@…> greeted "Hi Zoe";
// "Małgorzata" greeted "Gosia"). ASCII, so the send bundle stores it in 160 bytes, not as escapes.
const PLAIN =
  "aaaaaaaceeeeiiiidnooooo/ouuuuyty" +
  "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/** `text` with each accented lower-case Latin letter written plain (same length). */
export function withoutAccents(text: string): string {
  return text.replace(/[\u00e0-\u017f]/g, (letter) => PLAIN.charAt(letter.charCodeAt(0) - 0xe0));
}

/** A line without the punctuation and spaces that end it ("Dear Mrs Khan," → "Dear Mrs Khan"). Linear. */
export function trimTrailing(line: string): string {
  let end = line.length;
  while (end > 0 && TRAILING.indexOf(line.charAt(end - 1)) !== -1) end--;
  return line.slice(0, end);
}

/** The names a greeting line addresses ("Dear Mrs Khan," → ["khan"]), or undefined when it names no one. */
export function greetedNames(own: string): { names: string[]; line: string; addressed: string } | undefined {
  const line = firstNonEmptyLine(own);
  if (line.length > 60) return undefined;
  let rest: string;
  const opening = OPENINGS.exec(line);
  if (opening) rest = line.slice(opening[0].length);
  else if (/^[A-Z][a-z'-]+(?: [A-Z][a-z'-]+)?,$/.test(line)) rest = line;
  else return undefined;
  // An empty rest has no words, so no names: undefined below.
  rest = trimTrailing(rest);
  const words = rest.split(/[\s/]+/).filter((word) => word.length > 0);
  const names: string[] = [];
  for (const word of words) {
    const bare = withoutAccents(word.replace(/\.$/, ""));
    const lower = bare.toLowerCase();
    if (TITLES.has(lower)) continue;
    if (GENERIC.has(lower)) return undefined;
    // A name is capitalised letters ("Khan", "O'Neill", "Smith-Jones"); anything else is not a person.
    if (!/^[A-Z][A-Za-z'-]*$/.test(bare) || /'s$/i.test(bare)) return undefined;
    names.push(lower.replace(/[^a-z]/g, ""));
  }
  const useful = names.filter((name) => name.length >= 2);
  return useful.length > 0 ? { names: useful, line, addressed: rest } : undefined;
}

export interface RecipientWords {
  readonly tokens: readonly string[];
  readonly letters: string;
  /** Initials the address spells ("s.jones" → "s"; "sjones", with no name shown → "s"). */
  readonly initials: readonly string[];
  /** Whether the entry tells us who the person is (a name, or an address made of a name). */
  readonly informative: boolean;
}

export function recipientWords(entry: ClassifiedRecipient): RecipientWords {
  const { address } = entry.recipient;
  const name = entry.recipient.name === undefined ? undefined : withoutAccents(entry.recipient.name.toLowerCase());
  const at = address.indexOf("@");
  const local = (at === -1 ? address : address.slice(0, at)).toLowerCase();
  const localTokens = local.split(/[^a-z]+/).filter((token) => token.length > 0);
  const nameTokens = (name ?? "")
    .split(/[^a-z'-]+/)
    .map((token) => token.replace(/[^a-z]/g, ""))
    .filter((token) => token.length > 0);
  const personLike = (token: string) => token.length >= 3 && !ROLE_LOCAL.has(token) && !GENERIC.has(token);
  // "Oliver's Mum", "jaydensdad@": a relation to a pupil, not the person's own name.
  // Stryker disable next-line StringLiteral: the stand-in for a missing name has no "'s"
  const relation = /'s\b/i.test(name ?? "") || /mum|mom|dad|mother|father|nanna|grandma|grandad/.test(local);
  // A shared mailbox (events@, customerservice@) shown with the organisation's name ("Boreham House
  // Events") is read by whoever is greeted; shown with a person's name ("Sarah Jones") it is theirs.
  const sharedMailbox =
    localTokens.length > 0 &&
    localTokens.every((token) => ROLE_LOCAL.has(token)) &&
    (nameTokens.length === 0 ||
      nameTokens.some((token) => ROLE_LOCAL.has(token) || GENERIC.has(token)) ||
      // No given name in it ("Penrose Holiday Lets" <hello@…>): the organisation's name (development part AS).
      !nameTokens.some((token) => GIVEN.has(token)));
  // "The Old Rectory B&B" <stay@oldrectory-rye…>, "Villa Sol" <bookings@villasol…>: a display name spelt
  // out in the domain is the organisation's, and its mailbox is read by whoever is greeted.
  const domain = at === -1 ? "" : address.slice(at + 1).toLowerCase();
  const nameWords = nameTokens.filter((token) => token.length >= 3 && token !== "the");
  const organisation = nameWords.length > 0 && nameWords.every((token) => domain.indexOf(token) !== -1);
  // A display name that is a post or a service ("Catering Manager", "Deputy DSL", "Attendance Service"), or
  // one word that is the whole mailbox ("Contracts" <contracts@…>, "Tours" <tours@…>), labels a mailbox
  // whoever reads it, not a person ("Thomas Head" keeps his given name, and is one).
  const mailboxLabel =
    nameTokens.length > 0 &&
    !nameTokens.some((token) => GIVEN.has(token)) &&
    (nameTokens.some((token) => ROLE_WORDS.has(token)) || (nameTokens.length === 1 && nameTokens[0] === local));
  const informative =
    !relation &&
    !sharedMailbox &&
    !organisation &&
    !mailboxLabel &&
    (nameTokens.some(personLike) || localTokens.some(personLike));
  // The organisation's own name is in its domain: "Dear HMRC" to …@hmrc.gov.uk, "Hi Ryanair" to …@ryanair.com.
  // Stryker disable ArrayDeclaration: split always returns at least one piece, so the "?? []" fallback is never used
  const domainTokens =
    // Stryker disable next-line OptionalChaining: split always returns at least one piece
    (at === -1 ? "" : address.slice(at + 1).toLowerCase())
      .split(".")[0]
      ?.split(/[^a-z]+/)
      .filter((token) => token.length >= 3) ?? [];
  // Stryker restore ArrayDeclaration
  const initials = localTokens.filter((token) => token.length === 1);
  // "sjones@" with no display name may be Sarah Jones: the first letter is all the address tells.
  if (nameTokens.length === 0 && localTokens.length === 1) initials.push(local.charAt(0));
  return {
    initials,
    tokens: [...nameTokens, ...localTokens, ...domainTokens],
    letters: `${local.replace(/[^a-z]/g, "")} ${(name ?? "").replace(/[^a-z]/g, "")}`,
    informative,
  };
}

/** Whether a greeted name fits a recipient: a name of theirs, part of their address, or its short form. */
export function nameFits(greeted: string, words: RecipientWords): boolean {
  if (words.initials.indexOf(greeted.charAt(0)) !== -1) return true;
  // Stryker disable next-line ArrayDeclaration: tokens and letters are lower case, so the capitalised stand-in is never found
  const fullNames = NICKNAMES.get(greeted) ?? [];
  if (fullNames.some((full) => words.tokens.indexOf(full) !== -1 || words.letters.indexOf(full) !== -1)) return true;
  for (const token of words.tokens) {
    if (token === greeted) return true;
    if (greeted.length >= 3 && token.length >= 3 && (token.indexOf(greeted) === 0 || greeted.indexOf(token) === 0))
      return true;
  }
  return greeted.length >= 3 && words.letters.indexOf(greeted) !== -1;
}
