import { readFileSync } from "node:fs";
import { tokenProvider } from "./credentials.js";
import { parseArgs } from "node:util";
import { SingleBar, Presets } from "cli-progress";
import { loadPolicy } from "../policy/pack/load.js";
import { createFetchClient } from "./client.js";
import { runDemoSweep } from "./demo.js";
import { writeReport } from "./report.js";
import { runSweep, type LeaveEntry, type SweepReport } from "./sweep.js";

/** `npm run sweep -- [options]`: read-only mailbox compliance sweep. */
const { values } = parseArgs({
  options: {
    "tenant-id": { type: "string" },
    "client-id": { type: "string" },
    "certificate-path": { type: "string" },
    "graph-url": { type: "string", default: "https://graph.microsoft.com" },
    "access-token": { type: "string" },
    policy: { type: "string", default: "st-john-payne" },
    group: { type: "string" },
    "leave-file": { type: "string" },
    "window-days": { type: "string" },
    concurrency: { type: "string", default: "8" },
    resume: { type: "boolean", default: false },
    out: { type: "string", default: "sweep-report" },
    demo: { type: "boolean", default: false },
  },
});

const bar = process.stderr.isTTY ? new SingleBar({ stream: process.stderr }, Presets.shades_classic) : undefined;
const onProgress = (done: number, total: number) => {
  if (!bar) return;
  if (bar.getTotal() !== total) bar.start(total, done);
  bar.update(done);
};

function readLeave(path: string): LeaveEntry[] {
  return readFileSync(path, "utf8")
    .split(/\r?\n/)
    .map((line) => line.split(",").map((cell) => cell.trim()))
    .filter((cells) => cells.length >= 3 && cells[0]?.includes("@"))
    .map(([userPrincipalName = "", start = "", end = ""]) => ({ userPrincipalName, start, end }));
}

function print(summary: SweepReport["summary"], out: string): void {
  console.log(`Swept ${summary.users} users, ${summary.absent} absent. Report in ${out}/report.html`);
  for (const [id, c] of Object.entries(summary.byCheck))
    console.log(`  ${id.padEnd(22)} fail ${c.fail}  warn ${c.warn}  not evaluated ${c.notEvaluated}`);
}

async function main(): Promise<void> {
  const out = values.out;
  if (values.demo) {
    const summary = await runDemoSweep({ outDir: out, onProgress });
    bar?.stop();
    print(summary, out);
    return;
  }
  const getToken = tokenProvider({
    graphUrl: values["graph-url"],
    ...(values["tenant-id"] ? { tenantId: values["tenant-id"] } : {}),
    ...(values["client-id"] ? { clientId: values["client-id"] } : {}),
    ...(values["certificate-path"] ? { certificatePath: values["certificate-path"] } : {}),
    ...(values["access-token"] ? { accessToken: values["access-token"] } : {}),
  });
  if (values.group) throw new Error("--group is not implemented yet.");
  const pack = loadPolicy(values.policy);
  const days = Number(values["window-days"] ?? pack.absence.lookAheadDays);
  const now = new Date();
  const client = createFetchClient({
    baseUrl: values["graph-url"],
    getToken,
    maxConcurrency: Number(values.concurrency),
  });
  const report = await runSweep({
    client,
    pack,
    window: { start: now, end: new Date(now.getTime() + days * 86_400_000) },
    leave: values["leave-file"] ? readLeave(values["leave-file"]) : undefined,
    out,
    resume: values.resume,
    onProgress,
  });
  bar?.stop();
  await writeReport(report, out);
  print(report.summary, out);
}

main().catch((error: unknown) => {
  bar?.stop();
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
