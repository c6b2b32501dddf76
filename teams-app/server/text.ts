/**
 * Text that is what it says. Every string the API accepts goes through `checkText` (via the
 * `safeText` zod helper): it must be well-formed Unicode (no lone UTF-16 surrogate, which JSON
 * allows as "\ud800" but which cannot be stored or hashed consistently), and it is normalised to
 * NFC before it is hashed or stored. Nothing is stripped silently: a name with control
 * characters, bidirectional overrides or only invisible characters is refused with a message.
 */
import { z } from "zod";

export type TextProblem =
  | "lone-surrogate"
  | "control-character"
  | "bidi-control"
  | "invisible-character"
  | "no-visible-text"
  | "too-few-letters";

export const TEXT_MESSAGES: Readonly<Record<TextProblem, string>> = {
  "lone-surrogate": "is not well-formed Unicode (it contains a lone UTF-16 surrogate)",
  "control-character": "must not contain control characters",
  "bidi-control": "must not contain right-to-left or left-to-right override, embedding or isolate characters",
  "invisible-character": "must not contain invisible formatting characters (zero-width spaces, word joiners, …)",
  "no-visible-text": "must contain visible text",
  "too-few-letters": "must contain at least two letters",
};

/** Lone surrogates: with the `u` flag a well-formed pair is one code point, so only lone halves match. */
const LONE_SURROGATE = /\p{Cs}/u;
/** C0 and C1 controls and DEL (tab and newline included: a name or an id is one line). */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
/** Bidirectional embeddings, overrides, isolates and marks (Trojan Source, CVE-2021-42574). */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
/**
 * Format characters (Cf) other than the bidi ones above, e.g. zero-width space U+200B, word
 * joiner U+2060, BOM U+FEFF, soft hyphen U+00AD. Zero-width (non-)joiners U+200C/U+200D are
 * allowed between letters: some scripts (Persian, Indic) need them in ordinary names.
 */
const FORMAT = /\p{Cf}/u;
const JOINERS = /[\u200c\u200d]/gu;
const LETTER = /\p{L}/gu;

/** Checks one string; returns the first problem or undefined. Does not normalise. */
export function textProblem(value: string, options: { name?: boolean } = {}): TextProblem | undefined {
  if (LONE_SURROGATE.test(value)) return "lone-surrogate";
  if (CONTROL.test(value)) return "control-character";
  if (BIDI.test(value)) return "bidi-control";
  if (options.name) {
    if (FORMAT.test(value.replace(JOINERS, ""))) return "invisible-character";
    const visible = value.replace(/[\s\p{Cf}]/gu, "");
    if (visible.length === 0) return "no-visible-text";
    if ((value.match(LETTER) ?? []).length < 2) return "too-few-letters";
  }
  return undefined;
}

/** True when the string has no lone surrogate (String.prototype.isWellFormed, ES2024). */
export function isWellFormed(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

/**
 * A zod string that is well-formed, free of control and bidi characters, trimmed and in NFC.
 * `name: true` adds the rules for a typed name (no invisible characters, at least two letters).
 */
export function safeText(options: { min?: number; max: number; name?: boolean }) {
  return z
    .string()
    .superRefine((value, ctx) => {
      const problem = textProblem(value, options.name ? { name: true } : {});
      if (problem) ctx.addIssue({ code: "custom", message: TEXT_MESSAGES[problem], params: { problem } });
    })
    .transform((value) => value.normalize("NFC").trim())
    .pipe(
      z
        .string()
        .min(options.min ?? 1)
        .max(options.max),
    );
}

/**
 * Walks a parsed JSON value and reports the path of the first string (key or value) that is not
 * well-formed Unicode, so a lone surrogate anywhere in a body is a 400 before any field is read.
 */
export function findMalformedString(value: unknown, path: string[] = []): string | undefined {
  if (typeof value === "string") return isWellFormed(value) ? undefined : path.join(".") || "(body)";
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findMalformedString(item, [...path, String(index)]);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (!isWellFormed(key)) return [...path, "(key)"].join(".");
      const found = findMalformedString(item, [...path, key]);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

// The name rule lives in shared/ because the tab warns with it before anything is recorded: the
// warning and the evidence's "Name matches" column must agree, so there is one function, re-exported
// here for the server and its callers.
export { nameTokens, namesMatch } from "../shared/names.js";
