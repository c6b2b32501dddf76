import { GREETINGS } from "../data/etiquette/greetings.js";

/**
 * End of the greeting line ("Dear Mrs Patel,", "Hi Kelly", "Sam,"), or 0 when the text does not open with
 * one: a first line of at most 50 characters that opens with a greeting word (GREETINGS) or ends with a
 * comma. A short first line that says something ("Oliver Ashdown has an EHCP.") is not a greeting, and
 * the person it names is not the reader.
 */
export function greetingLineEnd(text: string): number {
  let start = 0;
  while (start < text.length && (text.charAt(start) === "\n" || text.charAt(start) === " ")) start++;
  const newline = text.indexOf("\n", start);
  if (newline === -1 || newline - start > 50) return 0;
  const line = text.slice(start, newline).toLowerCase().trim();
  const greets = GREETINGS.some((greeting) => line.startsWith(greeting) && !/[a-z]/.test(line.charAt(greeting.length)));
  return greets || line.endsWith(",") ? newline : 0;
}
