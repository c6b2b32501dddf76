import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { checks } from "./checks/index.js";
import type { SweepReport } from "./sweep.js";

/** report.json, report.csv (formula-safe) and a self-contained report.html for a school admin. */
const COLUMNS = ["userPrincipalName", "userId", "check", "status", "detail", "policySection", "policyQuote"] as const;

/** Quote every cell; a cell that a spreadsheet would read as a formula gets a leading apostrophe. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function toCsv(report: SweepReport): string {
  const rows = report.findings.map((f) =>
    [f.userPrincipalName, f.userId, f.check, f.status, f.detail, f.policyRef.section, f.policyRef.quote]
      .map(csvCell)
      .join(","),
  );
  return [COLUMNS.map(csvCell).join(","), ...rows].join("\r\n") + "\r\n";
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

export function toHtml(report: SweepReport): string {
  const remediation = new Map<string, string>(checks.map((check) => [check.meta.id, check.meta.remediation]));
  remediation.set(
    "mailbox",
    "Check the mailbox exists and is in Exchange Online (Exchange admin centre → Recipients → Mailboxes).",
  );
  const entries = Object.entries(report.summary.byCheck);
  const max = Math.max(1, ...entries.map(([, c]) => c.fail + c.warn + c.notEvaluated));
  const bars = entries
    .map(([id, c], index) => {
      const y = index * 28;
      const w = (n: number) => (n / max) * 300;
      return `<text x="0" y="${y + 16}">${escapeHtml(id)}</text><rect x="180" y="${y}" width="${w(c.fail)}" height="20" fill="#c50f1f"/><rect x="${180 + w(c.fail)}" y="${y}" width="${w(c.warn)}" height="20" fill="#bc4b09"/><rect x="${180 + w(c.fail) + w(c.warn)}" y="${y}" width="${w(c.notEvaluated)}" height="20" fill="#8a8886"/><text x="${490}" y="${y + 16}">${c.fail} fail · ${c.warn} warn · ${c.notEvaluated} not evaluated</text>`;
    })
    .join("");
  const rows = report.findings
    .map(
      (f) =>
        `<tr><td>${escapeHtml(f.userPrincipalName)}</td><td>${escapeHtml(f.check)}</td><td>${escapeHtml(f.status)}</td><td>${escapeHtml(f.detail)}</td><td><b>${escapeHtml(f.policyRef.section)}</b><br>${escapeHtml(f.policyRef.quote)}</td><td>${escapeHtml(remediation.get(f.check) ?? "")}</td></tr>`,
    )
    .join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mailbox compliance sweep</title>
<style>body{font-family:Segoe UI,system-ui,sans-serif;margin:2rem;color:#242424}table{border-collapse:collapse;width:100%}th,td{border:1px solid #d1d1d1;padding:.4rem;text-align:left;vertical-align:top}th{cursor:pointer;background:#f5f5f5}svg text{font-size:12px}</style></head><body>
<h1>Mailbox compliance sweep</h1>
<p>Generated ${escapeHtml(report.generatedAt)} for absences between ${escapeHtml(report.window.start)} and ${escapeHtml(report.window.end)}. ${report.summary.users} users, ${report.summary.absent} absent.</p>
<p>Fix settings in the <a href="https://admin.exchange.microsoft.com">Exchange admin centre</a> or the <a href="https://admin.microsoft.com">Microsoft 365 admin centre</a>. Mailbox FullAccess / SendAs / SendOnBehalf are not visible to Graph and are listed as not evaluated.</p>
<svg role="img" aria-label="Findings per check" width="760" height="${entries.length * 28}">${bars}</svg>
<table id="findings"><thead><tr><th>User</th><th>Check</th><th>Status</th><th>Detail</th><th>Policy clause</th><th>Remediation</th></tr></thead><tbody>
${rows}
</tbody></table>
<script>document.querySelectorAll("th").forEach(function(th,i){th.addEventListener("click",function(){var b=document.querySelector("#findings tbody");var r=Array.prototype.slice.call(b.rows);var d=th.dataset.d==="1"?-1:1;th.dataset.d=d===1?"1":"0";r.sort(function(x,y){return d*x.cells[i].textContent.localeCompare(y.cells[i].textContent)});r.forEach(function(x){b.appendChild(x)})})});</script>
</body></html>
`;
}

export async function writeReport(report: SweepReport, outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, "report.json"), JSON.stringify(report, null, 2) + "\n");
  await writeFile(join(outDir, "report.csv"), toCsv(report));
  await writeFile(join(outDir, "report.html"), toHtml(report));
}
