import { describe, expect, it } from "vitest";
import { citesDefaults } from "./define.js";

describe("citesDefaults: is a finding's clause our own default, not the school's policy?", () => {
  it.each([
    ["our defaults, a section after them", "School Policy Guard defaults — E-mail etiquette", true],
    ["our defaults with no section", "School Policy Guard defaults", true],
    ["a school's own policy", "eSafety Policy — Sending e-Mails", false],
    ["a school's section that names our defaults further on", "eSafety Policy — School Policy Guard defaults", false],
    ["a document whose name only begins like ours", "School Policy Guard defaults 2025 — Sending", false],
  ])("%s", (_what, section, expected) => {
    expect(citesDefaults(section)).toBe(expected);
  });
});
