import { describe, expect, it } from "vitest";
import { ruleTester, runRule } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import { addSentTo, hashAddress, sha256Hex, wasSentTo } from "./address-hash.js";
import rule, { MIN_HISTORY } from "./new-external-recipient.js";

const salt = "device-salt-1";
const known = Array.from({ length: MIN_HISTORY }, (_, i) => `parent${i}@gmail.com`);
const history = addSentTo({ salt, hashes: [] }, [...known, "kate.ashdown@gmail.com"]);
const health = {
  subject: "Oliver",
  body: "Dear Mrs Ashdown,\n\nOliver Ashdown has an EHCP and takes his epilepsy medication at lunch.\n\nKind regards,\nJo",
  bodyType: "text" as const,
};

ruleTester(rule, {
  pack: loadPolicy("st-john-payne"),
  valid: [
    { name: "no history passed in", draft: { ...health, to: [{ address: "kate.ashdwon@gmail.com" }] } },
    {
      name: "a history too young to judge",
      draft: {
        ...health,
        to: [{ address: "kate.ashdwon@gmail.com" }],
        sentBefore: addSentTo({ salt, hashes: [] }, ["a@b.com"]),
      },
    },
    {
      name: "an address written to before",
      draft: { ...health, to: [{ address: "Kate.Ashdown@gmail.com" }], sentBefore: history },
    },
    {
      name: "nothing personal to a new address",
      draft: {
        subject: "Trip",
        body: "Dear all,\n\nThe trip is on Friday.\n\nJo",
        to: [{ address: "new.parent@gmail.com" }],
        sentBefore: history,
      },
    },
    {
      name: "a new colleague inside the school",
      draft: { ...health, to: [{ address: "new.teacher@st-john-payne.sch.uk" }], sentBefore: history },
    },
  ],
  invalid: [
    {
      name: "a typo in a parent's address",
      draft: { ...health, to: [{ address: "kate.ashdwon@gmail.com" }], sentBefore: history },
      errors: [{ messageId: "first", location: "recipients" }],
    },
  ],
});

describe("address hashes", () => {
  it("is SHA-256 (FIPS 180-4 examples)", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
  });

  it("keeps no address, only salted hashes, case-insensitively", () => {
    expect(JSON.stringify(history)).not.toContain("ashdown");
    expect(wasSentTo(history, " KATE.ASHDOWN@gmail.com ")).toBe(true);
    expect(hashAddress("other-salt", "kate.ashdown@gmail.com")).not.toBe(hashAddress(salt, "kate.ashdown@gmail.com"));
  });

  it("caps the set, keeping the newest", () => {
    const capped = addSentTo({ salt, hashes: [] }, ["a@x.com", "b@x.com", "c@x.com"], 2);
    expect(wasSentTo(capped, "a@x.com")).toBe(false);
    expect(wasSentTo(capped, "c@x.com")).toBe(true);
  });
});

describe("new-external-recipient: the message data and the history's size", () => {
  const pack = loadPolicy("st-john-payne");
  const data = (to: { address: string }[], sentBefore = history) =>
    runRule(rule, { ...health, to, sentBefore }, pack).findings.map((finding) => finding.data);
  const what = "an identifiable person's SEN and health details";

  it.each([
    [["a@x.com"], "a@x.com"],
    [["a@x.com", "b@x.com"], "a@x.com and b@x.com"],
    [["a@x.com", "b@x.com", "c@x.com"], "a@x.com and 2 more"],
  ])("%j → %s", (addresses, listed) => {
    expect(data(addresses.map((address) => ({ address })))).toEqual([{ what, addresses: listed }]);
  });

  it("only the new addresses are listed", () => {
    expect(data([{ address: "kate.ashdown@gmail.com" }, { address: "a@x.com" }])).toEqual([
      { what, addresses: "a@x.com" },
    ]);
  });

  it(`judges from a history of ${MIN_HISTORY} addresses, not one fewer`, () => {
    const enough = addSentTo({ salt, hashes: [] }, known);
    const tooFew = addSentTo({ salt, hashes: [] }, known.slice(1));
    expect(data([{ address: "a@x.com" }], enough)).toHaveLength(1);
    expect(data([{ address: "a@x.com" }], tooFew)).toEqual([]);
  });
});
