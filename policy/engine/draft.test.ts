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
