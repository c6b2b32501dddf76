import { describe, expect, it } from "vitest";
import { loadPolicy } from "../pack/load.js";
import { domainOf, externalRecipients, isEncrypted, isInternalAddress, normalizeDraft } from "./draft.js";

const pack = loadPolicy("delius");

describe("normalizeDraft", () => {
  it("fills missing fields and freezes the result", () => {
    const draft = normalizeDraft({ subject: "Hi" });
    expect(draft).toMatchObject({
      subject: "Hi",
      body: "",
      bodyType: "text",
      to: [],
      cc: [],
      bcc: [],
      attachments: [],
    });
    expect(Object.isFrozen(draft)).toBe(true);
    expect(Object.isFrozen(draft.to)).toBe(true);
  });
});

describe("addresses", () => {
  it.each([
    ["Jo@Delius-School.sch.uk", "delius-school.sch.uk"],
    ["no-at-sign", ""],
    ["a@b@c.org ", "c.org"],
  ])("domainOf(%s) = %s", (address, domain) => {
    expect(domainOf(address)).toBe(domain);
  });

  it.each([
    ["jo@delius-school.sch.uk", true],
    ["jo@mail.delius-school.sch.uk", true],
    ["jo@notdelius-school.sch.uk", false],
    ["jo@gmail.com", false],
  ])("isInternalAddress(%s) = %s", (address, internal) => {
    expect(isInternalAddress(address, pack)).toBe(internal);
  });

  it("lists external recipients across To, Cc and Bcc", () => {
    const draft = normalizeDraft({
      to: [{ address: "jo@delius-school.sch.uk" }, { address: "a@gmail.com" }],
      cc: [{ address: "b@outlook.com" }],
      bcc: [{ address: "c@yahoo.co.uk" }],
    });
    expect(externalRecipients(draft, pack).map((r) => r.address)).toEqual([
      "a@gmail.com",
      "b@outlook.com",
      "c@yahoo.co.uk",
    ]);
  });
});

describe("isEncrypted (subject tag)", () => {
  it.each([
    ["[secure] Details", true],
    ["Details [SECURE]", true],
    ["Details", false],
  ])("%s → %s", (subject, encrypted) => {
    expect(isEncrypted(normalizeDraft({ subject }), pack)).toBe(encrypted);
  });
});

describe("normalizeDraft: optional fields", () => {
  it("keeps the sender, label, headers and sent-before facts it is given, and no empty ones", () => {
    const from = { name: "Jo Hart", address: "jo@delius-school.sch.uk" };
    const draft = normalizeDraft({
      from,
      sensitivityLabelId: "label-1",
      headers: { "x-encrypt": "yes" },
      sentBefore: { salt: "s", hashes: ["ab12"] },
      bodyType: "html",
    });
    expect(draft).toMatchObject({
      from,
      sensitivityLabelId: "label-1",
      headers: { "x-encrypt": "yes" },
      sentBefore: { salt: "s", hashes: ["ab12"] },
      bodyType: "html",
    });
    const bare = normalizeDraft({ sensitivityLabelId: "" });
    for (const key of ["from", "sensitivityLabelId", "headers", "sentBefore"]) expect(bare).not.toHaveProperty(key);
  });
});

describe("isEncrypted (label and header)", () => {
  const withMechanism = (mechanism: (typeof pack)["encryption"]["mechanism"]) =>
    ({ ...pack, encryption: { ...pack.encryption, mechanism } }) as typeof pack;
  const label = withMechanism({
    kind: "sensitivity-label",
    labelId: "9f3c1c52-3f5e-4a52-9f44-2b7f0c0a1d11",
    labelName: "Encrypt",
  });
  const header = withMechanism({ kind: "header", name: "X-Encrypt", value: "yes" });

  it.each([
    ["the label", { sensitivityLabelId: "9f3c1c52-3f5e-4a52-9f44-2b7f0c0a1d11" }, true],
    ["another label", { sensitivityLabelId: "00000000-0000-0000-0000-000000000000" }, false],
    ["no label", {}, false],
  ])("label mechanism, %s", (_what, input, encrypted) => {
    expect(isEncrypted(normalizeDraft(input), label)).toBe(encrypted);
  });

  it.each([
    ["the header, any case of its name", { headers: { "x-encrypt": "yes" } }, true],
    ["the header with another value", { headers: { "X-Encrypt": "no" } }, false],
    ["another header", { headers: { "X-Other": "yes" } }, false],
    ["no headers", {}, false],
  ])("header mechanism, %s", (_what, input, encrypted) => {
    expect(isEncrypted(normalizeDraft(input), header)).toBe(encrypted);
  });
});
