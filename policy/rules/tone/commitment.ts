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
  const spans: Span[] = [];
  for (const hit of findAll(PATTERN, own)) spans.push({ start: hit.start, end: hit.end });
  let start = 0;
  for (let index = 0; index <= own.length; index++) {
    const char = own.charAt(index);
    if (
      index < own.length &&
      char !== "." &&
      char !== "?" &&
      char !== "!" &&
      char !== ";" &&
      !isParagraphEnd(own, index)
    )
      continue;
    const sentence = own.slice(start, index);
    const isQuestion = char === "?";
    if (!isQuestion && sentence.length > 8 && sentence.length < 400) {
      const lower = sentence.toLowerCase();
      const accept = findAll(ACCEPT, lower)[0];
      if (
        accept !== undefined &&
        (lower.indexOf("£") !== -1 || findAll(OBJECTS, lower).length > 0) &&
        findAll(NOT_YET, lower).length === 0 &&
        !spans.some((span) => span.start >= start && span.start < index)
      ) {
        spans.push({ start: start + accept.start, end: start + accept.end });
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
