import { byImportance } from "../../policy/engine/analyze.js";
import type { Analysis, Category, Finding } from "../../policy/engine/types.js";
import { describeEntities, sensitiveEntities } from "../../policy/rules/personal-data/sensitive.js";
import { citesDefaults } from "../../policy/rules/define.js";
import { TASKPANE_COMMAND_ID } from "./ids.js";

/** How findings are presented at send and while composing. Pure: the Office edge only carries the result. */

/** Most severe first, then most harmful: the engine's own order (policy/engine/analyze.ts). */
export { byImportance };

export const CATEGORY_TITLES: Record<Category, string> = {
  "personal-data": "Personal data",
  "personal-data-in-subject": "Personal data in the subject",
  recipients: "Recipients",
  "pupil-contact": "Contact with pupils",
  passwords: "Passwords",
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
 * Shortens to at most `max` characters with an ellipsis, at the end of a word where one ends in the second
 * half (a trial read banners cut mid-word: "…and ask for co…"). ES2016 only (no trimEnd): this runs in
 * classic Outlook's JavaScript-only runtime.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const space = text.lastIndexOf(" ", end);
  if (space > max / 2) end = space;
  while (end > 0 && /\s/.test(text.charAt(end - 1))) end--;
  return `${text.slice(0, end)}…`;
}

/** A few words of the clause: the innermost section heading ("Policy — Section" → "Section"), without its number. */
export function clauseInBrief(finding: Finding): string {
  // Our own guidance where the school's policy has no sentence is never passed off as the school's (an IT
  // admin's trial: "E-mail etiquette" read as a clause of theirs).
  if (citesDefaults(finding.policyRef.section)) return "this add-in's advice, not school policy";
  const parts = finding.policyRef.section.split(" — ");
  const section = (parts[parts.length - 1] as string).replace(/^[\d.]+\s*/, "").trim();
  // A long heading keeps its title, not a cut ("Acceptable Use Agreement: Staff, Governors and Visitors").
  const colon = section.indexOf(":");
  return clip((section.length > 40 && colon > 0 ? section.slice(0, colon) : section) || "school policy", 40);
}

export interface SendContext {
  readonly source: "send" | "compose";
  readonly rules: readonly string[];
}

/**
 * Documented for SmartAlertsEventCompletedOptions: errorMessage and errorMessageMarkdown "must be 500
 * characters or less" (Mailbox 1.12 / 1.15); cancelLabel 20 characters or less.
 */
export const ERROR_MESSAGE_MAX = 500;
export const CANCEL_LABEL = "Review and fix"; // documented: at most 20 characters

/** "…and 2 more in the pane." */
export function moreInPane(count: number): string {
  return `…and ${count} more in the pane.`;
}

/**
 * The alert text: the header, then the most important finding in full (its instruction is at its end:
 * "…apply the [secure] tag"), then each next finding in full while it fits, then how many are left.
 * A line is never cut, except a first line longer than the whole budget (then at a word).
 */
export function alertText(header: string, lines: readonly string[], max: number, separator = "\n"): string {
  const [first, ...rest] = lines;
  if (first === undefined) return clip(header, max);
  const countLine = (count: number) => (count > 0 ? `${separator}${moreInPane(count)}` : "");
  let text = `${header}${separator}${first}`;
  const allRest = countLine(rest.length);
  if ((text + allRest).length > max) return clip(text, max - allRest.length) + allRest;
  let shown = 0;
  for (const line of rest) {
    const candidate = `${text}${separator}${line}`;
    if ((candidate + countLine(rest.length - shown - 1)).length > max) break;
    text = candidate;
    shown++;
  }
  return text + countLine(rest.length - shown);
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
  // The add-in speaking, not "School policy": a finding may be its own advice where the school's policy has
  // no sentence (each line says which), and a trial read the heading as claiming policy for all of them.
  const header = blocking
    ? "School Policy Guard: please fix before sending."
    : "School Policy Guard: please check before sending.";
  const plain = findings.map((finding) => `• ${finding.message} (${clauseInBrief(finding)})`);
  const markdown = findings.map(
    (finding) => `- ${escapeMarkdown(finding.message)} — *${escapeMarkdown(clauseInBrief(finding))}*`,
  );
  const context: SendContext = { source: "send", rules: findings.map((finding) => finding.rule) };
  return {
    allowEvent: false,
    errorMessage: alertText(header, plain, ERROR_MESSAGE_MAX),
    errorMessageMarkdown: alertText(`**${header}**`, markdown, ERROR_MESSAGE_MAX, "\n\n"),
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

/**
 * The task pane's one-line summary. Never "no issues" while a detector still finds personal data that
 * matters: sensitive data anywhere, or a name left in the subject (the subject is never encrypted).
 */
export function summaryText(analysis: Analysis): string {
  const count = analysis.findings.length;
  if (count > 0) return `${count} ${count === 1 ? "thing" : "things"} to check before you send.`;
  const sensitive = sensitiveEntities(analysis.personalData);
  if (sensitive.length > 0) {
    return `No rule is broken, but this draft still contains ${describeEntities(sensitive)}. Check it needs to be there.`;
  }
  if (analysis.personalData.some((entity) => entity.location === "subject")) {
    return "No rule is broken, but the subject still names someone. Subject lines are never encrypted: check it needs to.";
  }
  return "No policy issues found in this draft.";
}
