import {
  DOTTED_ABBREVIATIONS,
  FAMILY_RELATIONS,
  GIVEN_NAMES,
  NOT_GIVEN_NAMES,
  NOT_NAME_WORDS,
  NOT_SURNAMES,
  SENSITIVE_TERMS,
  SUBJECT_FUNCTION_WORDS,
  SUBJECT_ORDINARY_WORDS,
  TITLES,
} from "../data/personal-data/lexicon.js";
import { SENSITIVE_CATEGORIES } from "../pack/vocabulary.js";
import { SCHOOL_ACRONYMS } from "../data/etiquette/acronyms.js";
import { REPLY_PREFIX } from "../engine/normalize.js";
import { forEachMatch } from "./text.js";

/**
 * People in a subject line, recognised from how staff write them there rather than from a name list
 * (issue 11: "fsm - leo williams", "Re: Kacper N (Class 3)", "J. Okonkwo 11H", "Nowak, Zofia – SALT
 * report", "MARAC - Collins family"). A subject is short and built from parts between separators
 * (" - ", ":", "(…)", ","), so structure carries what capitals carry in a sentence:
 * - a word and an initial ("Kacper N", "amara o.", "jack t.");
 * - an initial and a surname ("J. Okonkwo");
 * - "Surname, Given" where the given name is a known one ("Nowak, Zofia");
 * - "<Surname> family", "the <Surname> twins";
 * - a title and a surname in any case ("mrs okonjo"), a parent through the child ("Tommy's dad");
 * - a first name with its class or year ("Marcus (5B)", "Leon (Y4)", "Maisie (Ash)", "Lacey-Mae in
 *   Ash"), or alone between separators where the subject names a class ("Ash class - Ayaan - …");
 * - a part that opens with two or three name-like words, in any case, one of them a known given name,
 *   and then ends or goes on in ordinary words ("leo williams", "isla mcgregor anaphylaxis").
 * A word is name-like when it is none of the subject's ordinary words (`SUBJECT_NOT_NAMES`, function
 * words, words of sensitive terms, titles and the "not a given name" openers).
 */
export interface SubjectPerson {
  readonly start: number;
  readonly end: number;
  readonly confidence: number;
}

const LETTERS = "a-z\\u00DF-\\u00F6\\u00F8-\\u017F"; // with the i flag: À-Þ too
/** A word of a subject: letters with inner hyphens or apostrophes ("Mia-Rose", "O'Neill"), or one letter with a dot. */
const TOKEN = new RegExp(
  `\\b(?:y|yr|year ?)\\d{1,2}\\b|[${LETTERS}](?:[${LETTERS}]|['\\u2019-](?=[${LETTERS}]))*\\.?|[-\\u2013\\u2014:|/()[\\],;&+]|\\d\\w*`,
  "gi",
);
const SEPARATOR = /^[-\u2013\u2014:|/()[\],;&+]$/;

const GIVEN = new Set(GIVEN_NAMES.map((name) => name.toLowerCase()));
/** A known given name, or a hyphenated one starting with one ("lily-rose", "Tyler-James"). */
const isGiven = (lower: string) => GIVEN.has(lower) || GIVEN.has(lower.split("-")[0] as string);
const TITLE_WORDS = new Set(TITLES.map((title) => title.toLowerCase()));
const RELATIONS = new Set(FAMILY_RELATIONS);
/** A class or year code: "5B", "Y4", "10M", "9x2" (digits first), as tokens after a name. */
const isClassCode = (token: Token | undefined) =>
  token !== undefined && token.code && /^\d{1,2}[a-z]{1,2}\d?$/i.test(token.text);
const ORDINARY = new Set<string>([
  ...SUBJECT_ORDINARY_WORDS,
  ...NOT_NAME_WORDS,
  ...SUBJECT_FUNCTION_WORDS,
  ...NOT_GIVEN_NAMES.map((word) => word.toLowerCase()),
  ...TITLES.map((title) => title.toLowerCase()),
]);
for (const category of SENSITIVE_CATEGORIES)
  for (const term of SENSITIVE_TERMS[category])
    for (const word of term.split(/[^a-z]+/)) if (word.length > 1) ORDINARY.add(word);

interface Token {
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  readonly separator: boolean;
  readonly code: boolean;
}

