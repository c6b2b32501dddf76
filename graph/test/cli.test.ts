import { spawn, spawnSync } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readCheckpoint } from "../checkpoint.js";
import type { LeaveEntry } from "../leave.js";
import { startGraphStandIn, type GraphStandIn } from "../stand-in/server.js";
import { seedTenant } from "../stand-in/tenant.js";
import type { SweepReport } from "../sweep.js";

/** The leave file an HR export would give: end date inclusive. */
const toLeaveCsv = (entries: readonly LeaveEntry[]) =>
  [
    "upn,start,end",
    ...entries.map(
      (e) =>
        `${e.userPrincipalName},${new Date(e.start).toISOString().slice(0, 10)},${new Date(e.end - 86_400_000).toISOString().slice(0, 10)}`,
    ),
  ].join("\n") + "\n";

/** The CLI as a child process, without blocking this process (the stand-in lives here). */
function cliAsync(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "graph/cli.ts", ...args], {
      env: { ...process.env, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("exit", (status) => resolve({ status, stdout, stderr }));
  });
}

const cli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ["--import", "tsx", "graph/cli.ts", ...args], {
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, ...env },
  });

let standIn: GraphStandIn | undefined;
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

describe("npm run sweep (graph/cli.ts)", () => {
  it("--demo writes report.json, report.csv and report.html into --out, and --compare says what changed", async () => {
    const out = await mkdtemp(join(tmpdir(), "sweep-demo-"));
    const result = cli(["--demo", "--out", out, "--start", "2026-11-23"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /Checked \d+ of \d+ people in All staff; \d+ mailboxes? could not be read \(access denied\) and 3 were skipped \(1 disabled account, 1 shared mailbox, 1 room mailbox\); \d+ absent beyond the threshold/,
    );
    expect(result.stdout).toContain("Automatic replies while away");
    const json = JSON.parse(await readFile(join(out, "report.json"), "utf8")) as SweepReport;
    expect(json.kind).toBe("school-policy-guard/sweep-report");
    expect(json.window).toEqual({
      start: "2026-11-23T00:00:00.000Z",
      end: "2026-12-07T00:00:00.000Z",
      timeZone: "Europe/London",
    });
    expect(json.group?.name).toBe("All staff");
    expect(json.findings.length).toBeGreaterThan(40);
    for (const finding of json.findings) {
      expect(Object.keys(finding)).toEqual([
        "userPrincipalName",
        "userId",
        "displayName",
        "check",
        "status",
        "detail",
        "policyRef",
        // Only a mailbox that could not be read says why, so the summary can count it apart.
        ...(finding.check === "mailbox" ? ["unread"] : []),
        // A finding about a known absence says when it began, so the report puts those already away first.
        ...(finding.awaySince !== undefined ? ["awaySince"] : []),
      ]);
      expect(["fail", "warn", "not-evaluated"]).toContain(finding.status);
    }
    // Checked, not read and skipped add up to everyone in scope, and the line says each of them.
    const notRead = json.findings.filter((finding) => finding.check === "mailbox").length;
    expect(notRead).toBeGreaterThan(0);
    expect(json.counts.checked + notRead + json.skipped.length).toBe(json.counts.inScope);
    expect(result.stdout).toContain(
      `Checked ${json.counts.checked} of ${json.counts.inScope} people in All staff; ${notRead} mailbox`,
    );
    const csv = (await readFile(join(out, "report.csv"), "utf8")).split("\r\n");
    expect(csv).toHaveLength(json.findings.length + json.skipped.length + 2);
    const html = await readFile(join(out, "report.html"), "utf8");
    expect(html.match(/<li class="finding /g)).toHaveLength(json.findings.length);
    // The same sweep again, compared with the first: nothing new, nothing resolved.
    const again = cli([
      "--demo",
      "--out",
      join(out, "again"),
      "--start",
      "2026-11-23",
      "--compare",
      join(out, "report.json"),
    ]);
    expect(again.status).toBe(0);
    const compared = JSON.parse(await readFile(join(out, "again", "report.json"), "utf8")) as SweepReport & {
      changes: { added: number; resolved: unknown[]; unchanged: number };
    };
    expect(compared.changes).toMatchObject({ added: 0, resolved: [], unchanged: json.findings.length });
    await expect(readFile(join(out, "checkpoint.jsonl"))).rejects.toThrow(/ENOENT/);
  }, 180_000);

  it("--strict exits 3 after writing the report when mailboxes could not be read (the demo's 403s)", async () => {
    const out = await mkdtemp(join(tmpdir(), "sweep-demo-strict-"));
    const result = cli(["--demo", "--strict", "--out", out, "--start", "2026-11-23"]);
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/^Incomplete \(--strict\): \d+ mailbox(?:es)? not read\. See .*report\.html\.\n$/);
    expect(JSON.parse(await readFile(join(out, "report.json"), "utf8"))).toMatchObject({
      kind: "school-policy-guard/sweep-report",
    });
  }, 180_000);

  it("--demo honours --policy and --window-days", async () => {
    const out = await mkdtemp(join(tmpdir(), "sweep-demo-policy-"));
    const result = cli(["--demo", "--policy", "delius", "--window-days", "5", "--start", "2026-12-03", "--out", out]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const json = JSON.parse(await readFile(join(out, "report.json"), "utf8")) as SweepReport;
    expect(json.school.id).toBe("delius");
    expect(json.window).toMatchObject({ start: "2026-12-03T00:00:00.000Z", end: "2026-12-08T00:00:00.000Z" });
    const html = await readFile(join(out, "report.html"), "utf8");
    expect(html).toContain("<dt>Absences from</dt><dd>Thu 3 Dec 2026 to Mon 7 Dec 2026 (Europe/London");
    // Delius asks for neither automatic replies nor a delegate: the report says so, not zero failures alone.
    expect(json.summary["out-of-office"]).toEqual({ fail: 0, warn: 0, notEvaluated: 0 });
    expect(json.notes).toEqual([
      "Automatic replies while away were not checked: this school's policy does not require them.",
      "Someone covering their calendar while away was not checked: this school's policy does not require a delegate.",
    ]);
    expect(result.stdout).toContain(
      "Note: Automatic replies while away were not checked: this school's policy does not require them.",
    );
  }, 180_000);

  // A usage error is one line saying what is wrong, then the usage, exit 2; nothing is swept.
  it.each([
    { args: ["--bogus"], error: "Unknown option '--bogus'" },
    { args: ["--client-secret", "s"], error: "Unknown option '--client-secret'" },
    {
      args: ["--window-days", "many", "--access-token", "x"],
      error: "--window-days: must be a whole number of days from 1 to 90",
    },
    { args: ["--demo", "--window-days", "0"], error: "--window-days: must be a whole number of days from 1 to 90" },
    {
      args: ["--concurrency", "2.5", "--access-token", "x"],
      error: "--concurrency: must be a whole number of requests from 1 to 256",
    },
    { args: ["--start", "30/11/2026", "--access-token", "x"], error: "--start: a date as YYYY-MM-DD" },
    {
      args: ["--demo", "--policy", "nosuch"],
      error: "--policy nosuch: no such preset or file (the presets: st-dunstans, palfrey, lt2, delius, st-john-payne)",
    },
    {
      args: ["--demo", "--group", "Teachers", "--leave-file", "leave.csv", "--resume"],
      error: `--demo sweeps the synthetic school's "All staff" group on the local stand-in, so it cannot honour --group, --leave-file, --resume`,
    },
  ])(
    "usage error for $args",
    ({ args, error }) => {
      const result = cli(args);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe("");
      const [first, ...rest] = result.stderr.split("\n");
      expect(first).toBe(error);
      expect(rest[0]).toBe("Usage: npm run sweep -- [options]");
    },
    60_000,
  );

  it("with no arguments, asks for a sign-in and points at --demo", () => {
    const result = cli([], { GRAPH_ACCESS_TOKEN: "", AZURE_CLIENT_SECRET: "" });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^Give --tenant-id .*; or try --demo for a synthetic school\.\n$/);
  }, 60_000);

  it("outside --demo, asks for --policy, and warns when no --group limits the sweep to staff", async () => {
    const tenant = seedTenant({ count: 20, domain: "st-john-payne.sch.uk", now: new Date(), seed: 3 });
    standIn = await startGraphStandIn({ tenant });
    const env = { GRAPH_ACCESS_TOKEN: standIn.token };
    const out = await mkdtemp(join(tmpdir(), "sweep-no-group-"));
    const noPolicy = await cliAsync(["--graph-url", standIn.url, "--out", out], env);
    expect(noPolicy.status).toBe(2);
    expect(noPolicy.stderr).toMatch(/^Give --policy with your school's pack/);
    const noGroup = await cliAsync(["--graph-url", standIn.url, "--policy", "st-john-payne", "--out", out], env);
    expect(noGroup.status).toBe(0);
    expect(noGroup.stdout).toMatch(
      /^Warning: no --group, so every account in the directory is swept, pupils' included/,
    );
  }, 120_000);

  it("reports an unreadable --compare file by name", () => {
    const compare = cli(["--demo", "--compare", "/nonexistent/report.json"]);
    expect(compare.status).toBe(1);
    expect(compare.stderr).toMatch(/PreviousReportError: --compare \/nonexistent\/report.json/);
  }, 180_000);

  it("killed half-way (SIGKILL) and run again with --resume, finishes with the same findings, re-reading no finished user", async () => {
    const now = new Date();
    const tenant = seedTenant({ count: 300, domain: "st-john-payne.sch.uk", now, seed: 8 });
    const dir = await mkdtemp(join(tmpdir(), "sweep-kill-"));
    const leaveFile = join(dir, "leave.csv");
    await writeFile(leaveFile, toLeaveCsv(tenant.leave));
    standIn = await startGraphStandIn({ tenant, latencyMs: 25 });
    const common = [
      "--graph-url",
      standIn.url,
      "--policy",
      "st-john-payne",
      "--leave-file",
      leaveFile,
      "--concurrency",
      "2",
    ];
    const env = { GRAPH_ACCESS_TOKEN: standIn.token };

    const fresh = await cliAsync([...common, "--out", join(dir, "fresh")], env);
    expect(fresh.stderr).toBe("");
    const expected = (JSON.parse(await readFile(join(dir, "fresh", "report.json"), "utf8")) as SweepReport).findings;
    standIn.stats.mailboxReads.clear();

    const out = join(dir, "killed");
    const child = spawn(process.execPath, ["--import", "tsx", "graph/cli.ts", ...common, "--out", out], {
      env: { ...process.env, ...env },
      stdio: "ignore",
    });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    for (let tries = 0; tries < 400; tries++) {
      const lines = await readFile(join(out, "checkpoint.jsonl"), "utf8").then(
        (text) => text.split("\n").length,
        () => 0,
      );
      if (lines > 15) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    child.kill("SIGKILL");
    await exited;
    const checkpointed = await readCheckpoint(join(out, "checkpoint.jsonl"));
    const done = new Set(checkpointed?.batches.flatMap((batch) => batch.done));
    expect(done.size).toBeGreaterThan(30);
    expect(done.size).toBeLessThan(299);

    const resumed = await cliAsync([...common, "--out", out, "--resume"], env);
    expect(resumed.stderr).toBe("");
    expect(resumed.status).toBe(0);
    const report = JSON.parse(await readFile(join(out, "report.json"), "utf8")) as SweepReport;
    expect(report.findings).toEqual(expected);
    for (const id of done) expect(standIn.stats.mailboxReads.get(id) ?? 0).toBeLessThanOrEqual(4);
    const readable = tenant.users.filter(
      (user) => user.userType === "Member" && user.accountEnabled && !tenant.mailboxes.get(user.id)?.state,
    );
    for (const user of readable) expect(standIn.stats.mailboxReads.get(user.id)).toBeGreaterThanOrEqual(4);
  }, 180_000);
});
