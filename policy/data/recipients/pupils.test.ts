import { describe, expect, it } from "vitest";
import { PUPIL_SUBDOMAINS, SOCIAL_CONTACT_PHRASES } from "./pupils.js";

describe("pupil data", () => {
  it.each([
    ["PUPIL_SUBDOMAINS", PUPIL_SUBDOMAINS],
    ["SOCIAL_CONTACT_PHRASES", SOCIAL_CONTACT_PHRASES],
  ] as const)("%s: lower case, trimmed, single-spaced, no duplicates", (_name, list) => {
    for (const entry of list) expect(entry).toMatch(/^[a-z]+(?: [a-z]+)*$/);
    expect(new Set(list).size).toBe(list.length);
  });

  it("a pupil subdomain is one DNS label", () => {
    for (const label of PUPIL_SUBDOMAINS) expect(label).toMatch(/^[a-z][a-z0-9-]*$/);
  });
});
