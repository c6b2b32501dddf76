import { defaultCitation, defineRule } from "../define.js";
import { ownSubject } from "../text.js";
import { isAsciiLetter } from "../../engine/phrase-set.js";
import { SCHOOL_ACRONYMS } from "../../data/etiquette/acronyms.js";
import type { RuleReport, Span } from "../../engine/types.js";
import type { PolicyPack } from "../../pack/schema.js";

const BUILT_IN = new Set(SCHOOL_ACRONYMS.map((acronym) => acronym.toUpperCase()));

/**
 * Sentences (or the subject) written in capitals, counting no acronym and no one-letter word. In a body
 * (`body`), a line of its own in capitals with no stop and no comma, of HEADING_WORDS words or fewer
 * (`isHeadingLine`), is a heading, a name or a list's item ("ACTION POINTS", "DR ANITA SHARMA", "6 x HB
 * PENCILS"), not shouting.
 */
export function shoutingSpans(text: string, pack: PolicyPack, body = false): Span[] {
  const { minLetters, maxCapitalRatio, acronyms } = pack.etiquette.shouting;
  const own = acronyms.map((acronym) => acronym.toUpperCase());
  const spans: Span[] = [];
  let sentenceStart = 0;
  let rawCapitals = 0;
  const length = text.length;
  for (let index = 0; index <= length; index++) {
    // Past the end stands for a final sentence end, without reading past the string (a NaN read there
    // makes V8 treat every code as a double: twice the time on a 1 MB body). 10 \n, 46 ".", 33 "!", 63 "?".
    const code = index < length ? text.charCodeAt(index) : 10;
    if (code !== 10 && code !== 46 && code !== 33 && code !== 63) {
      // Stryker disable next-line LogicalOperator: a prefilter only; counting every character sends more sentences to the word analysis below, which counts the capitals itself
      if (code >= 65 && code <= 90) rawCapitals++;
      continue;
    }
    // Most sentences have too few capitals to shout: skip the word analysis for them (hot path on big bodies).
    // Stryker disable next-line BlockStatement: a prefilter only; without the skip the sentence goes to the word analysis, which finds no more capitals than the raw count and resets the same state
    if (rawCapitals < minLetters) {
      sentenceStart = index + 1;
      rawCapitals = 0;
      continue;
    }
    rawCapitals = 0;
    const sentence = text.slice(sentenceStart, index);
    const { capitals, letters } = countWordLetters(sentence, own);
    const enough = capitals >= minLetters;
    const whole = enough && capitals / letters >= maxCapitalRatio;
    // Otherwise a run inside it, which needs minLetters capitals outside acronyms as the whole sentence
    // does. A "sentence" past RUN_SENTENCE_LENGTH has no stop in it: pasted data or junk, not one to shout in.
    const run =
      !whole && enough && sentence.length <= RUN_SENTENCE_LENGTH ? capitalRun(sentence, own, minLetters) : undefined;
    if (run !== undefined) {
      // "Can everyone PLEASE STOP PARKING IN THE DISABLED BAY": the shouted words inside a sentence.
      spans.push({ start: sentenceStart + run.start, end: sentenceStart + run.end });
    } else if (whole && !(body && code === 10 && isHeadingLine(text, sentenceStart, index, sentence))) {
      // trimStart/trimEnd are ES2019: count the blanks by hand for classic Outlook's runtime.
      let leading = 0;
      while (leading < sentence.length && sentence.charAt(leading).trim() === "") leading++;
      let trailing = sentence.length;
      while (trailing > leading && sentence.charAt(trailing - 1).trim() === "") trailing--;
      spans.push({ start: sentenceStart + leading, end: sentenceStart + trailing });
    }
    sentenceStart = index + 1;
  }
  return spans;
}

/** A list item's number before its text: "1.", " 12.". */
const LIST_NUMBER = /^ *\d{1,2}\.$/;

/**
 * Is the sentence at [start, end) of `text`, ended by a line break or the text's end, a line of its own
 * with no comma and no more than HEADING_WORDS words of two letters or more, beside other text (a body that is only
 * "ASK HER NOW" shouts)?
 */
function isHeadingLine(text: string, start: number, end: number, sentence: string): boolean {
  // A numbered item's number ends a sentence of its own ("1. APOLOGIES", development part BC's agenda): the
  // line starts before it.
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  return (
    (lineStart === start || LIST_NUMBER.test(text.slice(lineStart, start))) &&
    (start > 0 || end < text.length) &&
    sentence.indexOf(",") === -1 &&
    (sentence.match(/[a-z]{2,}/gi) ?? []).length <= HEADING_WORDS
  );
}

/**
 * Capitals and letters in the words of `sentence` (an ASCII letter, then letters, "'", "&" or "-":
 * "O'NEILL", "R&D"), leaving out one-character words and words in capitals that are school acronyms.
 * Walked by hand: a regex match and an upper-case copy per word cost more than the rest of the rule.
 */
function countWordLetters(sentence: string, own: readonly string[]): { capitals: number; letters: number } {
  let capitals = 0;
  let letters = 0;
  let at = 0;
  while (at < sentence.length) {
    if (!isAsciiLetter(sentence.charCodeAt(at))) {
      at++;
      continue;
    }
    const start = at;
    let wordCapitals = 0;
    let wordLetters = 0;
    let code = sentence.charCodeAt(at);
    do {
      if (code >= 65 && code <= 90) wordCapitals++;
      if (isAsciiLetter(code)) wordLetters++;
      at++;
      code = sentence.charCodeAt(at);
    } while (isAsciiLetter(code) || code === 39 || code === 38 || code === 45);
    // Letters against digits are part of a code ("MORGA753116SM9IJ", a driving licence; "10HB"), not words.
    if (at - start < 2 || /\d/.test(sentence.charAt(start - 1) + sentence.charAt(at))) continue;
    if (wordCapitals === wordLetters) {
      const word = sentence.slice(start, at);
      if (BUILT_IN.has(word) || own.indexOf(word) !== -1) continue;
    }
    capitals += wordCapitals;
    letters += wordLetters;
  }
  return { capitals, letters };
}

