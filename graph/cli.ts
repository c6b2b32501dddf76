import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Presets, SingleBar } from "cli-progress";
import { z } from "zod";
import { loadPolicy, loadPolicyArgument } from "../policy/pack/load.js";
import { addDays, localDate, localInstant, UK_SCHOOL } from "./checks/time.js";
import { createGraphClient, SignInError, signIn } from "./client/index.js";
import { runDemoSweep } from "./demo.js";
import { leaveDate, parseLeaveCsv } from "./leave.js";
import { compareReports, readPreviousReport, writeReport, type ReportWithChanges } from "./report.js";
import { runSweep, SweepAbortedError, type SweepReport } from "./sweep.js";
import { checkTitle } from "./checks/index.js";
import { incompleteParts, peopleSummary } from "./report.js";
import type { FindingCheck } from "./checks/types.js";

/**
 * `npm run sweep -- [options]`: the read-only mailbox compliance sweep (see graph/README.md).
 * Secrets never come from flags: a client secret only from AZURE_CLIENT_SECRET.
 */
const USAGE = `Usage: npm run sweep -- [options]
  --tenant-id ID --client-id ID --certificate-path PEM   app-only sign-in (or AZURE_CLIENT_SECRET in the environment)
  --access-token TOKEN   a token from elsewhere (or GRAPH_ACCESS_TOKEN)
  --graph-url URL        Graph root (default https://graph.microsoft.com)
  --policy ID|FILE       your school's pack file, or a preset id (required; --demo uses st-john-payne)
  --group ID|NAME        sweep only this group's members, nested groups included (object id or exact name)
  --start YYYY-MM-DD     first day of the window, school time (default today)
  --window-days N        days in the window (default: the pack's absence.lookAheadDays)
  --leave-file CSV       absences as upn,start,end; dates YYYY-MM-DD or DD/MM/YYYY, end date inclusive
  --compare JSON         a previous report.json: the report says what changed since
  --concurrency N        most requests in flight the adaptive limiter may reach (default 32)
  --resume               continue the sweep checkpointed in --out (refused if tenant, policy, window or version differ)
  --out DIR              report.json, report.csv, report.html and checkpoint.jsonl (default sweep-report)
  --strict               exit 3 (report written) when any mailbox or check could not be read, so a schedule can alert
  --demo                 sweep the "All staff" group (459 of a seeded synthetic 500-person directory; the summary says how many
                         of them it could read and why not the rest) on the local Graph stand-in (default --out dist/sweep-demo);
                         honours --policy, --start, --window-days, --compare and --out only`;

export class UsageError extends Error {
  override readonly name = "UsageError";
}

/**
 * What --demo cannot honour: it signs in to its own stand-in, sweeps the synthetic school's
 * "All staff" group with the seeded leave file and starts afresh each time. Refusing them beats
 * a demo that looks as if it used them.
 */
const NOT_IN_DEMO = [
  "tenant-id",
  "client-id",
  "certificate-path",
  "access-token",
  "graph-url",
  "group",
  "leave-file",
  "concurrency",
  "resume",
] as const;

