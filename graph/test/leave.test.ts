import { describe, expect, it } from "vitest";
import { LeaveFileError, leaveDate, parseLeaveCsv } from "../leave.js";

describe("leave file", () => {
  it("keeps every row per person, end date inclusive, in school time", () => {
    const entries = parseLeaveCsv(
      "upn,start,end\r\nA.Teacher@school.example,2026-12-01,2026-12-01\n\na.teacher@school.example,06/07/2026,10/07/2026\n",
    );
    expect(entries).toEqual([
      {
        userPrincipalName: "a.teacher@school.example",
        start: Date.parse("2026-12-01T00:00:00Z"),
        end: Date.parse("2026-12-02T00:00:00Z"),
      },
      // Summer: local midnight is 23:00 UTC the day before.
      {
        userPrincipalName: "a.teacher@school.example",
        start: Date.parse("2026-07-05T23:00:00Z"),
        end: Date.parse("2026-07-10T23:00:00Z"),
      },
    ]);
  });

  it.each([
    ["a date in neither format", "a@school.example,2026/12/01,2026-12-02", /"2026\/12\/01" is not a date/],
    ["a date that does not exist", "a@school.example,2026-02-30,2026-03-02", /"2026-02-30" is not a date/],
    ["an end before the start", "a@school.example,2026-12-02,2026-12-01", /end date is before the start/],
    ["no upn", "someone,2026-12-01,2026-12-02", /not a user principal name/],
    ["a missing column", "a@school.example,2026-12-01", /2 columns/],
  ])("names the line and the format for %s", (_label, line, message) => {
    expect(() => parseLeaveCsv(`upn,start,end\n${line}`)).toThrow(LeaveFileError);
    expect(() => parseLeaveCsv(`upn,start,end\n${line}`)).toThrow(message);
    expect(() => parseLeaveCsv(`upn,start,end\n${line}`)).toThrow(
      /line 2: .*YYYY-MM-DD or DD\/MM\/YYYY, end date inclusive/,
    );
  });

  it("reads both date formats", () => {
    expect(leaveDate("2026-12-01")).toBe("2026-12-01");
    expect(leaveDate("1/12/2026")).toBe("2026-12-01");
    expect(leaveDate("12/31/2026")).toBeUndefined();
  });
});
