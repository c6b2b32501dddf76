import { describe, expect, it } from "vitest";
import { foldForMatching } from "./normalize.js";

const fold = (source: string) => foldForMatching(source).text;
const char = (code: number) => String.fromCodePoint(code);

describe("foldForMatching: what each kind of character becomes", () => {
  // Code points named in the module's contract; the expected folding is the character's meaning.
  it.each([
    ["zero width space", 0x200b, ""],
    ["zero width non-joiner", 0x200c, ""],
    ["zero width joiner", 0x200d, ""],
    ["word joiner", 0x2060, ""],
    ["byte order mark", 0xfeff, ""],
    ["soft hyphen", 0x00ad, ""],
    ["no-break space", 0x00a0, " "],
    ["ogham space mark", 0x1680, " "],
    ["narrow no-break space", 0x202f, " "],
    ["medium mathematical space", 0x205f, " "],
    ["ideographic space", 0x3000, " "],
    ["en quad", 0x2000, " "],
    ["thin space", 0x2009, " "],
    ["hair space", 0x200a, " "],
    ["hyphen", 0x2010, "-"],
    ["non-breaking hyphen", 0x2011, "-"],
    ["en dash", 0x2013, "-"],
    ["horizontal bar", 0x2015, "-"],
    ["minus sign", 0x2212, "-"],
    ["left single quotation mark", 0x2018, "'"],
    ["right single quotation mark", 0x2019, "'"],
    ["single high-reversed-9 quotation mark", 0x201b, "'"],
    ["prime", 0x2032, "'"],
    ["left double quotation mark", 0x201c, '"'],
    ["right double quotation mark", 0x201d, '"'],
    ["double high-reversed-9 quotation mark", 0x201f, '"'],
    ["double prime", 0x2033, '"'],
    ["full-width digit nine", 0xff19, "9"],
    ["mathematical bold capital A", 0x1d400, "A"],
    ["ligature fi", 0xfb01, "fi"],
  ])("%s (U+%s)", (_name, code, folded) => {
    expect(fold(`a${char(code)}b`)).toBe(`a${folded}b`);
  });

  it.each([
    ["double vertical line, after the dashes", 0x2016],
    ["left-to-right mark, before them", 0x200e],
    ["single low-9 quotation mark", 0x201a],
    ["e acute", 0x00e9],
    ["pound sign", 0x00a3],
  ])("keeps %s", (_name, code) => {
    expect(fold(`a${char(code)}b`)).toBe(`a${char(code)}b`);
  });

  // Unicode's confusables.txt: each Cyrillic or Greek letter and the Latin letter it is drawn like.
  it.each([
    ["Cyrillic small a", 0x0430, "a"],
    ["Cyrillic small ve", 0x0432, "B"],
    ["Cyrillic small ie", 0x0435, "e"],
    ["Cyrillic small ka", 0x043a, "k"],
    ["Cyrillic small em", 0x043c, "M"],
    ["Cyrillic small en", 0x043d, "H"],
    ["Cyrillic small o", 0x043e, "o"],
    ["Cyrillic small er", 0x0440, "p"],
    ["Cyrillic small es", 0x0441, "c"],
    ["Cyrillic small te", 0x0442, "T"],
    ["Cyrillic small u", 0x0443, "y"],
    ["Cyrillic small ha", 0x0445, "x"],
    ["Cyrillic small Byelorussian-Ukrainian i", 0x0456, "i"],
    ["Cyrillic small je", 0x0458, "j"],
    ["Cyrillic small dze", 0x0455, "s"],
    ["Cyrillic small komi de", 0x0501, "d"],
    ["Cyrillic capital A", 0x0410, "A"],
    ["Cyrillic capital VE", 0x0412, "B"],
    ["Cyrillic capital IE", 0x0415, "E"],
    ["Cyrillic capital KA", 0x041a, "K"],
    ["Cyrillic capital EM", 0x041c, "M"],
    ["Cyrillic capital EN", 0x041d, "H"],
    ["Cyrillic capital O", 0x041e, "O"],
    ["Cyrillic capital ER", 0x0420, "P"],
    ["Cyrillic capital ES", 0x0421, "C"],
    ["Cyrillic capital TE", 0x0422, "T"],
    ["Cyrillic capital HA", 0x0425, "X"],
    ["Cyrillic capital Byelorussian-Ukrainian I", 0x0406, "I"],
    ["Cyrillic capital JE", 0x0408, "J"],
    ["Cyrillic capital DZE", 0x0405, "S"],
    ["Greek capital alpha", 0x0391, "A"],
    ["Greek capital beta", 0x0392, "B"],
    ["Greek capital epsilon", 0x0395, "E"],
    ["Greek capital zeta", 0x0396, "Z"],
    ["Greek capital eta", 0x0397, "H"],
    ["Greek capital iota", 0x0399, "I"],
    ["Greek capital kappa", 0x039a, "K"],
    ["Greek capital mu", 0x039c, "M"],
    ["Greek capital nu", 0x039d, "N"],
    ["Greek capital omicron", 0x039f, "O"],
    ["Greek capital rho", 0x03a1, "P"],
    ["Greek capital tau", 0x03a4, "T"],
    ["Greek capital upsilon", 0x03a5, "Y"],
    ["Greek capital chi", 0x03a7, "X"],
    ["Greek small omicron", 0x03bf, "o"],
    ["Greek small nu", 0x03bd, "v"],
  ])("reads %s as Latin", (_name, code, latin) => {
    expect(fold(`1${char(code)}2`)).toBe(`1${latin}2`);
  });

  it("reads a name spelt with look-alikes as the name", () => {
    expect(fold("\u041el\u0456v\u0435r \u0405\u0430nd\u0435rs")).toBe("Oliver Sanders");
  });
});

