import { describe, expect, it } from "vitest";
import type { CalendarPermission } from "../graph-types.js";
import { delegation } from "./delegation.js";
import { context, stDunstans, UNREAD } from "./test-context.js";

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
    [
      "a school address Graph says is outside the organisation",
      [permission("office@st-john-payne.sch.uk", "delegateWithPrivateEventAccess", false)],
      /office@st-john-payne.sch.uk is outside the school/,
    ],
    ["a delegate flagged inside but on another domain", [permission("pa@other.example")], /outside the school/],
    ["a disabled delegate", [permission("left@st-john-payne.sch.uk")], /disabled/],
    ["a guest delegate", [permission("visitor@st-john-payne.sch.uk")], /guest/],
    ["a delegate not in the directory", [permission("ghost@st-john-payne.sch.uk")], /not in the directory/],
    [
      "a delegate without an address",
      [{ id: "p", role: "delegateWithPrivateEventAccess", emailAddress: null }],
      /\(no address\) is outside/,
    ],
  ])("warns with %s, keeping to its own facts", (_label, permissions, detail) => {
    const results = delegation.run(context({ permissions }));
    expect(results).toHaveLength(1);
    expect(results[0]?.status).toBe("warn");
    expect(results[0]?.detail).toMatch(detail);
    expect(results[0]?.detail).toMatch(/^Away Mon 30 Nov 2026 to Fri 4 Dec 2026 \(5 working days, from the calendar\)/);
    // What Graph cannot see is said once at the top of the report, not in each of ~20 warnings.
    expect(results[0]?.detail).not.toMatch(/FullAccess|SendAs|Send on Behalf|Microsoft Graph|note at the top/);
    expect(results[0]?.detail).toMatch(/\.$/);
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

  it("lists every unusable delegate in one warning", () => {
    const results = delegation.run(
      context({ permissions: [permission("left@st-john-payne.sch.uk"), permission("visitor@st-john-payne.sch.uk")] }),
    );
    expect(results[0]?.detail).toBe(
      "Away Mon 30 Nov 2026 to Fri 4 Dec 2026 (5 working days, from the calendar); no usable calendar delegate (left@st-john-payne.sch.uk is disabled; visitor@st-john-payne.sch.uk is a guest).",
    );
  });

  it("says no calendar delegate, and only that, when there is none", () => {
    expect(delegation.run(context({ permissions: [] }))).toEqual([
      {
        status: "warn",
        detail: "Away Mon 30 Nov 2026 to Fri 4 Dec 2026 (5 working days, from the calendar); no calendar delegate.",
      },
    ]);
  });

  it("is not evaluated, with the reason, when the permissions cannot be read", () => {
    expect(delegation.run(context({ permissions: { unread: UNREAD } }))).toEqual([
      {
        status: "not-evaluated",
        detail: `Away Mon 30 Nov 2026 to Fri 4 Dec 2026 (5 working days, from the calendar); ${UNREAD}`,
      },
    ]);
  });

  it("is not evaluated when the absence is unknown (the calendar could not be read)", () => {
    expect(delegation.run(context({ absence: { unread: "The calendar could not be read." } }))).toEqual([
      { status: "not-evaluated", detail: "Absence unknown: The calendar could not be read." },
    ]);
  });

  it("says nothing about a school that does not require delegation even when nothing could be read", () => {
    expect(delegation.run(context({ pack: stDunstans, absence: { unread: "x" } }))).toEqual([]);
  });
});
