import { defaultCitation, defineRule } from "../define.js";
import {
  HOSTILE_EXCEPTIONS,
  INSULTS,
  PERSON_TARGETS,
  REPORTING_VERBS,
  STRONG,
  THING_TARGETS,
  type HostilityKind,
} from "../../data/tone/hostility.js";
import { HOSTILE_PHRASES } from "../../data/tone/phrases.js";
import { findAll, isParagraphEnd, ownSubject, phrasePattern } from "../text.js";
import type { RuleReport, Span } from "../../engine/types.js";

const KINDS = Object.keys(STRONG) as HostilityKind[];
const STRONG_PATTERNS = KINDS.map((kind) => ({
  kind,
  pattern: phrasePattern([...(STRONG[kind] ?? []), ...(HOSTILE_PHRASES[kind] ?? [])]),
}));
const OTHER_SCHOOLS = phrasePattern(HOSTILE_PHRASES["other-schools"] ?? []);
const INSULT = phrasePattern(INSULTS);
const EXCEPTIONS = phrasePattern(HOSTILE_EXCEPTIONS);
const REPORTING = phrasePattern(REPORTING_VERBS);
const PERSON = new Set(PERSON_TARGETS);
const THING = new Set(THING_TARGETS);
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

/** Is `offset` inside quotation marks within its sentence (an odd number of quote characters before it)? */
function insideQuotes(sentence: string, offset: number): boolean {
  let quotes = 0;
  for (let i = 0; i < offset; i++) {
    const char = sentence.charAt(i);
    if (char === '"' || char === "“" || char === "”") quotes++;
    // A single quote counts only as an opening or closing mark, not as an apostrophe inside a word.
    else if (
      char === "'" &&
      (i === 0 || !/[a-z]/.test(sentence.charAt(i - 1)) || !/[a-z]/.test(sentence.charAt(i + 1)))
    )
      quotes++;
  }
  return quotes % 2 === 1;
}

/**
 * Is the insult at [start, end) of `sentence` aimed at a person? The nearest target word within six words
 * before it (or, failing that, three after: "useless teacher") decides: a person or group, or a thing.
 */
function aimedAtPerson(sentence: string, start: number, end: number): boolean {
  const before: string[] = [];
  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  const tokens: { word: string; start: number }[] = [];
  // "Moulsham Academy's results": the possessive's owner is the target.
  while ((match = TOKEN.exec(sentence)) !== null) {
    tokens.push({ word: match[0].replace(/'s$/, ""), start: match.index });
  }
  for (const token of tokens) if (token.start < start) before.push(token.word);
  for (let k = before.length - 1, seen = 0; k >= 0 && seen < 6; k--, seen++) {
    const word = before[k] ?? "";
    const pair = k > 0 ? `${before[k - 1] ?? ""} ${word}` : "";
    if (THING.has(word) || THING.has(pair)) return false;
    if (PERSON.has(word) || PERSON.has(pair)) return true;
  }
  const after = tokens.filter((token) => token.start >= end).slice(0, 3);
  for (const token of after) {
    if (THING.has(token.word)) return false;
    if (PERSON.has(token.word)) return true;
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
      const counts = (offset: number) => !(reported && insideQuotes(sentence, offset));
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
      for (const hit of findAll(INSULT, sentence)) {
        if (counts(hit.start) && aimedAtPerson(sentence, hit.start, hit.end))
          add("insult", start + hit.start, start + hit.end);
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
    },
  },
  check({ message }) {
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
    return reports;
  },
});
