import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Presets, SingleBar } from "cli-progress";
import { z } from "zod";
import { loadPolicy } from "../policy/pack/load.js";
import { authProviderFor, createGraphClient } from "./client/index.js";
import { runDemoSweep } from "./demo.js";
import { parseLeaveCsv } from "./leave.js";
import { writeReport } from "./report.js";
import { runSweep, SweepAbortedError, type SweepReport } from "./sweep.js";

/**
 * `npm run sweep -- [options]`: the read-only mailbox compliance sweep (see graph/README.md).
 * Secrets never come from flags: a client secret only from AZURE_CLIENT_SECRET.
 */
const USAGE = `Usage: npm run sweep -- [options]
  --tenant-id ID --client-id ID --certificate-path PEM   app-only sign-in (or AZURE_CLIENT_SECRET in the environment)
  --access-token TOKEN                                   a token from elsewhere (or GRAPH_ACCESS_TOKEN)
  --graph-url URL        Graph root (default https://graph.microsoft.com)
  --policy ID|FILE       policy pack preset or file (default st-john-payne)
  --group ID             sweep only this group's members (nested groups included)
  --leave-file CSV       absences as upn,start,end (ISO dates)
  --window-days N        look-ahead for absences (default: the pack's absence.lookAheadDays)
  --concurrency N        most requests in flight the adaptive limiter may reach (default 32)
  --resume               continue the sweep checkpointed in --out
  --out DIR              report.json, report.csv, report.html and checkpoint.jsonl (default sweep-report)
  --demo                 sweep a synthetic 500-person school on the local Graph stand-in (default --out dist/sweep-demo)`;

const optionsSchema = z
  .object({
    "tenant-id": z.uuid().optional(),
    "client-id": z.uuid().optional(),
    "certificate-path": z.string().min(1).optional(),
    "graph-url": z.url({ protocol: /^https?$/ }).default("https://graph.microsoft.com"),
    "access-token": z.string().min(1).optional(),
    policy: z.string().min(1).default("st-john-payne"),
    group: z
      .string()
      .regex(/^[\w-]{1,64}$/, "a group object id")
      .optional(),
    "leave-file": z.string().min(1).optional(),
    "window-days": z.coerce.number().int().min(0).max(90).optional(),
    concurrency: z.coerce.number().int().min(1).max(256).default(32),
    resume: z.boolean().default(false),
    out: z.string().min(1).optional(),
    demo: z.boolean().default(false),
    help: z.boolean().default(false),
  })
  .strict();

function parseOptions(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      "tenant-id": { type: "string" },
      "client-id": { type: "string" },
      "certificate-path": { type: "string" },
      "graph-url": { type: "string" },
      "access-token": { type: "string" },
      policy: { type: "string" },
      group: { type: "string" },
      "leave-file": { type: "string" },
      "window-days": { type: "string" },
      concurrency: { type: "string" },
      resume: { type: "boolean" },
      out: { type: "string" },
      demo: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  const parsed = optionsSchema.safeParse(values);
  if (!parsed.success) {
    throw new UsageError(parsed.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("\n"));
  }
  return parsed.data;
}

class UsageError extends Error {
  override readonly name = "UsageError";
}

function printSummary(summary: SweepReport["summary"], out: string): void {
  console.log(`Swept ${summary.users} users, ${summary.absent} absent. Report: ${join(out, "report.html")}`);
  for (const [id, counts] of Object.entries(summary.byCheck))
    console.log(
      `  ${id.padEnd(24)} fail ${String(counts.fail).padStart(4)}  warn ${String(counts.warn).padStart(4)}  not evaluated ${counts.notEvaluated}`,
    );
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const bar = process.stderr.isTTY
    ? new SingleBar(
        {
          stream: process.stderr,
          format: "Sweeping {bar} {value}/{total} users | {eta_formatted} left",
          hideCursor: true,
        },
        Presets.shades_classic,
      )
    : undefined;
  let started = false;
  const onProgress = (done: number, total: number) => {
    if (!bar) return;
    if (!started) {
      bar.start(total, done);
      started = true;
    }
    bar.update(done);
  };
  try {
    if (options.demo) {
      const out = options.out ?? join("dist", "sweep-demo");
      const summary = await runDemoSweep({ outDir: out, onProgress });
      bar?.stop();
      printSummary(summary, out);
      return;
    }
    const out = options.out ?? "sweep-report";
    const authProvider = authProviderFor({
      graphUrl: options["graph-url"],
      tenantId: options["tenant-id"],
      clientId: options["client-id"],
      certificatePath: options["certificate-path"],
      accessToken: options["access-token"],
    });
    const pack = loadPolicy(options.policy);
    const days = options["window-days"] ?? pack.absence.lookAheadDays;
    const now = new Date();
    const client = createGraphClient({
      graphUrl: options["graph-url"],
      authProvider,
      maxConcurrency: options.concurrency,
    });
    const controller = new AbortController();
    // Ctrl+C stops taking new batches; those in flight are checkpointed so --resume loses nothing.
    process.once("SIGINT", () => controller.abort());
    process.once("SIGTERM", () => controller.abort());
    const report = await runSweep({
      client,
      pack,
      window: { start: now, end: new Date(now.getTime() + days * 86_400_000) },
      leave: options["leave-file"] ? parseLeaveCsv(readFileSync(options["leave-file"], "utf8")) : [],
      group: options.group,
      checkpointPath: join(out, "checkpoint.jsonl"),
      resume: options.resume,
      signal: controller.signal,
      onProgress,
    });
    bar?.stop();
    await writeReport(report, out);
    printSummary(report.summary, out);
    const { httpRequests, throttled } = client.stats;
    console.log(
      `  ${httpRequests} HTTP requests, ${throttled} throttled answers retried; concurrency peaked at ${client.limiter.history().peak}.`,
    );
  } finally {
    bar?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(
    error instanceof Error ? `${error.name === "Error" ? "" : error.name + ": "}${error.message}` : String(error),
  );
  if (error instanceof UsageError) console.error(USAGE);
  process.exitCode = error instanceof SweepAbortedError ? 130 : 1;
});
