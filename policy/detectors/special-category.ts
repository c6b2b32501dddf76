import type { SensitiveCategory } from "../pack/vocabulary.js";
import {
  ANIMAL_WORDS,
  CAPITALS_ONLY_TERMS,
  FICTION_WORDS,
  EVENT_FOLLOWERS,
  GENERIC_FOLLOWERS,
  GENERIC_PRECEDERS,
  NOT_SENSITIVE_PHRASES,
  OFFICE_NAMES,
  PERSON_CONTEXT,
  SENSITIVE_TERMS,
  SUBJECT_SENSITIVE_TERMS,
  TITLES,
} from "../data/personal-data/lexicon.js";
import { isAsciiLetter, runHash } from "../engine/phrase-set.js";
import { hasNear, inRange, type Candidate, type Scan, inSignature, windowBefore } from "./text.js";

interface Term {
  readonly phrase: string;
  readonly upper: string | undefined;
  readonly category: SensitiveCategory;
  /** Counts only in a subject naming someone (`SUBJECT_SENSITIVE_TERMS`). */
  readonly subjectOnly: boolean;
}

/**
 * Sensitive terms indexed by the hash of their first word (`runHash`), longest phrase first: one pass
 * over the words of a text, with no word sliced out of it.
 */
export interface SensitiveTermIndex {
  readonly byFirstWord: ReadonlyMap<number, readonly Term[]>;
  /** 1 at the low 16 bits of every first word's hash: most words are no term's, and this says so cheaper than the map. */
  readonly mayStart: Uint8Array;
}

const CAPITALS_ONLY = new Set(CAPITALS_ONLY_TERMS);

/** `runHash` of a lower-case phrase's first word (its letters up to the first other character). */
function firstWordHash(phrase: string): number {
  return runHash(phrase, 0, (phrase.split(/[^a-z]/)[0] as string).length);
}

export function compileSensitiveTerms(categories: readonly SensitiveCategory[]): SensitiveTermIndex {
  const byFirstWord = new Map<number, Term[]>();
  for (const category of categories) {
    const subjectOnly = SUBJECT_SENSITIVE_TERMS[category] ?? [];
    for (const phrase of SENSITIVE_TERMS[category].concat(subjectOnly)) {
      const first = firstWordHash(phrase);
      const list = byFirstWord.get(first) ?? [];
      list.push({
        phrase,
        upper: CAPITALS_ONLY.has(phrase) ? phrase.toUpperCase() : undefined,
        category,
        subjectOnly: subjectOnly.indexOf(phrase) !== -1,
      });
      list.sort((a, b) => b.phrase.length - a.phrase.length);
      byFirstWord.set(first, list);
    }
  }
  const mayStart = new Uint8Array(1 << 16);
  for (const hash of byFirstWord.keys()) mayStart[hash & 0xffff] = 1;
  return { byFirstWord, mayStart };
}

/** Who is named or identifiable, so a sensitive detail counts as someone's personal data. */
export interface Identification {
  /** Starts of full names in this text (not staff introduced by role, not the greeting's addressee). */
  readonly fullNames: readonly number[];
  /** Starts of given names alone in this text. */
  readonly givenNames: readonly number[];
  /** A person is named or identified somewhere in the message (any location, or an identifier). */
  readonly identified: boolean;
  /**
   * The text is a notice to a group ("Dear all,", "Hi Year 9 tutors,") whose subject names nobody: a
   * detail is someone's only where that sentence names them ("Oliwia in 7K has a hearing loss"); elsewhere
   * it is the notice's topic beside its contacts ("speak to Nadia", "Mrs Doyle, our wellbeing champion").
   */
  readonly groupNotice?: boolean;
}

const NEAR_FULL_NAME = 160;
const NEAR_GIVEN_NAME = 80;

