import { defaultCitation, defineRule } from "../define.js";
import { HOSTILE_EXCEPTIONS, HOSTILE_PHRASES } from "../../data/tone/phrases.js";
import { findAll, ownSubject, phrasePattern } from "../text.js";
import type { RuleReport, Span } from "../../engine/types.js";

const KINDS = Object.keys(HOSTILE_PHRASES);
const PATTERNS = KINDS.map((kind) => ({ kind, pattern: phrasePattern(HOSTILE_PHRASES[kind] ?? []) }));
const EXCEPTIONS = phrasePattern(HOSTILE_EXCEPTIONS);

const KIND_WORDS: Readonly<Record<string, string>> = {
  obscene: "obscene",
  abusive: "abusive",
  incompetent: "calls someone incompetent",
  threatening: "threatening",
  derogatory: "derogatory",
  "other-schools": "criticises another school",
};

function hostileSpans(text: string): { spans: Span[]; kinds: string[] } {
  const excepted = findAll(EXCEPTIONS, text);
  const spans: Span[] = [];
  const kinds: string[] = [];
  for (const { kind, pattern } of PATTERNS) {
    for (const hit of findAll(pattern, text)) {
      if (excepted.some((span) => hit.start >= span.start && hit.start < span.end)) continue;
      spans.push({ start: hit.start, end: hit.end });
      if (kinds.indexOf(kind) === -1) kinds.push(kind);
    }
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
    docs: "Abusive, obscene, derogatory or threatening wording, calling someone incompetent, or criticising another school: wording sent in the heat of the moment.",
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
