import { defaultCitation, defineRule } from "../define.js";
import { CHAIN_MAIL_PHRASES } from "../../data/tone/phrases.js";
import { findAll, phrasePattern } from "../text.js";

const PATTERN = phrasePattern(CHAIN_MAIL_PHRASES);

export default defineRule({
  meta: {
    id: "chain-mail",
    category: "chain-mail",
    defaultSeverity: "nudge",
    clause: "chain-mail",
    fallbackCitation: defaultCitation("E-mail etiquette", "Do not send or forward chain letters, jokes or junk mail."),
    docs: "Chain letters, jokes and 'forward this to everyone' messages.",
    messages: { chain: "This looks like chain mail or a joke to forward on. School email isn't for these." },
  },
  check({ message }) {
    // The sender's words and what they forward: passing a chain letter on is theirs to answer for.
    const hits = findAll(PATTERN, message.ownAndForwarded);
    const inSubject = findAll(PATTERN, message.subject.text);
    const spans = hits.map(({ start, end }) => ({ start, end }));
    if (inSubject.length > 0)
      return [{ messageId: "chain", location: "subject", spans: inSubject.map(({ start, end }) => ({ start, end })) }];
    return spans.length === 0 ? [] : [{ messageId: "chain", location: "body", spans }];
  },
});
