import { describe, expect, it } from "vitest";
import { INTERNAL_DETAIL_PATTERNS, internalDetails } from "./internal-detail.js";

const ids = (text: string) => internalDetails(text).map((entry) => entry.id);

describe("internal details an automatic reply to everyone should not give", () => {
  it.each([
    ["a UNC share", "Plans are on \\\\fileserver\\science$ today", ["unc-path"]],
    ["a UNC share with dots", "See \\\\srv-01.school.local\\staff.docs", ["unc-path"]],
    ["a mapped drive", "Lesson plans: S:\\Science\\Year 9", ["drive-path"]],
    ["another drive letter", "in T:\\Cover", ["drive-path"]],
    ["an extension", "ring ext. 2345", ["extension"]],
    ["an extension written out", "Extension 234 please", ["extension"]],
    ["an extension without a space", "ext2345", ["extension"]],
    ["a SharePoint link", "Plans at https://stjp.sharepoint.com/sites/Staff/Cover", ["sharepoint-link"]],
    ["a OneDrive link", "http://stjp-my.sharepoint.com/personal/x", ["sharepoint-link"]],
    ["cover lessons", "Cover lessons are with Mr Dunmore", ["cover-work"]],
    ["cover arrangements", "cover arrangement: see the office", ["cover-work"]],
    ["cover work", "Cover work is set", ["cover-work"]],
  ])("finds %s", (_label, text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it.each([
    ["a plain reply", "I am away until Monday. Please contact the school office."],
    ["a lone backslash pair", "see \\\\ nothing"],
    ["a share without a folder", "\\\\fileserver\\ and then"],
    ["a lower-case drive letter in prose", "the s:\\ drive"],
    ["a drive letter alone at the end", "the shared drive S:\\"],
    ["a number that is not an extension", "text 2345 and next 23"],
    ["a one-digit extension", "ext. 5"],
    ["a six-digit number after ext", "ext 123456"],
    ["another site's link", "https://example.com/sharepoint.com/x"],
    ["the word cover alone", "I will cover for Jo"],
  ])("ignores %s", (_label, text) => {
    expect(ids(text)).toEqual([]);
  });

  it("says why and how each detail is shown, with no duplicate id", () => {
    expect(INTERNAL_DETAIL_PATTERNS.map((entry) => [entry.id, entry.label])).toEqual([
      ["unc-path", "a network share path"],
      ["drive-path", "a shared-drive path"],
      ["extension", "an internal phone extension"],
      ["sharepoint-link", "a SharePoint or OneDrive link"],
      ["cover-work", "cover or lesson arrangements"],
    ]);
    for (const entry of INTERNAL_DETAIL_PATTERNS) expect(entry.why).toMatch(/^[A-Z].{20,}\.$/);
  });
});
