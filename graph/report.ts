import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { checks, NOT_EVALUATED_BY_GRAPH } from "./checks/index.js";
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

const PORTALS = {
  exchange: "https://admin.exchange.microsoft.com/#/mailboxes",
  microsoft365: "https://admin.microsoft.com/#/users",
  entraUser: (userId: string) =>
    `https://entra.microsoft.com/#view/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/~/overview/userId/${encodeURIComponent(userId)}`,
};

const STATUS_COLOURS = { fail: "#c50f1f", warn: "#bc4b09", notEvaluated: "#8a8886" } as const;

/** Horizontal stacked bars, one per check: plain inline SVG, no script, no external asset. */
function chart(report: SweepReport): string {
  const entries = Object.entries(report.summary.byCheck);
  const max = Math.max(1, ...entries.map(([, c]) => c.fail + c.warn + c.notEvaluated));
  const scale = (n: number) => Math.round((n / max) * 320 * 10) / 10;
  const bars = entries
    .map(([id, c], index) => {
      const y = index * 30 + 4;
      let x = 190;
      const segment = (n: number, colour: string, label: string) => {
        const width = scale(n);
        const rect =
          n > 0
            ? `<rect x="${x}" y="${y}" width="${width}" height="20" fill="${colour}"><title>${n} ${label}</title></rect>`
            : "";
        x += width;
        return rect;
      };
      return `<text x="0" y="${y + 15}">${escapeHtml(id)}</text>${segment(c.fail, STATUS_COLOURS.fail, "fail")}${segment(c.warn, STATUS_COLOURS.warn, "warn")}${segment(c.notEvaluated, STATUS_COLOURS.notEvaluated, "not evaluated")}<text x="${x + 8}" y="${y + 15}">${c.fail} fail · ${c.warn} warn · ${c.notEvaluated} not evaluated</text>`;
    })
    .join("");
  return `<svg role="img" aria-labelledby="chart-title" width="820" height="${entries.length * 30 + 8}" viewBox="0 0 820 ${entries.length * 30 + 8}"><title id="chart-title">Findings per check</title>${bars}</svg>`;
}

export function toHtml(report: SweepReport): string {
  const remediation = new Map<string, string>(checks.map((check) => [check.meta.id, check.meta.remediation]));
  remediation.set(
    "mailbox",
    "Check that the user has an Exchange Online mailbox and that the app's RBAC scope includes it (Exchange admin centre → Recipients → Mailboxes).",
  );
  const rows = report.findings
    .map(
      (f) =>
        `<tr class="${escapeHtml(f.status)}"><td><a href="${escapeHtml(PORTALS.entraUser(f.userId))}">${escapeHtml(f.userPrincipalName)}</a></td><td>${escapeHtml(f.check)}</td><td>${escapeHtml(f.status)}</td><td>${escapeHtml(f.detail)}</td><td><b>${escapeHtml(f.policyRef.section)}</b><br><q>${escapeHtml(f.policyRef.quote)}</q></td><td>${escapeHtml(remediation.get(f.check) ?? "")}</td></tr>`,
    )
    .join("\n");
  const summaryRows = Object.entries(report.summary.byCheck)
    .map(
      ([id, c]) => `<tr><td>${escapeHtml(id)}</td><td>${c.fail}</td><td>${c.warn}</td><td>${c.notEvaluated}</td></tr>`,
    )
    .join("");
  const notSeen = Object.entries(NOT_EVALUATED_BY_GRAPH)
    .map(([id, why]) => `<li><b>${escapeHtml(id)}</b>: ${escapeHtml(why)}</li>`)
    .join("");
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mailbox compliance sweep</title>
<style>body{font-family:"Segoe UI",system-ui,sans-serif;margin:2rem;color:#242424;line-height:1.4}table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #d1d1d1;padding:.4rem;text-align:left;vertical-align:top}th{background:#f5f5f5}th button{all:unset;cursor:pointer;font-weight:600}th button:focus-visible{outline:2px solid #0f6cbd}tr.fail td:nth-child(3){color:${STATUS_COLOURS.fail};font-weight:600}tr.warn td:nth-child(3){color:${STATUS_COLOURS.warn}}svg text{font-size:12px}q{font-style:italic}</style></head><body>
<h1>Mailbox compliance sweep</h1>
<p>Generated ${escapeHtml(report.generatedAt)}. Absences between ${escapeHtml(report.window.start)} and ${escapeHtml(report.window.end)}. ${report.summary.users} users swept, ${report.summary.absent} absent for longer than the policy's threshold. Read-only: nothing was changed in any mailbox.</p>
<h2>Summary</h2>
${chart(report)}
<table aria-label="Counts per check"><thead><tr><th>Check</th><th>Fail</th><th>Warn</th><th>Not evaluated</th></tr></thead><tbody>${summaryRows}</tbody></table>
<p>Not visible to Microsoft Graph, so not evaluated for anyone (never counted as a pass):</p><ul>${notSeen}</ul>
<p>Act on findings in the <a href="${PORTALS.exchange}">Exchange admin centre</a> (mailboxes, automatic replies, delegates, forwarding), the <a href="${PORTALS.microsoft365}">Microsoft 365 admin centre</a> (users) or the user's page in Microsoft Entra (linked on each name).</p>
<h2>Findings (${report.findings.length})</h2>
<table id="findings"><thead><tr><th><button type="button">User</button></th><th><button type="button">Check</button></th><th><button type="button">Status</button></th><th><button type="button">Detail</button></th><th><button type="button">Policy clause</button></th><th>Remediation</th></tr></thead><tbody>
${rows}
</tbody></table>
<script>(function(){var table=document.getElementById("findings");var body=table.tBodies[0];Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th,column){var button=th.querySelector("button");if(!button)return;button.addEventListener("click",function(){var ascending=th.getAttribute("aria-sort")!=="ascending";Array.prototype.forEach.call(table.tHead.rows[0].cells,function(cell){cell.removeAttribute("aria-sort")});th.setAttribute("aria-sort",ascending?"ascending":"descending");var rows=Array.prototype.slice.call(body.rows);rows.sort(function(a,b){var x=a.cells[column].textContent,y=b.cells[column].textContent;return ascending?x.localeCompare(y):y.localeCompare(x)});rows.forEach(function(row){body.appendChild(row)})})})})();</script>
</body></html>
`;
}

export async function writeReport(report: SweepReport, outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, "report.json"), JSON.stringify(report, null, 2) + "\n");
  await writeFile(join(outDir, "report.csv"), toCsv(report));
  await writeFile(join(outDir, "report.html"), toHtml(report));
}
