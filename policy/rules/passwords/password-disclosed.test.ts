import { describe, expect, it } from "vitest";
import { ruleTester } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import { PRESET_IDS } from "../../presets/index.js";
import rule, { looksLikePassword } from "./password-disclosed.js";

const colleague = { name: "Sam Patel", address: "s.patel@lt2.org.uk" };
const draft = (body: string, subject = "Logins") => ({ subject, body, bodyType: "text" as const, to: [colleague] });

ruleTester(rule, {
  policy: "lt2",
  valid: [
    // Talk about passwords, not a password.
    {
      name: "a reset",
      draft: draft("Hi Sam,\n\nYour SIMS password has been reset; you'll be asked to set a new one."),
    },
    { name: "a rule", draft: draft("Passwords must be at least 12 characters including numbers and letters.") },
    { name: "protect the file", draft: draft("Please password protect the spreadsheet before you send it.") },
    { name: "a hyphenated word", draft: draft("Ignore any password e-mails that look odd.") },
    { name: "sent another way", draft: draft("The password is coming by text message, not in this e-mail.") },
    { name: "a web address", draft: draft("Password: https://portal.example.org/reset to choose one.") },
    { name: "a plain word after it", draft: draft("My password is changed every 30 days.") },
    { name: "a number too short", draft: draft("The password is 8 characters long.") },
    { name: "a quoted word too short", draft: draft("The door password is 'tbc' for now.") },
    // A guest network's key is given out on purpose, however it is written.
    { name: "a guest Wi-Fi password", draft: draft("Visitors: the Guest WiFi password is Bluebell-4472.") },
    // A guest network's key is given out on purpose.
    { name: "guest wi-fi", draft: draft("The guest Wi-Fi is LT2Guest and the password this week is Bluebell-4472.") },
    // Someone else's words: the message being answered.
    {
      name: "a password only in the quoted message",
      draft: draft(
        "Thanks, I'm in now.\n\nSam\n\n-----Original Message-----\nFrom: ICT Support\nSent: 02 March 2026 09:10\nTo: Sam Patel\nSubject: Logins\n\nYour temporary password is Tmp-84kd-Q29",
      ),
    },
    // Not yet read: a login and its password either side of a slash, with no password word (the send
    // bundle's room; docs/detection.md).
    { name: "a login pair without the word", draft: draft("The CCTV login is admin / DeliusCam#21.") },
  ],
  invalid: [
    {
      draft: draft("Hi Sam,\n\nThe SIMS password is Bluebell22 until you change it.\n\nJo"),
      errors: [{ messageId: "given", location: "body", severity: "nudge", spanTexts: ["password is Bluebell22"] }],
    },
    {
      name: "a colon and symbols",
      draft: draft("Temporary password: kL9#mw2Q"),
      errors: [{ messageId: "given", spanTexts: ["password: kL9#mw2Q"] }],
    },
    {
      name: "no 'is' at all",
      draft: draft("here are my Microsoft login details: j.bradley@lt2.org.uk password Sunflower2019"),
      errors: [{ messageId: "given", spanTexts: ["password Sunflower2019"] }],
    },
    {
      name: "what it opens, then the value",
      draft: draft("The password for the exam board site is Patching-Hall-77."),
      errors: [{ messageId: "given", spanTexts: ["password for the exam board site is Patching-Hall-77."] }],
    },
    {
      name: "a short form",
      draft: draft("pw is Delius2026"),
      errors: [{ messageId: "given", spanTexts: ["pw is Delius2026"] }],
    },
    {
      name: "a quoted word",
      draft: draft("The class password is 'frogspawn' for now."),
      errors: [{ messageId: "given", spanTexts: ["password is 'frogspawn"] }],
    },
    {
      name: "in the subject",
      draft: draft("See subject.", "SIMS login - pw Kx9rt2"),
      errors: [{ messageId: "given", location: "subject", spanTexts: ["pw Kx9rt2"] }],
    },
    {
      name: "St John Payne too (its staff agreement: 'not disclose any passwords')",
      draft: draft("pw is Payne2026"),
      policy: "st-john-payne",
      errors: [{ messageId: "given", severity: "nudge" }],
    },
    {
      name: "under every school whose policy speaks of passwords",
      draft: draft("The password is Bluebell22."),
      policy: "palfrey",
      errors: [{ messageId: "given" }],
    },
  ],
});

describe("looksLikePassword", () => {
  it.each([
    ["Bluebell22", false, true],
    ["Oak!Tree!Lane", false, true],
    ["BlueSky", false, true],
    ["frogspawn", true, true],
    ["changed", false, false],
    ["below.", false, false],
    ["e-mails", false, false],
    ["12", false, false],
    ["www.example.org", false, false],
    ["j.bradley@lt2.org.uk", false, false],
    ["abc", true, false],
    // Four characters are enough; a closing mark at the end is not part of the value, one inside is.
    ["abc1", false, true],
    ["Ab!c", false, true],
    ["tr!p#kx", false, true],
    // A symbol only at an end is punctuation, not a password's.
    ["abcd#", false, false],
  ])("%s (quoted: %s) → %s", (value, quoted, expected) => {
    expect(looksLikePassword(value, quoted)).toBe(expected);
  });

  it("applies only where the school's pack has a passwords clause (every seed school's policy has one)", () => {
    for (const id of PRESET_IDS) expect(rule.appliesTo(loadPolicy(id))).toBe(true);
    expect(rule.appliesTo({ ...loadPolicy("lt2"), clauses: {} })).toBe(false);
  });
});