function tokensOf(subject: string): Token[] {
  // Stryker disable next-line ArrayDeclaration: an entry that is not a token has no start, so the prefix filter in findSubjectPeople drops it
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TOKEN.exec(subject)) !== null) {
    const text = match[0];
    tokens.push({
      text,
      // Stryker disable next-line Regex: TOKEN allows a dot only at the end of a token, so the anchor changes nothing
      lower: text.toLowerCase().replace(/\.$/, ""),
      start: match.index,
      end: match.index + text.length,
      separator: SEPARATOR.test(text),
      code: /^\d/.test(text) || YEAR_TOKEN.test(text),
    });
  }
  return tokens;
}

/** "Y4", "Yr10", "Year 3": a year group (one token). */
const YEAR_TOKEN = /^(?:y|yr|year ?)\d{1,2}$/i;
const isYear = (token: Token | undefined) => token !== undefined && YEAR_TOKEN.test(token.text);
const isInitial = (token: Token | undefined) => token !== undefined && /^[a-z]\.?$/i.test(token.text);
const isNameLike = (token: Token | undefined) =>
  token !== undefined &&
  !token.separator &&
  !token.code &&
  token.lower.length > 1 &&
  // Stryker disable next-line Regex: TOKEN allows a dot only at the end of a token, so the anchor changes nothing
  !/\.$/.test(token.text) &&
  !ORDINARY.has(token.lower) &&
  // "SATs, KS2": a school acronym, as written or with a plural "s", is no one's name.
  !ACRONYMS.has(token.text.toUpperCase()) &&
  !ACRONYMS.has(token.text.replace(/s$/, "").toUpperCase());
const ACRONYMS = new Set(SCHOOL_ACRONYMS.map((acronym) => acronym.toUpperCase()));
const isCapitalised = (token: Token | undefined) => token !== undefined && /^[A-Z\u00C0-\u00DE]/.test(token.text);
/** Is the token the last of its part (a separator, a class code or the end follows)? */
const endsPart = (token: Token | undefined) => token === undefined || token.separator || token.code;

/** "Class 4", "Ash class", "Year 6", "Y6", "6B": the subject places someone in a class or year. */
const CLASS_REFERENCE =
  /\b(?:[Cc]lass|[Yy]ear|[Yy]r|[Ff]orm) ?\d{1,2}\b|\b[A-Z][a-z]+ class\b|\bY\d{1,2}\b|\b\d{1,2}[A-Z]{1,2}\b/;

const DOTTED = new Set(DOTTED_ABBREVIATIONS);
/** A family's children named by their surname: "the Nowak children". */
const SIBLINGS = new Set(["children", "boys", "girls", "kids", "siblings", "brothers", "sisters"]);

/**
 * A pupil pointed out without a name, as a subject writes it (the body's DESCRIBED_PERSON without "the"):
 * "Y4 boy with EpiPen", "new Y7 boy - diabetes", "new LAC girl in Rowan", "Child in Owls - dad in prison",
 * "Year 10 lad in 10M" (development parts AO, AT, AV). Something must narrow it to one: "new" with a year
 * or a group, or "with …", or a class after "in"; a year alone ("Safeguarding - Year 6 boy") does not.
 */
