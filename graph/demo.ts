import { join } from "node:path";
import { loadPolicy } from "../policy/pack/load.js";
import { createGraphClient, StaticTokenProvider } from "./client/index.js";
import { writeReport } from "./report.js";
import { startGraphStandIn } from "./stand-in/server.js";
import { seedTenant } from "./stand-in/tenant.js";
import { runSweep, type SweepReport } from "./sweep.js";

/**
 * The demo: start the local Graph stand-in with a seeded synthetic 500-person school, sweep it
 * with the St John Payne pack (out-of-office after one working day, delegation required) and the
 * seeded leave file, and write report.json / report.csv / report.html to outDir.
 */
export interface DemoOptions {
  readonly outDir: string;
  readonly users?: number;
  readonly policy?: string;
  readonly onProgress?: (done: number, total: number) => void;
}

export async function runDemoSweep(options: DemoOptions): Promise<SweepReport["summary"]> {
  const pack = loadPolicy(options.policy ?? "st-john-payne");
  const now = new Date();
  const tenant = seedTenant({
    count: options.users ?? 500,
    domain: pack.school.emailDomains[0] ?? "school.example",
    now,
  });
  const standIn = await startGraphStandIn({
    tenant,
    latencyMs: 5,
    perMailboxLimit: 4,
    throttleRate: 0.02,
    retryAfterSeconds: 0.05,
  });
  try {
    const client = createGraphClient({ graphUrl: standIn.url, authProvider: new StaticTokenProvider(standIn.token) });
    const report = await runSweep({
      client,
      pack,
      window: { start: now, end: new Date(now.getTime() + pack.absence.lookAheadDays * 86_400_000) },
      leave: tenant.leave,
      checkpointPath: join(options.outDir, "checkpoint.jsonl"),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    await writeReport(report, options.outDir);
    return report.summary;
  } finally {
    await standIn.close();
  }
}
