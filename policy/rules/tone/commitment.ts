import { defaultCitation, defineRule } from "../define.js";
import { COMMITMENT_PHRASES } from "../../data/tone/phrases.js";
import { ACCEPTANCE_CUES, COMMERCIAL_OBJECTS, NOT_YET_CUES } from "../../data/tone/commitment.js";
import { findAll, isParagraphEnd, phrasePattern } from "../text.js";
import type { Span } from "../../engine/types.js";

const PATTERN = phrasePattern(COMMITMENT_PHRASES);
const ACCEPT = phrasePattern(ACCEPTANCE_CUES);
const NOT_YET = phrasePattern(NOT_YET_CUES);
// "£" is not a word character: matched on its own, with the rest as words.
const OBJECTS = phrasePattern(COMMERCIAL_OBJECTS.filter((object) => object !== "£"));

/**
 * Sentences of `own` that commit: an explicit commitment phrase, or an acceptance cue with a commercial
 * object (a quote, a contract, terms, a price, an order, a payment, "£") in the same sentence, which is
 * neither a question nor held back ("once the business manager has approved", "we will not").
 */
export function commitmentSpans(own: string): Span[] {
  const explicit: Span[] = findAll(PATTERN, own).map(({ start, end }) => ({ start, end }));
  // Stryker disable next-line MethodExpression: sharing the array only appends cue spans that start before every later sentence, so the explicit cursor passes them as it passes the explicit hits before them
  const spans: Span[] = explicit.slice();
  // Each list is searched once over the whole text (not once per sentence) and its hits walked in step
  // with the sentences: linear on a 1 MB body.
  const accepts = findAll(ACCEPT, own);
  const objects = findAll(OBJECTS, own);
  const notYet = findAll(NOT_YET, own);
  const cursor = { accept: 0, object: 0, notYet: 0, explicit: 0 };
  /** The first of `hits` (in text order) starting at or after `from`; the walk resumes there next sentence. */
  const nextFrom = (hits: readonly Span[], key: keyof typeof cursor, from: number): Span | undefined => {
    while ((hits[cursor[key]]?.start ?? Infinity) < from) cursor[key]++;
    return hits[cursor[key]];
  };
  /** The first of `hits` wholly inside [from, to) (it starts at or after `from`, so its end decides). */
  const firstIn = (hits: readonly Span[], key: keyof typeof cursor, from: number, to: number) => {
    const hit = nextFrom(hits, key, from);
    return hit !== undefined && hit.end <= to ? hit : undefined;
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
  let start = 0;
  for (let index = 0; index <= own.length; index++) {
    const code = own.charCodeAt(index);
    // Not a sentence end: . ? ! ; or a paragraph end (only a newline can be one).
    if (
      index < own.length &&
      code !== 46 &&
      code !== 63 &&
      code !== 33 &&
      code !== 59 &&
      !(code === 10 && isParagraphEnd(own, index))
    )
      continue;
    const length = index - start;
    if (code !== 63 && length > 8 && length < 400) {
      const accept = firstIn(accepts, "accept", start, index);
      if (
        accept !== undefined &&
        (poundAtOrAfter(start) < index || firstIn(objects, "object", start, index) !== undefined) &&
        firstIn(notYet, "notYet", start, index) === undefined &&
        (nextFrom(explicit, "explicit", start)?.start ?? Infinity) >= index
      ) {
        spans.push({ start: accept.start, end: accept.end });
      }
    }
    start = index + 1;
  }
  return spans.sort((a, b) => a.start - b.start);
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
    // Only the sender can commit the school: a supplier's quoted "we accept" is not the sender's.
    const spans = commitmentSpans(message.own);
    return spans.length === 0 ? [] : [{ messageId: "commitment", location: "body", spans }];
  },
});
