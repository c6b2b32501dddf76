import { appendFile, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadPolicy } from "../../policy/pack/load.js";
import { CheckpointMismatchError } from "../checkpoint.js";
import { createGraphClient, StaticTokenProvider } from "../client/index.js";
import { startGraphStandIn, type GraphStandIn, type StandInOptions } from "../stand-in/server.js";
import { expectedProblems, seedTenant, transitiveUserIds, type Tenant } from "../stand-in/tenant.js";
import { runSweep, SweepAbortedError, USERS_PER_BATCH, type SweepReport } from "../sweep.js";

const now = new Date("2026-11-23T08:00:00Z"); // a Monday
const window = { start: now, end: new Date(now.getTime() + 14 * 86_400_000) };
const stJohnPayne = loadPolicy("st-john-payne");
let standIns: GraphStandIn[] = [];
afterEach(async () => {
  await Promise.all(standIns.map((standIn) => standIn.close()));
  standIns = [];
});

async function sweepOf(
  tenant: Tenant,
  standInOptions: Omit<StandInOptions, "tenant"> = {},
  sweep: Partial<Parameters<typeof runSweep>[0]> = {},
) {
  const standIn = await startGraphStandIn({ tenant, ...standInOptions });
  standIns.push(standIn);
  const client = createGraphClient({ graphUrl: standIn.url, authProvider: new StaticTokenProvider(standIn.token) });
  const report = await runSweep({ client, pack: stJohnPayne, window, leave: tenant.leave, ...sweep });
  return { report, standIn, client };
}

const problems = (report: SweepReport) =>
  report.findings.map((finding) => `${finding.userPrincipalName} ${finding.check} ${finding.status}`).sort();
const exact = (report: SweepReport) => report.findings.map((finding) => JSON.stringify(finding));

