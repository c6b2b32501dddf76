/**
 * The name-matching rule, shared by the server (which records `nameMatch` in the evidence) and the
 * tab (which warns before recording a name that will not match). No dependencies, so the tab's
 * bundle takes nothing of the server with it.
 */

/**
 * Name tokens for matching: NFKD, combining marks removed (accents folded), lower-cased with the
 * locale-independent full case fold approximated by toLowerCase after toUpperCase ("ß" → "ss"),
 * split on anything that is not a letter or digit (spaces, hyphens, apostrophes, commas, dots).
 */
export function nameTokens(value: string): string[] {
  return value
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toUpperCase()
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Whether a typed full name reasonably matches the signed-in person's directory display name.
 * The rule, in words: fold both (accents, case, punctuation — see `nameTokens`); every word typed
 * must be one of the display name's words, or an initial of one of them; and at least two of the
 * display name's words (or its only word) must be typed out in full. So "Sam Staff", "staff, sam",
 * "Sam J. Staff" (display "Sam James Staff") and "zoe o'neill" (display "Zoë O'Neill") match;
 * "Sam" alone, "S Staff" and "Pat Smith" do not. A mismatch is
 * not refused: the record keeps a `nameMatch: false` flag for whoever reads the evidence, and the
 * tab warns the person first (tab/name-check.ts) so that flag is never a surprise.
 */
export function namesMatch(typed: string, displayName: string): boolean {
  const typedTokens = nameTokens(typed);
  const displayTokens = nameTokens(displayName);
  if (typedTokens.length === 0 || displayTokens.length === 0) return false;
  const remaining = [...displayTokens];
  let full = 0;
  for (const token of typedTokens) {
    const exact = remaining.indexOf(token);
    if (exact >= 0) {
      remaining.splice(exact, 1);
      full += 1;
      continue;
    }
    const initial = token.length === 1 ? remaining.findIndex((candidate) => candidate.startsWith(token)) : -1;
    if (initial < 0) return false;
    remaining.splice(initial, 1);
  }
  return full >= Math.min(2, displayTokens.length);
}