/**
 * Words in a row, all in capitals, that read as shouting inside an otherwise ordinary sentence ("DO NOT
 * PARK", "MUST BE KEPT": development parts AZ and BA, whose writers saw only the label definitions).
 */
const RUN_WORDS = 3;
/** Capital letters two words in a row need to shout in a subject ("WE WON"). */
const SUBJECT_RUN_LETTERS = 5;
/**
 * The most words a line of capitals on its own may have and still be a heading (development parts AI, AQ,
 * DAB, DAZ and BB: form, table and minute headings, a signature's name, catalogue lines; the shouted lines
 * of the development set all have nine words or more, or a stop or a comma).
 */
const HEADING_WORDS = 6;
/** The longest sentence read for such a run, in characters (a long paragraph's worth). */
const RUN_SENTENCE_LENGTH = 2000;

/**
 * The first run of RUN_WORDS or more words in capitals ("PLEASE STOP PARKING IN THE BAY"; "I" and "A"
 * carry a run on without counting, school acronyms break it) holding `minLetters` capitals, as offsets
 * into `sentence`.
 */
function capitalRun(
  sentence: string,
  own: readonly string[],
  minLetters: number,
  minWords = RUN_WORDS,
): Span | undefined {
  let runStart = -1;
  let runEnd = 0;
  let words = 0;
  let letters = 0;
  let at = 0;
  for (;;) {
    while (at < sentence.length && !isAsciiLetter(sentence.charCodeAt(at))) at++;
    const start = at;
    let lower = false;
    while (at < sentence.length && (isAsciiLetter(sentence.charCodeAt(at)) || sentence.charCodeAt(at) === 39)) {
      const code = sentence.charCodeAt(at);
      if (code >= 97 && code <= 122) lower = true;
      at++;
    }
    // Only a word in capitals is sliced out (to be checked against the acronyms): most words are not.
    const length = at - start;
    // Letters against digits are part of a code ("KS4", "YK19 DLS"), as in countWordLetters.
    const word =
      lower || length === 0 || /\d/.test(sentence.charAt(start - 1) + sentence.charAt(at))
        ? ""
        : sentence.slice(start, at);
    const single = length === 1 && (word === "I" || word === "A");
    const shouted = word.length > 0 && (single || (!BUILT_IN.has(word) && own.indexOf(word) === -1));
    if (shouted && (length > 1 || words > 0)) {
      if (runStart === -1) runStart = start;
      runEnd = at;
      // "I" and "A" carry a run on but do not make one: "the VERY LAST TIME I am asking" is emphasis.
      if (!single) words++;
      letters += length;
      continue;
    }
    // A run of just `minWords` is written with spaces only ("DO NOT PARK"): codes listed with commas or
    // slashes ("0.6 FTE, MPS/UPS", "EXS+ RWM, 21% GDS") are a field's abbreviations, not emphasis.
    if (
      words >= minWords &&
      letters >= minLetters &&
      (words > minWords || /^[A-Z' ]+$/.test(sentence.slice(runStart, runEnd)))
    )
      return { start: runStart, end: runEnd };
    if (length === 0) return undefined;
    runStart = -1;
    words = 0;
    letters = 0;
  }
}

export default defineRule({
  meta: {
    id: "shouting",
    category: "shouting",
    defaultSeverity: "nudge",
    clause: "shouting",
    fallbackCitation: defaultCitation(
      "E-mail etiquette",
      "Writing in capital letters reads as shouting; write as professionally as a letter.",
    ),
    docs: "Sentences or a subject written in capital letters read as shouting; school acronyms never count.",
    messages: {
      subject: "The subject is in capitals, which reads as shouting.",
      bodyOne: "A sentence is in capitals, which reads as shouting.",
      body: "{{count}} sentences are in capitals, which reads as shouting.",
    },
  },
  check({ pack, message }) {
    const reports: RuleReport[] = [];
    // The sender's own words only: capitals in the message they reply to are not theirs.
    const subject = ownSubject(message.subject.text);
    const subjectSpans = shoutingSpans(subject, pack);
    // A subject is short: two words in capitals shout there ("THANK YOU", "WE WON!!!", "PLEASE READ -
    // Momo challenge"), under the letters a sentence needs (development parts I to AI).
    const run =
      subjectSpans.length === 0
        ? capitalRun(
            subject,
            pack.etiquette.shouting.acronyms.map((acronym) => acronym.toUpperCase()),
            SUBJECT_RUN_LETTERS,
            2,
          )
        : undefined;
    if (run !== undefined) subjectSpans.push(run);
    if (subjectSpans.length > 0) reports.push({ messageId: "subject", location: "subject", spans: subjectSpans });
    // Capitals inside double quotation marks are someone else's words, cited ('her email said "YOUR STAFF
    // ARE USELESS"', a sign's "NO PARKING"): blanked, same length (development part AI).
    const bodySpans = shoutingSpans(
      message.own.replace(/"[^"\n]*"/g, (quoted) => " ".repeat(quoted.length)),
      pack,
      true,
    );
    if (bodySpans.length > 0) {
      const messageId = bodySpans.length === 1 ? "bodyOne" : "body";
      reports.push({ messageId, data: { count: bodySpans.length }, location: "body", spans: bodySpans });
    }
    return reports;
  },
});
