import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  compareReports,
  csvCell,
  incompleteParts,
  readPreviousReport,
  people,
  peopleSummary,
  skippedSummary,
  toCsv,
  toHtml,
  unreadSummary,
} from "../report.js";
import { NOT_REQUIRED_NOTES, type SweepReport } from "../sweep.js";
import type { SweepFinding } from "../checks/types.js";

const finding = (over: Partial<SweepFinding>): SweepFinding => ({
  userPrincipalName: "a@school.example",
  userId: "u1",
  displayName: "Ann Able",
  check: "external-forwarding",
  status: "fail",
  detail: "Inbox rule forwards mail.",
  policyRef: { section: "AUP — Email", quote: "Do not forward" },
  ...over,
});

const report: SweepReport = {
  kind: "school-policy-guard/sweep-report",
  version: 2,
  tool: { name: "School Policy Guard", version: "0.1.0" },
  generatedAt: "2026-07-01T07:05:00.000Z",
  tenant: { id: "t-1", name: "Test tenant" },
  school: { id: "st-john-payne", name: "St John Payne School" },
  policy: { fingerprint: "0123456789abcdef" },
  window: { start: "2026-06-30T23:00:00.000Z", end: "2026-07-14T23:00:00.000Z", timeZone: "Europe/London" },
  group: { id: "g", name: "All staff" },
  internalDomains: ["school.example"],
  counts: { inScope: 5, checked: 3, skipped: { guest: 1, shared: 1 }, unread: {}, absent: 1 },
  notes: [],
  summary: {
    delegation: { fail: 0, warn: 1, notEvaluated: 0 },
    "external-forwarding": { fail: 1, warn: 0, notEvaluated: 0 },
    "out-of-office": { fail: 0, warn: 0, notEvaluated: 1 },
    "out-of-office-content": { fail: 0, warn: 0, notEvaluated: 0 },
    mailbox: { fail: 0, warn: 0, notEvaluated: 0 },
  },
  findings: [
    finding({
      userPrincipalName: '=HYPERLINK("http://x")@school.example',
      displayName: "Zed <b>Zero</b>",
      detail: '<script>alert(1)</script> "quoted"',
      policyRef: { section: "AUP", quote: "-Do not forward" },
    }),
    finding({
      userPrincipalName: "b@school.example",
      userId: "u2",
      displayName: "Bea Bee",
      check: "delegation",
      status: "warn",
      detail: "No delegate.",
    }),
    finding({
      userPrincipalName: "b@school.example",
      userId: "u2",
      displayName: "Bea Bee",
      check: "out-of-office",
      status: "not-evaluated",
      detail: "Unread.",
    }),
  ],
  skipped: [
    { userId: "g1", userPrincipalName: "guest@x.example", displayName: "Guest", reason: "guest" },
    { userId: "s1", userPrincipalName: "office@school.example", displayName: "Office", reason: "shared" },
  ],
};

describe("skippedSummary", () => {
  it.each([
    [{}, "none"],
    [{ disabled: 1 }, "1 disabled account"],
    [{ disabled: 2 }, "2 disabled accounts"],
    [{ disabled: 0 }, "0 disabled accounts"],
    [{ guest: 1, shared: 3 }, "1 guest account, 3 shared mailboxes"],
    [{ "other mailbox": 1 }, "1 other non-personal mailbox"],
  ])("%j reads %s", (skipped, expected) => {
    expect(skippedSummary(skipped)).toBe(expected);
  });
});

describe("unreadSummary", () => {
  it.each([
    [{}, ""],
    [{ "access denied": 0 }, ""],
    [{ "access denied": 2 }, "2 mailboxes could not be read (access denied)"],
    [{ "not found": 1 }, "1 mailbox could not be read (not found)"],
    [{ "sweep error": 1 }, "1 mailbox could not be read (failed in the sweep)"],
    [{ "access denied": 2, "not found": 1 }, "3 mailboxes could not be read (2 access denied, 1 not found)"],
  ])("%j reads %j", (unread, expected) => {
    expect(unreadSummary(unread)).toBe(expected);
  });
});

describe("peopleSummary", () => {
  // A new user's demo said "Checked 456 of 459 people" though 2 of the 456 mailboxes answered 403.
  it.each([
    [
      "mailboxes that could not be read apart from those checked, and those skipped",
      { inScope: 459, checked: 454, skipped: { disabled: 1, shared: 1, room: 1 }, unread: { "access denied": 2 } },
      "in All staff",
      "Checked 454 of 459 people in All staff; 2 mailboxes could not be read (access denied) and 3 were skipped (1 disabled account, 1 shared mailbox, 1 room mailbox); 57 absent beyond the threshold.",
    ],
    [
      "only mailboxes that could not be read",
      { inScope: 12, checked: 9, skipped: {}, unread: { "access denied": 1, "not found": 1, "sweep error": 1 } },
      "in the directory",
      "Checked 9 of 12 people in the directory; 3 mailboxes could not be read (1 access denied, 1 not found, 1 failed in the sweep); 57 absent beyond the threshold.",
    ],
    [
      "only one skipped",
      { inScope: 12, checked: 11, skipped: { guest: 1 }, unread: {} },
      "in the directory",
      "Checked 11 of 12 people in the directory; 1 was skipped (1 guest account); 57 absent beyond the threshold.",
    ],
    [
      "everyone read",
      { inScope: 12, checked: 12, skipped: {}, unread: {} },
      "in the directory",
      "Checked 12 of 12 people in the directory; 57 absent beyond the threshold.",
    ],
  ])("says %s", (_label, counts, where, expected) => {
    expect(peopleSummary({ ...counts, absent: 57 }, where)).toBe(expected);
  });
});

