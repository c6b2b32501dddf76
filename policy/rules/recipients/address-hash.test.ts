import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { addSentTo, hashAddress, sha256Hex, wasSentTo } from "./address-hash.js";

/**
 * Node's own SHA-256 (OpenSSL): an independent implementation to check the ES2016 one against. (Lone
 * surrogates are left out: Node encodes them as U+FFFD, sha256Hex as three bytes each; no address has one.)
 */
const reference = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

describe("sha256Hex", () => {
  it.each([
    ["one ASCII byte", "a"],
    ["55 bytes: padding fits in the block", "a".repeat(55)],
    ["56 bytes: padding needs a second block", "a".repeat(56)],
    ["64 bytes: exactly one block", "a".repeat(64)],
    ["119 and 120 bytes", "b".repeat(119)],
    ["two-byte UTF-8 (é, £)", "Zoë paid £5"],
    ["the last two-byte code point", "\u07ff"],
    ["the first three-byte code point", "\u0800"],
    ["three-byte UTF-8 (€, ‘’)", "€10 for Jo’s trip"],
    ["four-byte UTF-8 from a surrogate pair", "\u{1f600} \u{10ffff}"],
    ["an address", "kate.ashdown@gmail.com"],
  ])("%s", (_what, text) => {
    expect(sha256Hex(text)).toBe(reference(text));
  });
});

describe("sha256Hex: UTF-8 at the edges of each encoding length and of the surrogate ranges", () => {
  it.each([
    ["U+0080, the first two-byte code point", "\u0080"],
    ["U+10000 (the pair D800 DC00), the first four-byte code point", "\ud800\udc00"],
    ["U+10FC00 (the pair DBFF DC00)", "\udbff\udc00"],
    ["U+FFFF, the last three-byte code point", "\uffff"],
  ])("%s", (_what, text) => {
    expect(sha256Hex(text)).toBe(reference(text));
  });

  // A surrogate that is not half of a pair is encoded alone, as three bytes (ED A0 80 for D800, ED B0 80
  // for DC00, EE 80 80 for E000), worked out by hand and hashed by Node.
  const bytesHash = (bytes: number[]) => createHash("sha256").update(Buffer.from(bytes)).digest("hex");
  it.each([
    ["a low surrogate after a letter", "a\udc00", [0x61, 0xed, 0xb0, 0x80]],
    ["two low surrogates", "\udc00\udc00", [0xed, 0xb0, 0x80, 0xed, 0xb0, 0x80]],
    ["a high surrogate before a letter", "\ud800a", [0xed, 0xa0, 0x80, 0x61]],
    ["a high surrogate before U+E000", "\ud800\ue000", [0xed, 0xa0, 0x80, 0xee, 0x80, 0x80]],
  ])("%s", (_what, text, bytes) => {
    expect(sha256Hex(text)).toBe(bytesHash(bytes));
  });
});

describe("hashAddress", () => {
  it("hashes the salt, a NUL and the trimmed, lower-case address", () => {
    expect(hashAddress("s4lt", "  Kate.Ashdown@Gmail.com ")).toBe(reference("s4lt\u0000kate.ashdown@gmail.com"));
  });
});

describe("addSentTo and wasSentTo", () => {
  const salt = "s4lt";

  it("adds each address once, newest last, and skips entries without an @", () => {
    const sent = addSentTo({ salt, hashes: [] }, ["a@x.com", "Year 6 Parents", "b@x.com", "A@X.com"]);
    expect(sent).toEqual({ salt, hashes: [hashAddress(salt, "b@x.com"), hashAddress(salt, "a@x.com")] });
    expect(wasSentTo(sent, "Year 6 Parents")).toBe(false);
    expect(wasSentTo(sent, "c@x.com")).toBe(false);
  });

  it("keeps the newest when capped, and all of them under the cap", () => {
    const capped = addSentTo({ salt, hashes: [] }, ["a@x.com", "b@x.com", "c@x.com"], 2);
    expect(capped.hashes).toEqual([hashAddress(salt, "b@x.com"), hashAddress(salt, "c@x.com")]);
    expect(addSentTo({ salt, hashes: [] }, ["a@x.com", "b@x.com"], 2).hashes).toHaveLength(2);
    expect(addSentTo({ salt, hashes: [] }, ["a@x.com", "b@x.com"]).hashes).toHaveLength(2);
  });

  it("does not change the set it is given", () => {
    const before = { salt, hashes: [hashAddress(salt, "a@x.com")] };
    addSentTo(before, ["b@x.com"]);
    expect(before.hashes).toEqual([hashAddress(salt, "a@x.com")]);
  });
});
