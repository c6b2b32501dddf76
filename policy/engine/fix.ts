import type { Draft, Fix, Recipient } from "./types.js";
import { normalizeDraft, type DraftInput } from "./draft.js";
import { bodyWithLine, placeOf } from "./insert-line.js";

/**
 * Applies a finding's fix to a draft, purely (textlint-style: fixes are data). The add-in applies the
 * same descriptions through Office.js; this is the reference behaviour and what the tests re-analyse.
 */
export function applyFix(input: DraftInput, fix: Fix): Draft {
  const draft = normalizeDraft(input);
  switch (fix.kind) {
    case "prefix-subject":
      return normalizeDraft({ ...draft, subject: prefixSubject(draft.subject, fix.text) });
    case "apply-encryption": {
      const mechanism = fix.mechanism;
      if (mechanism.kind === "subject-tag") {
        return normalizeDraft({ ...draft, subject: prefixSubject(draft.subject, mechanism.tag) });
      }
      if (mechanism.kind === "sensitivity-label") {
        return normalizeDraft({ ...draft, sensitivityLabelId: mechanism.labelId });
      }
      return normalizeDraft({ ...draft, headers: { ...(draft.headers ?? {}), [mechanism.name]: mechanism.value } });
    }
    case "move-to-bcc": {
      const moving = new Set(fix.addresses.map((address) => address.toLowerCase()));
      const stays = (recipient: Recipient) => !moving.has(recipient.address.toLowerCase());
      const moved = [...draft.to, ...draft.cc].filter((recipient) => !stays(recipient));
      return normalizeDraft({
        ...draft,
        to: draft.to.filter(stays),
        cc: draft.cc.filter(stays),
        bcc: uniqueRecipients([...draft.bcc, ...moved]),
      });
    }
    case "remove-subject-spans":
      return normalizeDraft({ ...draft, subject: removeSpans(draft.subject, fix.spans) });
    case "append-disclaimer":
    case "append-line":
      return normalizeDraft({ ...draft, body: bodyWithLine(draft.body, draft.bodyType, fix.text, placeOf(fix.kind)) });
    case "add-cc":
      return normalizeDraft({ ...draft, cc: uniqueRecipients([...draft.cc, ...fix.recipients]) });
    case "remove-attachments": {
      const names = new Set(fix.names);
      return normalizeDraft({ ...draft, attachments: draft.attachments.filter((file) => !names.has(file.name)) });
    }
    case "replace-subject":
      return normalizeDraft({ ...draft, subject: fix.text });
  }
}

function prefixSubject(subject: string, text: string): string {
  return subject.toLowerCase().startsWith(text.toLowerCase()) ? subject : `${text} ${subject}`.trim();
}

/** Words that only join others ("for", "and", "the"): left at an edge of a subject, they join nothing. */
export const JOINING_WORD = /^(?:for|and|the|with|from|about|of|to|on|in|at)$/i;

/**
 * Removes the spans and tidies what they leave behind: the separators ("Re: Olivia, EHCP" → "Re: EHCP")
 * and a joining word left at either end ("Trip forms for Olivia" → "Trip forms").
 */
export function removeSpans(text: string, spans: readonly { start: number; end: number }[]): string {
  const ordered = [...spans].sort((a, b) => b.start - a.start);
  let out = text;
  for (const span of ordered) {
    const start = Math.max(0, Math.min(span.start, out.length));
    const end = Math.max(start, Math.min(span.end, out.length));
    out = joinAround(out.slice(0, start), out.slice(end));
  }
  const words = trimSeparators(out)
    .replace(/ {2,}/g, " ")
    .replace(/\( ?\)/g, "")
    .trim()
    .split(" ");
  // After a reply prefix ("RE:"), not before it.
  let first = 0;
  // Stryker disable next-line StringLiteral: past the last word the fallback ends the loop either way (no word ends in ":" there)
  while (/:$/.test(words[first] ?? "")) first++;
  while (first < words.length - 1 && JOINING_WORD.test(words[first] as string)) words.splice(first, 1);
  while (words.length > first + 1 && JOINING_WORD.test(words[words.length - 1] as string)) words.pop();
  return words.join(" ");
}

/** Joins what was either side of a removed span, dropping the separator the span leaves dangling. */
function joinAround(before: string, after: string): string {
  let head = before.length;
  while (head > 0 && before.charAt(head - 1) === " ") head--;
  let tail = 0;
  while (
    tail < after.length &&
    (after.charAt(tail) === " " || after.charAt(tail) === "," || after.charAt(tail) === ";")
  ) {
    tail++;
  }
  const left = before.slice(0, head);
  const right = after.slice(tail);
  if (left.length === 0 || right.length === 0) return left + right;
  return `${left} ${right}`;
}

const SEPARATORS = " ,;:–-";

/** Trims separators left at either end without a regex (an end-anchored class run is quadratic). */
function trimSeparators(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && SEPARATORS.indexOf(text.charAt(start)) !== -1) start++;
  while (end > start && SEPARATORS.indexOf(text.charAt(end - 1)) !== -1) end--;
  return text.slice(start, end);
}

function uniqueRecipients(recipients: readonly Recipient[]): Recipient[] {
  const seen = new Set<string>();
  return recipients.filter((recipient) => {
    const key = recipient.address.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