/**
 * Special-category and sensitive details (health, SEN/EHCP, safeguarding, looked-after, free school
 * meals, exclusion, ethnicity, religion, sexual orientation, criminal) about an identifiable person.
 * Topic talk ("our SEN policy", "child protection training", "any allergies") is skipped, as is
 * everything when nobody is named or identified: "safeguarding training on Friday" is not personal data.
 */
export function detectSpecialCategory(
  scan: Scan,
  index: SensitiveTermIndex,
  who: Identification,
  out: Candidate[],
): void {
  if (!who.identified && who.givenNames.length === 0) return;
  const { text, lower } = scan;
  // A subject naming someone is about them: "Hodan Y4 - EpiPen training", "Mia-Rose Kettering - PP
  // funding" say what the person has, where "EpiPen training Thursday" is the topic.
  const namedSubject = scan.location === "subject" && (who.fullNames.length > 0 || who.givenNames.length > 0);
  // The shorthand of SUBJECT_SENSITIVE_TERMS needs a pupil or family named, not only an adult by title
  // ("PP review - for Mr Hartley" is for the teacher, not about him).
  const pupilInSubject =
    namedSubject && who.fullNames.concat(who.givenNames).some((start) => !TITLED.test(text.slice(start, start + 5)));
  const length = lower.length;
  // The words (runs of ASCII letters) of the lower-case copy (same offsets), walked by hand and looked up
  // by hash: a regex match and a sliced string per word were a tenth of the engine's time on a 1 MB body.
  // Each word is hashed as it is scanned (`runHash` of it, in one loop: half the time of finding the end
  // first); the copy is in lower case, so a letter is a-z.
  // End of the last term read as topic talk: the items listed after it are the topic too ("students
  // with autism, ADHD and dyslexia").
  let topicEnd = -1;
  // Where this scan's own candidates start in `out` (the terms listed before a topic are taken back).
  const firstOwn = out.length;
  // Most texts hold no year before 1980: then no sentence need be read for one.
  const mayBeHistory = PAST_YEAR.test(lower);
  // Where the words of pets and vets, of fiction, and of pupils and parents stand (`CONTEXT_WORDS`), noted
  // as the words go by: a sentence is read for them only when the text holds any.
  const animalOrFiction: number[] = [];
  const people: number[] = [];
  let at = 0;
  while (at < length) {
    let code = lower.charCodeAt(at);
    if (code < 97 || code > 122) {
      at++;
      continue;
    }
    const start = at;
    let hash = 0x811c9dc5;
    do {
      hash = Math.imul(hash ^ code, 0x01000193);
      at++;
      code = at < length ? lower.charCodeAt(at) : 0;
    } while (code >= 97 && code <= 122);
    if (CONTEXT_MAY_START[hash & 0xffff] !== 0) noteContext(lower, start, hash & 0x3fffffff, animalOrFiction, people);
    if (index.mayStart[hash & 0xffff] === 0) continue;
    const terms = index.byFirstWord.get(hash & 0x3fffffff);
    if (terms === undefined || inSignature(scan, start)) continue;
    const term = terms.find(
      (candidate) => (pupilInSubject || !candidate.subjectOnly) && matchesAt(text, lower, start, candidate),
    );
    if (term === undefined) continue;
    const end = start + term.phrase.length;
    // The next word is looked for after the whole term ("child protection plan" is read once).
    at = end;
    if (
      (topicEnd !== -1 && start - topicEnd <= 6 && LIST_GAP.test(lower.slice(topicEnd, start))) ||
      isTopicTalk(lower, start, end, namedSubject)
    ) {
      topicEnd = end;
      // The items listed before it are the topic too: "the epilepsy and buccal midazolam training",
      // "autism, ADHD and sensory processing training".
      let next = start;
      while (out.length > firstOwn) {
        const last = out[out.length - 1] as Candidate;
        if (next - last.end > 16 || !LIST_GAP_BEFORE.test(lower.slice(last.end, next))) break;
        out.pop();
        next = last.start;
      }
      continue;
    }
    if (isOfficeName(text, lower, start, term.phrase) || (mayBeHistory && isHistory(lower, start, end))) continue;
    if (who.groupNotice === true) {
      const named = namedInSentence(lower, start, end, who);
      if (named > 0) out.push({ type: "special-category", start, end, confidence: named });
      continue;
    }
    const nearGiven = hasNear(who.givenNames, start, NEAR_GIVEN_NAME);
    const confidence = hasNear(who.fullNames, start, NEAR_FULL_NAME)
      ? 0.9
      : nearGiven
        ? 0.8
        : who.identified
          ? 0.75
          : 0;
    if (confidence > 0) out.push({ type: "special-category", start, end, confidence });
  }
  if (animalOrFiction.length > 0) dropAnimalsAndCharacters(lower, out, firstOwn, animalOrFiction, people);
}

