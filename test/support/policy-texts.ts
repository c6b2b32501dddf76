import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { PresetId } from "../../policy/presets/index.js";

/**
 * The five schools' policy texts, which live outside the repository (../shared/policies beside the
 * checkout, or SCHOOL_POLICIES_DIR): what the presets' quotes are checked against.
 */
export const POLICIES_DIR =
  process.env.SCHOOL_POLICIES_DIR ?? fileURLToPath(new URL("../../../shared/policies/", import.meta.url));

const POLICY_FILES: Record<PresetId, string> = {
  "st-dunstans": "st-dunstans-education-group.txt",
  palfrey: "palfrey-infant-school.txt",
  lt2: "learning-today-leading-tomorrow-trust.txt",
  delius: "delius-school.txt",
  "st-john-payne": "st-john-payne-school.txt",
};

export const havePolicyTexts = (): boolean => existsSync(POLICIES_DIR);

/** Runs of whitespace as one space, trimmed: the texts wrap lines where the packs do not. */
export const squash = (text: string): string => text.replace(/\s+/g, " ").trim();

/** A preset's policy text, squashed. Throws (ENOENT) when the texts are absent. */
export function policyText(id: PresetId): string {
  return squash(readFileSync(join(POLICIES_DIR, POLICY_FILES[id]), "utf8"));
}

/**
 * Is `quote` the policy's own words: one verbatim passage, or passages joined by " … " that appear in
 * that order (a list's lead-in, then the item a finding cites, so the item does not read as a fragment)?
 * `text` is squashed.
 */
export function quotedInOrder(text: string, quote: string): boolean {
  let from = 0;
  for (const part of squash(quote).split(" … ")) {
    const at = text.indexOf(part, from);
    if (at === -1) return false;
    from = at + part.length;
  }
  return true;
}
