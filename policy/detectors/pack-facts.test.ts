import { describe, expect, it } from "vitest";
import { loadPolicy } from "../pack/load.js";
import type { PolicyPack } from "../pack/schema.js";
import { compactPostcode, nationalDigits, packFacts } from "./pack-facts.js";

// A fresh copy each time: packFacts remembers a pack by identity, so a copy is worked out anew.
const freshDelius = (): PolicyPack => structuredClone(loadPolicy("delius"));

describe("packFacts", () => {
  // delius.json: address lines "Delius School", "1 Example Lane", "Bradford"; postcode "BD3 9ZZ";
  // phone "01632 960101".
  it("reads the school's own address and phone as the detectors compare them", () => {
    const facts = packFacts(freshDelius());
    expect(facts.ownPostcode).toBe("BD39ZZ");
    expect([...facts.ownPhones]).toEqual(["01632960101"]);
    expect(facts.ownAddressLines).toEqual(["delius school", "1 example lane", "bradford"]);
    expect(facts.allowed.has("special-category")).toBe(true);
  });

  it("works a pack out once: the same pack gives the same facts", () => {
    const pack = freshDelius();
    expect(packFacts(pack)).toBe(packFacts(pack));
    expect(packFacts(freshDelius())).not.toBe(packFacts(pack));
  });
});

describe("compactPostcode and nationalDigits", () => {
  it.each([
    ["BD3 9ZZ", "BD39ZZ"],
    [" bd3  9zz ", "BD39ZZ"],
  ])("compactPostcode(%j) is %j", (value, expected) => {
    expect(compactPostcode(value)).toBe(expected);
  });

  it.each([
    ["01632 960202", "01632960202"],
    ["+44 1632 960202", "01632960202"],
    ["+44 (0)1632 960202", "01632960202"],
    ["07700 900123", "07700900123"],
  ])("nationalDigits(%j) is %j", (value, expected) => {
    expect(nationalDigits(value)).toBe(expected);
  });
});
