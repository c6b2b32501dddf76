import { describe, expect, it } from "vitest";
import { eventInterval, findAbsence, mergeAbsences, UnreadableEventError, type Interval } from "./absence.js";
import { UK_SCHOOL } from "./time.js";

const Z = (text: string) => Date.parse(text);
const day = (date: string, days = 1): Interval => ({
  start: Z(`${date}T00:00:00Z`),
  end: Z(`${date}T00:00:00Z`) + days * 86_400_000,
  sources: ["calendar"],
});
const window = { start: Z("2026-11-23T00:00:00Z"), end: Z("2026-12-07T00:00:00Z") };

describe("eventInterval", () => {
  it("names its error", () => {
    expect(new UnreadableEventError("x").name).toBe("UnreadableEventError");
  });

  it.each([
    [
      "busy time",
      { showAs: "busy", start: { dateTime: "2026-12-01T09:00:00" }, end: { dateTime: "2026-12-01T17:00:00" } },
    ],
    [
      "showAs null",
      { showAs: null, start: { dateTime: "2026-12-01T09:00:00" }, end: { dateTime: "2026-12-01T17:00:00" } },
    ],
    [
      "tentative",
      { showAs: "tentative", isAllDay: true, start: { dateTime: "2026-12-01" }, end: { dateTime: "2026-12-02" } },
    ],
    [
      "a cancelled absence",
      { showAs: "oof", isCancelled: true, start: { dateTime: "2026-12-01" }, end: { dateTime: "2026-12-02" } },
    ],
  ])("ignores %s", (_label, event) => {
    expect(eventInterval(event, UK_SCHOOL)).toBeUndefined();
  });

  it("reads an all-day event as whole local days, whatever zone Graph writes beside it", () => {
    const summer = {
      showAs: "OOF",
      isAllDay: true,
      start: { dateTime: "2026-07-06T00:00:00.0000000", timeZone: "UTC" },
      end: { dateTime: "2026-07-07T00:00:00.0000000", timeZone: "UTC" },
    };
    expect(eventInterval(summer, UK_SCHOOL)).toEqual({
      start: Z("2026-07-05T23:00:00Z"),
      end: Z("2026-07-06T23:00:00Z"),
      sources: ["calendar"],
    });
  });

  it("reads a timed event in its own zone", () => {
    const event = {
      showAs: "oof",
      isAllDay: false,
      start: { dateTime: "2026-12-01T09:00:00", timeZone: "Pacific Standard Time" },
      end: { dateTime: "2026-12-01T10:00:00", timeZone: "UTC" },
    };
    expect(eventInterval(event, UK_SCHOOL)).toEqual({
      start: Z("2026-12-01T17:00:00Z"),
      end: Z("2026-12-01T10:00:00Z"),
      sources: ["calendar"],
    });
  });

  it.each([
    ["no start", { showAs: "oof", end: { dateTime: "2026-12-01T10:00:00" } }, /no start or end/],
    [
      "an unknown zone",
      {
        showAs: "oof",
        start: { dateTime: "2026-12-01T09:00:00", timeZone: "Atlantis" },
        end: { dateTime: "2026-12-01T10:00:00" },
      },
      /Unknown time zone/,
    ],
    [
      "a date that is not one",
      { showAs: "oof", start: { dateTime: "soon" }, end: { dateTime: "2026-12-01T10:00:00" } },
      /Not a date/,
    ],
  ])("refuses an out-of-office event with %s", (_label, event, message) => {
    expect(() => eventInterval(event, UK_SCHOOL)).toThrow(UnreadableEventError);
    expect(() => eventInterval(event, UK_SCHOOL)).toThrow(message);
  });
});

