import { defaultCitation, defineRule } from "../define.js";
import {
  ANGER,
  CLAUSE_PRONOUNS,
  HOSTILE_EXCEPTIONS,
  INSULTS,
  OTHER_SCHOOLS,
  PERSON_INSULT_NOUNS,
  PERSON_TARGETS,
  REPORTING_VERBS,
  STRONG,
  THING_TARGETS,
  type HostilityKind,
} from "../../data/tone/hostility.js";
import { toneModel } from "../../data/models/tone.js";
import { evidence, predicts } from "../../model/text-classifier.js";
import { chainMailIn } from "./chain-mail.js";
import { endsSentence, findAll, ownSubject, phrasePattern, spansByKind } from "../text.js";
import { inTextOrder } from "../../engine/text-order.js";
import type { RuleReport, Span } from "../../engine/types.js";

const KINDS = Object.keys(STRONG) as HostilityKind[];
/**
 * Every phrase the rule looks for, in one alternation (longest first, so "a joke of a" wins over "a joke"),
 * and what each one is: a strong kind, "other-schools", a person-naming insult, an insult that needs a
 * target, or a reporting verb. One regex pass per text instead of one per list keeps the send path fast.
 */
type PhraseRole = HostilityKind | "angry" | "other-schools" | "person-insult" | "insult" | "reporting";
const ROLE_OF = new Map<string, PhraseRole>();
const addRole = (phrases: readonly string[], role: PhraseRole) => {
  for (const phrase of phrases) if (!ROLE_OF.has(phrase)) ROLE_OF.set(phrase, role);
};
for (const kind of KINDS) addRole(STRONG[kind], kind);
addRole(OTHER_SCHOOLS, "other-schools");
addRole(ANGER, "angry");
addRole(PERSON_INSULT_NOUNS, "person-insult");
addRole(INSULTS, "insult");
addRole(REPORTING_VERBS, "reporting");
const ALL = phrasePattern([...ROLE_OF.keys()].sort((x, y) => y.length - x.length));
const EXCEPTIONS = phrasePattern(HOSTILE_EXCEPTIONS);
const PERSON = new Set(PERSON_TARGETS);
const THING = new Set(THING_TARGETS);
const PRONOUNS = new Set(CLAUSE_PRONOUNS);
/** Masked swearing: "f***", "f**king", "sh*t", "b*stard", "c**t" (a letter, then symbols standing for letters). */
// Two symbols at least, or one with letters after it: "Grade b* or above" and "Set C*" are not swearing.
const MASKED = /(?:^|[^a-z])((?:[fbcd]|sh|tw)(?:[*#@!%$]{2,4}[a-z]{0,5}|[*#@!%$][a-z]{1,5}))/gi;
const TOKEN = /[a-z][a-z'-]*/g;

const KIND_WORDS: Readonly<Record<string, string>> = {
  obscene: "obscene",
  // What staff read ("This wording reads as …"): "abusive" for "Do your job" or "grow up" overstated it.
  abusive: "rude or contemptuous",
  angry: "angry",
  incompetent: "calling someone incompetent",
  threatening: "threatening",
  derogatory: "derogatory",
  discriminatory: "discriminatory",
  sarcastic: "sarcastic or contemptuous",
  insult: "aimed at a person",
  "other-schools": "criticising another school",
};

/**
 * What right before an insult denies it or turns it on the sender: "not", "isn't", "never", "I'm", "I am",
 * "I was", "I feel like" (the "I" captured), then articles and intensifiers ("I'm such a", "not a complete").
 */
const NOT_OR_SELF =
  /(?:\bnot|n't|\bnever|\b(i)(?:'m| am| was| felt| feel))(?: (?:such|like|so|a|an|bit|of|complete|total|absolute|utter|right|proper))* $/;

/** Where each sentence of `lower` starts: 0, and after each sentence end (`endsSentence`). */
function sentenceStarts(lower: string): number[] {
  const starts: number[] = [0];
  for (let index = 0; index < lower.length; index++) if (endsSentence(lower, index)) starts.push(index + 1);
  return starts;
}

/**
 * At most this many phrases of a text are weighed (in text order; reporting verbs are all read): mail
 * with more is hostile long before the last, and weighing them all is what made issue 10's hostile shape
 * ("you useless " to 1 MB) three times as slow as typical mail. No development or held-out draft has more than five.
 */
const MOST_HITS = 200;

/** At most this many sentences are pointed at behind the model's "likely" finding. */
const MOST_SENTENCES_SHOWN = 2;

/**
 * The sentences of `own` whose words push the tone model furthest towards hostile (positive evidence
 * only, the strongest first, at most MOST_SENTENCES_SHOWN), as spans without their surrounding spaces,
 * in text order. Empty when no sentence pushes that way.
 */
function weightiestSentences(own: string): Span[] {
  const starts = sentenceStarts(own);
  const scored: { span: Span; weight: number }[] = [];
  starts.forEach((from, index) => {
    const to = starts[index + 1] ?? own.length;
    const sentence = own.slice(from, to);
    const start = from + (sentence.length - sentence.trimStart().length);
    const end = from + sentence.trimEnd().length;
    if (end <= start) return;
    const weight = evidence(toneModel, sentence);
    if (weight > 0) scored.push({ span: { start, end }, weight });
  });
  return inTextOrder(
    scored
      .sort((a, b) => b.weight - a.weight)
      .slice(0, MOST_SENTENCES_SHOWN)
      .map((entry) => entry.span),
  );
}

/** `text` with every exception phrase blanked (same length): one linear pass, no per-hit lookups. */
function withoutExceptions(lower: string): string {
  const hits = findAll(EXCEPTIONS, lower);
  if (hits.length === 0) return lower;
  let out = "";
  let at = 0;
  for (const hit of hits) {
    out += lower.slice(at, hit.start) + " ".repeat(hit.end - hit.start);
    at = hit.end;
  }
  return out + lower.slice(at);
}

/**
 * Offsets of the quotation marks in a sentence (a single quote only as a mark, not an apostrophe). The text is
 * the message model's, whose curly quotes are already straight; before the first character `charAt` reads "".
 */
function quoteMarks(sentence: string): number[] {
  const marks: number[] = [];
  for (let i = 0; i < sentence.length; i++) {
    const char = sentence.charAt(i);
    if (char === '"') marks.push(i);
    else if (char === "'" && (!/[a-z]/.test(sentence.charAt(i - 1)) || !/[a-z]/.test(sentence.charAt(i + 1)))) {
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
    if ((marks[middle] as number) < offset) low = middle + 1;
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
  // Stryker disable next-line ArrayDeclaration: a leading non-token (no word, start read as 0) only shifts every index by one; it is never a target and the window keeps its six real words
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TOKEN.exec(sentence)) !== null) {
    // A possessive's owner, without a regex per word (a sentence may be a whole body's words).
    const word = match[0];
    tokens.push({ word: word.endsWith("'s") ? word.slice(0, -2) : word, start: match.index });
  }
  return tokens;
}

/** Index of the first token starting at or after `offset` (binary search: linear overall). */
function firstTokenAt(tokens: readonly Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((tokens[middle] as Token).start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** "in this", "at the", "of our" before a thing: where, not whom. */
const PLACE_OF = /^(?:in|at|of|from|around) (?:this|the|our|that)$/;

/**
 * Is the insult at [start, end) aimed at a person? The nearest target word within six words before it
 * (or, failing that, three after: "useless teacher") decides: a person or group, or a thing.
 */
function aimedAtPerson(tokens: readonly Token[], start: number, end: number): boolean {
  const first = firstTokenAt(tokens, start);
  for (let k = first - 1; k >= 0 && k >= first - 6; k--) {
    const word = (tokens[k] as Token).word;
    const pair = k > 0 ? `${(tokens[k - 1] as Token).word} ${word}` : "";
    if (THING.has(word) || THING.has(pair)) {
      // A place that only says where the people are ("some people in this building are so selfish",
      // development parts AP and AQ) names no target: read on past it.
      const before = k >= 2 ? `${(tokens[k - 2] as Token).word} ${(tokens[k - 1] as Token).word}` : "";
      if (PLACE_OF.test(before)) {
        k -= 2;
        continue;
      }
      if (k >= 1 && PLACE_OF.test(`${(tokens[k - 1] as Token).word} ${word}`)) {
        k -= 1;
        continue;
      }
      return false;
    }
    if (PERSON.has(word) || PERSON.has(pair)) return true;
  }
  // After the insult only a noun names the target ("useless teacher"); a pronoun there usually begins the
  // next clause ("the slings are a nightmare - they're all the wrong size").
  const after = firstTokenAt(tokens, end);
  for (let k = after; k < after + 3 && k < tokens.length; k++) {
    const word = (tokens[k] as Token).word;
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
  const { spans, kinds, add } = spansByKind();
  // Sentence starts, once, when the first phrase is found (most texts have none): a sentence ends at
  // . ? ! ; or a paragraph break (not at a wrapped line).
  let starts: number[] = [];
  const sentenceOf = (offset: number) => {
    if (starts.length === 0) starts = sentenceStarts(lower);
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  interface SentenceFacts {
    readonly start: number;
    readonly text: string;
    reported: boolean;
    marks?: number[];
  }
  const facts = new Map<number, SentenceFacts>();
  const factsOf = (index: number): SentenceFacts => {
    let known = facts.get(index);
    if (known === undefined) {
      const start = starts[index] as number;
      const end = starts[index + 1] ?? lower.length;
      known = { start, text: lower.slice(start, end), reported: false };
      facts.set(index, known);
    }
    return known;
  };
  const hits: { role: PhraseRole; start: number; end: number; sentence: number }[] = [];
  for (const hit of findAll(ALL, lower)) {
    const role = ROLE_OF.get(hit.text.replace(/\s+/g, " "));
    if (role === undefined) continue;
    const sentence = sentenceOf(hit.start);
    if (role === "reporting") factsOf(sentence).reported = true;
    else if (hits.length < MOST_HITS) hits.push({ role, start: hit.start, end: hit.end, sentence });
  }
  MASKED.lastIndex = 0;
  let masked: RegExpExecArray | null;
  while (hits.length < MOST_HITS && (masked = MASKED.exec(lower)) !== null) {
    const word = masked[1] as string;
    const at = masked.index + masked[0].length - word.length;
    hits.push({ role: "obscene", start: at, end: at + word.length, sentence: sentenceOf(at) });
  }
  // Words in quotation marks in a sentence that reports speech are evidence, not the sender's tone.
  const counts = (sentence: number, offset: number) => {
    const known = factsOf(sentence);
    if (!known.reported) return true;
    known.marks ??= quoteMarks(known.text);
    return !insideQuotes(known.marks, offset - known.start);
  };
  for (const hit of hits) {
    if (hit.role === "other-schools") {
      add("other-schools", hit.start, hit.end);
      continue;
    }
    if (!counts(hit.sentence, hit.start)) continue;
    // "he's not stupid", "I'm an idiot": a remark denied, or the sender's about themselves (development
    // AJ). Not swearing: "not f***ing happy" is no less obscene.
    // The sender's own state aimed at the reader is not about the sender ("I'm fed up with chasing you").
    const denied = NOT_OR_SELF.exec(lower.slice(Math.max(0, hit.start - 40), hit.start));
    if (hit.role !== "obscene" && denied && !(denied[1] && lower.endsWith(" you", hit.end))) continue;
    if (hit.role === "person-insult") add("insult", hit.start, hit.end);
    else if (hit.role === "insult") {
      // The words around the insult, not the whole sentence's (a sentence may be a whole body): six
      // before it are read and three after, so 200 characters before and 100 after are ample. The first
      // word of a window cut inside the sentence may itself be cut: dropped.
      const known = factsOf(hit.sentence);
      const from = Math.max(known.start, hit.start - 200);
      const tokens = tokensOf(known.text.slice(from - known.start, hit.end - known.start + 100));
      if (from > known.start) tokens.shift();
      if (aimedAtPerson(tokens, hit.start - from, hit.end - from)) add("insult", hit.start, hit.end);
    } else add(hit.role, hit.start, hit.end);
  }
  inTextOrder(spans);
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
    // What no phrase caught, the trained model may: contempt and prejudice in ordinary words. Not in
    // chain mail: a hoax's alarm ("DELETE IT", "warn everyone") is the letter's, and chain-mail says so.
    if (
      reports.length === 0 &&
      models &&
      predicts(toneModel, ownSubject(message.subject.text), message.own) &&
      chainMailIn(message).body.length === 0
    ) {
      // The task pane points at the sentences that weigh most (a new user's trial: "Parts of this…" with
      // nothing highlighted); the Smart Alert shows no highlights, so the send bundle leaves this out.
      if (process.env.SPG_SEND_TIME === "1") reports.push({ messageId: "likely", location: "body" });
      else {
        const spans = weightiestSentences(message.own);
        reports.push({ messageId: "likely", location: "body", ...(spans.length > 0 ? { spans } : {}) });
      }
    }
    return reports;
  },
});
