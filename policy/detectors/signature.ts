/** End of a short first line (the greeting, "Dear Mrs Patel,"), or 0 when the text does not open with one. */
export function greetingLineEnd(text: string): number {
  let start = 0;
  while (start < text.length && (text.charAt(start) === "\n" || text.charAt(start) === " ")) start++;
  const newline = text.indexOf("\n", start);
  return newline !== -1 && newline - start <= 50 ? newline : 0;
}
