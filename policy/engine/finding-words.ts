import type { Finding } from "./types.js";

/** The texts a finding's spans index: what the engine read, not the draft's markup. */
export interface ReadTexts {
  readonly subject: string;
  /** The body as plain text (an HTML body converted, as the engine converts it). */
  readonly bodyText: string;
  readonly attachmentNames: readonly string[];
}

/**
 * The words a finding points at, one string per span, in the text of its location (the subject, the body,
 * or the attachments' names one a line); `[]` for a finding without spans or about the recipients. Shown
 * beside the finding in `check --text` and the task pane, so a sender sees what was read (a new user's
 * trial: "the pane never shows which words triggered a finding").
 */
export function findingWords(finding: Finding, texts: ReadTexts): string[] {
  const text =
    finding.location === "subject"
      ? texts.subject
      : finding.location === "body"
        ? texts.bodyText
        : finding.location === "attachments"
          ? texts.attachmentNames.join("\n")
          : "";
  return (finding.spans ?? []).map((span) => text.slice(span.start, span.end)).filter((words) => words !== "");
}
