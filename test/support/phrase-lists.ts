/**
 * Phrases of a list that can never match when the list is read as one PhraseSet in list order: an earlier
 * phrase is a whole-word start of them ("send this" before "send this on"), and at one position the earlier
 * alternative wins (phrase-set.ts). Such an entry only costs the send bundle bytes.
 */
export function shadowedPhrases(list: readonly string[]): string[] {
  return list.filter((phrase, index) =>
    list
      .slice(0, index)
      .some(
        (earlier) =>
          phrase.length > earlier.length &&
          phrase.startsWith(earlier) &&
          /\w$/.test(earlier) &&
          /\W/.test(phrase.charAt(earlier.length)),
      ),
  );
}
