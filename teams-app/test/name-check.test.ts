import { describe, expect, it } from "vitest";
import { namesMatch as serverNamesMatch } from "../server/text.js";
import { namesMatch } from "../shared/names.js";
import { agreeStep, nameMismatchMessage } from "../tab/name-check.js";

describe("the tab and the evidence share one name rule", () => {
  it("the server's namesMatch is the shared function, not a copy", () => {
    expect(serverNamesMatch).toBe(namesMatch);
  });

  // The rule's own documented examples.
  it.each([
    ["Sam Staff", "Sam Staff", true],
    ["staff, sam", "Sam Staff", true],
    ["Sam J. Staff", "Sam James Staff", true],
    ["zoe o'neill", "Zoë O'Neill", true],
    ["Sam", "Sam Staff", false],
    ["S Staff", "Sam Staff", false],
    ["Pat Smith", "Sam Staff", false],
  ])("%j against %j matches: %s", (typed, displayName, expected) => {
    expect(namesMatch(typed, displayName)).toBe(expected);
  });
});

describe("agreeStep", () => {
  it.each<[string, string, string | undefined, "record" | "warn"]>([
    // The reported case: only the first name, first press.
    ["Robin", "Robin Staffwell", undefined, "warn"],
    // A second, deliberate press for the same text records it (as "Name matches: no").
    ["Robin", "Robin Staffwell", "Robin", "record"],
    // Edited to another mismatch: warned again, not waved through by the earlier warning.
    ["Robin S", "Robin Staffwell", "Robin", "warn"],
    ["Pat Smith", "Robin Staffwell", undefined, "warn"],
    // A matching name records at once, warned before or not.
    ["Robin Staffwell", "Robin Staffwell", undefined, "record"],
    ["staffwell, robin", "Robin Staffwell", undefined, "record"],
    ["Robin Staffwell", "Robin Staffwell", "Robin", "record"],
  ])("%j for account %j (warned for %j): %s", (typed, displayName, warnedFor, expected) => {
    expect(agreeStep(typed, displayName, warnedFor)).toBe(expected);
  });
});

describe("nameMismatchMessage", () => {
  it("names the account's display name and both ways on", () => {
    expect(nameMismatchMessage("Robin Staffwell")).toBe(
      "The name you typed doesn't match the name on your account (Robin Staffwell). " +
        "Type your full name as it appears, or acknowledge anyway.",
    );
  });

  it("leaves out empty brackets when the account has no display name", () => {
    expect(nameMismatchMessage(" ")).toBe(
      "The name you typed doesn't match the name on your account. Type your full name as it appears, or acknowledge anyway.",
    );
  });
});
