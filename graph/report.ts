import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { checkRemediation, checks, checkTitle, GRAPH_BLIND_SPOTS } from "./checks/index.js";
import { formatLocalDate } from "./checks/time.js";
import {
  SEVERITY,
  type FindingCheck,
  type FindingStatus,
  type SweepFinding,
  type UnreadReason,
} from "./checks/types.js";
import type { SkipReason } from "./checkpoint.js";
import { NOT_REQUIRED_NOTES, type SweepReport } from "./sweep.js";

/**
 * The report for a school's IT admin: report.html (self-contained, works offline: run details,
 * what Graph cannot see, one row per person with findings most urgent first, filters and search),
 * and the same data as report.json and report.csv (formula-safe). With a previous report.json it
 * says what changed since.
 */
export interface Changes {
  readonly previousGeneratedAt: string;
  /** Findings (person, check, status) not in the previous report. */
  readonly added: number;
  /** Findings of the previous report that are gone, as the previous report gave them. */
  readonly resolved: readonly Pick<SweepFinding, "userPrincipalName" | "displayName" | "check" | "status">[];
  readonly unchanged: number;
}

export type ReportWithChanges = SweepReport & { readonly changes?: Changes };

export class PreviousReportError extends Error {
  override readonly name = "PreviousReportError";
}

const key = (finding: Pick<SweepFinding, "userPrincipalName" | "check" | "status">) =>
  `${finding.userPrincipalName.toLowerCase()}\u0000${finding.check}\u0000${finding.status}`;

export function compareReports(current: SweepReport, previous: Pick<SweepReport, "generatedAt" | "findings">): Changes {
  const before = new Set(previous.findings.map(key));
  const now = new Set(current.findings.map(key));
  return {
    previousGeneratedAt: previous.generatedAt,
    added: current.findings.filter((finding) => !before.has(key(finding))).length,
    resolved: previous.findings
      .filter((finding) => !now.has(key(finding)))
      .map(({ userPrincipalName, displayName, check, status }) => ({ userPrincipalName, displayName, check, status })),
    unchanged: current.findings.filter((finding) => before.has(key(finding))).length,
  };
}

export async function readPreviousReport(path: string): Promise<Pick<SweepReport, "generatedAt" | "findings">> {
  let parsed: Partial<SweepReport>;
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new PreviousReportError(`--compare ${path}: ${(error as Error).message}`);
  }
  try {
    parsed = JSON.parse(text) as Partial<SweepReport>;
  } catch {
    // An IT admin's trial gave report.csv and was told "Unexpected non-whitespace character after JSON".
    throw new PreviousReportError(`--compare ${path}: not JSON; give the report.json from last run's folder`);
  }
  if (parsed.kind !== "school-policy-guard/sweep-report" || !Array.isArray(parsed.findings) || !parsed.generatedAt)
    throw new PreviousReportError(`--compare ${path}: not a report.json written by this sweep`);
  return { generatedAt: parsed.generatedAt, findings: parsed.findings };
}

export const STATUS_LABELS: Readonly<Record<FindingStatus, string>> = {
  fail: "Fail",
  warn: "Warning",
  "not-evaluated": "Not evaluated",
};

/** What a skipped account is, one and many ("1 guest account", "2 guest accounts"). */
export const SKIP_LABELS: Readonly<Record<SkipReason, { readonly one: string; readonly other: string }>> = {
  guest: { one: "guest account", other: "guest accounts" },
  disabled: { one: "disabled account", other: "disabled accounts" },
  shared: { one: "shared mailbox", other: "shared mailboxes" },
  room: { one: "room mailbox", other: "room mailboxes" },
  equipment: { one: "equipment mailbox", other: "equipment mailboxes" },
  linked: { one: "linked mailbox", other: "linked mailboxes" },
  "other mailbox": { one: "other non-personal mailbox", other: "other non-personal mailboxes" },
};

const ENGLISH_PLURALS = new Intl.PluralRules("en-GB");

