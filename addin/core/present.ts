import type { Analysis, Category, Finding, Severity } from "../../policy/engine/types.js";
import { TASKPANE_COMMAND_ID } from "./ids.js";

/** How findings are presented at send and while composing. Pure: the Office edge only carries the result. */

const SEVERITY_RANK: Record<Severity, number> = { block: 0, nudge: 1, info: 2 };

/** Most severe first; personal data and recipients before etiquette at equal severity (harm first). */
const CATEGORY_RANK: Record<Category, number> = {
  "personal-data": 0,
  "personal-data-in-subject": 1,
  recipients: 2,
  attachments: 3,
  "personal-use": 4,
  tone: 5,
  commitment: 6,
  disclaimer: 7,
  "chain-mail": 8,
  shouting: 9,
  punctuation: 10,
  greeting: 11,
  closing: 12,
};

export function byImportance(a: Finding, b: Finding): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || CATEGORY_RANK[a.category] - CATEGORY_RANK[b.category];
}

export const CATEGORY_TITLES: Record<Category, string> = {
  "personal-data": "Personal data",
  "personal-data-in-subject": "Personal data in the subject",
  recipients: "Recipients",
  attachments: "Attachments",
  "personal-use": "Personal use",
  tone: "Tone",
  commitment: "Commitments",
  disclaimer: "Disclaimer",
  "chain-mail": "Chain mail",
  shouting: "Capital letters",
  punctuation: "Punctuation",
  greeting: "Greeting",
  closing: "Closing",
};

/** The findings that matter at send: info-level findings never stop a message. */
export function sendFindings(analysis: Analysis): Finding[] {
  return analysis.findings.filter((finding) => finding.severity !== "info").sort(byImportance);
}

/**
 * Shortens to at most `max` characters with an ellipsis. ES2016 only (no trimEnd): this runs in
 * classic Outlook's JavaScript-only runtime.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  while (end > 0 && /\s/.test(text.charAt(end - 1))) end--;
  return `${text.slice(0, end)}…`;
}

/** A few words of the clause: the innermost section heading ("Policy — Section" → "Section"), without its number. */
export function clauseInBrief(finding: Finding): string {
  const parts = finding.policyRef.section.split(" — ");
  const section = (parts[parts.length - 1] ?? "").replace(/^[\d.]+\s*/, "").trim();
  return clip(section || "school policy", 40);
}

export interface SendContext {
  readonly source: "send" | "compose";
  readonly rules: readonly string[];
}

export const ERROR_MESSAGE_MAX = 500;
export const CANCEL_LABEL = "Review and fix"; // documented: at most 20 characters

/** Builds lines until the next would pass `max`, then says how many more there are. */
function fitLines(header: string, lines: readonly string[], max: number, more: (count: number) => string): string {
  let text = header;
  for (let index = 0; index < lines.length; index++) {
    const remaining = lines.length - index - 1;
    const candidate = `${text}\n${lines[index]}`;
    const tail = remaining > 0 ? `\n${more(remaining)}` : "";
    if ((candidate + tail).length > max) {
      return clip(`${text}\n${more(lines.length - index)}`, max);
    }
    text = candidate;
  }
  return clip(text, max);
}

export interface SendDecision {
  readonly allowEvent: boolean;
  readonly errorMessage?: string;
  readonly errorMessageMarkdown?: string;
  readonly cancelLabel?: string;
  readonly commandId?: string;
  readonly contextData?: string;
  readonly sendModeOverride?: "promptUser";
}

/**
 * What OnMessageSend answers. Nothing to say: the mail goes. Block-level findings keep the manifest's
 * soft block (no override); nudges only: the sender may send anyway (PromptUser, the only override).
 */
export function decideSend(analysis: Analysis): SendDecision {
  const findings = sendFindings(analysis);
  if (findings.length === 0) return { allowEvent: true };
  const blocking = findings.some((finding) => finding.severity === "block");
  const header = blocking ? "School policy: please fix before sending." : "School policy: please check before sending.";
  const more = (count: number) => `…and ${count} more in School Policy Guard.`;
  const plain = findings.map((finding) => `• ${clip(finding.message, 160)} (${clauseInBrief(finding)})`);
  const markdown = findings.map(
    (finding) => `- ${escapeMarkdown(clip(finding.message, 140))} — *${escapeMarkdown(clauseInBrief(finding))}*`,
  );
  const context: SendContext = { source: "send", rules: findings.map((finding) => finding.rule) };
  return {
    allowEvent: false,
    errorMessage: fitLines(header, plain, ERROR_MESSAGE_MAX, more),
    errorMessageMarkdown: fitLines(`**${header}**\n`, markdown, ERROR_MESSAGE_MAX, more),
    cancelLabel: CANCEL_LABEL,
    commandId: TASKPANE_COMMAND_ID,
    contextData: JSON.stringify(context),
    ...(blocking ? {} : { sendModeOverride: "promptUser" as const }),
  };
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\*_`[\]#<>])/g, "\\$1");
}

export const MAX_COMPOSE_NUDGES = 3;

/** Short compose-time lines (≤ 150 characters) for the few most important findings. */
export function composeNudgeMessages(analysis: Analysis): string[] {
  return sendFindings(analysis)
    .slice(0, MAX_COMPOSE_NUDGES)
    .map((finding) => clip(nudgeLine(finding), 150));
}

function nudgeLine(finding: Finding): string {
  if (finding.fix?.kind === "move-to-bcc") {
    const count = finding.fix.addresses.length;
    return `${count} ${count === 1 ? "person is" : "people are"} visible to each other — move them to Bcc?`;
  }
  return finding.message;
}