describe("incompleteParts (what --strict exits 3 for)", () => {
  const clean = {
    delegation: { fail: 2, warn: 1, notEvaluated: 0 },
    "external-forwarding": { fail: 1, warn: 0, notEvaluated: 0 },
    "out-of-office": { fail: 0, warn: 0, notEvaluated: 0 },
    "out-of-office-content": { fail: 0, warn: 0, notEvaluated: 0 },
    mailbox: { fail: 0, warn: 0, notEvaluated: 0 },
  };
  it.each([
    ["a complete run, failures and warnings included", {}, clean, [], []],
    [
      "a check not evaluated",
      {},
      { ...clean, "out-of-office": { fail: 0, warn: 0, notEvaluated: 1 } },
      [],
      ["1 check not evaluated"],
    ],
    [
      "mailboxes not read, counted once (not again as the mailbox row's not-evaluated)",
      { "access denied": 2, "sweep error": 1 },
      { ...clean, mailbox: { fail: 0, warn: 0, notEvaluated: 3 } },
      [],
      ["3 mailboxes not read"],
    ],
    [
      "notes that only say what the school's policy does not ask for",
      {},
      clean,
      [NOT_REQUIRED_NOTES.outOfOffice, NOT_REQUIRED_NOTES.delegation],
      [],
    ],
    [
      "a note (a permission missing) with two checks not evaluated",
      {},
      { ...clean, delegation: { fail: 0, warn: 0, notEvaluated: 2 } },
      ["Permission missing: MailboxSettings.Read."],
      ["2 checks not evaluated", "1 note"],
    ],
  ] as const)("%s", (_label, unread, summary, notes, expected) => {
    expect(incompleteParts({ ...report, counts: { ...report.counts, unread }, summary, notes: [...notes] })).toEqual(
      expected,
    );
  });
});