/** A title at the start of a name: "Mr Hartley" (the detectors' one test for it). */
export const TITLED = new RegExp(`^(?:${TITLES.join("|")})\\b`);

const SENTENCE_REACH = 300;
/** A pronoun that points back to someone named earlier: "Please find Leo's referral attached. His mother…". */
const BACK_REFERENCE = /\b(?:he|she|his|her|him|they|their)\b/;

/**
 * Does the sentence around [start, end) — or, when it says "he", "his", "she"…, the sentence before it
 * too — name someone (`who`'s full or given names)? 0.9 for a full name, 0.8 for a given name, 0 for none.
 */
function namedInSentence(lower: string, start: number, end: number, who: Identification): number {
  const from = sentenceStart(lower, start);
  let to = sentenceEnd(lower, end);
  // A table's header ("Pupil\tFSM\tLAC") is about the rows below it: its "sentence" reaches on to them, as far
  // as a full name's detail may stand from it (development part AR: a list of pupils' FSM and looked-after
  // status pasted into a note to all staff).
  if (hasTab(lower, from, to)) to = Math.min(lower.length, to + NEAR_FULL_NAME);
  const earlier = from > 0 && BACK_REFERENCE.test(lower.slice(from, to)) ? sentenceStart(lower, from - 1) : from;
  if (inRange(who.fullNames, earlier, to)) return 0.9;
  return inRange(who.givenNames, earlier, to) ? 0.8 : 0;
}

/** Does [from, to) hold a tab (a table's cell break)? Read in place: the span is a sentence or a line. */
function hasTab(lower: string, from: number, to: number): boolean {
  for (let at = from; at < to; at++) if (lower.charCodeAt(at) === 9) return true;
  return false;
}

/** After the last ".", "!", "?" or line break before `at` (at most SENTENCE_REACH characters back). */
function sentenceStart(lower: string, at: number): number {
  let from = at;
  while (from > 0 && at - from < SENTENCE_REACH && !isSentenceEnd(lower, from - 1)) from--;
  return from;
}

function sentenceEnd(lower: string, at: number): number {
  let to = at;
  while (to < lower.length && to - at < SENTENCE_REACH && !isSentenceEnd(lower, to)) to++;
  return to;
}

/**
 * ".", "!", "?" or a line break, but not the full stop of an initial ("Freddie D. CIN plan") or a title ("Mrs.").
 * Not the rules' `endsSentence` (rules/text.ts), on purpose: that one reads a wrapped line on into the next and
 * ends at ";", which suits a commitment or an insult; here each line is its own sentence, because a name and a
 * detail on different lines of a list or a table row are different people's.
 */
function isSentenceEnd(lower: string, at: number): boolean {
  const code = lower.charCodeAt(at);
  if (code === 10 || code === 33 || code === 63) return true;
  if (code !== 46) return false;
  let from = at;
  while (from > 0 && at - from < 5 && isAsciiLetter(lower.charCodeAt(from - 1))) from--;
  const word = lower.slice(from, at);
  return word.length > 1 && !/^(?:mr|mrs|ms|dr|st|miss)$/.test(word);
}