describe("foldForMatching: offsets", () => {
  it("returns plain ASCII as it is, offsets unchanged", () => {
    const view = foldForMatching("Dear Mrs Lane,\n\tThank you");
    expect(view.text).toBe("Dear Mrs Lane,\n\tThank you");
    expect(view.lower).toBe("dear mrs lane,\n\tthank you");
    expect([view.toSource(5), view.fromSource(5)]).toEqual([5, 5]);
  });

  it("maps each folded offset to the source character it came from", () => {
    // "a", zero width space (removed), "b", the ligature fi (two folded characters), then "𝐀" (two UTF-16 units).
    const source = "a\u200bb\ufb01\u{1d400}!";
    const view = foldForMatching(source);
    expect(view.text).toBe("abfiA!");
    expect([0, 1, 2, 3, 4, 5, 6].map(view.toSource)).toEqual([0, 2, 3, 3, 4, 6, 7]);
  });

  it("maps a span's end to the end of the source character its last folded character came from", () => {
    // As above: folded "abfiA!" from source offsets 0, 2, 3, 3, 4, 6 (and 7 for the end). A span ending
    // after "a" runs to "b" (the removed zero-width space goes with it, as toSource has it); one ending
    // after "f" takes the whole ligature "ﬁ".
    const view = foldForMatching("a\u200bb\ufb01\u{1d400}!");
    expect([0, 1, 2, 3, 4, 5, 6].map(view.toSourceEnd)).toEqual([0, 2, 3, 4, 4, 6, 7]);
    // "㎯" folds to six characters ("rad∕s2"): a span ending inside them takes the whole "㎯", never none of it.
    const squared = foldForMatching("\u33af");
    expect(squared.text).toBe("rad\u2215s2");
    expect([1, 5, 6].map(squared.toSourceEnd)).toEqual([1, 1, 1]);
    expect(foldForMatching("plain").toSourceEnd(3)).toBe(3);
  });

  it("maps every offset when many characters fold to several, with ASCII after them", () => {
    // Twenty "㎯" fold to 120 characters: more than the source's length, then plain text to map after them.
    const source = `${"\u33af".repeat(20)}ok`;
    const view = foldForMatching(source);
    expect(view.text).toBe(`${"rad\u2215s2".repeat(20)}ok`);
    expect([0, 5, 6, 119, 120, 121, 122].map(view.toSource)).toEqual([0, 0, 1, 19, 20, 21, 22]);
    expect([0, 1, 19, 20, 21, 22].map(view.fromSource)).toEqual([0, 6, 114, 120, 121, 122]);
  });

  it("maps every offset when the foldings outgrow the source many times over", () => {
    // 300 ligatures "ﬁ", each two folded characters: 300 more entries than the source has characters.
    const view = foldForMatching(`${"\ufb01".repeat(300)}ok`);
    expect(view.text).toBe(`${"fi".repeat(300)}ok`);
    expect([599, 600, 601, 602].map(view.toSource)).toEqual([299, 300, 301, 302]);
    expect([299, 300, 301, 302].map(view.fromSource)).toEqual([598, 600, 601, 602]);
  });

  it("clamps offsets outside the folded text to its ends", () => {
    const view = foldForMatching("\u00a0ab");
    expect(view.toSource(-3)).toBe(0);
    expect(view.toSource(99)).toBe(3);
  });

  it("finds the first folded offset at or after a source offset", () => {
    // Source "a", ZWSP, ZWSP, "b", "c": folded "abc" from source offsets 0, 3, 4 (and 5 for the end).
    const view = foldForMatching("a\u200b\u200bbc");
    expect([0, 1, 2, 3, 4, 5].map(view.fromSource)).toEqual([0, 1, 1, 1, 2, 3]);
  });

  it("keeps the lower-case view the length of the text when a letter would grow", () => {
    // "İ" lower-cases to "i" plus a combining dot (two units); it is left as it is so offsets still line up.
    const view = foldForMatching("Mr \u0130lhan \u00dcNAL");
    expect(view.lower).toBe("mr \u0130lhan \u00fcnal");
    expect(view.lower).toHaveLength(view.text.length);
  });

  it("lower-cases folded text of the same length as usual", () => {
    expect(foldForMatching("\u00c9LODIE\u00a0SMITH").lower).toBe("\u00e9lodie smith");
  });
});

describe("foldForMatching: edges", () => {
  it("reads U+FFFF as one UTF-16 unit, not a pair with the next character", () => {
    const view = foldForMatching("a\uffffb");
    expect(view.text).toBe("a\uffffb");
    expect([0, 1, 2, 3].map(view.toSource)).toEqual([0, 1, 2, 3]);
  });

  it("lower-cases a final capital sigma as a final sigma when no letter grows", () => {
    // String.prototype.toLowerCase reads context: "ΔΣ" is "δς" (final sigma), not "δσ".
    expect(foldForMatching("\u0394\u03a3").lower).toBe("\u03b4\u03c2");
  });
});
