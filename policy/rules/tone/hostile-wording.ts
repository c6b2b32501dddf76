import { defaultCitation, defineRule } from "../define.js";
import {
  HOSTILE_EXCEPTIONS,
  INSULTS,
  PERSON_INSULT_NOUNS,
  PERSON_TARGETS,
  REPORTING_VERBS,
  STRONG,
  THING_TARGETS,
  type HostilityKind,
} from "../../data/tone/hostility.js";
import { HOSTILE_PHRASES } from "../../data/tone/phrases.js";
import { toneModel } from "../../data/models/tone.js";
import { predicts } from "../../model/text-classifier.js";
import { findAll, isParagraphEnd, ownSubject, phrasePattern } from "../text.js";
import type { RuleReport, Span } from "../../engine/types.js";

const KINDS = Object.keys(STRONG) as HostilityKind[];
const STRONG_PATTERNS = KINDS.map((kind) => ({
  kind,
  pattern: phrasePattern([...(STRONG[kind] ?? []), ...(HOSTILE_PHRASES[kind] ?? [])]),
}));
const OTHER_SCHOOLS = phrasePattern(HOSTILE_PHRASES["other-schools"] ?? []);
const INSULT = phrasePattern(INSULTS);
const PERSON_INSULT = phrasePattern(PERSON_INSULT_NOUNS);
const EXCEPTIONS = phrasePattern(HOSTILE_EXCEPTIONS);
const REPORTING = phrasePattern(REPORTING_VERBS);
const PERSON = new Set(PERSON_TARGETS);
const THING = new Set(THING_TARGETS);
const PRONOUNS = new Set([
  "you",
  "you're",
  "he",
  "he's",
  "she",
  "she's",
  "they",
  "they're",
  "them",
  "him",
  "her",
  "it",
]);
/** Masked swearing: "f***", "f**king", "sh*t", "b*stard", "c**t" (a letter, then symbols standing for letters). */
const MASKED = /(?:^|[^a-z])((?:[fbcd]|sh|tw)[*#@!%$]{1,4}[a-z]{0,5})/gi;
const TOKEN = /[a-z][a-z'-]*/g;

const KIND_WORDS: Readonly<Record<string, string>> = {
  obscene: "obscene",
  abusive: "abusive",
  incompetent: "calling someone incompetent",
  threatening: "threatening",
  derogatory: "derogatory",
  discriminatory: "discriminatory",
  sarcastic: "sarcastic or contemptuous",
  insult: "aimed at a person",
  "other-schools": "criticising another school",
};

/** `text` with every exception phrase blanked (same length): one linear pass, no per-hit lookups. */
function withoutExceptions(lower: string): string {
  const hits = findAll(EXCEPTIONS, lower);
  if (hits.length === 0) return lower;
  let out = "";
  let at = 0;
  for (const hit of hits) {
    if (hit.start < at) continue;
    out += lower.slice(at, hit.start) + " ".repeat(hit.end - hit.start);
    at = hit.end;
  }
  return out + lower.slice(at);
}

/** Offsets of the quotation marks in a sentence (a single quote only as a mark, not an apostrophe). */
function quoteMarks(sentence: string): number[] {
  const marks: number[] = [];
  for (let i = 0; i < sentence.length; i++) {
    const char = sentence.charAt(i);
    if (char === '"' || char === "“" || char === "”") marks.push(i);
    else if (
      char === "'" &&
      (i === 0 || !/[a-z]/.test(sentence.charAt(i - 1)) || !/[a-z]/.test(sentence.charAt(i + 1)))
    ) {
      marks.push(i);
    }
  }
  return marks;
}

/** Is `offset` inside quotation marks (an odd number of marks before it)? */
function insideQuotes(marks: readonly number[], offset: number): boolean {
  let low = 0;
  let high = marks.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((marks[middle] ?? 0) < offset) low = middle + 1;
    else high = middle;
  }
  return low % 2 === 1;
}

interface Token {
  readonly word: string;
  readonly start: number;
}

/** The words of a sentence, once: "Moulsham Academy's results": the possessive's owner is the target. */
function tokensOf(sentence: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TOKEN.exec(sentence)) !== null)
    tokens.push({ word: match[0].replace(/'s$/, ""), start: match.index });
  return tokens;
}

/** Index of the first token starting at or after `offset` (binary search: linear overall). */
function firstTokenAt(tokens: readonly Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((tokens[middle]?.start ?? 0) < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Is the insult at [start, end) aimed at a person? The nearest target word within six words before it
 * (or, failing that, three after: "useless teacher") decides: a person or group, or a thing.
 */
function aimedAtPerson(tokens: readonly Token[], start: number, end: number): boolean {
  const first = firstTokenAt(tokens, start);
  for (let k = first - 1; k >= 0 && k >= first - 6; k--) {
    const word = tokens[k]?.word ?? "";
    const pair = k > 0 ? `${tokens[k - 1]?.word ?? ""} ${word}` : "";
    if (THING.has(word) || THING.has(pair)) return false;
    if (PERSON.has(word) || PERSON.has(pair)) return true;
  }
  // After the insult only a noun names the target ("useless teacher"); a pronoun there usually begins the
  // next clause ("the slings are a nightmare - they're all the wrong size").
  const after = firstTokenAt(tokens, end);
  for (let k = after; k < after + 3 && k < tokens.length; k++) {
    const word = tokens[k]?.word ?? "";
    if (THING.has(word) || PRONOUNS.has(word)) return false;
    if (PERSON.has(word)) return true;
  }
  return false;
}

/**
 * Hostile wording in `text` (the sender's own words): strong phrases (obscene, abusive, threatening,
 * derogatory, discriminatory, sarcastic, calling someone incompetent, criticising another school) and
 * insults aimed at a person or group, sentence by sentence. Words inside quotation marks in a sentence that
 * reports speech ("he called her a 'f***ing cow'") are evidence, not tone. Linear in the text.
 */
export function hostileSpans(text: string): { spans: Span[]; kinds: string[] } {
  const lower = withoutExceptions(text.toLowerCase());
  const spans: Span[] = [];
  const kinds: string[] = [];
  const add = (kind: string, start: number, end: number) => {
    spans.push({ start, end });
    if (kinds.indexOf(kind) === -1) kinds.push(kind);
  };
  let start = 0;
  for (let index = 0; index <= lower.length; index++) {
    const char = lower.charAt(index);
    if (
      index < lower.length &&
      char !== "." &&
      char !== "?" &&
      char !== "!" &&
      char !== ";" &&
      !isParagraphEnd(lower, index)
    )
      continue;
    const sentence = lower.slice(start, index);
    if (/[a-z]/.test(sentence)) {
      const reported = findAll(REPORTING, sentence).length > 0;
      const marks = reported ? quoteMarks(sentence) : [];
      const counts = (offset: number) => !(reported && insideQuotes(marks, offset));
      for (const { kind, pattern } of STRONG_PATTERNS) {
        for (const hit of findAll(pattern, sentence))
          if (counts(hit.start)) add(kind, start + hit.start, start + hit.end);
      }
      for (const hit of findAll(OTHER_SCHOOLS, sentence)) add("other-schools", start + hit.start, start + hit.end);
      MASKED.lastIndex = 0;
      let masked: RegExpExecArray | null;
      while ((masked = MASKED.exec(sentence)) !== null) {
        const word = masked[1] ?? "";
        const at = masked.index + masked[0].length - word.length;
        if (counts(at)) add("obscene", start + at, start + at + word.length);
      }
      for (const hit of findAll(PERSON_INSULT, sentence)) {
        if (counts(hit.start)) add("insult", start + hit.start, start + hit.end);
      }
      const insults = findAll(INSULT, sentence);
      const tokens = insults.length > 0 ? tokensOf(sentence) : [];
      for (const hit of insults) {
        if (counts(hit.start) && aimedAtPerson(tokens, hit.start, hit.end)) {
          add("insult", start + hit.start, start + hit.end);
        }
      }
    }
    start = index + 1;
  }
  spans.sort((a, b) => a.start - b.start);
  return { spans, kinds };
}

export default defineRule({
  meta: {
    id: "hostile-wording",
    category: "tone",
    defaultSeverity: "nudge",
    clause: "tone",
    fallbackCitation: defaultCitation(
      "E-mail etiquette",
      "E-mails should never be sent in the heat of the moment or without first checking the content and language.",
    ),
    docs: "Abusive, obscene, derogatory, discriminatory, sarcastic or threatening wording aimed at people, calling someone incompetent, or criticising another school, in the sender's own words: wording sent in the heat of the moment. Frustration with things, firm complaints and reported speech in a safeguarding note are not.",
    messages: {
      hostile: "This wording reads as {{kinds}}. Would you be happy for it to be read out in public?",
      likely:
        "Parts of this read as if written in the heat of the moment, or as unkind about someone. Would you be happy for it to be read out in public?",
    },
  },
  check({ message, models }) {
    const reports: RuleReport[] = [];
    // The sender's own words only (issue #10): a courteous reply is not judged on the abuse it quotes.
    for (const [location, text] of [
      ["subject", ownSubject(message.subject.text)],
      ["body", message.own],
    ] as const) {
      const { spans, kinds } = hostileSpans(text);
      if (spans.length > 0) {
        const words = kinds.map((kind) => KIND_WORDS[kind] ?? kind).join(", ");
        reports.push({ messageId: "hostile", data: { kinds: words }, location, spans });
      }
    }
    // What no phrase caught, the trained model may: contempt and prejudice in ordinary words.
    if (reports.length === 0 && models && predicts(toneModel, `${ownSubject(message.subject.text)}\n${message.own}`)) {
      reports.push({ messageId: "likely", location: "body" });
    }
    return reports;
  },
});