/** A year before 1980 or a decade before the 1980s ("in 1554", "in the 1960s"), not inside a date ("12/03/1978"). */
const PAST_YEAR = /(?:^|[^\d/.-])(?:1[0-8]\d\d|19[0-7]\d)s?\b/;

/**
 * "Princess Elizabeth's imprisonment in 1554", "his 1952 conviction": a sentence that dates the detail
 * before 1980 tells history, not the personal data of a pupil, parent or colleague.
 */
function isHistory(lower: string, start: number, end: number): boolean {
  return PAST_YEAR.test(lower.slice(sentenceStart(lower, start), sentenceEnd(lower, end)));
}

/** The first word's hash of each context phrase → its phrases and whether it names a person. */
const CONTEXT_WORDS = new Map<number, { readonly phrase: string; readonly person: boolean }[]>();
const CONTEXT_MAY_START = new Uint8Array(1 << 16);
for (const [phrases, person] of [
  [ANIMAL_WORDS, false],
  [FICTION_WORDS, false],
  [PERSON_CONTEXT, true],
] as const) {
  for (const phrase of phrases) {
    const first = firstWordHash(phrase);
    const list = CONTEXT_WORDS.get(first) ?? [];
    list.push({ phrase, person });
    CONTEXT_WORDS.set(first, list);
    CONTEXT_MAY_START[first & 0xffff] = 1;
  }
}

/** Notes the word at `start` when a context phrase starts there (the phrase whole, up to a word's end). */
function noteContext(lower: string, start: number, hash: number, animalOrFiction: number[], people: number[]): void {
  for (const entry of CONTEXT_WORDS.get(hash) ?? []) {
    if (!lower.startsWith(entry.phrase, start) || isAsciiLetter(lower.charCodeAt(start + entry.phrase.length)))
      continue;
    (entry.person ? people : animalOrFiction).push(start);
    return;
  }
}

/**
 * Takes back this scan's details (`out` from `firstOwn`) whose sentence is about a pet or a vet
 * (`ANIMAL_WORDS`: "the invoice from Riverside Vets for Bella's cruciate ligament surgery") or about
 * fiction (`FICTION_WORDS`: "how Steinbeck presents Lennie's learning disability") and speaks of no pupil,
 * parent or colleague (`PERSON_CONTEXT`: "the lad whose mum works at the vets … has started on Movicol"):
 * an animal's or a character's health is no one's personal data. `animalOrFiction` and `people` are the
 * sorted starts of those words.
 */
function dropAnimalsAndCharacters(
  lower: string,
  out: Candidate[],
  firstOwn: number,
  animalOrFiction: readonly number[],
  people: readonly number[],
): void {
  let kept = firstOwn;
  for (let i = firstOwn; i < out.length; i++) {
    const candidate = out[i] as Candidate;
    const from = sentenceStart(lower, candidate.start);
    const to = sentenceEnd(lower, candidate.end);
    if (inRange(animalOrFiction, from, to) && !inRange(people, from, to)) continue;
    out[kept++] = candidate;
  }
  out.length = kept;
}

/** "the Bursary": an office the school has (`OFFICE_NAMES`), capitalised after "the". */
function isOfficeName(text: string, lower: string, start: number, phrase: string): boolean {
  return (
    OFFICE_NAMES.indexOf(phrase) !== -1 &&
    text.charCodeAt(start) !== lower.charCodeAt(start) &&
    endsWithWord(windowBefore(lower, start, 5), "the ")
  );
}

function matchesAt(text: string, lower: string, start: number, term: Term): boolean {
  const end = start + term.phrase.length;
  if (term.upper === undefined ? !lower.startsWith(term.phrase, start) : !text.startsWith(term.upper, start)) {
    return false;
  }
  const after = lower.charCodeAt(end);
  return Number.isNaN(after) || after < 97 || after > 122;
}

