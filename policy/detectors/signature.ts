import { GREETINGS } from "../data/etiquette/greetings.js";

/**
 * End of the greeting line ("Dear Mrs Patel,", "Hi Kelly", "Sam,"), or 0 when the text does not open with
 * one: a first line of at most 50 characters that opens with a greeting word (GREETINGS) or ends with a
 * comma; in a longer first line (or a text of one line), a greeting word up to a comma within its first
 * 30 characters ("Hi Mark, can you take Class 4 at 2?…" ends after "Hi Mark,"). A short first line that says
 * something ("Oliver Ashdown has an EHCP.") is not a greeting, and the person it names is not the reader.
 * Offsets are UTF-16 code units into `text`.
 */
export function greetingLineEnd(text: string): number {
  let start = 0;
  while (start < text.length && (text.charAt(start) === "\n" || text.charAt(start) === " ")) start++;
  const newline = text.indexOf("\n", start);
  const line = text
    .slice(start, newline < 0 ? undefined : newline)
    .toLowerCase()
    .trim();
  const greets = GREETINGS.some((greeting) => line.startsWith(greeting) && !/[a-z]/.test(line.charAt(greeting.length)));
  // "Hi Mark, can you take Class 4 at 2?": a greeting run on into the message ends at its comma.
  const comma = line.indexOf(",") + 1;
  if (newline < 0 || newline - start > 50) return greets && comma > 0 && comma < 31 ? start + comma : 0;
  return greets || line.endsWith(",") ? newline : 0;
}
