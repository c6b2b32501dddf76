import { describe, expect, it } from "vitest";
import { csvCell, toCsv, toHtml } from "../report.js";
import type { SweepReport } from "../sweep.js";

const report: SweepReport = {
  generatedAt: "2026-11-25T08:00:00.000Z",
  window: { start: "2026-11-25T08:00:00.000Z", end: "2026-12-09T08:00:00.000Z" },
  summary: { users: 1, absent: 1, byCheck: { "external-forwarding": { fail: 1, warn: 0, notEvaluated: 0 } } },
  findings: [
    {
      userPrincipalName: '=HYPERLINK("http://x")@school.example',
      userId: "u1",
      check: "external-forwarding",
      status: "fail",
      detail: '<script>alert(1)</script> "quoted"',
      policyRef: { section: "AUP — Email", quote: "-Do not forward" },
    },
  ],
};

describe("report writers", () => {
  it.each([
    ["=SUM(A1)", `"'=SUM(A1)"`],
    ["+44", `"'+44"`],
    ["-1", `"'-1"`],
    ["@cmd", `"'@cmd"`],
    ['say "hi"', `"say ""hi"""`],
    ["plain", `"plain"`],
  ])("CSV cell %s → %s", (input, output) => {
    expect(csvCell(input)).toBe(output);
  });

  it("CSV has a header and formula-safe rows", () => {
    const lines = toCsv(report).trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]?.startsWith(`"'=HYPERLINK`)).toBe(true);
    expect(lines[1]).toContain(`"'-Do not forward"`);
  });

  it("HTML escapes content and links to the admin portals", () => {
    const html = toHtml(report);
    expect(html).not.toContain("<script>alert(1)");
    expect(html).toContain("&lt;script&gt;alert(1)");
    expect(html).toContain("https://admin.exchange.microsoft.com");
    expect(html).toContain("https://admin.microsoft.com");
    expect(html).toContain("<svg");
  });

  it("HTML has the summary chart, a sortable table and a row per finding", () => {
    const html = toHtml(report);
    expect(html).toContain('<svg role="img"');
    expect(html).toContain('<table id="findings">');
    expect(html.match(/<tr class=/g)).toHaveLength(1);
    expect(html).toContain("aria-sort");
    expect(html).not.toMatch(/<(?:link|img)\b|src=/); // self-contained
  });
});
