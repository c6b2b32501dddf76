import { describe, expect, it } from "vitest";
import {
  addDays,
  formatLocalBound,
  formatLocalDate,
  ianaZone,
  InvalidDateTimeError,
  isWorkingDay,
  localDate,
  localInstant,
  toInstant,
  UK_SCHOOL,
  UnknownTimeZoneError,
  workingDays,
} from "./time.js";

/** Expected instants are written by hand from the published offsets (GMT+0 winter, BST = UTC+1 summer). */
describe("toInstant reads a dateTimeTimeZone in its own zone", () => {
  it.each([
    [
      "UTC with Graph's seven digits",
      { dateTime: "2026-12-01T09:00:00.0000000", timeZone: "UTC" },
      "2026-12-01T09:00:00.000Z",
    ],
    ["no zone at all is UTC", { dateTime: "2026-12-01T09:00:00" }, "2026-12-01T09:00:00.000Z"],
    [
      "GMT Standard Time in winter",
      { dateTime: "2026-12-01T09:00:00", timeZone: "GMT Standard Time" },
      "2026-12-01T09:00:00.000Z",
    ],
    [
      "GMT Standard Time in summer (BST)",
      { dateTime: "2026-07-01T09:00:00", timeZone: "GMT Standard Time" },
      "2026-07-01T08:00:00.000Z",
    ],
    [
      "Europe/London in summer",
      { dateTime: "2026-07-01T09:00:00", timeZone: "Europe/London" },
      "2026-07-01T08:00:00.000Z",
    ],
    [
      "W. Europe Standard Time",
      { dateTime: "2026-12-01T09:00:00", timeZone: "W. Europe Standard Time" },
      "2026-12-01T08:00:00.000Z",
    ],
    [
      "Pacific Standard Time",
      { dateTime: "2026-12-01T09:00:00", timeZone: "Pacific Standard Time" },
      "2026-12-01T17:00:00.000Z",
    ],
    ["an explicit offset wins", { dateTime: "2026-12-01T09:00:00+02:00", timeZone: "UTC" }, "2026-12-01T07:00:00.000Z"],
    ["a negative offset", { dateTime: "2026-12-01T09:00:00-05:00" }, "2026-12-01T14:00:00.000Z"],
    ["a bare date is midnight", { dateTime: "2026-07-01", timeZone: "Europe/London" }, "2026-06-30T23:00:00.000Z"],
    [
      "the hour after the clocks go forward",
      { dateTime: "2026-03-29T02:30:00", timeZone: "Europe/London" },
      "2026-03-29T01:30:00.000Z",
    ],
  ])("%s", (_label, value, expected) => {
    expect(new Date(toInstant(value)).toISOString()).toBe(expected);
  });

  it.each([["Narnia Standard Time"], ["Mars/Olympus"]])("refuses an unknown zone %s instead of guessing", (zone) => {
    expect(() => toInstant({ dateTime: "2026-12-01T09:00:00", timeZone: zone })).toThrow(UnknownTimeZoneError);
  });

  it.each([["yesterday"], ["2026-02-30T09:00:00"], ["2026-12-01 09:00"]])("refuses %s", (dateTime) => {
    expect(() => toInstant({ dateTime, timeZone: "UTC" })).toThrow(/Not a date and time/);
  });

  it("maps Windows names and knows UTC spellings", () => {
    expect(ianaZone("gmt standard time")).toBe("Europe/London");
    expect(ianaZone("Coordinated Universal Time")).toBeUndefined();
    expect(ianaZone("")).toBeUndefined();
    expect(ianaZone("Europe/Paris")).toBe("Europe/Paris");
  });
});

