import { namesMatch } from "../shared/names.js";

/**
 * What pressing "I agree" does with the typed name. A name that does not match the account's
 * display name is still accepted (the evidence records "Name matches: no"), but only on a second,
 * deliberate press for that same text: the person is told first, so the admin does not inherit
 * weak evidence nobody noticed. `warnedFor` is the exact text the person was last warned about;
 * any edit re-arms the check.
 */
export function agreeStep(typed: string, displayName: string, warnedFor: string | undefined): "record" | "warn" {
  if (namesMatch(typed, displayName)) return "record";
  return warnedFor === typed ? "record" : "warn";
}

/** The warning, naming the account's display name so the person can see what to type. */
export function nameMismatchMessage(displayName: string): string {
  const shown = displayName.trim();
  return (
    `The name you typed doesn't match the name on your account${shown ? ` (${shown})` : ""}. ` +
    "Type your full name as it appears, or acknowledge anyway."
  );
}
