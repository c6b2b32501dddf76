import { loadPolicy } from "../../policy/pack/load.js";
import { createGraphClient, MAX_BATCH, naiveClient, StaticTokenProvider } from "../../graph/client/index.js";
import { startGraphStandIn } from "../../graph/stand-in/server.js";
import { seedTenant } from "../../graph/stand-in/tenant.js";
import { runSweep, type SweepReport } from "../../graph/sweep.js";

/**
 * Graph sweep on the stand-in: 100 ms a mailbox request, Outlook's 4 per mailbox, 5 % of mailbox
 * requests answered 429 or 503 (Retry-After 0.1 s, as seconds, an HTTP date or missing) and 1 % of
 * whole batches 429; the same sweep without faults must give the same findings. A naive sweep (one
 * request at a time) is measured on 100 people and extrapolated, for the ratio.
 */
const key = (report: SweepReport) =>
  report.findings
    .map((f) => `${f.userId} ${f.check} ${f.status} ${f.detail}`)
    .sort()
    .join("\n");

export async function run(): Promise<Record<string, number | string>> {
  const users = Number(process.env.GRAPH_BENCH_USERS ?? 10_000);
  const pack = loadPolicy("st-john-payne");
  const now = new Date("2026-11-23T00:00:00Z");
  const window = { start: now, end: new Date(now.getTime() + 14 * 86_400_000) };
  const tenant = seedTenant({ count: users, domain: pack.school.emailDomains[0] ?? "school.example", now });

  async function sweep(options: { faults: boolean; count?: number; naive?: boolean }) {
    const subset = options.count ? { ...tenant, users: tenant.users.slice(0, options.count) } : tenant;
    const standIn = await startGraphStandIn({
      tenant: subset,
      latencyMs: 100,
      perMailboxLimit: 4,
      throttleRate: options.faults ? 0.05 : 0,
      batchThrottleRate: options.faults ? 0.01 : 0,
      retryAfterSeconds: 0.1,
      retryAfterStyle: options.faults ? "mixed" : "seconds",
    });
    try {
      const client = createGraphClient({
        graphUrl: standIn.url,
        authProvider: new StaticTokenProvider(standIn.token),
        maxConcurrency: options.naive ? 1 : 64,
        baseDelayMs: 100,
        maxDelayMs: 2000,
      });
      const started = performance.now();
      const report = await runSweep({
        client: options.naive ? naiveClient(client) : client,
        pack,
        window,
        leave: tenant.leave,
        batchesInFlight: options.naive ? 1 : 64,
      });
      return {
        report,
        seconds: (performance.now() - started) / 1000,
        requests: standIn.stats.requests,
        throttled: standIn.stats.throttled + standIn.stats.batchesThrottled,
      };
    } finally {
      await standIn.close();
    }
  }

  const clean = await sweep({ faults: false });
  const faulty = await sweep({ faults: true });
  const naiveUsers = 100;
  const naive = await sweep({ faults: false, count: naiveUsers, naive: true });
  const naiveExtrapolated = (naive.seconds * users) / naiveUsers;
  return {
    "graph.sweep.users": users,
    "graph.sweep.target": "10,000 staff in < 60 s at 100 ms latency with 5 % 429/503",
    "graph.sweep.batchLimit": MAX_BATCH,
    "graph.sweep.faulty.wallSeconds": Number(faulty.seconds.toFixed(2)),
    "graph.sweep.faulty.httpRequests": faulty.requests,
    "graph.sweep.faulty.throttledAnswers": faulty.throttled,
    "graph.sweep.clean.wallSeconds": Number(clean.seconds.toFixed(2)),
    "graph.sweep.clean.httpRequests": clean.requests,
    "graph.sweep.findings": faulty.report.findings.length,
    "graph.sweep.findingsIdenticalToFaultFree": String(key(clean.report) === key(faulty.report)),
    "graph.sweep.naive.usersMeasured": naiveUsers,
    "graph.sweep.naive.wallSecondsExtrapolated": Number(naiveExtrapolated.toFixed(1)),
    "graph.sweep.naiveOverBatchedRatio": Number((naiveExtrapolated / faulty.seconds).toFixed(1)),
  };
}
