import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadPolicy } from "../../policy/pack/load.js";
import { createFetchClient } from "../client.js";
import { startGraphStandIn, type GraphStandIn } from "../stand-in/server.js";
import { seedTenant } from "../stand-in/tenant.js";
import { runSweep, workingDays, type SweepReport } from "../sweep.js";

const now = new Date("2026-11-23T08:00:00Z"); // a Monday
const window = { start: now, end: new Date(now.getTime() + 14 * 86_400_000) };
let standIn: GraphStandIn | undefined;
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

function problems(report: SweepReport) {
  return report.findings
    .filter((finding) => finding.status !== "not-evaluated")
    .map((finding) => `${finding.userPrincipalName} ${finding.check}`)
    .sort();
}

describe("runSweep against the Graph stand-in", () => {
  it("counts working days Monday to Friday only", () => {
    expect(workingDays("2026-11-25T00:00:00", "2026-12-02T00:00:00")).toBe(5);
  });

  it("finds exactly the seeded problems, batches of at most 20, missing mailboxes not evaluated", async () => {
    const tenant = seedTenant({ count: 200, domain: "st-john-payne.sch.uk", now, seed: 3 });
    standIn = await startGraphStandIn({ tenant, pageSize: 50 });
    const client = createFetchClient({ baseUrl: standIn.url, getToken: () => Promise.resolve(standIn?.token ?? "") });
    const pack = loadPolicy("st-john-payne");
    const report = await runSweep({ client, pack, window });
    const expected = tenant.seeded.map((problem) => `${problem.userPrincipalName} ${problem.check}`).sort();
    expect(expected.length).toBeGreaterThan(10);
    expect(problems(report)).toEqual(expected);
    expect(standIn.stats.maxBatchSize).toBeLessThanOrEqual(20);
    expect(report.summary.users).toBe(200);
    const notEvaluated = report.findings
      .filter((finding) => finding.status === "not-evaluated")
      .map((finding) => finding.userPrincipalName);
    expect(notEvaluated.sort()).toEqual([...tenant.missing].sort());
  });

  it("retries injected 429/503 after Retry-After and ends with the same findings; resume skips done users", async () => {
    const tenant = seedTenant({ count: 120, domain: "st-john-payne.sch.uk", now, seed: 5 });
    const pack = loadPolicy("st-john-payne");
    standIn = await startGraphStandIn({ tenant, throttleRate: 0.1, retryAfterSeconds: 0.01, perMailboxLimit: 4 });
    const faulty = createFetchClient({ baseUrl: standIn.url, getToken: () => Promise.resolve(standIn?.token ?? "") });
    const thrown = await runSweep({ client: faulty, pack, window });
    expect(standIn.stats.throttled).toBeGreaterThan(0);
    const expected = tenant.seeded.map((problem) => `${problem.userPrincipalName} ${problem.check}`).sort();
    expect(problems(thrown)).toEqual(expected);

    const out = await mkdtemp(join(tmpdir(), "sweep-"));
    await standIn.close();
    standIn = await startGraphStandIn({ tenant });
    const token = () => Promise.resolve(standIn?.token ?? "");
    await runSweep({
      client: createFetchClient({ baseUrl: standIn.url, getToken: token }),
      pack,
      window,
      out,
      parallelBatches: 1,
      stopAfterBatches: 10,
    });
    const firstHalf = standIn.stats.innerRequests;
    const resumed = await runSweep({
      client: createFetchClient({ baseUrl: standIn.url, getToken: token }),
      pack,
      window,
      out,
      resume: true,
    });
    expect(problems(resumed)).toEqual(expected);
    expect(new Set(resumed.findings.map((f) => `${f.userId} ${f.check} ${f.detail}`)).size).toBe(
      resumed.findings.length,
    );
    expect(standIn.stats.innerRequests).toBe(120 * 4);
    expect(firstHalf).toBe(10 * 20);
  });

  it("answers 401 without a bearer token", async () => {
    standIn = await startGraphStandIn({ tenant: seedTenant({ count: 3, domain: "x.example.org", now }) });
    const response = await fetch(`${standIn.url}/v1.0/users`);
    expect(response.status).toBe(401);
  });
});
