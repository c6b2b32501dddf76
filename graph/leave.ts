import { addDays, localInstant, UK_SCHOOL, type SchoolCalendar } from "./checks/time.js";

/**
 * The leave file: an export from the school's HR or cover system, one absence a row as
 * `upn,start,end`. Dates are school-local calendar dates written YYYY-MM-DD (2026-12-01) or
 * DD/MM/YYYY (01/12/2026); the END DATE IS INCLUSIVE (a single day off is `…,2026-12-01,2026-12-01`).
 * Every row is kept, so a person with several absences has several rows. A header line and blank
 * lines are skipped; any other row that cannot be read is an error naming the line and the format,
 * so a typo never silently drops an absence.
 */
export interface LeaveEntry {
  readonly userPrincipalName: string;
  /** Epoch milliseconds: local midnight starting the first day. */
  readonly start: number;
  /** Epoch milliseconds: local midnight after the last day (exclusive). */
  readonly end: number;
}

export class LeaveFileError extends Error {
  override readonly name = "LeaveFileError";
}

export const LEAVE_FORMAT = "upn,start,end with dates as YYYY-MM-DD or DD/MM/YYYY, end date inclusive";

const ISO = /^(\d{4})-(\d\d)-(\d\d)$/;
const UK = /^(\d\d?)\/(\d\d?)\/(\d{4})$/;

/** A YYYY-MM-DD date from either format, or undefined when it is not a real date. */
export function leaveDate(text: string): string | undefined {
  const iso = ISO.exec(text);
  const uk = iso ? undefined : UK.exec(text);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : uk ? [uk[3], uk[2], uk[1]] : [];
  if (!year || !month || !day) return undefined;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return undefined;
  return date.toISOString().slice(0, 10);
}

export function parseLeaveCsv(text: string, calendar: SchoolCalendar = UK_SCHOOL): LeaveEntry[] {
  const entries: LeaveEntry[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const cells = line.split(",").map((cell) =>
      cell
        .trim()
        .replace(/^"(.*)"$/, "$1")
        .trim(),
    );
    if (cells.every((cell) => cell === "")) return;
    // A header: a first line without a UPN and without dates. One with dates is a row to read (an IT admin's
    // trial: a header-less export whose first row named someone without a UPN was skipped in silence).
    if (index === 0 && !cells[0]?.includes("@") && !cells.slice(1).some((cell) => leaveDate(cell) !== undefined))
      return;
    const fail = (why: string): never => {
      throw new LeaveFileError(`Leave file line ${index + 1}: ${why} (expected ${LEAVE_FORMAT}): "${line}"`);
    };
    if (cells.length !== 3) fail(`${cells.length} columns`);
    const [userPrincipalName = "", startText = "", endText = ""] = cells;
    if (!/^[^@\s]+@[^@\s]+$/.test(userPrincipalName)) fail(`"${userPrincipalName}" is not a user principal name`);
    const first = leaveDate(startText) ?? fail(`"${startText}" is not a date`);
    const last = leaveDate(endText) ?? fail(`"${endText}" is not a date`);
    if (last < first) fail("the end date is before the start date");
    entries.push({
      userPrincipalName: userPrincipalName.toLowerCase(),
      start: localInstant(first, calendar.timeZone),
      end: localInstant(addDays(last, 1), calendar.timeZone),
    });
  });
  return entries;
}
