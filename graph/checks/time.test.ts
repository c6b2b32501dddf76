import { describe, expect, it } from "vitest";
import { INTERNAL_DETAIL_PATTERNS } from "./internal-detail.js";
import { mergeAbsences, toInstant, workingDays } from "./time.js";

const at = (iso: string) => Date.parse(iso);

describe("time", () => {
  it.each([
    [{ dateTime: "2026-12-01T00:00:00.0000000", timeZone: "UTC" }, "2026-12-01T00:00:00.000Z"],
    [{ dateTime: "2026-07-01T09:00:00", timeZone: "GMT Standard Time" }, "2026-07-01T08:00:00.000Z"],
    [{ dateTime: "2026-12-01T09:00:00", timeZone: "GMT Standard Time" }, "2026-12-01T09:00:00.000Z"],
    [{ dateTime: "2026-07-01T09:00:00", timeZone: "Europe/London" }, "2026-07-01T08:00:00.000Z"],
    [{ dateTime: "2026-12-01T09:00:00", timeZone: "Nowhere Standard Time" }, "2026-12-01T09:00:00.000Z"],
  ])("reads %j as %s", (value, iso) => {
    expect(new Date(toInstant(value)).toISOString()).toBe(iso);
  });

  it.each([
    ["Monday to Saturday", "2026-11-30T00:00:00Z", "2026-12-05T00:00:00Z", 5],
    ["one Wednesday", "2026-12-02T00:00:00Z", "2026-12-03T00:00:00Z", 1],
    ["a weekend", "2026-12-05T00:00:00Z", "2026-12-07T00:00:00Z", 0],
    ["a week shifted an hour by summer time", "2026-06-28T23:00:00Z", "2026-07-03T23:00:00Z", 5],
    ["a two-hour appointment", "2026-12-02T09:00:00Z", "2026-12-02T11:00:00Z", 0],
  ])("counts working days of %s", (_label, start, end, days) => {
    expect(workingDays(at(start), at(end))).toBe(days);
  });

  it("joins daily events and absences either side of a weekend, keeps separate weeks apart", () => {
    const day = (iso: string) => ({
      start: at(`${iso}T00:00:00Z`),
      end: at(`${iso}T00:00:00Z`) + 86_400_000,
      source: "calendar" as const,
    });
    const merged = mergeAbsences([
      day("2026-12-03"),
      day("2026-12-04"),
      day("2026-12-07"),
      day("2026-12-08"),
      day("2026-12-14"),
    ]);
    expect(merged.map((absence) => absence.workingDays)).toEqual([4, 1]);
  });

  it("keeps its internal-detail patterns unique and documented", () => {
    expect(new Set(INTERNAL_DETAIL_PATTERNS.map((entry) => entry.id)).size).toBe(INTERNAL_DETAIL_PATTERNS.length);
    for (const entry of INTERNAL_DETAIL_PATTERNS) {
      expect(entry.why.length).toBeGreaterThan(10);
      expect(entry.pattern.global).toBe(false); // .test() must not carry lastIndex between replies
    }
  });
});
