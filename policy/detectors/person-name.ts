import {
  FAMILY_RELATIONS,
  GIVEN_NAMES,
  GIVEN_NAMES_ALSO_WORDS,
  NOT_GIVEN_NAMES,
  NOT_NAME_WORDS,
  SENSITIVE_TERMS,
  SUBJECT_FUNCTION_WORDS,
  NOT_SURNAMES,
  SUBJECT_ORDINARY_WORDS,
  PERSON_CONTEXT,
  STAFF_ROLES,
  TITLES,
  DOTTED_ABBREVIATIONS,
} from "../data/personal-data/lexicon.js";
import { CAPITALISED_WORD, SURNAME_AFTER } from "../data/personal-data/patterns.js";
import { SCHOOL_ACRONYMS } from "../data/etiquette/acronyms.js";
import { isAsciiLetter } from "../engine/phrase-set.js";
import { findSubjectPeople } from "./subject-people.js";
import { REPLY_PREFIX } from "../engine/normalize.js";
import { inTextOrder } from "../engine/text-order.js";
import {
  forEachMatch,
  hasPhrase,
  presentPhrases,
  windowAfter,
  windowBefore,
  type Candidate,
  type Scan,
  inSignature,
  overlaps,
} from "./text.js";

export interface NameCandidate extends Candidate {
  readonly type: "person-name";
  /** A full name ("Mrs Patel", "Oliver Ashdown") or a given name alone ("Oliver"). */
  readonly full: boolean;
  /** Introduced by a staff role ("Mrs Patel, our SENCO"): whom to contact, not whom a detail is about. */
  readonly staff: boolean;
  /** In the greeting line: whom the mail is for, not whom it is about. */
  readonly addressee: boolean;
}

const TITLED_NAME = new RegExp(`\\b(?:${TITLES.join("|")})\\.? [A-Z](?:'[A-Z])?[a-z]+(?:-[A-Z][a-z]+)?`, "g");
/**
 * "Kofi Mensah has…", "Oluwaseun Adeyemi in Year 4…", "Siobhán Ní Bhriain is…", "Zofia Nowak-Kowalska's…":
 * a capitalised name of two or three words (Latin letters with accents, hyphens, apostrophes and Irish,
 * Scottish, Dutch or Arabic particles) doing something or placed in a class, for names no list has. The
 * particle alternatives end in a space, so the match stays linear.
 */
const UPPER = "A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE\\u0100-\\u017F";
const LOWER = "a-z\\u00DF-\\u00F6\\u00F8-\\u00FF\\u0100-\\u017F";
const LETTER = "A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u017F";
const NAME_WORD = `[${UPPER}](?:'[${UPPER}])?[${LOWER}]+(?:-[${UPPER}][${LOWER}]+)?`;
/** A surname may run its Mc or Mac into the capital ("Kian McDonagh", development part BG); a lone word may not ("at McDonald's"). */
const SURNAME_WORD = `(?:Ma?c)?${NAME_WORD}`;
/**
 * The particles of Irish, Scottish, Dutch, German, Romance and Arabic surnames, one or two before the
 * surname ("Siobhán Ní Bhriain", "Noah van der Berg", "Eilidh Nic an tSaoir", "Inés de la Cruz", "Omar bin
 * Rashid"). Each alternative is a whole word (a space follows it in the patterns), so a match stays linear.
 */
const PARTICLE =
  "(?:N\\u00ED|[Nn]ic?|Ma?c|\\u00D3|O'|[Dd](?:e[lnr]?|ella|[aiu]|os|as|o)|[Ll][ae]|[Vv][ao]n|[Tt]e[rn]|[AaEe]l|[Bb]in|[Ii]bn|Ben|[Aa]p|an)";
/** The lower-case letters Irish and Scottish Gaelic put before a surname's capital after a particle: "Nic an tSaoir", "Ó hAodha". */
const GAELIC_PREFIX = "(?:[hnt]|mb|gc|bhf|nd|ng|bp|dt)?";
const NAME_BEFORE_VERB = new RegExp(
  `(?:^|[^${LETTER}])(${NAME_WORD}) (?:${PARTICLE} ){0,2}${GAELIC_PREFIX}${SURNAME_WORD}(?=(?: \\([^()\\n]{1,24}\\)| in (?:my|our|your|his|her) [a-z]+(?: group)?| in [A-Z][a-z]+(?: class)?)? (?:has|is|was|had|will|and|keeps|hasn't|isn't|wasn't|won't|can't|needs|says|said|told|disclosed|reported|refused|cried|asked|rang|came|went|got|been|living|staying|missing|absent|off|not|in (?:Year|Y\\d|Reception|Nursery|class|form|\\d{1,2}[A-Z]{0,2})|\\((?:Year|Y\\d{1,2}|\\d{1,2}[A-Z]))\\b|'s\\b|,)`,
  "g",
);
const NOT_GIVEN_NAME_SET = new Set([...NOT_GIVEN_NAMES, ...TITLES]);
/**
 * In a subject line or a file name, a name stands between separators: "CP concern - Amira Khalil (Y3)",
 * "Ioana Popescu - CAMHS referral", "Fw: Medication change - Oliwia Nowak". Two or three capitalised
 * words (any Latin letters, particles allowed) with a separator or the end on both sides, or after
 * them a class or an acronym ("Lewis Maynard EHCP draft", "Jordan Mensah 11S"); a nickname in quotes may
 * stand between the given name and the surname ("Tyrese 'Ty' Walker", development part BE).
 */