describe("school days", () => {
  it.each([
    ["a Monday", "2026-11-30", true],
    ["a Saturday", "2026-12-05", false],
    ["a Sunday", "2026-12-06", false],
    ["Christmas Day (Friday)", "2026-12-25", false],
    ["the Boxing Day substitute (Monday 28th)", "2026-12-28", false],
    ["Good Friday 2027", "2027-03-26", false],
    ["the Tuesday after the late May bank holiday", "2027-06-01", true],
  ])("%s", (_label, date, expected) => {
    expect(isWorkingDay(date, UK_SCHOOL)).toBe(expected);
  });

  const london = (dateTime: string) => toInstant({ dateTime, timeZone: "Europe/London" });
  it.each([
    ["a whole Monday", "2026-11-30T00:00:00", "2026-12-01T00:00:00", 1],
    ["Monday to Friday", "2026-11-30T00:00:00", "2026-12-05T00:00:00", 5],
    ["a fortnight over a weekend", "2026-11-30T00:00:00", "2026-12-12T00:00:00", 10],
    ["a weekend only", "2026-12-05T00:00:00", "2026-12-07T00:00:00", 0],
    ["a morning at the dentist (08:30–12:00)", "2026-12-01T08:30:00", "2026-12-01T12:00:00", 0.5],
    ["an hour at the dentist", "2026-12-01T14:00:00", "2026-12-01T15:00:00", 0],
    ["most of a day (09:00–15:30)", "2026-12-01T09:00:00", "2026-12-01T15:30:00", 1],
    ["Christmas fortnight 2026 (three bank holidays)", "2026-12-21T00:00:00", "2027-01-02T00:00:00", 7],
    ["a summer week (BST)", "2026-07-06T00:00:00", "2026-07-11T00:00:00", 5],
    ["an empty interval", "2026-12-01T09:00:00", "2026-12-01T09:00:00", 0],
  ])("%s counts %d", (_label, start, end, expected) => {
    expect(workingDays(london(start), london(end), UK_SCHOOL)).toBe(expected);
  });

  it("local dates and formatting use the school's zone", () => {
    expect(localDate(Date.parse("2026-06-30T23:30:00Z"), "Europe/London")).toBe("2026-07-01");
    expect(localDate(Date.parse("2026-12-31T23:30:00Z"), "Europe/London")).toBe("2026-12-31");
    expect(new Date(localInstant("2026-07-01", "Europe/London", "08:30")).toISOString()).toBe(
      "2026-07-01T07:30:00.000Z",
    );
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-03-01", -1)).toBe("2027-02-28");
    expect(formatLocalDate(Date.parse("2026-06-30T23:30:00Z"), "Europe/London")).toBe("Wed 1 Jul 2026");
  });

  it.each([
    // Midnight in London in summer is 23:00 UTC the day before.
    ["an end at local midnight is the day before", "2026-07-10T23:00:00Z", "end", "Fri 10 Jul 2026"],
    ["a start at local midnight is that day", "2026-07-10T23:00:00Z", "start", "Sat 11 Jul 2026"],
    ["an end during the day keeps its time", "2026-12-09T09:00:00Z", "end", "Wed 9 Dec 2026 09:00"],
    ["an end half an hour after midnight keeps its time", "2026-12-09T00:30:00Z", "end", "Wed 9 Dec 2026 00:30"],
    ["a start in the evening keeps its time", "2026-11-30T17:30:00Z", "start", "Mon 30 Nov 2026 17:30"],
  ] as const)("schedule bounds: %s", (_label, iso, bound, text) => {
    expect(formatLocalBound(Date.parse(iso), "Europe/London", bound)).toBe(text);
  });
});

