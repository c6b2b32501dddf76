import { loadPolicy } from "../../policy/pack/load.js";
import type { AutomaticRepliesSetting, CalendarPermission, MessageRule } from "../graph-types.js";
import type { Absence } from "./absence.js";
import { internalAddressTest } from "./addresses.js";
import { UK_SCHOOL } from "./time.js";
import type { CheckContext, DirectoryEntry, Fetched } from "./types.js";

/** Builds a check context for table-driven tests: one member of staff at St John Payne. */
export const DAY = 86_400_000;
export const NOW = Date.parse("2026-11-23T08:00:00Z"); // a Monday
export const stJohnPayne = loadPolicy("st-john-payne"); // out-of-office after 1 day, delegation required
export const stDunstans = loadPolicy("st-dunstans");

/** Monday 30 November to Friday 4 December 2026 (GMT, so UTC), whole days. */
export const weekAway: Absence = {
  start: Date.parse("2026-11-30T00:00:00Z"),
  end: Date.parse("2026-12-05T00:00:00Z"),
  workingDays: 5,
  sources: ["calendar"],
};

export const replies = (setting: Partial<AutomaticRepliesSetting> = {}): AutomaticRepliesSetting => ({
  status: "alwaysEnabled",
  externalAudience: "all",
  internalReplyMessage: "<p>I am away until next week. Please contact the school office.</p>",
  externalReplyMessage: "<p>I am away until next week. Please contact the school office.</p>",
  ...setting,
});

const directory = new Map<string, DirectoryEntry>([
  ["office@st-john-payne.sch.uk", { accountEnabled: true, userType: "Member" }],
  ["left@st-john-payne.sch.uk", { accountEnabled: false, userType: "Member" }],
  ["visitor@st-john-payne.sch.uk", { accountEnabled: true, userType: "Guest" }],
]);

/** A reason stands for something the sweep could not read. */
export const UNREAD = "The calendar permissions could not be read: Access denied (HTTP 403 ErrorAccessDenied).";

function fetched<T>(value: T | { unread: string }): Fetched<T> {
  return typeof value === "object" && value !== null && "unread" in value
    ? { ok: false, reason: value.unread }
    : { ok: true, value: value as T };
}

export function context(
  overrides: {
    absence?: Absence | undefined | { unread: string };
    replies?: AutomaticRepliesSetting | { unread: string };
    permissions?: readonly CalendarPermission[] | { unread: string };
    rules?: readonly MessageRule[] | { unread: string };
    pack?: CheckContext["pack"];
  } = {},
): CheckContext {
  return {
    user: { id: "u1", userPrincipalName: "teacher@st-john-payne.sch.uk", displayName: "A Teacher" },
    pack: overrides.pack ?? stJohnPayne,
    calendar: UK_SCHOOL,
    now: NOW,
    absence: fetched<Absence | undefined>("absence" in overrides ? overrides.absence : weekAway),
    replies: fetched(overrides.replies ?? replies()),
    permissions: fetched(overrides.permissions ?? []),
    rules: fetched(overrides.rules ?? []),
    isInternal: internalAddressTest(["st-john-payne.sch.uk", "stjohnpayne.onmicrosoft.com"]),
    lookup: (address) => directory.get(address.toLowerCase()),
  };
}
