import { describe, expect, it } from "vitest";
import { loadPolicy } from "../../policy/pack/load.js";
import { delegation } from "./delegation.js";
import type { CheckContext } from "./types.js";

const pack = loadPolicy("st-john-payne"); // requires delegation while away
const absence = { start: "2026-12-01T00:00:00", end: "2026-12-08T00:00:00", workingDays: 5 };
const directory = new Map([
  ["office@st-john-payne.sch.uk", { accountEnabled: true, userType: "Member" }],
  ["left@st-john-payne.sch.uk", { accountEnabled: false, userType: "Member" }],
  ["visitor@st-john-payne.sch.uk", { accountEnabled: true, userType: "Guest" }],
]);
const delegate = (address: string, isInsideOrganization = true) => ({
  role: "delegateWithoutPrivateEventAccess",
  isInsideOrganization,
  emailAddress: { address },
});
const context = (permissions: ReturnType<typeof delegate>[], overrides: Partial<CheckContext> = {}): CheckContext => ({
  user: { id: "u1", userPrincipalName: "t@st-john-payne.sch.uk" },
  pack,
  absence,
  replies: { ok: false, status: 404 },
  permissions: { ok: true, value: permissions },
  rules: { ok: true, value: [] },
  lookup: (address) => directory.get(address),
  ...overrides,
});

describe("delegation", () => {
  it.each([
    ["no delegate", [], /no calendar delegate/],
    ["a delegate outside the school", [delegate("pa@gmail.com", false)], /outside the school/],
    ["a disabled delegate", [delegate("left@st-john-payne.sch.uk")], /disabled/],
    ["a guest delegate", [delegate("visitor@st-john-payne.sch.uk")], /guest/],
    ["a delegate not in the directory", [delegate("ghost@st-john-payne.sch.uk")], /not found/],
  ])("fails with %s", (_label, permissions, detail) => {
    const results = delegation.run(context(permissions));
    expect(results).toHaveLength(1);
    expect(results[0]?.status).toBe("fail");
    expect(results[0]?.detail).toMatch(detail);
  });

  it.each([
    ["an enabled colleague", context([delegate("office@st-john-payne.sch.uk")])],
    [
      "one good delegate among bad ones",
      context([delegate("left@st-john-payne.sch.uk"), delegate("office@st-john-payne.sch.uk")]),
    ],
    ["nobody absent", context([], { absence: undefined })],
    ["a school that does not require delegation", context([], { pack: loadPolicy("st-dunstans") })],
  ])("passes with %s", (_label, ctx) => {
    expect(delegation.run(ctx)).toEqual([]);
  });

  it("is not evaluated when permissions cannot be read", () => {
    expect(delegation.run(context([], { permissions: { ok: false, status: 403 } }))[0]?.status).toBe("not-evaluated");
  });
});
