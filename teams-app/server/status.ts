import type { AcknowledgementRecord } from "./store/record.js";

/** A person's standing for one document. */
export type AcknowledgementStatus = "acknowledged" | "due" | "overdue" | "not-required";

export interface Cadence {
  readonly kind: "annual";
  /** MM-DD: each year's acknowledgements fall due on this day. */
  readonly dueMonthDay: string;
  readonly onNewVersion: boolean;
  readonly graceDays: number;
}

export interface DocumentVersion {
  readonly id: string;
  readonly version: string;
  readonly sha256: string;
  /** YYYY-MM-DD */
  readonly effectiveDate: string;
}

export interface StatusResult {
  readonly status: AcknowledgementStatus;
  /** YYYY-MM-DD: when the next acknowledgement is (or was) due; absent when not required. */
  readonly dueDate?: string;
  /** The acknowledgement that satisfies the current requirement, if any. */
  readonly acknowledgedAt?: string;
}

const DAY_MS = 86_400_000;

function dateOnly(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** The due date (as a UTC date string) in a given year; 29 Feb falls back to 28 Feb in other years. */
function dueInYear(year: number, monthDay: string): string {
  const [month, day] = monthDay.split("-").map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(Math.min(day, lastDay)).padStart(2, "0")}`;
}

/**
 * The annual cycle an acknowledgement counts for: the first due date on or after the day it was made.
 * Signing on 15 September counts for the cycle that closes on 30 September.
 */
export function cycleDueDate(day: string, monthDay: string): string {
  const year = Number(day.slice(0, 4));
  const thisYear = dueInYear(year, monthDay);
  return day <= thisYear ? thisYear : dueInYear(year + 1, monthDay);
}

function addDays(day: string, days: number): string {
  return dateOnly(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}

/**
 * Status of one document for one person who is required to acknowledge it.
 *
 * - Annual: an acknowledgement covers the cycle closing on the first due date on or after it.
 *   Covered for the current cycle → acknowledged; covered only for the cycle that closed last →
 *   due (by the next due date); otherwise the last due date passed without one → overdue.
 * - New version (onNewVersion): only acknowledgements of the current version and text count, but
 *   for `graceDays` after the version takes effect a person whose older acknowledgement was valid
 *   is due, not overdue. Until a version's effective date plus grace, nobody is overdue on it.
 */
export function statusFor(
  doc: DocumentVersion,
  cadence: Cadence,
  records: readonly AcknowledgementRecord[],
  now: Date,
): StatusResult {
  const today = dateOnly(now);
  const mine = records.filter((record) => record.policyId === doc.id);
  const counting = cadence.onNewVersion
    ? mine.filter((record) => record.version === doc.version && record.textHash === doc.sha256)
    : mine;
  const currentCycle = cycleDueDate(today, cadence.dueMonthDay);
  const previousCycle = dueInYear(Number(currentCycle.slice(0, 4)) - 1, cadence.dueMonthDay);

  const covering = (set: readonly AcknowledgementRecord[], cycle: string) =>
    set.filter((record) => cycleDueDate(record.acknowledgedAt.slice(0, 10), cadence.dueMonthDay) === cycle).pop() ??
    // An acknowledgement made in a later cycle also covers an earlier one (it is newer still).
    set.filter((record) => cycleDueDate(record.acknowledgedAt.slice(0, 10), cadence.dueMonthDay) > cycle).pop();

  const current = covering(counting, currentCycle);
  if (current) return { status: "acknowledged", dueDate: currentCycle, acknowledgedAt: current.acknowledgedAt };

  const graceEnds = addDays(doc.effectiveDate, cadence.graceDays);
  if (cadence.onNewVersion && today <= graceEnds) {
    return { status: "due", dueDate: graceEnds < currentCycle ? graceEnds : currentCycle };
  }
  if (covering(counting, previousCycle)) return { status: "due", dueDate: currentCycle };
  return { status: "overdue", dueDate: graceEnds > previousCycle ? graceEnds : previousCycle };
}
