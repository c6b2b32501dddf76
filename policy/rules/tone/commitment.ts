import { defaultCitation, defineRule } from "../define.js";
import { ACCEPTANCE_CUES, COMMERCIAL_OBJECTS, NOT_YET_CUES, SUPPLIER_OFFERS } from "../../data/tone/commitment.js";
import { endsSentence, findAll, phrasePattern } from "../text.js";
import type { Span } from "../../engine/types.js";
import type { Message } from "../../engine/message.js";

const ACCEPT = phrasePattern(ACCEPTANCE_CUES);
const NOT_YET = phrasePattern(NOT_YET_CUES);
// "£" is not a word character: matched on its own, with the rest as words.
const OBJECTS = phrasePattern(COMMERCIAL_OBJECTS.filter((object) => object !== "£"));

/**
 * Sentences of `own` that commit, in text order (the acceptance cue of each): an acceptance cue with a
 * commercial object (a quote, a contract, terms, a price, an order, a payment, "£") in the same sentence,
 * which is neither a question nor held back ("once the business manager has approved", "we will not").
 * (A list of whole commitment phrases, "we accept your quote" and 45 more, found nothing on 8,566
 * development drafts that the cues did not, and went for the send bundle's bytes.)
 */
export function commitmentSpans(own: string): Span[] {
  const spans: Span[] = [];
  const accepts = findAll(ACCEPT, own);
  if (accepts.length === 0) return spans;
  // Only the sentences holding an acceptance cue are read, each from its cue outwards to its ends (at
  // most MAX_SENTENCE characters each way): linear in the cues, not a walk over every character of a
  // 1 MB body. The other lists are searched once over the whole text and walked in step, since the
  // sentences come in text order.
  const objects = findAll(OBJECTS, own);
  const notYet = findAll(NOT_YET, own);
  const cursor = { object: 0, notYet: 0 };
  /** The first of `hits` (in text order) starting at or after `from`; the walk resumes there next sentence. */
  const nextFrom = (hits: readonly Span[], key: keyof typeof cursor, from: number): Span | undefined => {
    while ((hits[cursor[key]]?.start ?? Infinity) < from) cursor[key]++;
    return hits[cursor[key]];
  };
  /** Is one of `hits` wholly inside [from, to)? (The first starting at or after `from`: its end decides.) */
  const anyIn = (hits: readonly Span[], key: keyof typeof cursor, from: number, to: number) => {
    const hit = nextFrom(hits, key, from);
    return hit !== undefined && hit.end <= to;
  };
  // The next "£" at or after an offset; sentences come in order, so each "£" is searched for once.
  let pound = -1;
  const poundAtOrAfter = (from: number) => {
    if (pound < from) {
      const at = own.indexOf("£", from);
      pound = at === -1 ? Infinity : at;
    }
    return pound;
  };
  let sentenceEnd = -1;
  for (let index = 0; index < accepts.length; index++) {
    const accept = accepts[index] as Span;
    // The first cue of a sentence speaks for it (as a left-to-right reading would take it).
    if (accept.start <= sentenceEnd) continue;
    const start = sentenceStart(own, accept.start);
    const end = sentenceEndAt(own, accept.start);
    sentenceEnd = end;
    const length = end - start;
    if (start < 0 || end < 0 || own.charCodeAt(end) === 63 || length <= 8 || length >= MAX_SENTENCE) continue;
    if (accept.end > end) continue;
    // A bare yes, a short sentence ending with the cue ("Fine - book it.", "We're happy to proceed."),
    // names what it agrees to in the next sentence ("£7,950 inc VAT for the 30x15…"): the two are read
    // together (development part AI). "We are happy to proceed with the trip. It costs £450." is not
    // bare, nor is "you told us it was all signed off" a yes.
    // "We accept!!! Please set us up…": the next sentence starts after the run of marks.
    const next =
      length < BARE_YES && /^\W*$/.test(own.slice(accept.end, end + 1)) ? sentenceEndAt(own, afterMarks(own, end)) : -1;
    const until = next > end ? next : end;
    // "We accept it in full", "we accept them": what is accepted was named in the sentence before. Any
    // cue of the sentence may take the pronoun ("pleased to confirm that we accept it").
    let pronoun = false;
    for (let later = index; !pronoun && (accepts[later]?.end ?? Infinity) <= end; later++) {
      const cueEnd = (accepts[later] as Span).end;
      pronoun = PRONOUN_OBJECT.test(own.slice(cueEnd, cueEnd + 7));
    }
    const before = pronoun ? sentenceStart(own, start - 1) : -1;
    const from = before === -1 ? start : before;
    if (
      (poundAtOrAfter(from) < until ||
        anyIn(objects, "object", from, until) ||
        TERM_LENGTH.test(own.slice(from, until))) &&
      !anyIn(notYet, "notYet", start, until)
    ) {
      spans.push({ start: accept.start, end: accept.end });
    }
  }
  return spans;
}

