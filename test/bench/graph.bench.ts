import { loadPolicy } from "../../policy/pack/load.js";
import { createGraphClient, MAX_BATCH, naiveClient, StaticTokenProvider } from "../../graph/client/index.js";
import { startGraphStandIn } from "../../graph/stand-in/server.js";
import { seedTenant } from "../../graph/stand-in/tenant.js";
import { runSweep, type SweepReport } from "../../graph/sweep.js";

/** Graph sweep on the stand-in: 100 ms latency, 4 per mailbox, 5 % injected 429/503; and a naive run. */
const key = (report: SweepReport) =>
  report.findings
    .map((f) => `${f.userId} ${f.check} ${f.status} ${f.detail}`)
    .sort()
    .join("\n");

export async function run(): Promise<Record<string, number | string>> {
  const users = Number(process.env.GRAPH_BENCH_USERS ?? 2000);
  const pack = loadPolicy("st-john-payne");
  const now = new Date("2026-11-23T08:00:00Z");
  const window = { start: now, end: new Date(now.getTime() + 14 * 86_400_000) };
  const tenant = seedTenant({ count: users, domain: pack.school.emailDomains[0] ?? "school.example", now });

  async function sweep(options: { throttleRate: number; count?: number; naive?: boolean }) {
    const subset = options.count ? { ...tenant, users: tenant.users.slice(0, options.count) } : tenant;
    const standIn = await startGraphStandIn({
      tenant: subset,
      latencyMs: 100,
      perMailboxLimit: 4,
      throttleRate: options.throttleRate,
      retryAfterSeconds: 0.1,
    });
    try {
      const client = createGraphClient({
        graphUrl: standIn.url,
        authProvider: new StaticTokenProvider(standIn.token),
        maxConcurrency: options.naive ? 1 : 64,
      });
      const naive = options.naive ? naiveClient(client) : client;
      const started = performance.now();
      const report = await runSweep({ client: naive, pack, window, batchesInFlight: options.naive ? 1 : 64 });
      return { report, seconds: (performance.now() - started) / 1000, requests: standIn.stats.requests };
    } finally {
      await standIn.close();
    }
  }

  const clean = await sweep({ throttleRate: 0 });
  const faulty = await sweep({ throttleRate: 0.05 });
  const naiveUsers = 100;
  const naive = await sweep({ throttleRate: 0, count: naiveUsers, naive: true });
  const naiveExtrapolated = (naive.seconds * users) / naiveUsers;
  return {
    "graph.sweep.users": users,
    "graph.sweep.targetUsers": "10,000 (set GRAPH_BENCH_USERS=10000); target < 60 s",
    "graph.sweep.batchLimit": MAX_BATCH,
    "graph.sweep.faulty.wallSeconds": Number(faulty.seconds.toFixed(2)),
    "graph.sweep.faulty.httpRequests": faulty.requests,
    "graph.sweep.clean.wallSeconds": Number(clean.seconds.toFixed(2)),
    "graph.sweep.clean.httpRequests": clean.requests,
    "graph.sweep.findingsIdenticalToFaultFree": String(key(clean.report) === key(faulty.report)),
    "graph.sweep.naive.usersMeasured": naiveUsers,
    "graph.sweep.naive.wallSecondsExtrapolated": Number(naiveExtrapolated.toFixed(1)),
    "graph.sweep.naiveOverBatchedRatio": Number((naiveExtrapolated / faulty.seconds).toFixed(1)),
  };
}