const SUBJECT_NAME = new RegExp(
  `(?:^|[-:\\u2013|(\\]&,] ?| and |(?:Y|Yr|Year ?)\\d{1,2} |\\d{1,2}[A-Z]{1,2} )(${NAME_WORD}(?: ['"\u2018\u201C][A-Z][a-z]+['"\u2019\u201D])?(?: ${PARTICLE}){0,2} ${GAELIC_PREFIX}${SURNAME_WORD}(?: ${NAME_WORD})?)(?= ?(?:$|[-:\\u2013|(),]|(?:Y|Yr|Year ?)\\d|\\d{1,2}[A-Z]{0,2}\\b|[A-Z]{2,5}\\b))`,
  "g",
);
/**
 * In a file name ("Zielinski_Kacper_body_map.pdf", underscores read as spaces): two capitalised words in a
 * row, or a word and an initial as schools name files ("Okonjo_T_EHCP_review.docx", "CP_referral_Kofi_A.pdf").
 */
const FILE_NAME_PAIR = new RegExp(`(?:^|[^${LETTER}])(${NAME_WORD} (?:${NAME_WORD}|[${UPPER}]))(?![${LETTER}])`, "g");
/**
 * A file name's initial run into a surname, or a given name into an initial, as staff name files
 * ("CIN_minutes_BHadley_12May.docx", "Suspension_letter_BilalK.docx"; development part AK): someone.
 */
const FILE_NAME_RUN_ON = /(?:^|[^A-Za-z])([A-Z][A-Z][a-z]{2,}|[A-Z][a-z]{2,}[A-Z])(?![A-Za-z])/g;
/** One capitalised word of a file name (group 1), underscores and dots read as spaces. */
const FILE_NAME_WORD = new RegExp(`(?:^|[^${LETTER}])(${NAME_WORD})(?![${LETTER}])`, "g");
/** Capitalised words that head subject lines but are no one's name. */
const SUBJECT_WORDS = new Set(SUBJECT_ORDINARY_WORDS);
const GIVEN_NAME_SET = new Set(GIVEN_NAMES);
const SURNAME_BEFORE = /([A-Z][a-z]+) $/;
/**
 * A name the given-name list does not know, introduced by who they are: "our pupil Kofi Mensah", "her
 * son Bartosz". Lower-case context only: "Pupil Premium" and "Student Council" are not people.
 */