/** "1 disabled account, 3 shared mailboxes", or "none": the skipped counts as the summary line gives them. */
export function skippedSummary(skipped: Readonly<Partial<Record<SkipReason, number>>>): string {
  return (
    (Object.entries(skipped) as [SkipReason, number][])
      .map(
        ([reason, count]) =>
          `${count} ${SKIP_LABELS[reason][ENGLISH_PLURALS.select(count) === "one" ? "one" : "other"]}`,
      )
      .join(", ") || "none"
  );
}

/** Why a mailbox could not be read, as the summary gives it ("2 access denied", "1 not found"). */
export const UNREAD_LABELS: Readonly<Record<UnreadReason, string>> = {
  "access denied": "access denied",
  "not found": "not found",
  "sweep error": "failed in the sweep",
};

function total(counts: Readonly<Partial<Record<string, number>>>): number {
  return Object.values(counts).reduce<number>((sum, count) => sum + (count ?? 0), 0);
}

/**
 * "2 mailboxes could not be read (access denied)", "3 mailboxes could not be read (2 access denied,
 * 1 not found)", or "" when every mailbox in scope was read.
 */
export function unreadSummary(unread: Readonly<Partial<Record<UnreadReason, number>>>): string {
  const reasons = (Object.entries(unread) as [UnreadReason, number][]).filter(([, count]) => count > 0);
  const count = total(unread);
  if (count === 0) return "";
  const why =
    reasons.length === 1 && reasons[0]
      ? UNREAD_LABELS[reasons[0][0]]
      : reasons.map(([reason, n]) => `${n} ${UNREAD_LABELS[reason]}`).join(", ");
  return `${count} ${ENGLISH_PLURALS.select(count) === "one" ? "mailbox" : "mailboxes"} could not be read (${why})`;
}

/**
 * What the run could not check: mailboxes not read, checks not evaluated, notes (a permission missing).
 * Empty for a complete run. `--strict` exits 3 on any (a scheduled task's "last run result", cron's mail).
 */
export function incompleteParts(report: SweepReport): string[] {
  const parts: string[] = [];
  const unread = Object.values(report.counts.unread).reduce((sum, count) => sum + (count ?? 0), 0);
  if (unread > 0) parts.push(`${unread} mailbox${unread === 1 ? "" : "es"} not read`);
  // The "mailbox" row counts the mailboxes not read, said above.
  const notEvaluated = Object.entries(report.summary).reduce(
    (sum, [check, counts]) => sum + (check === "mailbox" ? 0 : counts.notEvaluated),
    0,
  );
  if (notEvaluated > 0) parts.push(`${notEvaluated} check${notEvaluated === 1 ? "" : "s"} not evaluated`);
  // What the school's policy does not ask for is information, not something the run missed.
  const information: readonly string[] = Object.values(NOT_REQUIRED_NOTES);
  const notes = report.notes.filter((note) => !information.includes(note));
  if (notes.length > 0) parts.push(`${notes.length} note${notes.length === 1 ? "" : "s"}`);
  return parts;
}

/**
 * The run in one line, so that checked + could not be read + skipped = in scope: "Checked 454 of 459
 * people in All staff; 2 mailboxes could not be read (access denied) and 3 were skipped (…); 57 absent
 * beyond the threshold." A mailbox that could not be read is never counted as checked.
 */
export function peopleSummary(counts: SweepReport["counts"], where: string): string {
  const skippedCount = total(counts.skipped);
  const gaps = [
    unreadSummary(counts.unread),
    skippedCount > 0
      ? `${skippedCount} ${skippedCount === 1 ? "was" : "were"} skipped (${skippedSummary(counts.skipped)})`
      : "",
  ]
    .filter((part) => part !== "")
    .join(" and ");
  return `Checked ${counts.checked} of ${counts.inScope} people ${where}${gaps ? `; ${gaps}` : ""}; ${counts.absent} absent beyond the threshold.`;
}