describe("runSweep against the Graph stand-in", () => {
  it("finds exactly the seeded problems, never more than 20 requests a batch or 4 per mailbox", async () => {
    const tenant = seedTenant({ count: 400, domain: "st-john-payne.sch.uk", now, seed: 3 });
    const { report, standIn } = await sweepOf(tenant, { pageSize: 60, latencyMs: 2, perMailboxLimit: 4 });
    const expected = expectedProblems(tenant, stJohnPayne);
    expect(expected.length).toBeGreaterThan(60);
    for (const check of ["out-of-office", "out-of-office-content", "delegation", "external-forwarding", "mailbox"])
      expect(expected.some((line) => line.includes(` ${check} `))).toBe(true);
    expect(problems(report)).toEqual(expected);
    expect(standIn.stats.maxBatchSize).toBeLessThanOrEqual(20);
    expect(standIn.stats.maxInFlightPerMailbox).toBeLessThanOrEqual(4);
    expect(standIn.stats.concurrencyRejections).toBe(0);
    expect(report.summary.users).toBe(399); // the guest is not swept
    expect(report.summary.byCheck["mailbox-permissions"]).toEqual({ fail: 0, warn: 0, notEvaluated: 399 });
  });

  it("reports 404 and 403 mailboxes as not evaluated, each with its status, and goes on", async () => {
    const tenant = seedTenant({ count: 400, domain: "st-john-payne.sch.uk", now, seed: 3 });
    const { report } = await sweepOf(tenant);
    const unreadable = report.findings.filter((finding) => finding.check === "mailbox");
    const states = [...tenant.mailboxes.entries()]
      .filter(([, mailbox]) => mailbox.state)
      .map(([id, mailbox]) => [id, mailbox.state]);
    expect(states.some(([, state]) => state === "missing") && states.some(([, state]) => state === "forbidden")).toBe(
      true,
    );
    expect(
      unreadable.map((finding) => [finding.userId, finding.detail.includes("HTTP 404") ? "missing" : "forbidden"]),
    ).toEqual(states);
    expect(
      report.findings.some((finding) => finding.check !== "mailbox" && finding.userId > (unreadable[0]?.userId ?? "")),
    ).toBe(true);
  });

  it("leaves out the delegation findings for a school that does not ask for delegation", async () => {
    const tenant = seedTenant({ count: 150, domain: "st-dunstans.example.sch.uk", now, seed: 4 });
    const pack = loadPolicy("st-dunstans");
    const { report } = await sweepOf(
      tenant,
      {},
      { pack: { ...pack, school: { ...pack.school, emailDomains: ["st-dunstans.example.sch.uk"] } } },
    );
    expect(report.findings.some((finding) => finding.check === "delegation")).toBe(false);
  });

  it("sweeps only a group's transitive members with --group", async () => {
    const tenant = seedTenant({ count: 300, domain: "st-john-payne.sch.uk", now, seed: 3 });
    const members = transitiveUserIds(tenant, tenant.staffGroupId);
    const { report } = await sweepOf(tenant, { pageSize: 50 }, { group: tenant.staffGroupId });
    expect(report.summary.users).toBe(members.size);
    expect(problems(report)).toEqual(expectedProblems(tenant, stJohnPayne, members));
  });

  it("uses the leave file: without it, leave-file-only absences go unnoticed", async () => {
    const tenant = seedTenant({ count: 400, domain: "st-john-payne.sch.uk", now, seed: 3 });
    expect(tenant.leave.length).toBeGreaterThan(2);
    const withLeave = await sweepOf(tenant);
    const without = await sweepOf(tenant, {}, { leave: [] });
    expect(without.report.summary.absent).toBe(withLeave.report.summary.absent - tenant.leave.length);
  });

  it("ends with identical findings under injected 429/503 faults, each retried", async () => {
    const tenant = seedTenant({ count: 250, domain: "st-john-payne.sch.uk", now, seed: 5 });
    const clean = await sweepOf(tenant);
    const faulty = await sweepOf(tenant, {
      throttleRate: 0.1,
      batchThrottleRate: 0.05,
      retryAfterSeconds: 0.01,
      perMailboxLimit: 4,
    });
    expect(faulty.standIn.stats.throttled).toBeGreaterThan(20);
    expect(faulty.standIn.stats.batchesThrottled).toBeGreaterThan(0);
    expect(exact(faulty.report)).toEqual(exact(clean.report));
  });

  it("resumes after being stopped half-way: no user read twice, nothing lost or doubled", async () => {
    const tenant = seedTenant({ count: 300, domain: "st-john-payne.sch.uk", now, seed: 6 });
    const uninterrupted = await sweepOf(tenant);
    const out = await mkdtemp(join(tmpdir(), "sweep-resume-"));
    const checkpointPath = join(out, "checkpoint.jsonl");
    const standIn = await startGraphStandIn({ tenant, latencyMs: 2 });
    standIns.push(standIn);
    const client = () =>
      createGraphClient({ graphUrl: standIn.url, authProvider: new StaticTokenProvider(standIn.token) });
    const controller = new AbortController();
    let batches = 0;
    const stopped = runSweep({
      client: client(),
      pack: stJohnPayne,
      window,
      leave: tenant.leave,
      checkpointPath,
      signal: controller.signal,
      batchesInFlight: 4,
      onProgress: () => {
        if (++batches === 12) controller.abort();
      },
    });
    await expect(stopped).rejects.toThrow(SweepAbortedError);
    const firstRun = new Map(standIn.stats.mailboxReads);
    expect(firstRun.size).toBeGreaterThan(10 * USERS_PER_BATCH);
    expect(firstRun.size).toBeLessThan(299);
    // A kill in the middle of writing leaves a torn line: it must be ignored, not break the resume.
    await appendFile(checkpointPath, '{"done":["00000000-0000-4000-8000-0000000');
    const resumed = await runSweep({
      client: client(),
      pack: stJohnPayne,
      window: { start: new Date(), end: new Date() },
      leave: tenant.leave,
      checkpointPath,
      resume: true,
    });
    expect(exact({ ...resumed })).toEqual(exact(uninterrupted.report));
    expect(resumed.summary).toEqual(uninterrupted.report.summary);
    expect(resumed.window).toEqual(uninterrupted.report.window); // the resumed sweep keeps its window
    // Every mailbox read was a 2xx once per resource: four per user, across both runs together.
    const readable = [...tenant.mailboxes.entries()].filter(([, mailbox]) => !mailbox.state).map(([id]) => id);
    for (const id of readable) expect(standIn.stats.mailboxReads.get(id)).toBe(4);
    expect(
      (await readFile(checkpointPath, "utf8"))
        .trim()
        .split("\n")
        .every((line) => JSON.parse(line) !== null),
    ).toBe(true);
  });

  it("refuses to resume a checkpoint made with another policy", async () => {
    const tenant = seedTenant({ count: 40, domain: "st-john-payne.sch.uk", now, seed: 6 });
    const out = await mkdtemp(join(tmpdir(), "sweep-mismatch-"));
    const checkpointPath = join(out, "checkpoint.jsonl");
    await sweepOf(tenant, {}, { checkpointPath });
    await expect(sweepOf(tenant, {}, { checkpointPath, resume: true, pack: loadPolicy("palfrey") })).rejects.toThrow(
      CheckpointMismatchError,
    );
  });
});