const INTRODUCED_NAME =
  /\b(?:pupil|student|learner|boarder|son|daughter|child|foster child|stepson|stepdaughter),? ([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?|[A-Z]{2}\b)/g;
/** Verbs a person does; WEAK_VERBS follow things as often ("Topic is", "Essex will"): mid-sentence only. */
const PERSON_VERBS =
  "has|had|is|was|will|keeps|hasn't|isn't|wasn't|won't|can't|needs|says|said|told|came|went|got|gets|seems|seemed|did|doesn't|didn't|" +
  "off|struggles|refuses|refused|cries|cried|lives|wets|loves|hates|wears|disclosed|mentioned|admitted|joined|arrived|attends|fainted|collapsed|" +
  "took|may|might|could|should|would|worked";
const WEAK_VERBS = new Set([
  "is",
  "was",
  "will",
  "isn't",
  "wasn't",
  "won't",
  "can't",
  "did",
  "off",
  "joined",
  "arrived",
  "attends",
  "took",
  "may",
  "might",
  "could",
  "should",
  "would",
]);
/**
 * Verbs whose object is a person ("worried about Demi-Leigh", "keep an eye on Gurleen", "spoke to Bartek"):
 * the capitalised word after them is someone's name.
 */
const PERSON_OBJECT = new RegExp(
  `\\b(?:worried about|concerned about|an eye on|spoke to|spoke with|spoken to|talked to|talk to|chat with|chat to|chatted to|sit with|sat with|check on|look out for|support for) (${NAME_WORD})(?![${LETTER}])`,
  "g",
);
/**
 * "The new boy starting in Oak is Mateusz Nowak.", "a girl called Amira Haddad,": two capitalised words
 * after "is", "called" or "named" that end the clause are whom the sentence introduces.
 */
const NAMED_BY_COPULA = new RegExp(`\\b(?:is|called|named) (${NAME_WORD} ${NAME_WORD})(?=[.,;:!?)\\n]|$)`, "g");
const PLACE_PREPOSITIONS = new Set(
  "in at for from to of across near around by into outside inside throughout within towards".split(" "),
);
const CLASS_CODE = "(?:Year ?\\d{1,2}|Yr ?\\d{1,2}|Y\\d{1,2}|\\d{1,2}[A-Z]{1,2}|Class \\d{1,2}|Rec|Reception|Nursery)";
/**
 * A capitalised word no list knows, written as a person is: with a possessive ("Mikolaj's EHCP"), a
 * class ("Filip in 8T", "Harpreet Y11", "Mei (Rec)") or a verb a person does ("Tomasz has", "Precious is
 * now"). ES2016: the word's left edge is a consumed non-letter, not a lookbehind.
 */
const UNKNOWN_NAME = new RegExp(
  `(?:^|[^${LETTER}'])(${NAME_WORD})(?='s\\b| (?:in )?${CLASS_CODE}\\b| \\(${CLASS_CODE}\\)| (${PERSON_VERBS})\\b)`,
  "g",
);
/** The same with an initial before the verb ("Ollie B was sick"); "I" and "A" are words, not initials. */
const UNKNOWN_NAME_AND_INITIAL = new RegExp(`(?:^|[^${LETTER}'])(${NAME_WORD} [B-HJ-Z])(?= (${PERSON_VERBS})\\b)`, "g");

/**
 * What follows a pupil's name: an initial and a class ("d (10)", "c. in 11J", "w 4B"), a class (", Y10",
 * " in 9R", " in 9c", " (class 8)") or a possessive ("'s"). A form's letters in either case, but not a
 * time or a date ("10am", "14th").
 */
const CLASS_OR_POSSESSIVE =
  /(?: [a-z]\.?)?(?:,? (?:in )?(?:[Yy](?:ear|r)? ?\d{1,2}|\d{1,2}(?![ap]m\b|th\b|st\b|nd\b|rd\b)[A-Za-z]{1,2}|[Cc]lass \d{1,2}|[Rr]ec(?:eption)?|[Nn]ursery)\b| \((?:[Yy](?:ear|r)? ?\d{1,2}|\d{1,2}[A-Z]{0,2}|[Cc]lass \d{1,2}|[Rr]ec(?:eption)?)\))|'s\b/g;
/** A class with its number right after a word, in any case: " class 4", " yr1", " (Y10)", " 9R". */
const NUMBERED_CLASS_AFTER = /^ \(?(?:[Yy](?:ear|r)? ?\d{1,2}|\d{1,2}[A-Za-z]{1,2}|[Cc]lass \d{1,2})\b/;
/** The listed given names in lower case. */
const LOWER_GIVEN_NAMES = new Set(GIVEN_NAMES.map((name) => name.toLowerCase()));
/** Given names that are also words ("amber's rating", "max's"): a possessive after one in lower case is the word's. */
const WORD_NAMES = new Set(GIVEN_NAMES_ALSO_WORDS);

/** Lower-case words that are never a given name alone: common words, relations, and the sensitive terms' words. */
const NOT_A_NAME = new Set<string>([
  ...SUBJECT_ORDINARY_WORDS,
  ...SUBJECT_FUNCTION_WORDS,
  ...FAMILY_RELATIONS,
  ...NOT_NAME_WORDS,
  ...NOT_GIVEN_NAMES.map((word) => word.toLowerCase()),
  ...TITLES.map((word) => word.toLowerCase()),
  ...Object.keys(SENSITIVE_TERMS).reduce<string[]>(
    (words, category) =>
      words.concat(...SENSITIVE_TERMS[category as keyof typeof SENSITIVE_TERMS].map((term) => term.split(" "))),
    [],
  ),
]);
/**
 * A pupil pointed out without a name, as staff write when the name should not be in an e-mail: "the
 * boy in 6B", "the little girl in Robins", "the Y6 boy", "the lad with the hearing aids", "the girl whose
 * dad…", "the young man in Class 7", "the Year 11 boarder from Lagos", "the Upper Sixth scholarship boy in
 * Marlowe" (one describing word after the year), "our new arrival", siblings by their surname ("the Adeyemi
 * twins", "the Abdi girls"), and to a parent "your son" (not "your son or daughter", every parent's). It
 * identifies someone to every reader who knows the class, or the family, as a name does.
 */
const DESCRIBED_PERSON = new RegExp(
  `\\b(?:(?:[Tt]he|[Yy]our|[Oo]ur) (?:(?:little|quiet|new|young|tall|small|older|younger|only|shy|other|same|\\w+-year-old) ){0,2}(?:(?:Year ?\\d{1,2}|Yr ?\\d{1,2}|Y\\d{1,2}|Reception|Nursery|[Ll]ower [Ss]ixth|[Uu]pper [Ss]ixth|[Ss]ixth[- ][Ff]orm|L6|U6) )?(?:[a-z]{4,} )?(?:boy|girl|lad|lass|child|pupil|student|kid|toddler|twins|tutee|boarder|learner|youngster|young (?:man|lady|woman)|one)(?: (?:in|from) (?:${CLASS_CODE}\\b|Class \\d{1,2}\\b|\\d{1,2} [A-Z][a-z]+\\b|[A-Z][a-z]+\\b)| with the [a-z]+| whose [a-z]+|(?= who (?:is|has|was|had)\\b))|(?:[Tt]he|[Yy]our|[Oo]ur) (?:Year ?\\d{1,2}|Yr ?\\d{1,2}|Y\\d{1,2}) (?:boy|girl|lad|lass)\\b|(?:[Oo]ur|[Tt]he|[Aa]) new arrival\\b|[Yy]our (?:son|daughter)(?!s\\b| or | and |\\/)|[Tt]he [A-Z][a-z]+ (?:twins|brothers|sisters|siblings|girls|boys)\\b)`,
  "g",
);
/**
 * Initials with a class ("AB in 5C", "KR (10B)", "J in 6M": one letter, not "I" or "A") or before "has",
 * "had", "was" or "is" ("MH has an ADHD diagnosis", a new user's trial; not a school's acronym: "PE is
 * cancelled"), dotted initials' possessive ("E.K.'s arm") or a title ("Mrs K's son"): the school's own
 * shorthand for a person.
 */
const INITIALS = new RegExp(
  `\\b(?:[A-Z]{2}(?= (?:has|had|was|is) )|(?:[A-Z]{2}|[A-Z]\\.[A-Z]\\.|[B-HJ-Z])(?=,? (?:in )?${CLASS_CODE}\\b| \\(${CLASS_CODE}[),])|[A-Z]\\.[A-Z]\\.(?='s\\b)|(?:${TITLES.join("|")})\\.? [A-Z](?='s\\b|\\.? (?:in|from|is|has|was|said|says|will|rang|called)\\b|[,;:)]))`,
  "g",
);
/** A class in lower case ("10h", "y4", "(3s)"), for reading a lower-cased subject. */
const CLASS_CODE_LOWER = CLASS_CODE.toLowerCase();
/** A word in lower case, any Latin letters, apostrophes and hyphens after the first. */
const LOWER_WORD = `[${LOWER}][${LOWER}'-]*`;
/** What follows a word a subject sets off: its end, a separator, a bracket or a class. */
const SET_OFF_AFTER = `\u2019?(?= ?$| ?[-:\\u2013\\u2014(]| ${CLASS_CODE_LOWER}\\b)`;
/**
 * One word a subject sets off as whom it is about, in any case (staff in a hurry write "reece 10H"):
 * heading it before a separator, a bracket, a class or the end ("Jenny", "ayaan (3S) autism diagnosis",
 * "Re: Bartek – bereavement"), or after a separator before another or the end ("soiling - poppy",
 * "Class 4 - Oliwia (sickle cell)"). Read on the lower-cased subject with its "Re:" blanked out; group 1
 * or 2 is the word. Group 3, tried last ("Lily-Mai and Jake" sets off "lily" at its hyphen): the first
 * word running straight on into the next ("kacper medication change", "Kayden seizure log"), as staff in
 * a hurry write it.
 */
const SUBJECT_SET_OFF = new RegExp(
  `(?:^ *(${LOWER_WORD})${SET_OFF_AFTER}|[-:\\u2013\\u2014] ['\u2018]?(${LOWER_WORD})${SET_OFF_AFTER}|^ *(${LOWER_WORD}) (?=[a-z]))`,
  "g",
);

/** A set-off subject word as written, in lower case, and its offset in the subject. */
export interface SetOffWord {
  readonly word: string;
  readonly lower: string;
  readonly start: number;
  /**
   * The subject's first word, running on into the next: a topic far more often than a set-off word
   * ("Census day", "Purple Day epilepsy awareness"), so the body must write it as a person outright
   * (see `findNames`' `confirmed`), never only capitalised.
   */
  readonly runOn: boolean;
  /** The subject's first word, set off by a separator, a bracket or a class after it ("Begum - hearing aid"). */
  readonly heading: boolean;
}

/**
 * The words a subject sets off as whom it is about (see SUBJECT_SET_OFF) that no list
 * knows as a common word ("concern", "trip", "Monday" are topics). Alone such a word is as often a topic
 * as a person; the body confirms it (`findNames`' `confirmed`), and a body that writes it as a person
 * confirms the subject's word (`namedElsewhere`).
 */
export function subjectSetOffWords(subject: string, capitals = false): SetOffWord[] {
  const words: SetOffWord[] = [];
  // "Re:" and "Fwd:" blanked out, offsets kept: no subject word of the sender's.
  forEachMatch(
    SUBJECT_SET_OFF,
    subject.toLowerCase().replace(REPLY_PREFIX, (prefix) => " ".repeat(prefix.length)),
    (match) => {
      // "nan's 90th", "'Bea'": the possessive or closing quote is not part of the word.
      const lower = ((match[1] ?? match[2] ?? match[3]) as string).replace(/'s?$/, "");
      if (lower.length < 2 || NOT_A_NAME.has(lower) || ACRONYMS.has(lower.toUpperCase())) return;
      const start = match.index + match[0].indexOf(lower, match[2] === undefined ? 0 : 1);
      const word = subject.slice(start, start + lower.length);
      // "MOT", "PEP": a word in capitals is an acronym, not a name.
      if (capitals || word !== word.toUpperCase())
        words.push({ word, lower, start, runOn: match[3] !== undefined, heading: match[1] !== undefined });
    },
  );
  return words;
}

/** A determiner or possessive right before a word: "the minibus", "my clutch", "our prom" (no one's name takes one). */
const DETERMINER_BEFORE = /(?:^|[^a-z])(?:the|a|an|my|our|your|his|her|their|this|that|its|no|any|some|every|each) $/;

/**
 * After a word, what makes it a person in the body: a possessive, a verb a person does (after an initial:
 * "kyle b came"), a class ("reece 10H", "Jenna in the sixth form"). Read on the lower-case text.
 */
const PERSON_FOLLOWS = new RegExp(
  `^(?:'s\\b| (?:[a-z]\\.? )?(?:${PERSON_VERBS})\\b| (?:in )?${CLASS_CODE_LOWER}\\b| (?:in )?(?:the )?sixth form\\b| \\(${CLASS_CODE_LOWER}\\))`,
);

/** PERSON_FOLLOWS without the weak verbs ("Census is on…" is no person): for a run-on subject word. */
const STRONG_PERSON_FOLLOWS = new RegExp(
  `^(?:'s\\b| (?:[a-z]\\.? )?(?:${PERSON_VERBS.split("|")
    .filter((verb) => !WEAK_VERBS.has(verb))
    .join("|")})\\b)`,
);

/**
 * A name heading a line of a list ("- Tegan Hughes - type 1 diabetes", "2. Adil Rashid: EpiPen"): two or
 * three capitalised words after a bullet or a number, then a separator or the line's end.
 */
const LISTED_NAME = new RegExp(
  `(?:^|\\n)[ \\t]*(?:[-*\u2022\u2013]|\\d{1,2}[.)])[ \\t]+(${NAME_WORD}(?: ${NAME_WORD}){1,2})(?=[ \\t]*(?:[-:\u2013\u2014(,\\t\\n]|$))`,
  "g",
);
/** A table's column of people, by its header ("Name", "Child", "Pupil"…): each row's cell is someone. */
const PERSON_COLUMN =
  /^(?:name|names|child|children|pupil|pupils|student|students|learner|first name|full name|pupil name|child's name)$/;
/** Dotted abbreviations shaped like a person's initials ("the U.K.'s guidance"). */
const DOTTED_ABBREVIATION_SET = new Set(DOTTED_ABBREVIATIONS);
const ACRONYMS = new Set(SCHOOL_ACRONYMS.map((acronym) => acronym.toUpperCase()));
const COMMON_OPENERS = new Set([
  "Dear",
  "Hi",
  "Hello",
  "Thanks",
  "Thank",
  "To",
  "From",
  "Re",
  "Fw",
  "Fwd",
  "And",
  "With",
]);

/**
 * Named people: a title and surname ("Mrs Patel"), a common given name and a surname ("Oliver
 * Ashdown"), in attachment names surname first ("Ashdown Oliver EHCP.pdf"), or a given name alone
 * (low confidence: it lets "Jack has ADHD" count, never reported by itself). Names in the sender's
 * signature are skipped.
 *
 * @param confirmed the words the subject sets off as whom it is about (`subjectSetOffWords`): in this
 *   text, such a word written as a person is ("reece has", "Jenny is", "kyle b came") is their name, in
 *   any case and at the start of a sentence too; a run-on first word (`SetOffWord.runOn`) in lower or
 *   mixed case only with a possessive or a verb a person does, not with "is", "was" or a class; a school's
 *   acronym in capitals ("PE", "SEN") never, where other initials ("JT", "KB") may be.
 * @param namedElsewhere does the message name this word as a person in another part (the body, for a
 *   subject)? One capitalised word heading a subject counts only if so.
 */
export function findNames(
  scan: Scan,
  namedElsewhere: (word: string) => boolean = () => false,
  confirmed: readonly Pick<SetOffWord, "word" | "lower" | "runOn">[] = [],
): NameCandidate[] {
  const { text, lower } = scan;
  const names: NameCandidate[] = [];
  // Context words absent from the whole text need never be looked for beside each name.
  const roles = presentPhrases(lower, STAFF_ROLES);
  const personContext = presentPhrases(lower, PERSON_CONTEXT);
  const push = (start: number, end: number, full: boolean, confidence: number) => {
    if (names.length >= MOST_NAMES) return;
    const staff =
      roles.length > 0 &&
      (hasPhrase(windowAfter(lower, end, 30), roles) ||
        // Not the greeting's role ("Dear Chaplain,") before the first name of the body.
        hasPhrase(lower.slice(Math.max(start - 25, start >= scan.greetingEnd ? scan.greetingEnd : 0), start), roles));
    names.push({ type: "person-name", start, end, confidence, full, staff, addressee: start < scan.greetingEnd });
  };
  forEachMatch(TITLED_NAME, text, (match) => {
    if (!inSignature(scan, match.index)) push(match.index, match.index + match[0].length, true, 0.9);
  });
  // Titled names are in text order: walk them alongside the given names instead of searching each time.
  const titled = names.slice();
  let next = 0;
  forEachMatch(CAPITALISED_WORD, text, (match) => {
    const word = match[0];
    const start = match.index;
    if (inSignature(scan, start) || !GIVEN_NAME_SET.has(word)) return;
    while (next < titled.length && (titled[next] as NameCandidate).end <= start) next++;
    if (next < titled.length && (titled[next] as NameCandidate).start <= start) return;
    const end = start + word.length;
    const context = personContext.length > 0 && hasPhrase(windowBefore(lower, start, 40), personContext);
    const surname = SURNAME_AFTER.exec(text.slice(end, end + 30));
    if (surname && NOT_SURNAMES.indexOf(surname[0].trim().toLowerCase()) === -1) {
      push(start, end + surname[0].length, true, context ? 0.95 : 0.8);
      return;
    }
    const before =
      scan.location === "attachments" ? SURNAME_BEFORE.exec(text.slice(Math.max(0, start - 25), start)) : null;
    if (before && before[1] !== undefined && !COMMON_OPENERS.has(before[1])) {
      push(start - before[0].length, end, true, 0.75);
      return;
    }
    push(start, end, false, context ? 0.7 : 0.5);
  });
  // A listed given name in lower case, as staff in a hurry write a pupil ("kayla in 9R", "hugo, Y10",
  // "finley c. in 11J", "sienna's dad", with a surname "ella thompson in 9c"): with a class or a
  // possessive after it, it is someone. Matches come in text order: the names so far are walked alongside.
  const spoken = coverageOf(names);
  forEachMatch(CLASS_OR_POSSESSIVE, text, (match) => {
    const end = match.index;
    let start = lowerWordStart(text, end);
    if (start === -1) return;
    const word = text.slice(start, end);
    const possessive = match[0].charCodeAt(0) === 39;
    let full = false;
    if (!LOWER_GIVEN_NAMES.has(word)) {
      const given = possessive || text.charCodeAt(start - 1) !== 32 ? -1 : lowerWordStart(text, start - 1);
      if (given === -1 || NOT_A_NAME.has(word) || !LOWER_GIVEN_NAMES.has(text.slice(given, start - 1))) return;
      start = given;
      full = true;
    } else if (possessive && WORD_NAMES.has(word)) return;
    if (!inSignature(scan, start) && !spoken(start)) push(start, end, full, full ? 0.75 : 0.5);
  });
  forEachMatch(DESCRIBED_PERSON, text, (match) => {
    if (!inSignature(scan, match.index)) push(match.index, match.index + match[0].length, true, 0.75);
  });
  forEachMatch(LISTED_NAME, text, (match) => {
    const name = match[1] as string;
    const start = match.index + match[0].length - name.length;
    if (inSignature(scan, start) || name.split(" ").some((word) => NOT_A_NAME.has(word.toLowerCase()))) return;
    push(start, start + name.length, true, 0.75);
  });
  for (const cell of personColumnCells(text)) {
    if (inSignature(scan, cell.start) || NOT_A_NAME.has(text.slice(cell.start, cell.end).toLowerCase())) continue;
    const full = text.slice(cell.start, cell.end).indexOf(" ") !== -1;
    push(cell.start, cell.end, full, full ? 0.75 : 0.5);
  }
  forEachMatch(INITIALS, text, (match) => {
    if (inSignature(scan, match.index) || ACRONYMS.has(match[0]) || DOTTED_ABBREVIATION_SET.has(match[0])) return;
    push(match.index, match.index + match[0].length, true, 0.75);
  });
  // Not again what a pass above found ("pupil AB in 7C" is INITIALS' too).
  const found = coverageOf(names);
  forEachMatch(INTRODUCED_NAME, text, (match) => {
    const name = match[1] as string;
    const start = match.index + match[0].length - name.length;
    // "student ID": a school's acronym is no one's initials.
    if (inSignature(scan, start) || GIVEN_NAME_SET.has(name.split(/[ -]/)[0] as string) || ACRONYMS.has(name)) return;
    if (found(start)) return;
    // Initials ("pupil KM") are as full a name as a given name and surname; a short given name ("pupil Bo") is not.
    push(
      start,
      start + name.length,
      name === name.toUpperCase() || name.indexOf(" ") !== -1 || name.indexOf("-") !== -1,
      0.85,
    );
  });
  // Matches come in text order: walk the names found so far alongside (`coverageOf`), so a body of a
  // thousand introductions stays linear.
  const introduced = coverageOf(names);
  forEachMatch(NAMED_BY_COPULA, text, (match) => {
    const name = match[1] as string;
    const start = match.index + match[0].length - name.length;
    if (inSignature(scan, start) || name.split(" ").some((word) => NOT_A_NAME.has(word.toLowerCase()))) return;
    if (!introduced(start)) push(start, start + name.length, true, 0.75);
  });
  if (scan.location === "subject" || scan.location === "attachments") {
    // In a subject or file name a longer name wins over a given name alone inside it ("Mia" in
    // "Mia-Rose Kettering", "Harper" in "Reece Harper"): the part stands for one person.
    const claim = (start: number, end: number, confidence: number) => {
      const overlapping = names.filter((known) => overlaps(known, start, end));
      if (overlapping.some((known) => known.full)) return;
      for (const known of overlapping) names.splice(names.indexOf(known), 1);
      push(start, end, true, confidence);
    };
    forEachMatch(scan.fileName ? FILE_NAME_PAIR : SUBJECT_NAME, text, (match) => {
      const name = match[1] as string;
      const start = match.index + match[0].indexOf(name);
      const words = name.split(" ");
      if (words.some((word) => SUBJECT_WORDS.has(word.toLowerCase()) || NOT_GIVEN_NAME_SET.has(word))) return;
      claim(start, start + name.length, 0.8);
    });
    if (scan.location === "attachments") {
      forEachMatch(FILE_NAME_RUN_ON, text, (match) => {
        const name = match[1] as string;
        const start = match.index + match[0].length - name.length;
        if (!names.some((known) => overlaps(known, start, start + name.length)))
          push(start, start + name.length, true, 0.75);
      });
      // "FSM_award_Williams.pdf" beside "leo williams" in the subject: a file name's word the message
      // writes as someone's name is them, where alone it could be anything ("Williams" is also a shop).
      forEachMatch(FILE_NAME_WORD, text, (match) => {
        const word = match[1] as string;
        const start = match.index + match[0].length - word.length;
        if (NOT_A_NAME.has(word.toLowerCase()) || !namedElsewhere(word)) return;
        if (!names.some((known) => overlaps(known, start, start + word.length)))
          push(start, start + word.length, false, 0.5);
      });
    }
    if (scan.location === "subject") {
      for (const person of findSubjectPeople(text)) claim(person.start, person.end, person.confidence);
      for (const { word, start, runOn: runsOn } of subjectSetOffWords(text, true)) {
        // A run-on first word is the body's to confirm (see `SetOffWord.runOn`).
        if (runsOn) continue;
        // One word heading a subject is as often a topic ("Divorce - financial disclosure"): it counts
        // only when the message names the same person in the body ("Filip in 8T gets his meds").
        // A word the subject sets before a class ("kelsey class 4 - …", "darcie-rae yr1 - …") is a pupil there.
        // Initials in capitals ("MK - police") only where the body names them as a person ("MK (Class 9)
        // was picked up…"): before a class they are as often a subject's ("PE Y7 - kit").
        if (
          !namedElsewhere(word) &&
          (word === word.toUpperCase() ||
            !NUMBERED_CLASS_AFTER.test(text.slice(start + word.length, start + word.length + 12)))
        )
          continue;
        if (names.some((known) => overlaps(known, start, start + word.length))) continue;
        push(start, start + word.length, false, 0.5);
      }
    }
  }
  // Last, and only where nothing above matched: unknown names acting in a sentence.
  const known = inTextOrder(names.slice());
  let cursor = 0;
  forEachMatch(NAME_BEFORE_VERB, text, (match) => {
    const first = match[1] as string;
    // The pattern may have consumed one character before the name (no lookbehind in ES2016).
    const start = match.index + match[0].indexOf(first);
    const end = match.index + match[0].length;
    if (inSignature(scan, start) || GIVEN_NAME_SET.has(first) || NOT_GIVEN_NAME_SET.has(first)) return;
    const surname = text.slice(start + first.length + 1, end).toLowerCase();
    if (NOT_SURNAMES.indexOf(surname) !== -1) return;
    // "Following Tuesday's INSET", "Next Monday is": days, months and sentence openers are no one's name.
    if (SUBJECT_WORDS.has(first.toLowerCase()) || surname.split(" ").some((word) => SUBJECT_WORDS.has(word))) return;
    while (cursor < known.length && (known[cursor] as NameCandidate).end <= start) cursor++;
    if (cursor < known.length && (known[cursor] as NameCandidate).start < end) return;
    push(start, end, true, 0.75);
  });
  // Last of all, names no list has written as a person is: a given name alone (it lets "Tomasz has a CP
  // plan" count), where no name above already stands.
  // Matches come in text order: walk the names found so far (sorted) alongside, not all of them each time.
  let listed = coverageOf(names);
  const unknownName = (match: RegExpExecArray) => {
    const word = match[1] as string;
    const start = match.index + match[0].length - word.length;
    if (inSignature(scan, start) || GIVEN_NAME_SET.has(word) || NOT_A_NAME.has(word.toLowerCase())) return;
    if (listed(start)) return;
    // "Winston's Wish", "Barnardo's Children's": a possessive inside an organisation's name.
    if (/^'s [A-Z][a-z]/.test(text.slice(start + word.length, start + word.length + 5))) return;
    // A weak verb counts only mid-sentence, after a lower-case word that is no preposition of place
    // ("asked whether Precious is", not "the audit for Essex is").
    if (match[2] !== undefined && WEAK_VERBS.has(match[2]) && !afterLowerCaseWord(text, start)) return;
    push(start, start + word.length, false, 0.5);
  };
  forEachMatch(UNKNOWN_NAME, text, unknownName);
  // A second pass in text order: a fresh walk over the names, those the first pass found included.
  listed = coverageOf(names);
  forEachMatch(UNKNOWN_NAME_AND_INITIAL, text, unknownName);
  if (confirmed.length > 0) {
    const covered = coverageOf(names);
    const found: { start: number; end: number }[] = [];
    for (const { word: written, lower: word, runOn } of confirmed) {
      // Initials in capitals ("JT - medical"), not a school's acronym ("PE is on Tuesday").
      if (ACRONYMS.has(written)) continue;
      const follows = runOn && written !== written.toUpperCase() ? STRONG_PERSON_FOLLOWS : PERSON_FOLLOWS;
      const asPerson: { start: number; end: number }[] = [];
      const thing = someOccurrence(lower, word, (at, end) => {
        if (isNameChar(lower.charCodeAt(at - 1)) || isLetterCode(lower.charCodeAt(end))) return false;
        // "the minibus is", "my boiler has": a word that takes a determiner anywhere is a thing.
        if (DETERMINER_BEFORE.test(lower.slice(Math.max(0, at - 8), at))) return true;
        if (!inSignature(scan, at) && follows.test(lower.slice(end, end + 40))) asPerson.push({ start: at, end });
        return false;
      });
      if (!thing) found.push(...asPerson);
    }
    // Offsets only grow for `covered`.
    inTextOrder(found);
    for (const { start, end } of found) if (!covered(start)) push(start, end, false, 0.5);
  }
  const named = coverageOf(names);
  forEachMatch(PERSON_OBJECT, text, (match) => {
    const word = match[1] as string;
    const start = match.index + match[0].length - word.length;
    if (inSignature(scan, start) || NOT_A_NAME.has(word.toLowerCase()) || named(start)) return;
    push(start, start + word.length, false, 0.5);
  });
  inTextOrder(names);
  return names;
}

/**
 * At most this many names are found in one text (the first found: titled names, then given names, then
 * the rest): a mail naming more already names enough people for every finding, and finding, checking and
 * reporting each of 50,000 names ("Amy Shaw has an EHCP. " to 1 MB) took three to four times as long as
 * typical mail of the same size, above issue 10's bound of three. A whole school's roll pasted into a body is about 1,500.
 */
const MOST_NAMES = 2000;

/**
 * Is an offset inside one of `names` as they are now? Asked with offsets that only grow, as a regex's
 * matches come: the names passed are never looked at again, so a large body stays linear. Sorts `names`
 * in place (stably, as `findNames` does at its end) and reads only its present length: the names pushed
 * while it is asked are appended, and not its to see. A sorted copy each time cost six copies of every
 * name in a body of names.
 */
function coverageOf(names: NameCandidate[]): (offset: number) => boolean {
  inTextOrder(names);
  const count = names.length;
  let passed = 0;
  return (offset) => {
    while (passed < count && (names[passed] as NameCandidate).end <= offset) passed++;
    // Names may overlap one another, so look at each that starts before the offset and has not ended.
    for (let index = passed; index < count && (names[index] as NameCandidate).start <= offset; index++) {
      if ((names[index] as NameCandidate).end > offset) return true;
    }
    return false;
  };
}

/** Runs of lower-case letters, apostrophes and hyphens: the words `wordsNamedIn` looks up. */
const LOWER_WORD_RUN = new RegExp(`[${LOWER}'-]+`, "g");

/**
 * Where a subject writes, in any case, a word of someone the body names in full ("aleksandra on crutches"
 * above "Aleksandra Zielinska in 5B has broken her ankle"): the subject is about them. `words` are lower
 * case; each occurrence is a given name (0.5), as a set-off subject word is.
 */
export function wordsNamedIn(scan: Scan, words: ReadonlySet<string>): NameCandidate[] {
  const names: NameCandidate[] = [];
  forEachMatch(LOWER_WORD_RUN, scan.lower, (match) => {
    // "bobby's diabetes pump": the possessive is not part of the name.
    const word = match[0].replace(/'s$/, "");
    if (words.has(word) && !NOT_A_NAME.has(word))
      names.push({
        type: "person-name",
        start: match.index,
        end: match.index + word.length,
        confidence: 0.5,
        full: false,
        staff: false,
        addressee: false,
      });
  });
  return names;
}

/** Start of the lower-case word (a-z) that ends at `end`, or -1 when there is none or it is the tail of a longer word. */
function lowerWordStart(text: string, end: number): number {
  let start = end;
  for (let code = text.charCodeAt(start - 1); code >= 97 && code <= 122; code = text.charCodeAt(start - 1)) start--;
  return start === end || (start > 0 && isNameChar(text.charCodeAt(start - 1))) ? -1 : start;
}

/** A letter (any Latin letter): a neighbour that makes a name part of a longer word. */
function isLetterCode(code: number): boolean {
  return isAsciiLetter(code) || (code > 191 && code !== 215 && code !== 247);
}

/** A letter or an apostrophe before a word: it is the tail of another ("o'reece"). */
function isNameChar(code: number): boolean {
  return code === 39 || isLetterCode(code);
}

/** How many of a word's occurrences `writtenAsName` and `findNames` look at: enough for a letter, bounded on a large body. */
const OCCURRENCES_READ = 50;

/**
 * Is `word` written in `text` as a name: capitalised in mid-sentence, after a lower-case word or a comma
 * that is no preposition of place ("to see Rory.", "Yes thanks, Kiera", not "children in Oak"), or after
 * "for", "to" or "from", which take a person too ("came in for Kayden"); or as the surname after such a
 * given name ("for Finn Harris")?
 */
export function writtenAsName(text: string, word: string): boolean {
  return someOccurrence(text, word, (at, end) => {
    if (isAsciiLetter(text.charCodeAt(end))) return false;
    // A surname after its given name reads the same way: "the draft EHCP for Finn Harris" (development part AO).
    const given = /[A-Z][a-z]+ $/.exec(text.slice(Math.max(0, at - 24), at));
    const before = lowerCaseWordBefore(text, given === null ? at : at - given[0].length);
    return before !== undefined && (!PLACE_PREPOSITIONS.has(before) || PERSON_PREPOSITIONS.has(before));
  });
}

/**
 * Calls `visit` with the start and end of each of the first OCCURRENCES_READ occurrences of `word` in
 * `text`, in order, until it returns true; says whether one did.
 */
function someOccurrence(text: string, word: string, visit: (at: number, end: number) => boolean): boolean {
  let from = 0;
  for (let seen = 0; seen < OCCURRENCES_READ; seen++) {
    const at = text.indexOf(word, from);
    if (at === -1) return false;
    from = at + word.length;
    if (visit(at, from)) return true;
  }
  return false;
}

/**
 * "for Kayden", "to Jenna": the prepositions of place that also take a person. A subject word the body
 * writes after one is confirmed (the subject already set it off as whom the mail is about); "in Oak"
 * and "at Elm" stay places.
 */
const PERSON_PREPOSITIONS = new Set(["for", "to", "from"]);

/** The lower-case word (perhaps with a comma) and space right before `at` ("whether ", "to, "), if any. */
function lowerCaseWordBefore(text: string, at: number): string | undefined {
  return /(?:^|[^A-Za-z])([a-z]+),? $/.exec(text.slice(Math.max(0, at - 16), at))?.[1];
}

/**
 * Does a lower-case word (and perhaps a comma and) a space come right before `at`, and is it no
 * preposition of place ("asked whether Precious", "to see Rory", not "the audit for Essex", "in Oak")?
 */
function afterLowerCaseWord(text: string, at: number): boolean {
  const before = lowerCaseWordBefore(text, at);
  return before !== undefined && !PLACE_PREPOSITIONS.has(before);
}

/** How many rows below its header a table's column of people is read, and how long a row may be. */
const TABLE_ROWS = 60;
const TABLE_ROW_LENGTH = 400;

/**
 * The cells of a column headed "Name", "Child", "Pupil"… (tab-separated, as HTML tables are read): one to
 * three capitalised words each, after an initial or not ("A. Begum"), as offsets into `text`. Rows are
 * read until a line of text without a tab (blank lines between rows keep the table).
 */
function personColumnCells(text: string): { start: number; end: number }[] {
  const cells: { start: number; end: number }[] = [];
  if (text.indexOf("\t") === -1) return cells;
  let lineStart = 0;
  let column = -1;
  let rows = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, Math.min(lineEnd, lineStart + TABLE_ROW_LENGTH));
    // Split only a row that is read: past the last row read, a table of thousands is only followed to its end.
    const parts = column === -1 || rows < TABLE_ROWS ? line.split("\t") : line.indexOf("\t") === -1 ? [line] : [];
    if (parts.length === 1) {
      // A blank line between rows (Outlook's spacing) keeps the table; text ends it.
      if (line.trim() !== "") column = -1;
    } else if (column === -1) {
      column = parts.findIndex((part) => PERSON_COLUMN.test(part.trim().toLowerCase()));
      rows = 0;
    } else if (rows++ < TABLE_ROWS) {
      let offset = lineStart;
      for (let index = 0; index < column; index++) offset += (parts[index] ?? "").length + 1;
      const cell = parts[column] ?? "";
      const trimmed = cell.trim();
      if (/^(?:[A-Z]\.? )?[A-Z][a-z'-]+(?: [A-Z][a-z'-]+){0,2}$/.test(trimmed)) {
        const start = offset + cell.indexOf(trimmed);
        cells.push({ start, end: start + trimmed.length });
      }
    }
    lineStart = lineEnd + 1;
  }
  return cells;
}
