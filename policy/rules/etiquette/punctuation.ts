import { defaultCitation, defineRule } from "../define.js";
import { ownSubject } from "../text.js";
import type { RuleReport, Span } from "../../engine/types.js";

/** Runs of "!" and "?" longer than `maxRepeated` (a regex finds the runs: a per-character loop was slower). */
function repeatedPunctuation(text: string, maxRepeated: number): Span[] {
  const spans: Span[] = [];
  const runs = /[!?]+/g;
  let run: RegExpExecArray | null;
  while ((run = runs.exec(text)) !== null) {
    if (run[0].length > maxRepeated) spans.push({ start: run.index, end: run.index + run[0].length });
  }
  return spans;
}

export default defineRule({
  meta: {
    id: "punctuation",
    category: "punctuation",
    defaultSeverity: "nudge",
    clause: "punctuation",
    fallbackCitation: defaultCitation(
      "E-mail etiquette",
      "Strings of exclamation or question marks read as anger or sarcasm; one is enough.",
    ),
    docs: "Runs of ! or ? longer than the pack allows (e.g. '!!!', '???', '?!?!').",
    messages: {
      repeated: "'{{sample}}' can read as angry or sarcastic: one mark is enough.",
    },
  },
  check({ pack, message }) {
    const max = pack.etiquette.punctuation.maxRepeated;
    const reports: RuleReport[] = [];
    // The sender's own words only: "!!!" in the quoted message they reply to is not theirs.
    const ownSubjectText = ownSubject(message.subject.text);
    const subject = repeatedPunctuation(ownSubjectText, max);
    const body = repeatedPunctuation(message.own, max);
    const first = subject[0] ?? body[0];
    const sampleOf = (text: string, span: Span) => text.slice(span.start, Math.min(span.end, span.start + 6));
    if (subject.length > 0 && first) {
      reports.push({
        messageId: "repeated",
        data: { sample: sampleOf(ownSubjectText, first) },
        location: "subject",
        spans: subject,
      });
    }
    const firstBody = body[0];
    if (firstBody) {
      reports.push({
        messageId: "repeated",
        data: { sample: sampleOf(message.own, firstBody) },
        location: "body",
        spans: body,
      });
    }
    return reports;
  },
});
