import type { EntityTexts } from "../rules/personal-data/sensitive.js";
import type { Finding } from "./types.js";

/**
 * The words a finding points at, one string per span, in the text of its location (the subject, the body
 * as the engine read it, or the attachments' names one a line: `texts` as `entityTexts` builds them for
 * the personal-data rules); `[]` for a finding without spans or about the recipients. Shown beside the
 * finding in `check --text` and the task pane, so a sender sees what was read (a new user's trial: "the
 * pane never shows which words triggered a finding").
 */
export function findingWords(finding: Finding, texts: EntityTexts): string[] {
  const text =
    finding.location === "subject"
      ? texts.subject
      : finding.location === "body"
        ? texts.body
        : finding.location === "attachments"
          ? texts.attachments
          : "";
  return (finding.spans ?? []).map((span) => text.slice(span.start, span.end)).filter((words) => words !== "");
}