describe("zones and spellings", () => {
  // Offsets on 1 December 2026 as published (northern winter, southern summer).
  it.each([
    ["Greenwich Standard Time", "12:00:00.000Z"],
    ["Romance Standard Time", "11:00:00.000Z"],
    ["Central Europe Standard Time", "11:00:00.000Z"],
    ["Central European Standard Time", "11:00:00.000Z"],
    ["E. Europe Standard Time", "10:00:00.000Z"],
    ["GTB Standard Time", "10:00:00.000Z"],
    ["FLE Standard Time", "10:00:00.000Z"],
    ["Turkey Standard Time", "09:00:00.000Z"],
    ["Eastern Standard Time", "17:00:00.000Z"],
    ["Central Standard Time", "18:00:00.000Z"],
    ["Mountain Standard Time", "19:00:00.000Z"],
    ["India Standard Time", "06:30:00.000Z"],
    ["China Standard Time", "04:00:00.000Z"],
    ["Tokyo Standard Time", "03:00:00.000Z"],
    ["AUS Eastern Standard Time", "01:00:00.000Z"],
    ["New Zealand Standard Time", "2026-11-30T23:00:00.000Z"],
  ])("noon in %s", (zone, expected) => {
    const instant = new Date(toInstant({ dateTime: "2026-12-01T12:00:00", timeZone: zone })).toISOString();
    expect(instant).toBe(expected.includes("T") ? expected : `2026-12-01T${expected}`);
  });

  it.each([
    ["utc"],
    ["GMT"],
    ["Etc/UTC"],
    ["Etc/GMT"],
    ["Z"],
    ["Coordinated Universal Time"],
    ["tzone://Microsoft/Utc"],
    [" UTC "],
    [null],
  ])("%s is UTC", (zone) => {
    expect(ianaZone(zone)).toBeUndefined();
    expect(toInstant({ dateTime: "2026-07-01T12:00:00", timeZone: zone })).toBe(Date.parse("2026-07-01T12:00:00Z"));
  });

  it("trims spaces around the zone and the date-time, and reads offsets with minutes", () => {
    expect(toInstant({ dateTime: " 2026-07-01T12:00:00 ", timeZone: " Europe/London " })).toBe(
      Date.parse("2026-07-01T11:00:00Z"),
    );
    expect(toInstant({ dateTime: "2026-12-01T12:00:00+05:30" })).toBe(Date.parse("2026-12-01T06:30:00Z"));
    expect(toInstant({ dateTime: "2026-12-01T12:00:00-03:30" })).toBe(Date.parse("2026-12-01T15:30:00Z"));
    expect(toInstant({ dateTime: "2026-12-01T12:00:00Z", timeZone: "Tokyo Standard Time" })).toBe(
      Date.parse("2026-12-01T12:00:00Z"),
    );
    expect(toInstant({ dateTime: "2026-12-01T12:00", timeZone: "UTC" })).toBe(Date.parse("2026-12-01T12:00:00Z"));
  });

  it.each([
    ["x2026-12-01"],
    ["2026-12-01x"],
    ["x2026-12-01T09:00:00"],
    ["2026-12-01T09:00:00Zjunk"],
    ["2026-12-01T09"],
  ])("refuses %s", (dateTime) => {
    expect(() => toInstant({ dateTime })).toThrow(InvalidDateTimeError);
  });

  it("names its errors", () => {
    expect(new UnknownTimeZoneError("x").name).toBe("UnknownTimeZoneError");
    expect(new InvalidDateTimeError("x").name).toBe("InvalidDateTimeError");
  });

  const london = (dateTime: string) => toInstant({ dateTime, timeZone: "Europe/London" });
  it.each([
    ["exactly three quarters of the school day", "2026-12-01T08:30:00", "2026-12-01T13:45:00", 1],
    ["just under three quarters", "2026-12-01T08:30:00", "2026-12-01T13:44:00", 0.5],
    ["exactly a quarter", "2026-12-01T08:30:00", "2026-12-01T10:15:00", 0.5],
    ["just under a quarter", "2026-12-01T08:30:00", "2026-12-01T10:14:00", 0],
    ["an evening and the next morning", "2026-12-01T18:00:00", "2026-12-02T12:00:00", 0.5],
    ["a reversed interval", "2026-12-02T00:00:00", "2026-12-01T00:00:00", 0],
    ["up to midnight, not the next day", "2026-12-01T12:00:00", "2026-12-02T00:00:00", 0.5],
  ])("%s", (_label, start, end, expected) => {
    expect(workingDays(london(start), london(end), UK_SCHOOL)).toBe(expected);
  });
});
