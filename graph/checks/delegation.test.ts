import { describe, expect, it } from "vitest";
import type { CalendarPermission } from "../graph-types.js";
import { delegation } from "./delegation.js";
import { context, stDunstans } from "./test-context.js";

const permission = (
  address: string,
  role = "delegateWithoutPrivateEventAccess",
  isInsideOrganization = true,
): CalendarPermission => ({
  id: address,
  emailAddress: { name: address, address },
  role,
  isInsideOrganization,
  isRemovable: true,
});

describe("delegation", () => {
  it.each([
    ["no permissions at all", [], /no calendar delegate/],
    ["only a reader, no delegate", [permission("office@st-john-payne.sch.uk", "read")], /no calendar delegate/],
    [
      "a delegate outside the organisation",
      [permission("pa@gmail.com", "delegateWithPrivateEventAccess", false)],
      /outside the school/,
    ],
    ["a delegate flagged inside but on another domain", [permission("pa@other.example")], /outside the school/],
    ["a disabled delegate", [permission("left@st-john-payne.sch.uk")], /disabled/],
    ["a guest delegate", [permission("visitor@st-john-payne.sch.uk")], /guest/],
    ["a delegate not in the directory", [permission("ghost@st-john-payne.sch.uk")], /not found/],
  ])("fails with %s", (_label, permissions, detail) => {
    const results = delegation.run(context({ permissions }));
    expect(results).toHaveLength(1);
    expect(results[0]?.status).toBe("fail");
    expect(results[0]?.detail).toMatch(detail);
  });

  it.each([
    ["an enabled colleague", context({ permissions: [permission("office@st-john-payne.sch.uk")] })],
    [
      "the role in another case",
      context({ permissions: [permission("Office@st-john-payne.sch.uk", "DelegateWithPrivateEventAccess")] }),
    ],
    [
      "one good delegate among bad ones",
      context({ permissions: [permission("left@st-john-payne.sch.uk"), permission("office@st-john-payne.sch.uk")] }),
    ],
    ["nobody absent", context({ absence: undefined })],
    ["a school that does not require delegation", context({ pack: stDunstans })],
  ])("passes with %s", (_label, ctx) => {
    expect(delegation.run(ctx)).toEqual([]);
  });

  it("is not evaluated when permissions cannot be read", () => {
    expect(delegation.run(context({ permissions: 403 }))[0]?.status).toBe("not-evaluated");
  });
});