describe("report writers", () => {
  it.each([
    ["=SUM(A1)", `"'=SUM(A1)"`],
    ["+44", `"'+44"`],
    ["-1", `"'-1"`],
    ["@cmd", `"'@cmd"`],
    ["\tx", `"'\tx"`],
    ['say "hi"', `"say ""hi"""`],
    ["plain", `"plain"`],
  ])("CSV cell %s → %s", (input, output) => {
    expect(csvCell(input)).toBe(output);
  });

  it("CSV has a header, plain-English names, formula-safe rows and the skipped people", () => {
    const lines = toCsv(report).trim().split("\r\n");
    expect(lines).toHaveLength(1 + 3 + 2);
    expect(lines[0]).toBe(`"Name","User principal name","Check","Status","Detail","Policy","Policy says","What to do"`);
    expect(lines[1]).toContain(`"'=HYPERLINK`);
    expect(lines[1]).toContain(`"Inbox rules forwarding mail outside the school","Fail"`);
    expect(lines[1]).toContain(`"'-Do not forward"`);
    expect(lines[4]).toBe(`"Guest","guest@x.example","Not swept","Skipped","guest account","","",""`);
  });

  it("groups findings per person, most urgent person first, each person's findings most urgent first", () => {
    const list = people({ ...report, findings: [...report.findings].reverse() });
    expect(list.map((person) => person.displayName)).toEqual(["Zed <b>Zero</b>", "Bea Bee"]);
    expect(list[1]?.findings.map((f) => f.status)).toEqual(["warn", "not-evaluated"]);
  });

  it("puts those already away first among people with findings as urgent, and marks them", () => {
    const away = (name: string, since: string | undefined, status: "fail" | "warn" = "fail") =>
      finding({
        userPrincipalName: `${name.toLowerCase()}@school.example`,
        userId: name,
        displayName: name,
        check: "delegation",
        status,
        detail: "No delegate.",
        ...(since === undefined ? {} : { awaySince: since }),
      });
    const list = people({
      ...report,
      findings: [
        away("Abel", "2026-07-06T23:00:00.000Z"), // leaves next week
        away("Cato", "2026-06-29T23:00:00.000Z"), // away since Monday
        away("Bree", undefined), // no absence date (forwarding, say)
        away("Dara", "2026-06-30T23:00:00.000Z"), // away from the window's first day
        away("Aaron", "2026-06-24T23:00:00.000Z", "warn"), // away, but only a warning
      ],
    });
    expect(list.map((person) => person.displayName)).toEqual(["Cato", "Dara", "Abel", "Bree", "Aaron"]);
    const html = toHtml({
      ...report,
      findings: [away("Cato", "2026-06-29T23:00:00.000Z"), away("Abel", "2026-07-06T23:00:00.000Z")],
    });
    expect(html.match(/away now/g)).toHaveLength(1);
    expect(html.indexOf("Cato")).toBeLessThan(html.indexOf("away now"));
    expect(html.indexOf("away now")).toBeLessThan(html.indexOf("Abel"));
  });

  it("HTML has the run details in local time, the blind spots once, filters, search and one row per person", () => {
    const html = toHtml(report);
    expect(html).toContain("<dt>Absences from</dt><dd>Wed 1 Jul 2026 to Tue 14 Jul 2026 (Europe/London");
    expect(html).toContain("<dt>Generated</dt><dd>Wed 1 Jul 2026, 08:05 by School Policy Guard 0.1.0</dd>");
    expect(html).toContain("<dt>Not swept</dt><dd>1 guest account, 1 shared mailbox</dd>");
    expect(html).toContain("<dt>People</dt><dd>5 in scope, 3 checked, 1 absent beyond the policy&#39;s threshold</dd>");
    expect(html).toContain("Members of the group “All staff”");
    expect(html).toContain("<dt>Leave file</dt><dd>none given: absences from calendars only</dd>");
    const withLeave = toHtml({ ...report, counts: { ...report.counts, leave: { rows: 12, unmatched: 2 } } });
    expect(withLeave).toContain("<dt>Leave file</dt><dd>12 rows, 2 for no one in scope</dd>");
    expect(toHtml({ ...report, group: null })).toContain(
      "<dt>Who</dt><dd>Everyone in the directory, pupils&#39; accounts included (give --group with your staff group)</dd>",
    );
    expect(html.match(/Get-EXOMailboxPermission/g)).toHaveLength(1);
    expect(html).toContain("Disable-InboxRule");
    expect(html).toContain('<select id="filter-check">');
    expect(html).toContain('<select id="filter-status">');
    expect(html).toContain('<input id="search" type="search"');
    expect(html.match(/<tr data-search=/g)).toHaveLength(2);
    expect(html).not.toMatch(/<(?:link|img)\b|src=/); // self-contained, works offline
    expect(html).not.toContain("external-forwarding</td>"); // plain-English names, not ids
  });

  it("HTML says how many mailboxes could not be read, apart from those checked", () => {
    const html = toHtml({ ...report, counts: { ...report.counts, checked: 1, unread: { "access denied": 2 } } });
    expect(html).toContain(
      "<dt>People</dt><dd>5 in scope, 1 checked, 1 absent beyond the policy&#39;s threshold; 2 mailboxes could not be read (access denied)</dd>",
    );
  });

  it("HTML escapes everything from Graph", () => {
    const html = toHtml(report);
    expect(html).not.toContain("<script>alert(1)");
    expect(html).toContain("&lt;script&gt;alert(1)");
    expect(html).toContain("Zed &lt;b&gt;Zero&lt;/b&gt;");
  });

  it("compares with a previous report: new, resolved and still open", () => {
    const previous = {
      generatedAt: "2026-06-24T07:00:00.000Z",
      findings: [
        report.findings[1] as SweepFinding,
        finding({ userPrincipalName: "c@school.example", displayName: "Cy" }),
      ],
    };
    const changes = compareReports(report, previous);
    expect(changes).toEqual({
      previousGeneratedAt: "2026-06-24T07:00:00.000Z",
      added: 2,
      resolved: [
        { userPrincipalName: "c@school.example", displayName: "Cy", check: "external-forwarding", status: "fail" },
      ],
      unchanged: 1,
    });
    const html = toHtml({ ...report, changes });
    expect(html).toContain("<h2>Changes since Wed 24 Jun 2026, 08:00</h2><p>2 new, 1 resolved, 1 still open.</p>");
  });
});

describe("readPreviousReport (--compare)", () => {
  const dir = mkdtempSync(join(tmpdir(), "spg-compare-"));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  it.each([
    ["report.csv given by mistake", file("report.csv", "Name,UPN\r\nAnn,a@x\r\n"), /: not JSON; give the report\.json/],
    ["another JSON file", file("other.json", '{"kind":"something"}'), /: not a report\.json written by this sweep$/],
    ["no such file", join(dir, "missing.json"), /missing\.json: ENOENT/],
  ])("refuses %s, naming the file", async (_label, path, message) => {
    await expect(readPreviousReport(path)).rejects.toThrow(message);
  });
  it("reads a report.json", async () => {
    const path = file("report.json", JSON.stringify(report));
    expect(await readPreviousReport(path)).toEqual({ generatedAt: report.generatedAt, findings: report.findings });
  });
});
