import { describe, expect, it } from "vitest";
import { ruleTester } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import rule, { hasGreeting } from "./greeting.js";

const body = (text: string) => ({ subject: "Reports", body: text, bodyType: "text" as const });

ruleTester(rule, {
  pack: loadPolicy("st-john-payne"),
  valid: [
    { draft: body("Dear Mrs Shah,\nThe reports are ready.") },
    { draft: body("Good morning all,\nReminder about INSET.") },
    { draft: body("Sarah,\nCan you cover period 3?") },
    { name: "greeting not required", pack: loadPolicy("st-dunstans"), draft: body("The reports are ready.") },
    { name: "empty body", draft: body("") },
    {
      name: "a reply to a colleague, with the colleague's message quoted below",
      draft: {
        ...body(
          "Yes, 3.30 is fine.\n\nFrom: Ann Lee <a.lee@st-john-payne.sch.uk>\nSent: 4 March 2026 09:12\nTo: Jo Hart\nSubject: Reports\n\nDear Jo,\nCan we meet at 3.30?",
        ),
        to: [{ name: "Ann Lee", address: "a.lee@st-john-payne.sch.uk" }],
      },
    },
    {
      name: "a note forwarding a message to all staff",
      draft: {
        ...body(
          "Thought everyone should see this!\n\n---------- Forwarded message ---------\nFrom: Office <office@example.org>\nDate: Mon, 2 Mar 2026\nSubject: Trip\n\nThe coach leaves at 8.30.",
        ),
        to: [{ name: "All Staff", address: "allstaff@st-john-payne.sch.uk" }],
      },
    },
  ],
  invalid: [
    { draft: body("The reports are ready.\nKind regards"), errors: [{ messageId: "missing", location: "body" }] },
    { draft: body("Send me the register now."), errors: [{ messageId: "missing", location: "body" }] },
    {
      name: "a reply to a parent, with the parent's message quoted below",
      draft: {
        ...body(
          "Yes, 3.30 is fine.\n\nFrom: Sam Ode <sam.ode@example.com>\nSent: 4 March 2026 09:12\nTo: Jo Hart\nSubject: Reports\n\nDear Mr Hart,\nCan we meet at 3.30?",
        ),
        to: [{ name: "Sam Ode", address: "sam.ode@example.com" }],
      },
      errors: [{ messageId: "missing", location: "body" }],
    },
    {
      name: "a new message to a colleague (no quoted message)",
      draft: { ...body("Can we meet at 3.30?"), to: [{ name: "Ann Lee", address: "a.lee@st-john-payne.sch.uk" }] },
      errors: [{ messageId: "missing", location: "body" }],
    },
  ],
});

describe("hasGreeting", () => {
  it.each([
    ["Dear Mrs Khan,\nText", true],
    ["\n\n  Hello all\nText", true],
    ["Sarah,\nText", true],
    ["Mary-Jane O'Neill,\nText", true],
    [`${"a".repeat(41)},\nText`, true],
    [`${"a".repeat(42)},\nText`, false],
    ["Sarah\nText", false],
    ["Sarah, thanks for this.\nText", false],
    // Thanks open a message courteously (a new user's trial: "Thanks Raj, will do." was told to add a greeting).
    ["Thanks Raj, will do.", true],
    ["Thank you for your email.\nText", true],
    ["Many thanks for sending these.", true],
    ["Thankfully the coach was on time.", false],
    ["Send me the register now.", false],
    ["", false],
  ])("%j → %s", (own, expected) => {
    expect(hasGreeting(own)).toBe(expected);
  });
});