/**
 * A short reply saying yes ("Yes.", "Yes please renew - thanks!", "Please go ahead on that basis", "Happy to
 * roll over for another three years") to an outside supplier's offer it answers: the first quoted message
 * names a quote, a renewal, a lease or a contract. The yes needs no object of its own there (development
 * part AK). Not a question, nor held back ("can you", "once"); nor mail inside the school.
 */
function yesToAnOffer(message: Message): Span | undefined {
  const words = message.own.trim();
  if (words.length > SHORT_REPLY) return undefined;
  if (!message.recipients.some((entry) => entry.standing === "external")) return undefined;
  const yes = YES.exec(message.own);
  if (yes === null || words.indexOf("?") !== -1 || findAll(NOT_YET, message.own).length > 0) return undefined;
  const answered = message.segments.find((segment) => segment.kind === "quoted");
  if (answered === undefined || findAll(OFFER, message.body.text.slice(answered.start, answered.end)).length === 0)
    return undefined;
  return { start: yes.index, end: yes.index + yes[0].length };
}

/** A pronoun right after the cue, standing for what the sentence before named. */
const PRONOUN_OBJECT = /^ (?:it|them|this|these)\b/;
/**
 * A contract's length in figures ("the 20-year PPA", "a 48-month lease"), which the word lists cannot
 * hold; not a mortgage's fixed rate ("the 5-year fix"), the sender's own affair (development part AP).
 */
const TERM_LENGTH = /\b\d+[- ](?:year|month)s?\b(?! fix)/;

/** The sender's own words of a short reply, at most (characters, greeting and name included). */
const SHORT_REPLY = 160;
/** A short reply's yes: the word, or the act agreed to ("go ahead", "renew", "roll over"). */
const YES = /\b(?:yes|yep|go ahead|proceed|renew|roll (?:it )?over)\b/i;
const OFFER = phrasePattern(SUPPLIER_OFFERS);

/** Longer "sentences" are lists or pasted text, not one agreement. */
const MAX_SENTENCE = 400;

/** A bare yes is shorter than this (characters): longer sentences ending with a cue report one. */
const BARE_YES = 40;

/** Start of the sentence holding `at` (just after the previous sentence end), or -1 if it is too long. */
function sentenceStart(text: string, at: number): number {
  for (let index = at - 1; index >= 0; index--) {
    if (at - index > MAX_SENTENCE) return -1;
    if (endsSentence(text, index)) return index + 1;
  }
  return at > MAX_SENTENCE ? -1 : 0;
}

/** The offset after a sentence's closing marks ("!!!", "?!", "..."), the first of which is at `end`. */
function afterMarks(text: string, end: number): number {
  let at = end + 1;
  while (at < text.length && /[.!?]/.test(text.charAt(at))) at++;
  return at;
}

/** Offset of the end of the sentence holding `at` (its . ? ! ; or newline, or the text's end), or -1. */
function sentenceEndAt(text: string, at: number): number {
  for (let index = at; index < text.length; index++) {
    if (index - at > MAX_SENTENCE) return -1;
    if (endsSentence(text, index)) return index;
  }
  return text.length - at > MAX_SENTENCE ? -1 : text.length;
}

export default defineRule({
  meta: {
    id: "contractual-commitment",
    category: "commitment",
    defaultSeverity: "nudge",
    clause: "commitment",
    fallbackCitation: defaultCitation(
      "E-mail etiquette",
      "E-mail should not be used to agree terms or enter into contractual commitments.",
    ),
    docs: "Agreeing terms, accepting quotes or committing the school to a contract by e-mail.",
    messages: {
      commitment:
        "This looks like agreeing terms or a contract by email. Check it is authorised and follow the school's purchasing route.",
    },
  },
  check({ message }) {
    // Only the sender can commit the school: a supplier's quoted "we accept" is not the sender's. A deal in
    // plainly personal mail is reported too: leaving it to the personal-use rule took 12 false alarms off
    // the development set and 20 drafts the held-out writers labelled commitments off theirs.
    const spans = commitmentSpans(message.own);
    const yes = spans.length === 0 ? yesToAnOffer(message) : undefined;
    if (yes !== undefined) spans.push(yes);
    return spans.length === 0 ? [] : [{ messageId: "commitment", location: "body", spans }];
  },
});
