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

describe("leave file, the edges", () => {
  it("reads quoted and spaced cells, skips blank and comma-only lines, and sees a header only on the first line", () => {
    const entries = parseLeaveCsv(
      ' "A@School.Example" , "2026-12-01" , " 02/12/2026 "\n,,\n  \nb@school.example,1/2/2027,01/02/2027',
    );
    expect(
      entries.map((entry) => [
        entry.userPrincipalName,
        new Date(entry.start).toISOString(),
        new Date(entry.end).toISOString(),
      ]),
    ).toEqual([
      ["a@school.example", "2026-12-01T00:00:00.000Z", "2026-12-03T00:00:00.000Z"],
      ["b@school.example", "2027-02-01T00:00:00.000Z", "2027-02-02T00:00:00.000Z"],
    ]);
    expect(() => parseLeaveCsv("a@school.example,2026-12-01,2026-12-01\nupn,start,end")).toThrow(
      /line 2: "upn" is not a user principal name/,
    );
    // A first line with dates is a row, not a header: a name where the UPN belongs is refused, not skipped.
    expect(() => parseLeaveCsv("Jane Smith,2026-12-01,2026-12-02\na@school.example,2026-12-01,2026-12-01")).toThrow(
      /line 1: "Jane Smith" is not a user principal name/,
    );
    // One date is enough to make it a row; and a row with a cell left empty is refused, not skipped as blank.
    expect(() => parseLeaveCsv("Jane Smith,2026-12-01,tbc")).toThrow(
      /line 1: "Jane Smith" is not a user principal name/,
    );
    expect(() => parseLeaveCsv("upn,start,end\na@school.example,2026-12-01,")).toThrow(/line 2: "" is not a date/);
  });

  it.each([
    ["two @", "a@b@school.example"],
    ["a space inside", "a b@school.example"],
    ["nothing before @", "@school.example"],
    ["nothing after @", "a@"],
  ])("refuses a upn with %s", (_label, upn) => {
    expect(() => parseLeaveCsv(`upn,start,end\n${upn},2026-12-01,2026-12-01`)).toThrow(/is not a user principal name/);
  });

  it.each([
    ["2026-12-1"],
    ["2026-12-01x"],
    ["x2026-12-01"],
    ["01/12/2026x"],
    ["x01/12/2026"],
    ["1/12/26"],
    ["31/11/2026"],
    ["00/12/2026"],
    [""],
  ])("refuses the date %s", (text) => {
    expect(leaveDate(text)).toBeUndefined();
  });

  it("names its error", () => {
    expect(new LeaveFileError("x").name).toBe("LeaveFileError");
  });
});
