import { join } from "node:path";
import { loadPolicy } from "../policy/pack/load.js";
import { createGraphClient, StaticTokenProvider } from "./client/index.js";
import { addDays, localDate, localInstant, UK_SCHOOL } from "./checks/time.js";
import { writeReport } from "./report.js";
import { startGraphStandIn } from "./stand-in/server.js";
import { seedTenant } from "./stand-in/tenant.js";
import { runSweep, type SweepReport } from "./sweep.js";

/**
 * The demo: start the local Graph stand-in with a seeded synthetic 500-person school, sweep its
 * staff group with the given pack (default St John Payne: out-of-office after one working day,
 * delegation required) and the seeded leave file, and write report.json / report.csv / report.html to outDir.
 */
export interface DemoOptions {
  readonly outDir: string;
  readonly users?: number;
  readonly policy?: string;
  /** The sweep's first day (default today); the demo's absences are planted around it. */
  readonly start?: Date;
  /** Days in the window (default the pack's absence.lookAheadDays). */
  readonly windowDays?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export async function runDemoSweep(options: DemoOptions): Promise<SweepReport> {
  const pack = loadPolicy(options.policy ?? "st-john-payne");
  const today = localDate((options.start ?? new Date()).getTime(), UK_SCHOOL.timeZone);
  const start = new Date(localInstant(today, UK_SCHOOL.timeZone));
  const end = new Date(
    localInstant(addDays(today, options.windowDays ?? pack.absence.lookAheadDays), UK_SCHOOL.timeZone),
  );
  const tenant = seedTenant({
    count: options.users ?? 500,
    domain: pack.school.emailDomains[0] ?? "school.example",
    now: start,
  });
  const standIn = await startGraphStandIn({
    tenant,
    latencyMs: 5,
    perMailboxLimit: 4,
    throttleRate: 0.02,
    retryAfterSeconds: 0.05,
    eventPageSize: 10,
  });
  try {
    const client = createGraphClient({ graphUrl: standIn.url, authProvider: new StaticTokenProvider(standIn.token) });
    const report = await runSweep({
      client,
      pack,
      window: { start, end },
      leave: tenant.leave,
      group: "All staff",
      checkpointPath: join(options.outDir, "checkpoint.jsonl"),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    await writeReport(report, options.outDir);
    return report;
  } finally {
    await standIn.close();
  }
}
