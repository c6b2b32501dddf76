import { describe, expect, it } from "vitest";
import { classifyRecipient } from "../../policy/engine/message.js";
import { loadPolicy } from "../../policy/pack/load.js";
import { createOfficeStandIn, recipientTypeFor, typedRecipient, type StandInClient } from "./office-stand-in.js";

const context = (client: StandInClient) => ({
  internalDomains: ["st-john-payne.sch.uk"],
  client,
  personalContacts: ["head@st-john-payne.sch.uk"],
  distributionLists: ["allstaff@st-john-payne.sch.uk"],
});

describe("the stand-in reports recipientType as Office.js documents it per client", () => {
  it.each([
    ["web", "jo@st-john-payne.sch.uk", "user"],
    ["web", "parent@gmail.com", "externalUser"],
    ["web", "allstaff@st-john-payne.sch.uk", "distributionList"],
    ["web", "Year 7 parents", "other"],
    ["web", "head@st-john-payne.sch.uk", "externalUser"],
    ["new-windows", "head@st-john-payne.sch.uk", "externalUser"],
    ["classic-windows", "head@st-john-payne.sch.uk", "externalUser"],
    ["mac", "head@st-john-payne.sch.uk", "externalUser"],
    ["android", "head@st-john-payne.sch.uk", "other"],
    ["ios", "head@st-john-payne.sch.uk", "other"],
    ["ios", "parent@gmail.com", "externalUser"],
  ] as const)("%s: %s → %s", (client, address, expected) => {
    expect(recipientTypeFor(address, context(client))).toBe(expected);
  });

  it("and the engine still places a school colleague saved as a personal contact inside the school", () => {
    const pack = loadPolicy("st-john-payne");
    for (const client of ["web", "ios"] as const) {
      const recipientType = recipientTypeFor("head@st-john-payne.sch.uk", context(client));
      expect(classifyRecipient({ address: "head@st-john-payne.sch.uk", recipientType }, pack).standing).toBe(
        "internal",
      );
    }
    expect(classifyRecipient({ address: "Year 7 parents", recipientType: "other" }, pack).standing).toBe("unknown");
  });
});

describe("a recipient typed as Outlook takes it", () => {
  it.each([
    ["a bare address", "jo@example.org", { displayName: "jo@example.org", emailAddress: "jo@example.org" }],
    [
      "a name and the address in brackets",
      "Dave Kettering <d.kettering@example.org>",
      { displayName: "Dave Kettering", emailAddress: "d.kettering@example.org" },
    ],
    [
      "a quoted name with a comma",
      '"Kettering, Dave" <d.kettering@example.org>',
      { displayName: "Kettering, Dave", emailAddress: "d.kettering@example.org" },
    ],
    ["brackets alone", "<jo@example.org>", { displayName: "jo@example.org", emailAddress: "jo@example.org" }],
  ])("%s", (_what, typed, expected) => {
    expect(typedRecipient(typed)).toEqual(expected);
  });

  it("reads the address, not the whole text, to say whether it is inside the school", () => {
    // A new user typed "Dave Kettering <d.kettering@…>" and was told a colleague's address looked like a look-alike.
    const standIn = createOfficeStandIn({ internalDomains: ["example.org"] });
    standIn.setRecipients("to", ["Dave Kettering <d.kettering@example.org>"]);
    expect(standIn.state.to).toEqual([
      { displayName: "Dave Kettering", emailAddress: "d.kettering@example.org", recipientType: "user" },
    ]);
  });
});
