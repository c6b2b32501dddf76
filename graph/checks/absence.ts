import {
  InvalidDateTimeError,
  localInstant,
  toInstant,
  UnknownTimeZoneError,
  workingDays,
  type SchoolCalendar,
} from "./time.js";
import { sameEnum } from "./types.js";

/**
 * Absences from the calendar (events shown as out of office) and the leave file, merged and
 * measured in the school's working days. One function decides who is absent, and both the
 * out-of-office and the delegation checks use its answer, so they can never disagree.
 */
export type AbsenceSource = "calendar" | "leave file";

export interface Interval {
  readonly start: number;
  readonly end: number;
  readonly sources: readonly AbsenceSource[];
}

export interface Absence extends Interval {
  /** School working days covered, in halves. */
  readonly workingDays: number;
}

export interface CalendarEventLike {
  readonly showAs?: string | null;
  readonly isAllDay?: boolean | null;
  readonly isCancelled?: boolean | null;
  readonly start?: { readonly dateTime: string; readonly timeZone?: string | null } | null;
  readonly end?: { readonly dateTime: string; readonly timeZone?: string | null } | null;
}

export class UnreadableEventError extends Error {
  override readonly name = "UnreadableEventError";
}

/**
 * The interval an out-of-office event covers, or undefined for any other event. All-day events
 * are whole local days in the school's zone (Graph gives their dates at midnight, whatever zone it
 * writes next to them); other events are read in their own zone.
 */
export function eventInterval(event: CalendarEventLike, calendar: SchoolCalendar): Interval | undefined {
  if (!sameEnum(event.showAs, "oof") || event.isCancelled === true) return undefined;
  if (!event.start || !event.end) throw new UnreadableEventError("An out-of-office event has no start or end.");
  try {
    if (event.isAllDay === true) {
      const day = (value: string) => localInstant(value.slice(0, 10), calendar.timeZone);
      return { start: day(event.start.dateTime), end: day(event.end.dateTime), sources: ["calendar"] };
    }
    return { start: toInstant(event.start), end: toInstant(event.end), sources: ["calendar"] };
  } catch (error) {
    if (error instanceof InvalidDateTimeError || error instanceof UnknownTimeZoneError)
      throw new UnreadableEventError(`An out-of-office event could not be read: ${error.message}.`);
    throw error;
  }
}

/**
 * Joins overlapping absences, and those separated by no school time (a week entered as five
 * one-day events, a weekend or a bank holiday between two blocks, a lunch hour) into one.
 */
export function mergeAbsences(intervals: readonly Interval[], calendar: SchoolCalendar): Absence[] {
  const sorted = intervals.filter((interval) => interval.end > interval.start).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && (interval.start <= last.end || workingDays(last.end, interval.start, calendar) === 0)) {
      merged[merged.length - 1] = {
        start: last.start,
        end: Math.max(last.end, interval.end),
        sources: [...new Set([...last.sources, ...interval.sources])].sort(),
      };
    } else {
      merged.push(interval);
    }
  }
  return merged.map((interval) => ({ ...interval, workingDays: workingDays(interval.start, interval.end, calendar) }));
}

/**
 * The first absence overlapping the window that is longer than the threshold (more than
 * `afterDays` working days), or undefined when there is none.
 */
export function findAbsence(
  intervals: readonly Interval[],
  window: { readonly start: number; readonly end: number },
  afterDays: number,
  calendar: SchoolCalendar,
): Absence | undefined {
  return mergeAbsences(intervals, calendar).find(
    (absence) => absence.start < window.end && absence.end > window.start && absence.workingDays > afterDays,
  );
}
