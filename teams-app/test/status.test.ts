import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "../server/csv.js";
import { cycleDueDate, statusFor, type Cadence, type DocumentVersion } from "../server/status.js";
import type { AcknowledgementRecord } from "../server/store/record.js";

const cadence: Cadence = { kind: "annual", dueMonthDay: "09-30", onNewVersion: true, graceDays: 14 };
const doc: DocumentVersion = { id: "aup", version: "2", sha256: "b".repeat(64), effectiveDate: "2026-09-01" };

function ack(day: string, version = "2", textHash = "b".repeat(64)): AcknowledgementRecord {
  return {
    seq: 1,
    tid: "t",
    oid: "o",
    upn: "u",
    displayName: "d",
    fullName: "f",
    nameMatch: true,
    policyId: "aup",
    version,
    textHash,
    acknowledgedAt: `${day}T10:00:00.000Z`,
    prevHash: "0".repeat(64),
    hash: "1".repeat(64),
  };
}

describe("cycleDueDate", () => {
  it.each([
    ["2026-09-15", "09-30", "2026-09-30"],
    ["2026-09-30", "09-30", "2026-09-30"],
    ["2026-10-01", "09-30", "2027-09-30"],
    ["2027-03-01", "02-29", "2028-02-29"],
    ["2026-03-01", "02-29", "2027-02-28"],
  ])("%s with due day %s falls in the cycle closing %s", (day, monthDay, expected) => {
    expect(cycleDueDate(day, monthDay)).toBe(expected);
  });
});

describe("statusFor", () => {
  const cases: [string, string, AcknowledgementRecord[], Partial<Cadence>, ReturnType<typeof statusFor>][] = [
    ["never acknowledged, after the grace period", "2026-11-25", [], {}, { status: "overdue", dueDate: "2026-09-30" }],
    [
      "never acknowledged, inside the new version's grace period",
      "2026-09-10",
      [],
      {},
      { status: "due", dueDate: "2026-09-15" },
    ],
    [
      "acknowledged the current version this cycle",
      "2026-11-25",
      [ack("2026-10-02")],
      {},
      { status: "acknowledged", dueDate: "2027-09-30", acknowledgedAt: "2026-10-02T10:00:00.000Z" },
    ],
    [
      "acknowledged in September, counted for the cycle closing 30 September",
      "2026-09-20",
      [ack("2026-09-16")],
      {},
      { status: "acknowledged", dueDate: "2026-09-30", acknowledgedAt: "2026-09-16T10:00:00.000Z" },
    ],
    [
      "acknowledged last cycle: due again by the next due date",
      "2026-10-05",
      [ack("2026-09-16")],
      {},
      { status: "due", dueDate: "2027-09-30" },
    ],
    [
      "acknowledged two cycles ago: overdue",
      "2027-10-05",
      [ack("2026-09-16")],
      {},
      { status: "overdue", dueDate: "2027-09-30" },
    ],
    [
      "acknowledged an old version, still inside grace",
      "2026-09-10",
      [ack("2026-08-01", "1", "a".repeat(64))],
      {},
      { status: "due", dueDate: "2026-09-15" },
    ],
    [
      "acknowledged an old version, grace over",
      "2026-09-20",
      [ack("2026-08-01", "1", "a".repeat(64))],
      {},
      { status: "overdue", dueDate: "2026-09-15" },
    ],
    [
      "old version counts when new versions need no re-acknowledgement",
      "2026-09-20",
      [ack("2026-08-01", "1", "a".repeat(64))],
      { onNewVersion: false },
      { status: "acknowledged", dueDate: "2026-09-30", acknowledgedAt: "2026-08-01T10:00:00.000Z" },
    ],
    [
      "same version with a different text hash does not count",
      "2026-11-25",
      [ack("2026-10-02", "2", "c".repeat(64))],
      {},
      { status: "overdue", dueDate: "2026-09-30" },
    ],
  ];
  it.each(cases)("%s", (_label, today, records, change, expected) => {
    expect(statusFor(doc, { ...cadence, ...change }, records, new Date(`${today}T12:00:00Z`))).toEqual(expected);
  });

  it("ignores other documents' acknowledgements", () => {
    const other = { ...ack("2026-10-02"), policyId: "other" };
    expect(statusFor(doc, cadence, [other], new Date("2026-11-25T12:00:00Z")).status).toBe("overdue");
  });
});

describe("CSV", () => {
  it.each([
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+44 20 7946 0000", "'+44 20 7946 0000"],
    ["-2+3", "'-2+3"],
    ["@SUM(1)", "'@SUM(1)"],
    ["\tcmd", "'\tcmd"],
    ['say "hi", then', '"say ""hi"", then"'],
    ["=1,2", `"'=1,2"`],
    ["plain", "plain"],
  ])("escapes %j as %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it("writes RFC 4180 lines with CRLF", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ["1", undefined],
          ["x\ny", 2],
        ],
      ),
    ).toBe('a,b\r\n1,\r\n"x\ny",2\r\n');
  });
});