const DESCRIBED_PUPIL =
  /(?:^|[-:(\u2013] )([Nn]ew (?:(?:Y|Yr|Year ?)\d{1,2}|[A-Z]{2,4}) (?:boy|girl|lad)|(?:(?:Y|Yr|Year ?)\d{1,2} )?(?:[Bb]oy|[Gg]irl|[Ll]ad|[Cc]hild|[Pp]upil|[Bb]oarder)(?= with | in (?!Need|Care)[A-Z\d]))/g;

/** People written in a subject the ways above, with offsets into `subject`. */
export function findSubjectPeople(subject: string): SubjectPerson[] {
  const prefix = REPLY_PREFIX.exec(subject)?.[0].length ?? 0;
  const tokens = tokensOf(subject).filter((token) => token.start >= prefix);
  const people: SubjectPerson[] = [];
  // Stryker disable next-line MethodExpression: the reply prefix is only re/fw/… letters, "[n]" and colons, which no class reference matches
  const namesAClass = CLASS_REFERENCE.test(subject.slice(prefix));
  const add = (from: Token, to: Token, confidence: number) =>
    people.push({ start: from.start, end: to.end, confidence });
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token;
    const next = tokens[index + 1];
    const after = tokens[index + 2];
    // "Kacper N", "amara o.", "jack t." — a name-like word and an initial that ends the name.
    // Not "if a pupil…" (the word "a" or "i", lower case, no dot) nor "Thu P5" (a letter joined to a number).
    if (
      isNameLike(token) &&
      isInitial(next) &&
      !/^[ai]$/.test(next?.text ?? "") &&
      !(after?.code === true && after.start === next?.end) &&
      // "Quotation Q-20417", "Order B/551": a letter that starts a reference number (a new user's trial).
      !/[-/]/.test(subject.charAt((next as Token).end)) &&
      (endsPart(after) || !isNameLike(after))
    ) {
      add(token, next as Token, isGiven(token.lower) || isCapitalised(token) ? 0.85 : 0.8);
      index++;
      continue;
    }
    // "J. Okonkwo", "J Okonkwo" — an initial (not the words "A" or "I" without a dot) and a surname.
    if (
      isInitial(token) &&
      (token.text.length === 2 || !/^[ai]$/i.test(token.text)) &&
      isCapitalised(token) &&
      isCapitalised(next) &&
      isNameLike(next)
    ) {
      add(token, next as Token, 0.85);
      index++;
      continue;
    }
    // "Nowak, Zofia" — a surname, a comma and a given name: a known one, or a whole part of two words.
    const before = tokens[index - 1];
    const startsPart = index === 0 || (before as Token).separator || (before as Token).code;
    if (
      isCapitalised(token) &&
      isNameLike(token) &&
      next?.text === "," &&
      after !== undefined &&
      isCapitalised(after) &&
      isNameLike(after) &&
      (isGiven(after.lower) || (startsPart && endsPart(tokens[index + 3])))
    ) {
      add(token, after, 0.85);
      index += 2;
      continue;
    }
    // "mrs okonjo", "Dr Adeyemi" — a title and a surname, in any case.
    if (TITLE_WORDS.has(token.lower) && isNameLike(next) && !isInitial(next)) {
      add(token, next as Token, 0.85);
      index++;
      continue;
    }
    // "Tommy's dad", "Chloe's mum": a parent identified through their child.
    // Stryker disable next-line StringLiteral: no family relation is "" or any other placeholder, so the fallback only has to be none of them
    if (isNameLike(token) && /['\u2019]s$/i.test(token.text) && RELATIONS.has(next?.lower ?? "")) {
      add(token, next as Token, 0.85);
      index++;
      continue;
    }
    // The subject opens with a known given name, alone or as a possessive without its apostrophe, and goes
    // on in ordinary words or after a separator: "Harrison - weight loss", "ellie hospital for scan tues",
    // "jaydens meds", "Olivias dad - terminal" (development parts BJ and BL). The sensitive term after it
    // must still be there; a name in the middle of a subject ("Trip - Harrison") needs more than this.
    if (
      index === 0 &&
      isNameLike(token) &&
      (isGiven(token.lower) || (/s$/.test(token.lower) && GIVEN.has(token.lower.slice(0, -1)))) &&
      (next === undefined || next.separator || ORDINARY.has(next.lower) || RELATIONS.has(next.lower.replace(/s$/, "")))
    ) {
      add(token, token, 0.75);
      continue;
    }
    // "Marcus (5B)", "Leon (Y4)", "Oliwia 10M": a first name with the class or year it is in names one pupil
    // (a known given name, or any capitalised name-like word before a class code or in brackets before a
    // year: "Harley 3M"; subjects' ordinary words, "Maths 10M", are not name-like). A name-like word
    // just before it ("Shannon Doyle (Y10)") belongs to the same name.
    const bracketed = next?.text === "(";
    const code = bracketed ? tokens[index + 2] : next;
    if (
      isNameLike(token) &&
      (isGiven(token.lower) || (isCapitalised(token) && (bracketed || isClassCode(code)))) &&
      (isClassCode(code) || isYear(code))
    ) {
      const from = isNameLike(before) && isCapitalised(before) && isCapitalised(token) ? (before as Token) : token;
      add(from, token, 0.8);
      continue;
    }
    // "Maisie (Ash)", "Lacey-Mae in Ash": a known first name with its class, named as classes are (a tree, a
    // colour, a house) in brackets or after "in".
    if (
      isGiven(token.lower) &&
      isNameLike(token) &&
      ((next?.text === "(" && isCapitalised(tokens[index + 2]) && tokens[index + 3]?.text === ")") ||
        (next?.lower === "in" && isCapitalised(tokens[index + 2]) && isNameLike(tokens[index + 2])))
    ) {
      add(token, token, 0.75);
      continue;
    }
    // "Ash class - Ayaan - chicken pox": a first name alone between separators, where the subject names a
    // class ("Swimming 5B" is an activity and a class, not a name).
    if (
      namesAClass &&
      isCapitalised(token) &&
      isNameLike(token) &&
      (index === 0 || (before as Token).separator) &&
      (next === undefined || next.separator)
    ) {
      add(token, token, 0.75);
      continue;
    }
    // "Collins family", "the Whitehouse twins", "Whitcombe boy"
    if (
      isCapitalised(token) &&
      isNameLike(token) &&
      // "Whitcombe boy - ADHD diagnosis": a pupil by surname (development part BL).
      /^(?:family|twins|boy|girl|lad)$/.test(next?.lower ?? "") &&
      // "Walsall Family Hub" is an organisation.
      (endsPart(after) || !isCapitalised(after))
    ) {
      add(token, next as Token, 0.85);
      index++;
      continue;
    }
    // "the Hussain-Blake children", "the okafor boys": a family's children by their surname, in any case.
    if (
      before?.lower === "the" &&
      isNameLike(token) &&
      // "the Polish kids", "the Syrian boys": a nationality, not a surname.
      !/(?:ish|ese|ian|ean)$/.test(token.lower) &&
      SIBLINGS.has(next?.lower ?? "")
    ) {
      add(token, next as Token, 0.8);
      index++;
      continue;
    }
    // "medication change - S.A.", "W.H. (Elm)": two dotted initials standing for a pupil.
    if (
      /^[a-z]\.$/i.test(token.text) &&
      /^[a-z]\.$/i.test(next?.text ?? "") &&
      next?.start === token.end &&
      !DOTTED.has(`${token.text}${next.text}`.toUpperCase())
    ) {
      add(token, next as Token, 0.8);
      index++;
      continue;
    }
    // A part that is only two or three name-like words, one a known given name: "leo williams".
    if (startsPart && isNameLike(token)) {
      let last = index;
      while (last + 1 < tokens.length && last - index < 2 && isNameLike(tokens[last + 1])) last++;
      const words = tokens.slice(index, last + 1);
      // The part may run on into what is said about them: "isla mcgregor anaphylaxis".
      const following = tokens[last + 1];
      // Stryker disable next-line OptionalChaining,StringLiteral: endsPart is true for an undefined token, so the right side only runs when `following` exists
      const ends = endsPart(following) || ORDINARY.has(following?.lower ?? "");
      if (
        words.length >= 2 &&
        ends &&
        (words.some((word) => isGiven(word.lower)) ||
          // Or a whole part of two or three capitalised words, no list needed ("Oskar Wiśniewski draft plan",
          // "Jun Hao Lim (Fourth Form)"), where it is no place or organisation: not in capitals ("KEEP
          // LOCKED"), no possessive ("Winston's Wish"), no place word (NOT_SURNAMES: "Stanstead Road"), not
          // after a house number, a class code or a bracket ("(Ash Grove)"), and not running on into another
          // capitalised word ("West Yorkshire Police").
          (!before?.code &&
            before?.text !== "(" &&
            !(!endsPart(following) && isCapitalised(following)) &&
            words.every(
              (word) =>
                isCapitalised(word) &&
                word.text !== word.text.toUpperCase() &&
                !/['\u2019]s$/i.test(word.text) &&
                NOT_SURNAMES.indexOf(word.lower) < 0,
            )))
      ) {
        add(token, tokens[last] as Token, 0.8);
        index = last;
      }
    }
  }
  forEachMatch(DESCRIBED_PUPIL, subject, (match) => {
    const end = match.index + match[0].length;
    people.push({ start: end - (match[1] as string).length, end, confidence: 0.75 });
  });
  return people;
}