describe("mergeAbsences", () => {
  it("joins a week entered as five one-day events into one absence of five days", () => {
    const merged = mergeAbsences(
      ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"].map((date) => day(date)),
      UK_SCHOOL,
    );
    expect(merged).toEqual([
      { start: Z("2026-11-30T00:00:00Z"), end: Z("2026-12-05T00:00:00Z"), sources: ["calendar"], workingDays: 5 },
    ]);
  });

  it("joins blocks across a weekend, and across a bank holiday", () => {
    expect(mergeAbsences([day("2026-12-03", 2), day("2026-12-07", 2)], UK_SCHOOL).map((a) => a.workingDays)).toEqual([
      4,
    ]);
    expect(mergeAbsences([day("2026-12-23", 2), day("2026-12-29", 3)], UK_SCHOOL).map((a) => a.workingDays)).toEqual([
      5,
    ]);
  });

  it("joins overlapping events in any order and keeps every source", () => {
    const leave: Interval = { ...day("2026-12-02", 3), sources: ["leave file"] };
    const merged = mergeAbsences([leave, day("2026-11-30", 3)], UK_SCHOOL);
    expect(merged).toEqual([
      {
        start: Z("2026-11-30T00:00:00Z"),
        end: Z("2026-12-05T00:00:00Z"),
        sources: ["calendar", "leave file"],
        workingDays: 5,
      },
    ]);
  });

  it("lists the sources of a merged absence in order, whichever came first", () => {
    const leave: Interval = { ...day("2026-11-30", 2), sources: ["leave file"] };
    expect(mergeAbsences([leave, day("2026-12-01", 3)], UK_SCHOOL)[0]?.sources).toEqual(["calendar", "leave file"]);
  });

  it("keeps absences apart when a school day lies between them", () => {
    expect(mergeAbsences([day("2026-11-30"), day("2026-12-02")], UK_SCHOOL).map((a) => a.workingDays)).toEqual([1, 1]);
  });

  it("joins a morning and an afternoon off across the lunch hour", () => {
    const morning = {
      start: Z("2026-12-01T08:30:00Z"),
      end: Z("2026-12-01T12:00:00Z"),
      sources: ["calendar" as const],
    };
    const afternoon = {
      start: Z("2026-12-01T12:45:00Z"),
      end: Z("2026-12-01T15:30:00Z"),
      sources: ["calendar" as const],
    };
    expect(mergeAbsences([morning, afternoon], UK_SCHOOL).map((a) => a.workingDays)).toEqual([1]);
  });

  it("drops empty and reversed intervals", () => {
    expect(
      mergeAbsences(
        [
          { start: 10, end: 10, sources: ["calendar"] },
          { start: 20, end: 10, sources: ["calendar"] },
        ],
        UK_SCHOOL,
      ),
    ).toEqual([]);
  });
});

describe("findAbsence: one threshold for both checks (more than N working days)", () => {
  const halfDay: Interval = { start: Z("2026-12-01T08:30:00Z"), end: Z("2026-12-01T12:00:00Z"), sources: ["calendar"] };
  it.each([
    ["a morning at the dentist", [halfDay], 1, undefined],
    ["a single day off", [day("2026-12-01")], 1, undefined],
    ["a long weekend (Friday to Sunday)", [day("2026-12-04", 3)], 1, undefined],
    ["two days off", [day("2026-12-01", 2)], 1, 2],
    ["a single day with a threshold of ½", [day("2026-12-01")], 0.5, 1],
    [
      "five one-day events",
      ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"].map((date) => day(date)),
      1,
      5,
    ],
    ["a week that ended before the window", [day("2026-11-16", 5)], 1, undefined],
    ["a week that starts after the window", [day("2026-12-07", 5)], 1, undefined],
    ["a week under way when the window opens", [day("2026-11-19", 5)], 1, 3],
    ["exactly the threshold", [day("2026-12-01", 2)], 2, undefined],
    ["a week ending as the window opens", [day("2026-11-16", 7)], 1, undefined],
    ["a week starting as the window closes", [day("2026-12-07", 5)], 0, undefined],
  ])("%s", (_label, intervals, threshold, expectedDays) => {
    expect(findAbsence(intervals, window, threshold, UK_SCHOOL)?.workingDays).toBe(expectedDays);
  });

  it("returns the first long absence when there are several", () => {
    const found = findAbsence([day("2026-12-01"), day("2026-11-24", 3), day("2026-12-02", 5)], window, 1, UK_SCHOOL);
    expect(found?.start).toBe(Z("2026-11-24T00:00:00Z"));
  });
});
