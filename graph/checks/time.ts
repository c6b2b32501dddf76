import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from "../data/bank-holidays.js";

/**
 * Time as a school keeps it. Graph gives calendar times in UTC by default, automatic-reply
 * schedules keep the zone they were set in (often a Windows name such as "GMT Standard Time"), and
 * all-day events are whole days wherever the reader is: every value is turned into an instant with
 * its own zone before any comparison, and days are counted in the school's zone, Monday to Friday,
 * bank holidays excepted.
 */
export interface DateTimeTimeZone {
  readonly dateTime: string;
  readonly timeZone?: string | null | undefined;
}

export interface SchoolCalendar {
  /** IANA zone the school keeps (Europe/London for a UK school). */
  readonly timeZone: string;
  /** Local dates (YYYY-MM-DD) that are not working days although they fall Monday to Friday. */
  readonly holidays: ReadonlySet<string>;
  /** The school day, local "HH:MM": an absence counts a whole day when it covers most of this. */
  readonly dayStart: string;
  readonly dayEnd: string;
}

export const UK_SCHOOL: SchoolCalendar = {
  timeZone: "Europe/London",
  holidays: new Set(ENGLAND_AND_WALES_BANK_HOLIDAYS),
  dayStart: "08:30",
  dayEnd: "15:30",
};

export class UnknownTimeZoneError extends Error {
  override readonly name = "UnknownTimeZoneError";
}

/**
 * Windows zone names Outlook writes, mapped to IANA as the Unicode CLDR windowsZones table does
 * (territory "001"), for the zones UK schools and their staff meet.
 */
const WINDOWS_ZONES: Readonly<Record<string, string>> = {
  "gmt standard time": "Europe/London",
  "greenwich standard time": "Atlantic/Reykjavik",
  "w. europe standard time": "Europe/Berlin",
  "romance standard time": "Europe/Paris",
  "central europe standard time": "Europe/Budapest",
  "central european standard time": "Europe/Warsaw",
  "e. europe standard time": "Europe/Chisinau",
  "gtb standard time": "Europe/Bucharest",
  "fle standard time": "Europe/Kiev",
  "turkey standard time": "Europe/Istanbul",
  "eastern standard time": "America/New_York",
  "central standard time": "America/Chicago",
  "mountain standard time": "America/Denver",
  "pacific standard time": "America/Los_Angeles",
  "india standard time": "Asia/Calcutta",
  "china standard time": "Asia/Shanghai",
  "tokyo standard time": "Asia/Tokyo",
  "aus eastern standard time": "Australia/Sydney",
  "new zealand standard time": "Pacific/Auckland",
};

const UTC_NAMES = new Set([
  "utc",
  "gmt",
  "etc/utc",
  "etc/gmt",
  "z",
  "coordinated universal time",
  "tzone://microsoft/utc",
]);

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat("en-GB", {
        timeZone: zone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      });
    } catch {
      throw new UnknownTimeZoneError(`Unknown time zone "${zone}"`);
    }
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The wall-clock fields of an instant in a zone. */
function wallClock(
  instant: number,
  zone: string,
): Record<"year" | "month" | "day" | "hour" | "minute" | "second", number> {
  const fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(zone).formatToParts(new Date(instant))) {
    if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value);
  }
  return fields;
}

function offsetMs(instant: number, zone: string): number {
  const wall = wallClock(instant, zone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** An IANA zone for a Graph timeZone value (Windows or IANA name); undefined for UTC. */
export function ianaZone(timeZone: string | null | undefined): string | undefined {
  const name = (timeZone ?? "").trim();
  if (name === "" || UTC_NAMES.has(name.toLowerCase())) return undefined;
  const zone = WINDOWS_ZONES[name.toLowerCase()] ?? name;
  formatterFor(zone); // throws UnknownTimeZoneError for a name neither table knows
  return zone;
}

const DATE = /^(\d{4})-(\d\d)-(\d\d)$/;
const DATE_TIME = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:\.\d{1,7})?)?(Z|[+-]\d\d:\d\d)?$/;

export class InvalidDateTimeError extends Error {
  override readonly name = "InvalidDateTimeError";
}