/** Quote every cell; a cell that a spreadsheet would read as a formula gets a leading apostrophe. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function toCsv(report: ReportWithChanges): string {
  const header = ["Name", "User principal name", "Check", "Status", "Detail", "Policy", "Policy says", "What to do"];
  const rows = report.findings.map((f) =>
    [
      f.displayName,
      f.userPrincipalName,
      checkTitle(f.check),
      STATUS_LABELS[f.status],
      f.detail,
      f.policyRef.section,
      f.policyRef.quote,
      checkRemediation(f.check),
    ]
      .map(csvCell)
      .join(","),
  );
  const skipped = report.skipped.map((s) =>
    [s.displayName, s.userPrincipalName, "Not swept", "Skipped", SKIP_LABELS[s.reason].one, "", "", ""]
      .map(csvCell)
      .join(","),
  );
  return [header.map(csvCell).join(","), ...rows, ...skipped].join("\r\n") + "\r\n";
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

interface Person {
  readonly userPrincipalName: string;
  readonly displayName: string;
  readonly findings: SweepFinding[];
  /** Already away when the report's window opens (an absence finding's `awaySince` at or before its start). */
  awayNow: boolean;
}

/**
 * One entry per person, most urgent first, then those already away when the window opens, then by name;
 * each person's findings most urgent first.
 */
export function people(report: SweepReport): Person[] {
  const byUser = new Map<string, Person>();
  const windowStart = Date.parse(report.window.start);
  for (const finding of report.findings) {
    const person = byUser.get(finding.userPrincipalName) ?? {
      userPrincipalName: finding.userPrincipalName,
      displayName: finding.displayName,
      findings: [],
      awayNow: false,
    };
    person.findings.push(finding);
    // Someone already away needs acting on today (a colleague given access, replies turned on for them);
    // someone leaving next week can still be asked before they go. An IT admin's trial read "Before they
    // go" above a name away since Wednesday.
    if (finding.awaySince !== undefined && Date.parse(finding.awaySince) <= windowStart) person.awayNow = true;
    byUser.set(finding.userPrincipalName, person);
  }
  const worst = (person: Person) => Math.min(...person.findings.map((finding) => SEVERITY[finding.status]));
  const list = [...byUser.values()];
  for (const person of list)
    person.findings.sort(
      (a, b) => SEVERITY[a.status] - SEVERITY[b.status] || checkTitle(a.check).localeCompare(checkTitle(b.check)),
    );
  return list.sort(
    (a, b) =>
      worst(a) - worst(b) || Number(b.awayNow) - Number(a.awayNow) || a.displayName.localeCompare(b.displayName),
  );
}

function localDateTime(iso: string, zone: string): string {
  const instant = Date.parse(iso);
  const time = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit" }).format(instant);
  return `${formatLocalDate(instant, zone)}, ${time}`;
}

const FILTER_SCRIPT = `(function(){
var check=document.getElementById("filter-check"),status=document.getElementById("filter-status"),search=document.getElementById("search"),shown=document.getElementById("shown");
var rows=Array.prototype.slice.call(document.querySelectorAll("#people tbody tr"));
function apply(){var c=check.value,s=status.value,q=search.value.trim().toLowerCase(),count=0;
rows.forEach(function(row){var any=false;Array.prototype.forEach.call(row.querySelectorAll("li.finding"),function(li){var ok=(!c||li.getAttribute("data-check")===c)&&(!s||li.getAttribute("data-status")===s);li.hidden=!ok;if(ok)any=true;});
var match=any&&(!q||row.getAttribute("data-search").indexOf(q)>=0||row.textContent.toLowerCase().indexOf(q)>=0);row.hidden=!match;if(match)count++;});
shown.textContent=count+" of "+rows.length+" people shown";}
[check,status].forEach(function(el){el.addEventListener("change",apply)});search.addEventListener("input",apply);apply();})();`;

