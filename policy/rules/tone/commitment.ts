import { defaultCitation, defineRule } from "../define.js";
import { COMMITMENT_PHRASES } from "../../data/tone/phrases.js";
import { findAll, phrasePattern } from "../text.js";

const PATTERN = phrasePattern(COMMITMENT_PHRASES);

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
    const hits = findAll(PATTERN, message.own);
    return hits.length === 0
      ? []
      : [{ messageId: "commitment", location: "body", spans: hits.map(({ start, end }) => ({ start, end })) }];
  },
});