/** The instant of a wall-clock time in a zone (the earlier one when a clock change repeats it). */
export function wallToInstant(wall: number, zone: string | undefined): number {
  if (!zone) return wall;
  // Two passes settle the offset across a daylight-saving change.
  const first = wall - offsetMs(wall, zone);
  return wall - offsetMs(first, zone);
}

/** Milliseconds since the epoch for a Graph dateTimeTimeZone, read in its own zone. */
export function toInstant(value: DateTimeTimeZone): number {
  const text = value.dateTime.trim();
  const date = DATE.exec(text);
  const match = date ?? DATE_TIME.exec(text);
  if (!match) throw new InvalidDateTimeError(`Not a date and time: "${value.dateTime}"`);
  const [, year, month, day, hour = "0", minute = "0", second = "0", offset] = match;
  const wall = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  if (Number.isNaN(wall) || new Date(wall).getUTCDate() !== Number(day))
    throw new InvalidDateTimeError(`Not a date and time: "${value.dateTime}"`);
  if (offset) return offset === "Z" ? wall : wall - offsetSign(offset);
  return wallToInstant(wall, ianaZone(value.timeZone));
}

function offsetSign(offset: string): number {
  const sign = offset.startsWith("-") ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6))) * 60_000;
}

/** The local date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(instant: number, zone: string): string {
  const wall = wallClock(instant, zone);
  return `${wall.year}-${String(wall.month).padStart(2, "0")}-${String(wall.day).padStart(2, "0")}`;
}

/** The instant a local date's given time ("HH:MM", default midnight) begins in a zone. */
export function localInstant(date: string, zone: string, time = "00:00"): number {
  return toInstant({ dateTime: `${date}T${time}:00`, timeZone: zone });
}

export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split("-").map(Number);
  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, (day ?? 1) + days)).toISOString().slice(0, 10);
}

export function isWorkingDay(date: string, calendar: SchoolCalendar): boolean {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !calendar.holidays.has(date);
}

/**
 * Working days of [start, end), in halves: a school day counts 1 when the interval covers at least
 * three quarters of it, ½ when it covers at least a quarter (a morning at the dentist), else 0.
 */
export function workingDays(start: number, end: number, calendar: SchoolCalendar): number {
  if (!(end > start)) return 0;
  let total = 0;
  const last = localDate(end - 1, calendar.timeZone);
  for (let date = localDate(start, calendar.timeZone); date <= last; date = addDays(date, 1)) {
    if (!isWorkingDay(date, calendar)) continue;
    const dayStart = localInstant(date, calendar.timeZone, calendar.dayStart);
    const dayEnd = localInstant(date, calendar.timeZone, calendar.dayEnd);
    const covered = Math.max(0, Math.min(end, dayEnd) - Math.max(start, dayStart)) / (dayEnd - dayStart);
    total += covered >= 0.75 ? 1 : covered >= 0.25 ? 0.5 : 0;
  }
  return total;
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** "Mon 30 Nov 2026" in the school's zone. */
export function formatLocalDate(instant: number, zone: string): string {
  let formatter = dateFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", {
      timeZone: zone,
      weekday: "short",
      day: "numeric",
      month: "short",
      year: "numeric",
    });
    dateFormatters.set(zone, formatter);
  }
  return formatter.format(new Date(instant)).replace(/,/g, "");
}

/**
 * One end of a period, as a reader counts days: a bound at local midnight is a whole day, so a
 * start there reads as that day and an end there as the day before ("to Tue 8 Dec 2026" for a
 * schedule Outlook stores as ending at 00:00 on Wednesday 9 December, which covers nothing of the
 * Wednesday); any other bound keeps its local time ("Wed 9 Dec 2026 09:00").
 */
export function formatLocalBound(instant: number, zone: string, bound: "start" | "end"): string {
  const wall = wallClock(instant, zone);
  // Outlook sets schedules to the minute: the seconds say nothing.
  if (wall.hour === 0 && wall.minute === 0) return formatLocalDate(bound === "end" ? instant - 1 : instant, zone);
  const time = `${String(wall.hour).padStart(2, "0")}:${String(wall.minute).padStart(2, "0")}`;
  return `${formatLocalDate(instant, zone)} ${time}`;
}