export function toHtml(report: ReportWithChanges): string {
  const zone = report.window.timeZone;
  const windowText = `${formatLocalDate(Date.parse(report.window.start), zone)} to ${formatLocalDate(Date.parse(report.window.end) - 1, zone)}`;
  const skippedText = skippedSummary(report.counts.skipped);
  const unreadText = unreadSummary(report.counts.unread);
  const details: [string, string][] = [
    ["School", report.school.name],
    ["Tenant", `${report.tenant.name} (${report.tenant.id})`],
    ["Absences from", `${windowText} (${zone}, working days exclude weekends and bank holidays)`],
    [
      "Who",
      report.group
        ? `Members of the group “${report.group.name}”, nested groups included`
        : "Everyone in the directory, pupils' accounts included (give --group with your staff group)",
    ],
    [
      "People",
      `${report.counts.inScope} in scope, ${report.counts.checked} checked, ${report.counts.absent} absent beyond the policy's threshold${unreadText ? `; ${unreadText}` : ""}`,
    ],
    ["Not swept", skippedText],
    // Whether absences came from a leave file too: a week without one reads others as "resolved".
    [
      "Leave file",
      report.counts.leave
        ? `${report.counts.leave.rows} row${report.counts.leave.rows === 1 ? "" : "s"}${report.counts.leave.unmatched > 0 ? `, ${report.counts.leave.unmatched} for no one in scope` : ", each for someone swept"}`
        : "none given: absences from calendars only",
    ],
    ["Inside the school", report.internalDomains.join(", ")],
    ["Policy", `${report.school.id} (fingerprint ${report.policy.fingerprint.slice(0, 12)})`],
    ["Generated", `${localDateTime(report.generatedAt, zone)} by ${report.tool.name} ${report.tool.version}`],
  ];
  const ids: FindingCheck[] = [...checks.map((check) => check.meta.id), "mailbox"];
  const summaryRows = ids
    .map((id) => {
      const c = report.summary[id];
      return `<tr><th scope="row">${escapeHtml(checkTitle(id))}</th><td class="n">${c.fail}</td><td class="n">${c.warn}</td><td class="n">${c.notEvaluated}</td><td>${escapeHtml(checkRemediation(id))}</td></tr>`;
    })
    .join("");
  const blind = GRAPH_BLIND_SPOTS.map(
    (spot) =>
      `<li>${escapeHtml(spot.what)}<pre tabindex="0"><code>${spot.commands.map(escapeHtml).join("\n")}</code></pre></li>`,
  ).join("");
  const rows = people(report)
    .map((person) => {
      const items = person.findings
        .map(
          (f) =>
            `<li class="finding ${f.status}" data-check="${f.check}" data-status="${f.status}"><span class="badge ${f.status}">${STATUS_LABELS[f.status]}</span> <b>${escapeHtml(checkTitle(f.check))}</b>: ${escapeHtml(f.detail)}<details><summary>Policy and what to do</summary><p><b>${escapeHtml(f.policyRef.section)}</b>: <q>${escapeHtml(f.policyRef.quote)}</q></p><p>${escapeHtml(checkRemediation(f.check))}</p></details></li>`,
        )
        .join("");
      const away = person.awayNow ? `<br><span class="badge away">away now</span>` : "";
      return `<tr data-search="${escapeHtml(`${person.displayName} ${person.userPrincipalName}`.toLowerCase())}"><td><b>${escapeHtml(person.displayName)}</b><br><small>${escapeHtml(person.userPrincipalName)}</small>${away}</td><td><ul>${items}</ul></td></tr>`;
    })
    .join("\n");
  const changes = report.changes
    ? `<h2>Changes since ${escapeHtml(localDateTime(report.changes.previousGeneratedAt, zone))}</h2><p>${report.changes.added} new, ${report.changes.resolved.length} resolved, ${report.changes.unchanged} still open.</p>${
        report.changes.resolved.length > 0
          ? `<details><summary>Resolved</summary><ul>${report.changes.resolved.map((r) => `<li>${escapeHtml(r.displayName)} (${escapeHtml(r.userPrincipalName)}): ${escapeHtml(checkTitle(r.check))}, was ${STATUS_LABELS[r.status]}</li>`).join("")}</ul></details>`
          : ""
      }`
    : "";
  const notes =
    report.notes.length > 0
      ? `<ul class="notes">${report.notes.map((note) => `<li>${escapeHtml(note)}</li>`).join("")}</ul>`
      : "";
  const skippedList =
    report.skipped.length > 0
      ? `<details><summary>Not swept (${report.skipped.length})</summary><ul>${report.skipped.map((s) => `<li>${escapeHtml(s.displayName)} (${escapeHtml(s.userPrincipalName)}): ${escapeHtml(SKIP_LABELS[s.reason].one)}</li>`).join("")}</ul></details>`
      : "";
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mailbox compliance sweep — ${escapeHtml(report.school.name)}</title>
<style>body{font-family:"Segoe UI",system-ui,sans-serif;margin:1.5rem 2rem;color:#242424;line-height:1.4;max-width:80rem}
dl.run{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;background:#f5f5f5;padding:.8rem 1rem;border-radius:6px}dl.run dt{font-weight:600}dl.run dd{margin:0}
table{border-collapse:collapse;width:100%;margin:.6rem 0}th,td{border:1px solid #d1d1d1;padding:.4rem;text-align:left;vertical-align:top}thead th{background:#f5f5f5}td.n{text-align:right;font-variant-numeric:tabular-nums}
ul{margin:0;padding-left:1.1rem}li.finding{margin:.2rem 0}.badge{display:inline-block;min-width:6.5rem;border-radius:4px;padding:0 .4rem;font-size:.85em;font-weight:600;color:#fff;text-align:center}
.badge.fail{background:#c50f1f}.badge.warn{background:#8a3707}.badge.not-evaluated{background:#616161}.badge.away{background:#0f6cbd;margin-top:.2rem}
.filters{display:flex;gap:1rem;align-items:end;flex-wrap:wrap;margin:.8rem 0}.filters label{display:flex;flex-direction:column;font-weight:600;font-size:.9em}
select,input{font:inherit;padding:.2rem .4rem}pre{background:#f5f5f5;padding:.4rem;overflow-x:auto;font-size:.85em}.blind{border-left:4px solid #8a3707;padding-left:1rem}details summary{cursor:pointer;color:#0f6cbd}q{font-style:italic}</style></head><body><main>
<h1>Mailbox compliance sweep — ${escapeHtml(report.school.name)}</h1>
<dl class="run">${details.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`).join("")}</dl>
${notes}
<section class="blind"><h2>Not checked: Microsoft Graph cannot see these</h2><ul>${blind}</ul><p>Run them in Exchange Online PowerShell after <code>Connect-ExchangeOnline</code>; they only read.</p></section>
<h2>Summary</h2>
<table aria-label="Findings per check"><thead><tr><th>Check</th><th>Fail</th><th>Warning</th><th>Not evaluated</th><th>What to do</th></tr></thead><tbody>${summaryRows}</tbody></table>
${changes}
<h2>People with findings</h2>
<div class="filters" role="search"><label>Check<select id="filter-check"><option value="">All checks</option>${ids.map((id) => `<option value="${id}">${escapeHtml(checkTitle(id))}</option>`).join("")}</select></label>
<label>Status<select id="filter-status"><option value="">All statuses</option>${(Object.keys(STATUS_LABELS) as FindingStatus[]).map((s) => `<option value="${s}">${STATUS_LABELS[s]}</option>`).join("")}</select></label>
<label>Search<input id="search" type="search" placeholder="Name or address"></label><output id="shown" aria-live="polite"></output></div>
<table id="people"><thead><tr><th>Person</th><th>Findings, most urgent first</th></tr></thead><tbody>
${rows}
</tbody></table>
${skippedList}
<p>Read-only: nothing was changed in any mailbox. The same data is in <a href="report.json">report.json</a> and <a href="report.csv">report.csv</a>.</p>
</main>
<script>${FILTER_SCRIPT}</script>
</body></html>
`;
}

export async function writeReport(report: ReportWithChanges, outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, "report.json"), JSON.stringify(report, null, 2) + "\n");
  await writeFile(join(outDir, "report.csv"), toCsv(report));
  await writeFile(join(outDir, "report.html"), toHtml(report));
}