/** A count given on the command line, said plainly when it is not one ("abc", "2.5", "0"). */
function wholeNumber(min: number, max: number, unit: string) {
  const error = `must be a whole number of ${unit} from ${min} to ${max}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}

const optionsSchema = z
  .object({
    "tenant-id": z.uuid().optional(),
    "client-id": z.uuid().optional(),
    "certificate-path": z.string().min(1).optional(),
    "graph-url": z.url({ protocol: /^https?$/ }).default("https://graph.microsoft.com"),
    "access-token": z.string().min(1).optional(),
    // No default outside --demo (main): a real tenant judged by a seed school's pack is a mistake.
    policy: z.string().min(1).optional(),
    group: z.string().min(1).max(256).optional(),
    start: z
      .string()
      .refine((value) => /^\d{4}-\d\d-\d\d$/.test(value) && leaveDate(value) === value, "a date as YYYY-MM-DD")
      .optional(),
    "leave-file": z.string().min(1).optional(),
    compare: z.string().min(1).optional(),
    "window-days": wholeNumber(1, 90, "days").optional(),
    concurrency: wholeNumber(1, 256, "requests").default(32),
    resume: z.boolean().default(false),
    strict: z.boolean().default(false),
    out: z.string().min(1).optional(),
    demo: z.boolean().default(false),
    help: z.boolean().default(false),
  })
  .strict();

const ARGS = {
  "tenant-id": { type: "string" },
  "client-id": { type: "string" },
  "certificate-path": { type: "string" },
  "graph-url": { type: "string" },
  "access-token": { type: "string" },
  policy: { type: "string" },
  group: { type: "string" },
  start: { type: "string" },
  "leave-file": { type: "string" },
  compare: { type: "string" },
  "window-days": { type: "string" },
  concurrency: { type: "string" },
  resume: { type: "boolean" },
  strict: { type: "boolean" },
  out: { type: "string" },
  demo: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

function readArgs(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: ARGS, strict: true }).values;
  } catch (error) {
    // node:util reports an unknown option or a missing value as a TypeError: it is the user's slip, not a bug.
    if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS_"))
      throw new UsageError(error.message);
    throw error;
  }
}

function parseOptions(argv: string[]) {
  const values = readArgs(argv);
  if (values.demo) {
    const given = NOT_IN_DEMO.filter((name) => values[name] !== undefined);
    if (given.length > 0)
      throw new UsageError(
        `--demo sweeps the synthetic school's "All staff" group on the local stand-in, so it cannot honour ${given.map((name) => `--${name}`).join(", ")}`,
      );
  }
  if (values.policy !== undefined) {
    try {
      loadPolicyArgument(values.policy);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  const parsed = optionsSchema.safeParse(values);
  if (!parsed.success) {
    throw new UsageError(parsed.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("\n"));
  }
  return parsed.data;
}

function finish(report: SweepReport, out: string, strict: boolean): void {
  printSummary(report, out);
  const parts = incompleteParts(report);
  if (strict && parts.length > 0) {
    console.error(`Incomplete (--strict): ${parts.join(", ")}. See ${join(out, "report.html")}.`);
    process.exitCode = 3;
  }
}

function printSummary(report: SweepReport, out: string): void {
  const where = report.group ? `in ${report.group.name}` : "in the directory";
  console.log(`${peopleSummary(report.counts, where)} Report: ${join(out, "report.html")}`);
  for (const [id, c] of Object.entries(report.summary))
    console.log(
      `  ${checkTitle(id as FindingCheck).padEnd(52)} fail ${String(c.fail).padStart(4)}  warning ${String(c.warn).padStart(4)}  not evaluated ${c.notEvaluated}`,
    );
  const leave = report.counts.leave;
  if (leave)
    console.log(
      `  Leave file: ${leave.rows} row${leave.rows === 1 ? "" : "s"}${leave.unmatched === 0 ? ", each for someone swept" : `, ${leave.unmatched} for no one in scope`}.`,
    );
  for (const note of report.notes) console.log(`  Note: ${note}`);
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
          format: "Sweeping {bar} {value}/{total} people | {eta_formatted} left",
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
    const previous = options.compare ? await readPreviousReport(options.compare) : undefined;
    if (options.demo) {
      const out = options.out ?? join("dist", "sweep-demo");
      const report = await runDemoSweep({
        outDir: out,
        onProgress,
        policy: options.policy,
        ...(options["window-days"] ? { windowDays: options["window-days"] } : {}),
        ...(options.start ? { start: new Date(`${options.start}T12:00:00Z`) } : {}),
      });
      bar?.stop();
      if (previous) await writeReport({ ...report, changes: compareReports(report, previous) }, out);
      finish(report, out, options.strict);
      return;
    }
    const out = options.out ?? "sweep-report";
    const sign = signIn({
      graphUrl: options["graph-url"],
      tenantId: options["tenant-id"],
      clientId: options["client-id"],
      certificatePath: options["certificate-path"],
      accessToken: options["access-token"],
    });
    // An IT admin's trial: without --policy a real tenant was judged by St John Payne's pack, its sentences in
    // every row and its domain counted as inside the school; without --group, pupils' accounts were read.
    if (options.policy === undefined)
      throw new UsageError(
        "Give --policy with your school's pack (its file, or a preset id if your school is one): the sweep judges your tenant by it.",
      );
    if (options.group === undefined)
      console.log(
        "Warning: no --group, so every account in the directory is swept, pupils' included; give --group with your staff group (docs/deploy.md step 9).",
      );
    const pack = loadPolicy(options.policy);
    const zone = UK_SCHOOL.timeZone;
    const first = options.start ?? localDate(Date.now(), zone);
    const days = options["window-days"] ?? pack.absence.lookAheadDays;
    const client = createGraphClient({
      graphUrl: options["graph-url"],
      authProvider: sign.authProvider,
      renewToken: sign.renew,
      maxConcurrency: options.concurrency,
    });
    const controller = new AbortController();
    // Ctrl+C stops taking new batches; those in flight are checkpointed so --resume loses nothing.
    process.once("SIGINT", () => controller.abort());
    process.once("SIGTERM", () => controller.abort());
    const report = await runSweep({
      client,
      pack,
      window: { start: new Date(localInstant(first, zone)), end: new Date(localInstant(addDays(first, days), zone)) },
      leave: options["leave-file"] ? parseLeaveCsv(readFileSync(options["leave-file"], "utf8")) : [],
      group: options.group,
      checkpointPath: join(out, "checkpoint.jsonl"),
      resume: options.resume,
      signal: controller.signal,
      onProgress,
    });
    bar?.stop();
    const full: ReportWithChanges = previous ? { ...report, changes: compareReports(report, previous) } : report;
    await writeReport(full, out);
    finish(report, out, options.strict);
    const { httpRequests, throttled, reauthentications } = client.stats;
    console.log(
      `  ${httpRequests} HTTP requests, ${throttled} throttled answers retried, ${reauthentications} token renewals; concurrency peaked at ${client.limiter.history().peak}.`,
    );
  } finally {
    bar?.stop();
  }
}

main().catch((error: unknown) => {
  // A usage error is the user's slip: its message and the usage, exit 2 (as getopt-style tools do).
  if (error instanceof UsageError) {
    console.error(error.message);
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  console.error(
    // A sign-in problem is told as itself, not by its class name ("Give --tenant-id …").
    error instanceof Error
      ? `${error.name === "Error" || error instanceof SignInError ? "" : error.name + ": "}${error.message}`
      : String(error),
  );
  process.exitCode = error instanceof SweepAbortedError ? 130 : 1;
});
