import { loadPolicy } from "../policy/pack/load.js";
import { createFetchClient } from "./client.js";
import { writeReport } from "./report.js";
import { startGraphStandIn } from "./stand-in/server.js";
import { seedTenant } from "./stand-in/tenant.js";
import { runSweep, type SweepReport } from "./sweep.js";

/** Sweep a seeded 500-person school on the local stand-in with the St John Payne pack. */
export async function runDemoSweep(options: {
  outDir: string;
  users?: number;
  onProgress?: (done: number, total: number) => void;
}): Promise<SweepReport["summary"]> {
  const pack = loadPolicy("st-john-payne");
  const now = new Date();
  const tenant = seedTenant({
    count: options.users ?? 500,
    domain: pack.school.emailDomains[0] ?? "school.example",
    now,
  });
  const standIn = await startGraphStandIn({ tenant, latencyMs: 5, perMailboxLimit: 4 });
  try {
    const client = createFetchClient({ baseUrl: standIn.url, getToken: () => Promise.resolve(standIn.token) });
    const window = { start: now, end: new Date(now.getTime() + pack.absence.lookAheadDays * 86_400_000) };
    const report = await runSweep({ client, pack, window, out: options.outDir, onProgress: options.onProgress });
    await writeReport(report, options.outDir);
    return report.summary;
  } finally {
    await standIn.close();
  }
}
