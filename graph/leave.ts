/**
 * The leave file: an export from the school's HR or cover system, one absence a line as
 * `upn,start,end` (ISO dates, both inclusive, or ISO date-times). A header line and blank lines are
 * skipped; a malformed line is an error naming the line, so a typo never silently drops an absence.
 */
export interface LeaveEntry {
  readonly userPrincipalName: string;
  /** Epoch milliseconds, start inclusive. */
  readonly start: number;
  /** Epoch milliseconds, end exclusive (an end date covers that whole day). */
  readonly end: number;
}

export class LeaveFileError extends Error {
  override readonly name = "LeaveFileError";
}

const DAY_MS = 86_400_000;

function instant(value: string, isEnd: boolean): number {
  if (/^\d{4}-\d\d-\d\d$/.test(value)) return Date.parse(`${value}T00:00:00Z`) + (isEnd ? DAY_MS : 0);
  return Date.parse(/(?:Z|[+-]\d\d:\d\d)$/.test(value) ? value : `${value}Z`);
}

export function parseLeaveCsv(text: string): LeaveEntry[] {
  const entries: LeaveEntry[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const cells = line.split(",").map((cell) => cell.trim().replace(/^"(.*)"$/, "$1"));
    if (cells.every((cell) => cell === "")) return;
    if (index === 0 && !cells[0]?.includes("@")) return; // header
    const [userPrincipalName = "", startText = "", endText = ""] = cells;
    const start = instant(startText, false);
    const end = instant(endText, true);
    if (!userPrincipalName.includes("@") || Number.isNaN(start) || Number.isNaN(end) || end <= start) {
      throw new LeaveFileError(`Leave file line ${index + 1}: expected upn,start,end with ISO dates, got "${line}"`);
    }
    entries.push({ userPrincipalName: userPrincipalName.toLowerCase(), start, end });
  });
  return entries;
}

export function toLeaveCsv(entries: readonly LeaveEntry[]): string {
  const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return (
    [
      "upn,start,end",
      ...entries.map((entry) => `${entry.userPrincipalName},${date(entry.start)},${date(entry.end - DAY_MS)}`),
    ].join("\n") + "\n"
  );
}
