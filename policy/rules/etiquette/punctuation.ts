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
    // The first two different runs, so "!!!" and "???" are both named (a new user saw only the first).
    const samplesOf = (text: string, spans: Span[]) => {
      const samples: string[] = [];
      for (const span of spans) {
        const sample = text.slice(span.start, Math.min(span.end, span.start + 6));
        if (samples.length < 2 && samples.indexOf(sample) === -1) samples.push(sample);
      }
      return samples.join("' and '");
    };
    if (subject.length > 0) {
      reports.push({
        messageId: "repeated",
        data: { sample: samplesOf(ownSubjectText, subject) },
        location: "subject",
        spans: subject,
      });
    }
    if (body.length > 0) {
      reports.push({
        messageId: "repeated",
        data: { sample: samplesOf(message.own, body) },
        location: "body",
        spans: body,
      });
    }
    return reports;
  },
});
