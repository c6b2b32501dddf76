/**
 * Graph's dateTimeTimeZone values, absences and working days. Graph gives calendar times in UTC by
 * default, but automatic-reply schedules keep the zone they were set in, often a Windows name
 * ("GMT Standard Time"), so both are turned into instants before any comparison.
 */
export interface DateTimeTimeZone {
  readonly dateTime: string;
  readonly timeZone?: string | undefined;
}

/** Windows zone names Outlook uses → IANA, for the zones UK schools and their staff meet. */
const WINDOWS_ZONES: Readonly<Record<string, string>> = {
  "gmt standard time": "Europe/London",
  "greenwich standard time": "Atlantic/Reykjavik",
  "w. europe standard time": "Europe/Berlin",
  "romance standard time": "Europe/Paris",
  "central europe standard time": "Europe/Budapest",
  "e. europe standard time": "Europe/Chisinau",
  "gtb standard time": "Europe/Bucharest",
  "eastern standard time": "America/New_York",
  "central standard time": "America/Chicago",
  "pacific standard time": "America/Los_Angeles",
  "india standard time": "Asia/Kolkata",
  "aus eastern standard time": "Australia/Sydney",
};

const DAY_MS = 86_400_000;

function zoneOffsetMs(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value ?? 0);
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** Milliseconds since the epoch for a Graph dateTimeTimeZone (or a plain ISO string, read as UTC). */
export function toInstant(value: DateTimeTimeZone | string): number {
  const { dateTime, timeZone } = typeof value === "string" ? { dateTime: value, timeZone: "UTC" } : value;
  // Graph writes seven fractional digits ("2026-12-01T00:00:00.0000000"): keep milliseconds only.
  const trimmed = dateTime.replace(/(\.\d{3})\d+/, "$1");
  if (/(?:Z|[+-]\d\d:\d\d)$/.test(trimmed)) return Date.parse(trimmed);
  const wall = Date.parse(/^\d{4}-\d\d-\d\d$/.test(trimmed) ? `${trimmed}T00:00:00Z` : `${trimmed}Z`);
  const zoneName = (timeZone ?? "UTC").trim();
  const zone = WINDOWS_ZONES[zoneName.toLowerCase()] ?? zoneName;
  if (zone === "" || /^(?:utc|gmt|etc\/utc|z)$/i.test(zone)) return wall;
  try {
    // Two passes settle the offset across a daylight-saving change.
    const first = wall - zoneOffsetMs(wall, zone);
    return wall - zoneOffsetMs(first, zone);
  } catch {
    return wall; // An unknown zone name: read as UTC rather than fail the sweep.
  }
}

/**
 * Working days (Monday to Friday, UTC calendar days) of which [start, end) covers at least half:
 * an all-day event shifted an hour by daylight saving still counts its own days and no others.
 */
export function workingDays(start: number, end: number): number {
  let count = 0;
  for (let day = Math.floor(start / DAY_MS) * DAY_MS; day < end; day += DAY_MS) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const covered = Math.min(end, day + DAY_MS) - Math.max(start, day);
    if (covered >= DAY_MS / 2) count++;
  }
  return count;
}

export interface Absence {
  readonly start: number;
  readonly end: number;
  readonly workingDays: number;
  readonly source: "calendar" | "leave-file";
}

/**
 * Joins overlapping absences and those separated only by days off (a week booked as five daily
 * events, or two weeks either side of a weekend) into one.
 */
export function mergeAbsences(intervals: readonly Omit<Absence, "workingDays">[]): Absence[] {
  const sorted = [...intervals].filter((interval) => interval.end > interval.start).sort((a, b) => a.start - b.start);
  const merged: Omit<Absence, "workingDays">[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && (interval.start <= last.end || workingDays(last.end, interval.start) === 0)) {
      merged[merged.length - 1] = {
        start: last.start,
        end: Math.max(last.end, interval.end),
        source: last.source === interval.source ? last.source : "calendar",
      };
    } else {
      merged.push(interval);
    }
  }
  return merged.map((interval) => ({ ...interval, workingDays: workingDays(interval.start, interval.end) }));
}

export function isoDate(instant: number): string {
  return new Date(instant).toISOString().slice(0, 10);
}
