import { loadPolicy } from "../../policy/pack/load.js";
import type { AutomaticRepliesSetting, CalendarPermission, MessageRule } from "../graph-types.js";
import type { Absence } from "./time.js";
import type { CheckContext, DirectoryEntry } from "./types.js";

/** Builds a check context for table-driven tests: one member of staff at St John Payne. */
export const DAY = 86_400_000;
export const NOW = Date.parse("2026-11-23T08:00:00Z"); // a Monday
export const stJohnPayne = loadPolicy("st-john-payne"); // out-of-office after 1 day, delegation required
export const stDunstans = loadPolicy("st-dunstans");

export const weekAway: Absence = {
  start: Date.parse("2026-11-30T00:00:00Z"),
  end: Date.parse("2026-12-05T00:00:00Z"),
  workingDays: 5,
  source: "calendar",
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

export function context(
  overrides: {
    absence?: Absence | undefined;
    replies?: AutomaticRepliesSetting | number;
    permissions?: readonly CalendarPermission[] | number;
    rules?: readonly MessageRule[] | number;
    pack?: CheckContext["pack"];
  } = {},
): CheckContext {
  const fetched = <T>(value: T | number) =>
    typeof value === "number" ? ({ ok: false, status: value } as const) : ({ ok: true, value } as const);
  return {
    user: { id: "u1", userPrincipalName: "teacher@st-john-payne.sch.uk" },
    pack: overrides.pack ?? stJohnPayne,
    now: NOW,
    absence: "absence" in overrides ? overrides.absence : weekAway,
    replies: fetched(overrides.replies ?? replies()),
    permissions: fetched(overrides.permissions ?? []),
    rules: fetched(overrides.rules ?? []),
    lookup: (address) => directory.get(address.toLowerCase()),
  };
}
