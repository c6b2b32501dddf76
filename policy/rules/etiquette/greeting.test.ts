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
  ],
  invalid: [
    { draft: body("The reports are ready.\nKind regards"), errors: [{ messageId: "missing", location: "body" }] },
    { draft: body("Send me the register now."), errors: [{ messageId: "missing", location: "body" }] },
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
    ["Send me the register now.", false],
    ["", false],
  ])("%j → %s", (own, expected) => {
    expect(hasGreeting(own)).toBe(expected);
  });
});
