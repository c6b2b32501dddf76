/** Text helpers shared by rules. Linear, no regex backtracking, ES2016-safe. */
import { CLOSINGS } from "../data/etiquette/closings.js";

const REPLY_MARKERS = ["-----original message-----", "\nfrom: ", "\n> ", "________________________________"];

/** The sender's own words: the body up to the quoted message they are replying to. */
export function ownText(bodyText: string): string {
  const lower = bodyText.toLowerCase();
  let end = bodyText.length;
  for (const marker of REPLY_MARKERS) {
    const at = lower.indexOf(marker);
    if (at !== -1 && at < end) end = at;
  }
  const wrote = /\non .{0,120} wrote:/.exec(lower);
  if (wrote && wrote.index < end) end = wrote.index;
  return bodyText.slice(0, end);
}

export function nonEmptyLines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** Lower-case phrase list → one case-insensitive, word-bounded alternation (phrases are literal). */
export function phrasePattern(phrases: readonly string[]): RegExp {
  const escaped = phrases.map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+"));
  return new RegExp(`\\b(?:${escaped.join("|")})\\b`, "gi");
}

export function findAll(pattern: RegExp, text: string): { start: number; end: number; text: string }[] {
  const found: { start: number; end: number; text: string }[] = [];
  pattern.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    found.push({ start: match.index, end: match.index + match[0].length, text: match[0] });
    if (match[0].length === 0) pattern.lastIndex++;
  }
  return found;
}

/**
 * The sender's own words without the sign-off and signature block below it: job titles such as
 * "Year 4 Class Teacher" say nothing about what this message is about.
 */
export function withoutSignature(text: string): string {
  const lines = text.split("\n");
  const earliest = Math.max(0, lines.length - 12);
  for (let index = lines.length - 1; index >= earliest; index--) {
    const line = (lines[index] ?? "").trim().toLowerCase();
    if (line.length > 0 && line.length <= 60 && CLOSINGS.some((closing) => line.indexOf(closing) === 0)) {
      return lines.slice(0, index).join("\n");
    }
  }
  return text;
}
