/**
 * The school's standard disclaimer (`pack.etiquette.disclaimer.text`), found in a body by its opening.
 * `missing-disclaimer` asks whether it is there; `buildMessage` leaves it out of the sender's own words.
 */
import { phraseSource } from "./phrase-set.js";

/** How much of the disclaimer identifies it (characters, its whitespace squashed): mail systems reflow the rest. */
export const DISCLAIMER_OPENING_LENGTH = 60;

/** Lower case, every run of white space one space, trimmed. */
export function squashSpaces(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * A case-insensitive pattern for the disclaimer's first DISCLAIMER_OPENING_LENGTH characters (squashed),
 * its spaces matching any run of white space, as a mail program reflows them. Shapes: `disclaimer` is the
 * pack's text (or its opening, which is all the send bundle embeds); the pattern is not global. An empty
 * text gives a pattern that matches anywhere: callers ask only when the pack requires a disclaimer.
 */
export function disclaimerPattern(disclaimer: string): RegExp {
  return new RegExp(phraseSource(squashSpaces(disclaimer).slice(0, DISCLAIMER_OPENING_LENGTH)), "i");
}