const FOLLOWER_SET = new Set(GENERIC_FOLLOWERS);
const EVENT_SET = new Set(EVENT_FOLLOWERS);
/**
 * A count or a share right after the term, as a table or a data summary gives it ("FSM 97 90.8%",
 * "SEN support: 41 students", "Free school meals (Ever 6): 23% of students"): a group, not a person.
 * Not a class after it ("Seizure - 'Bea' Year 3", "Yr 4"): a number after "r" is a year group's. Not a
 * time after a word ("self harm, parents in at 3", development part BJ): a bare count follows the term, a
 * colon or a bracket.
 */
const COUNTED =
  /^[^.\n]{0,20}?(?:\d+(?:\.\d+)?%|\b\d+ (?:students|pupils|children|learners|families)\b|(?:(?:^|[^a-z]):?|[^r]:) \d+(?:$|[;,\n]))/;
/** What stands between two items of a list: ", ", " and ", " or ", ", and ", " & ". */
const LIST_GAP = /^(?:, ?|,? (?:and|or|&) )$/;
/** As LIST_GAP, before an item that may start with a word of its own ("epilepsy and rescue medication training"). */
const LIST_GAP_BEFORE = /^(?:, ?|,? (?:and|or|&) )(?:[a-z'-]+ )?$/;
/** The word after a second list item: "EpiPen and asthma training" → "training". */
const LISTED_FOLLOWER = /^(?:,| and| or| &) [a-z'-]+ ([a-z-]+)\b/;

/** The lower-case word starting at `from` after one optional space or hyphen ("" when none). */
function nextWord(lower: string, from: number): string {
  let start = from;
  const first = lower.charCodeAt(start);
  if (first === 32 || first === 45) start++;
  let end = start;
  // Stryker disable next-line LogicalOperator: past the end the code is NaN, which does not stop the loop but adds nothing to the slice; a word cut at 24 or not is no follower (all are shorter)
  while (end < lower.length && end - start < 24) {
    const code = lower.charCodeAt(end);
    if ((code < 97 || code > 122) && code !== 45) break;
    end++;
  }
  return lower.slice(start, end);
}

/**
 * "our SEN policy", "child protection training", "any allergies": the topic, not a person's data. With
 * `namedSubject` (a subject naming someone) only the phrases and preceders count, not the followers.
 */
function isTopicTalk(lower: string, start: number, end: number, namedSubject: boolean): boolean {
  for (const phrase of NOT_SENSITIVE_PHRASES) if (lower.startsWith(phrase, start)) return true;
  if (COUNTED.test(lower.slice(end, end + 32))) return true;
  const next = nextWord(lower, end);
  if (EVENT_SET.has(next)) return true;
  if (namedSubject) return isAfterGenericPreceder(lower, start);
  if (FOLLOWER_SET.has(next)) return true;
  // "EpiPen and asthma training", "autism or ADHD awareness": a follower after a two-item list.
  const listed = LISTED_FOLLOWER.exec(lower.slice(end, end + 48));
  if (listed !== null && FOLLOWER_SET.has(listed[1] as string)) return true;
  return isAfterGenericPreceder(lower, start);
}

/** GENERIC_PRECEDERS as the window before a term ends with them: made once, not per term. */
const PRECEDER_ENDINGS = GENERIC_PRECEDERS.map((word) => `${word} `);

/** "our SEN policy", "any allergies", "about knife crime": a generic word right before the term. */
function isAfterGenericPreceder(lower: string, start: number): boolean {
  const before = windowBefore(lower, start, 16);
  return PRECEDER_ENDINGS.some((ending) => endsWithWord(before, ending));
}

function endsWithWord(window: string, ending: string): boolean {
  if (!window.endsWith(ending)) return false;
  const at = window.length - ending.length;
  const previous = at === 0 ? 32 : window.charCodeAt(at - 1);
  return previous < 97 || previous > 122;
}
