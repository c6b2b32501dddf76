import { describe, expect, it } from "vitest";
import { ruleTester } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import rule, { hasClosing, signedWithOwnName } from "./closing.js";

const body = (text: string) => ({ subject: "Reports", body: text, bodyType: "text" as const });

ruleTester(rule, {
  pack: loadPolicy("st-john-payne"),
  valid: [
    { draft: body("Dear Mrs Shah,\nThe reports are ready.\nKind regards,\nAlex") },
    { draft: body("Hi,\nThanks for this.\nBest wishes\nAlex Reid\nYear 4 teacher") },
    {
      name: "closing above the quoted reply",
      draft: body("Hi,\nDone.\nMany thanks\n\nFrom: Sam\nSent: Monday\nHello"),
    },
    { name: "closing not required", pack: loadPolicy("st-dunstans"), draft: body("Dear Sam,\nDone.") },
    // An IT admin's trial: a name and a kiss, "Ta".
    { name: "a name and a kiss", draft: body("Hiya,\nCoffee at break?\n\nLucy x") },
    { name: "a name and kisses", draft: body("Hiya,\nCoffee at break?\n\nJo Ann xx") },
    { name: "ta", draft: body("Hi,\nCan you cover P3?\n\nTa, L") },
    {
      name: "an answer to a colleague above their message",
      draft: {
        ...body(
          "Yes, 3.30 is fine.\n\nFrom: Ann Lee <a.lee@st-john-payne.sch.uk>\nSent: Monday\nTo: Jo Hart\n\nCan we meet?",
        ),
        to: [{ name: "Ann Lee", address: "a.lee@st-john-payne.sch.uk" }],
      },
    },
  ],
  invalid: [
    { draft: body("Dear Sam,\nThe reports are ready."), errors: [{ messageId: "missing", location: "body" }] },
    {
      name: "an answer to a parent above their message",
      draft: {
        ...body("Yes, 3.30 is fine.\n\nFrom: Sam Ode <sam.ode@example.com>\nSent: Monday\nTo: Jo Hart\n\nCan we meet?"),
        to: [{ name: "Sam Ode", address: "sam.ode@example.com" }],
      },
      errors: [{ messageId: "missing", location: "body" }],
    },
    {
      name: "closing only in the quoted message",
      draft: body("Dear Sam,\nNo.\n-----Original Message-----\nKind regards\nSam"),
      errors: [{ messageId: "missing", location: "body" }],
    },
    {
      name: "a line ending in x that is no sign-off",
      draft: body("Dear Sam,\nThe room is 4x"),
      errors: [{ messageId: "missing", location: "body" }],
    },
    {
      name: "a long last line ending in x",
      draft: body("Dear Sam,\nPlease see the attached list from the box x"),
      errors: [{ messageId: "missing", location: "body" }],
    },
  ],
});

describe("hasClosing", () => {
  const filler = (n: number) => Array.from({ length: n }, (_, i) => `Line ${i + 1} of the message.`).join("\n");
  it.each([
    ["Thanks.\nKind regards\nJo", true],
    ["KIND REGARDS,\nJo", true],
    [`Kind regards\n${filler(7)}`, true], // the eighth line from the end
    [`Kind regards\n${filler(8)}`, false], // the ninth
    [`Kind regards ${"x".repeat(48)}`, false], // 61 characters: a line, not a sign-off
    [`Kind regards ${"x".repeat(47)}`, true], // exactly 60
    ["The reports are ready.", false],
    // A one-line e-mail signs off on its own line, after its last sentence.
    ["The trip form is due on Friday. Thanks, Mrs Hart", true],
    ["DO NOT BE LATE!!! Kind regards, Jo", true],
    ["Please be on time? Cheers", true],
    // Warm sign-offs between colleagues (a new user's trial), but not a line that starts "Lovely".
    ["Thank you so much for the flowers.\nLove,\nBecky x", true],
    ["See you Monday.\nTake care\nJo", true],
    ["Lovely to see you at the concert.", false],
    // Only after the last sentence, and short: a sentence that merely mentions thanks is not a sign-off.
    ["Please send the reports to the office. Thanks are due to Sam for the data.", false],
    [`The reports are ready. Thanks to everyone who ${"x".repeat(30)}`, false],
  ])("%j → %s", (text, expected) => {
    expect(hasClosing(text)).toBe(expected);
  });
});

describe("signedWithOwnName: a short note signed with the sender's name (a new user's trial)", () => {
  it.each([
    ["Priya", "Priya Shah", true],
    ["Priya Shah", "Priya Shah", true],
    ["PS", "Priya Shah", true],
    ["Miss Shah.", "Priya Shah", true],
    ["Mrs Hart", "Priya Shah", false], // someone else's name
    ["Jo", "", false], // no sender to compare with
    ["Thanks for the data", "Priya Shah", false],
  ])("%j from %j → %s", (line, sender, expected) => {
    expect(signedWithOwnName(line, sender)).toBe(expected);
  });

  it("counts as a closing on the last line only", () => {
    expect(hasClosing("Count me in if you're going!\n\nJo", "Jo Baker")).toBe(true);
    expect(hasClosing("Jo\n\nCount me in if you're going!", "Jo Baker")).toBe(false);
  });
});
