/**
 * `npm run --silent check -- --policy <preset-id | pack.json> [--jsonl | --text] [FILE | -]`
 *
 * Reads one Draft as JSON (or one per line with --jsonl) from FILE or stdin and writes one Analysis as
 * JSON per draft, or with --text a report a person reads (each finding, the school's sentence, the words
 * it points at, the fix). Exit 0 when the input was analysed, whatever was found; exit 2 with a one-line
 * message on stderr for bad input. In --jsonl mode a bad line yields {"error": "..."} and the rest go on.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { analyzeDraft } from "../engine/analyze.js";
import type { DraftInput } from "../engine/draft.js";
import type { Analysis } from "../engine/types.js";
import { fixLabel } from "../engine/fix-label.js";
import { findingWords } from "../engine/finding-words.js";
import { htmlToStructuredText } from "../engine/html-to-text.js";
import { loadPolicy } from "../pack/load.js";
import { citesDefaults } from "../rules/define.js";
import { entityTexts } from "../rules/personal-data/sensitive.js";
import { isPresetId } from "../presets/index.js";
import { PolicyPackError } from "../pack/errors.js";
import type { PolicyPack } from "../pack/schema.js";
import { PRESET_IDS } from "../presets/index.js";

const recipientSchema = z.object({
  name: z.string().optional(),
  address: z.string(),
  recipientType: z.enum(["user", "distributionList", "externalUser", "other"]).optional(),
});

/** Unknown keys are allowed (Outlook may send more); wrong types are not; missing arrays mean empty. */
export const draftSchema = z.object({
  subject: z.string(),
  body: z.string(),
  // Outlook always says which; a hand-written draft that does not is plain text.
  bodyType: z.enum(["text", "html"]).default("text"),
  from: recipientSchema.optional(),
  to: z.array(recipientSchema).optional(),
  cc: z.array(recipientSchema).optional(),
  bcc: z.array(recipientSchema).optional(),
  attachments: z
    .array(
      z.object({
        name: z.string(),
        size: z.number().nonnegative(),
        contentType: z.string().optional(),
        isInline: z.boolean().optional(),
      }),
    )
    .optional(),
  sensitivityLabelId: z.string().optional(),
  headers: z.record(z.string(), z.string()).optional(),
});

/** Bad input: the message is one line, fit for stderr or a JSONL error record. */
export class DraftInputError extends Error {
  override readonly name = "DraftInputError";
}

export function parseDraftJson(text: string): DraftInput {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DraftInputError(`invalid JSON: ${oneLine((error as Error).message)}`);
  }
  if (isLabelledCorpusLine(json)) {
    // The corpus files (sample.jsonl, test/corpus/) wrap each draft with its labels and use placeholders
    // for the school's own facts: say how to check one instead of listing every key the draft lacks.
    throw new DraftInputError(
      'a labelled corpus line ({"id", "preset", "draft", "expect", …}), not a draft: pass its "draft" with ' +
        "the placeholders ({DOMAIN}, {SCHOOL_NAME}…) filled in, or score a whole file with npm run corpus:metrics",
    );
  }
  // reportInput: to tell a missing field from one of the wrong type.
  const result = draftSchema.safeParse(json, { reportInput: true });
  if (!result.success) {
    throw new DraftInputError(`invalid draft: ${oneLine(result.error.issues.map(describeIssue).join("; "))}`);
  }
  return result.data;
}

const withArticle = (noun: string) => `${/^[aeiou]/.test(noun) ? "an" : "a"} ${noun}`;

/**
 * A zod issue as a person would say it: "subject is required (a string)", "to must be an array, not a
 * string". Type problems are by far the commonest; any other issue keeps zod's own wording.
 */
function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? issue.path.join(".") : "the draft";
  if (issue.code !== "invalid_type") return `${where}: ${issue.message}`;
  const wanted = withArticle(issue.expected);
  if (issue.input === undefined) return `${where} is required (${wanted})`;
  const got = issue.input === null ? "null" : Array.isArray(issue.input) ? "an array" : withArticle(typeof issue.input);
  return `${where} must be ${wanted}, not ${got}`;
}

/** Top-level keys of a parsed draft (`text`, already read by parseDraftJson) that the schema does not know. */
function ignoredFields(text: string): string[] {
  return Object.keys(JSON.parse(text) as object).filter((key) => !Object.hasOwn(draftSchema.shape, key));
}

/** ' (did you mean "attachments"?)' for a key that shares its first four letters with a field, or "". */
function suggestion(key: string): string {
  const near = Object.keys(draftSchema.shape).find(
    (field) => field.slice(0, 4).toLowerCase() === key.slice(0, 4).toLowerCase(),
  );
  return near === undefined ? "" : ` (did you mean "${near}"?)`;
}

/** The draft's fields that have no default and are not optional, read from the schema so --help cannot drift. */
const REQUIRED_FIELDS = Object.entries(draftSchema.shape)
  .filter(([, field]) => !field.safeParse(undefined).success)
  .map(([name]) => name);

/** `{ id, preset, draft, expect, … }`: a line of the labelled corpus (../shared/corpus/README.md). */
function isLabelledCorpusLine(json: unknown): boolean {
  return typeof json === "object" && json !== null && "draft" in json && "expect" in json;
}

interface CliOptions {
  readonly policy: string;
  readonly jsonl: boolean;
  readonly text: boolean;
  readonly file: string;
}

/**
 * Each preset's own mail domains: a new user's trial wrote its drafts from the domain in the school's policy
 * document, and every colleague read as outside the school.
 */
const PRESET_DOMAINS = PRESET_IDS.map(
  (id) => `  ${id.padEnd(15)}${loadPolicy(id).school.emailDomains.join(", ")}`,
).join("\n");

/** The usage line, one text for `--help` and for the error of a missing `--policy`. */
const USAGE_LINE = "usage: check --policy <preset-id | pack.json> [--jsonl | --text] [FILE | -]";

/** What `--help` prints: the usage, each preset's domains and the shape of a draft. */
export const USAGE = `${USAGE_LINE}

Analyses a draft e-mail as the Outlook add-in does, and prints the analysis as JSON.
  --policy   a preset (st-john-payne, delius, palfrey, lt2, st-dunstans) or a policy pack file
  --jsonl    one draft per line, one analysis per line (a bad line gives {"error": "..."})
  --text     a report to read instead of JSON: each finding, the school's sentence, the words it points at
  FILE | -   the draft as JSON (default: standard input)

A draft needs ${REQUIRED_FIELDS.join(" and ")}; every other field is optional. The least draft:
  { "subject": "Year 8 trip", "body": "The coach leaves at 8.30." }
In full (missing arrays are empty; a missing bodyType is "text"):
  {
    "subject": "Jack Smith - EHCP review",
    "body": "Dear Mrs Smith, ...",
    "bodyType": "text",                       (or "html")
    "from": { "name": "Jo Hart", "address": "j.hart@school.sch.uk" },
    "to": [{ "name": "Sarah Smith", "address": "sarah@example.com" }],
    "cc": [], "bcc": [],
    "attachments": [{ "name": "plan.pdf", "size": 48000 }]
  }
Addresses on the school's own domains are inside the school; any other is outside. Without "to", "cc"
or "bcc" nothing goes outside; without "from" nothing is said of the sender's own address. The presets':
${PRESET_DOMAINS}
The verdict is the most serious finding's severity: block (at send, a Smart Alert stops the mail until it
is fixed), nudge (the Smart Alert asks; the sender may send anyway), info (a tip in the task pane only,
never at send), or ok (nothing found).
Exit 0 when the input was analysed (whatever was found), 2 for bad input.
`;

function parseArgs(argv: readonly string[]): CliOptions {
  let policy: string | undefined;
  let jsonl = false;
  let text = false;
  let file: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--policy") {
      policy = argv[++i];
      if (policy === undefined) throw new DraftInputError("--policy needs a preset id or a pack file");
    } else if (arg.startsWith("--policy=")) {
      policy = arg.slice("--policy=".length);
    } else if (arg === "--jsonl") {
      jsonl = true;
    } else if (arg === "--text") {
      text = true;
    } else if (arg === "-" || !arg.startsWith("-")) {
      if (file !== undefined) throw new DraftInputError(`only one input file, got "${file}" and "${arg}"`);
      file = arg;
    } else {
      throw new DraftInputError(`unknown option ${arg}`);
    }
  }
  if (policy === undefined) {
    throw new DraftInputError(
      `--policy is required: a preset (${PRESET_IDS.join(", ")}) or a pack file. ${USAGE_LINE} (--help for more)`,
    );
  }
  if (jsonl && text) throw new DraftInputError("--jsonl and --text do not go together: one draft per --text report");
  return { policy, jsonl, text, file: file ?? "-" };
}

function oneLine(text: string): string {
  return text
    .split("\n")
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .join(" ");
}

function analyseLine(line: string, pack: PolicyPack): string {
  try {
    return JSON.stringify(analyzeDraft(parseDraftJson(line), pack));
  } catch (error) {
    const message = error instanceof DraftInputError ? error.message : `analysis failed: ${String(error)}`;
    return JSON.stringify({ error: oneLine(message) });
  }
}

/** Runs the command; returns the exit code. Output goes through the writers so it can be tested in-process too. */
export function main(
  argv: readonly string[],
  readInput: (file: string) => string,
  out: (text: string) => void,
  err: (text: string) => void,
  resolvePath: (path: string) => string = (path) => path,
): number {
  if (argv.includes("--help") || argv.includes("-h")) {
    out(USAGE);
    return 0;
  }
  try {
    const options = parseArgs(argv);
    // A path the user typed is read where they typed it, and named so in an error; a bare word is a preset
    // name as they wrote it ("no-such-school"), however the folder resolves it.
    const asPath = !isPresetId(options.policy) && /[/\\]|\.json$/i.test(options.policy);
    const pack = loadPolicy(asPath ? resolvePath(options.policy) : options.policy);
    let input: string;
    try {
      input = readInput(options.file === "-" ? "-" : resolvePath(options.file));
    } catch (error) {
      throw new DraftInputError(`cannot read ${options.file}: ${(error as Error).message}`);
    }
    if (options.jsonl) {
      const lines = input.split(/\r?\n/);
      if (lines[lines.length - 1] === "") lines.pop();
      for (const line of lines) {
        if (line.trim() === "") continue;
        out(analyseLine(line, pack) + "\n");
      }
      return 0;
    }
    const draft = parseDraftJson(input);
    // Unknown keys are allowed, so a misspelt field would be ignored unseen (a new user's trial: "attachment").
    for (const field of ignoredFields(input))
      err(`check: the draft's field "${field}" is not read${suggestion(field)}\n`);
    const analysis = analyzeDraft(draft, pack);
    out(options.text ? textReport(draft, analysis) : JSON.stringify(analysis) + "\n");
    return 0;
  } catch (error) {
    if (error instanceof PolicyPackError) {
      // One line a person can act on: "cannot load the policy stjohnpayne: no such preset or file (the presets: …)".
      const problems = error.problems.map((problem) =>
        problem.path === "(file)" ? problem.message : `${problem.path}: ${problem.message}`,
      );
      err(`check: cannot load the policy ${error.source}: ${oneLine(problems.join("; "))}\n`);
      return 2;
    }
    if (error instanceof DraftInputError) {
      err(`check: ${oneLine(error.message)}\n`);
      return 2;
    }
    err(`check: ${oneLine(String(error))}\n`);
    return 1;
  }
}

/**
 * The analysis as a person reads it (a new user's trial found one long line of JSON with character
 * offsets hard going): the verdict, then each finding with its severity, message, the school's own
 * sentence, the words it points at in the draft and its one-click fix. Plain text, lines end "\n".
 */
export function textReport(draft: DraftInput, analysis: Analysis): string {
  const lines = [
    `Verdict: ${analysis.verdict}` +
      (analysis.findings.length === 0
        ? " (nothing found)"
        : ` (${analysis.findings.length} finding${analysis.findings.length === 1 ? "" : "s"})`),
  ];
  if (analysis.bodyTruncated) lines.push("Only the first part of this very long body was read.");
  // Spans index the text the engine read: an HTML body as text, not its markup (read once for every finding).
  const texts = entityTexts(
    draft.subject ?? "",
    draft.bodyType === "html" ? htmlToStructuredText(draft.body ?? "").text : (draft.body ?? ""),
    (draft.attachments ?? []).map((attachment) => attachment.name),
  );
  analysis.findings.forEach((finding, index) => {
    lines.push("", `${index + 1}. ${finding.severity.toUpperCase()} ${finding.category} (${finding.rule})`);
    lines.push(`   ${finding.message}`);
    // Our own guidance where the school's policy has no sentence is said to be ours, as the add-in says it.
    lines.push(
      citesDefaults(finding.policyRef.section)
        ? `   Not the school's policy: this add-in's advice (${finding.policyRef.section}):`
        : `   The policy (${finding.policyRef.section}):`,
      `     "${finding.policyRef.quote}"`,
    );
    if (finding.policyRef.note !== undefined) lines.push(`   Note: ${finding.policyRef.note}`);
    const words = findingWords(finding, texts).map((span) => JSON.stringify(span));
    if (words.length > 0) lines.push(`   In the ${finding.location}: ${words.join(", ")}`);
    if (finding.fix) lines.push(`   One-click fix: ${fixLabel(finding.fix)}`);
  });
  return lines.join("\n") + "\n";
}

function readFileOrStdin(file: string): string {
  return readFileSync(file === "-" ? 0 : file, "utf8");
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/"));
if (invokedDirectly) {
  // `check --jsonl drafts.jsonl | head` closes the pipe early: the reader has what it wanted, so stop quietly
  // rather than throw EPIPE at the user.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? 0);
  });
  process.exitCode = main(
    process.argv.slice(2),
    readFileOrStdin,
    (text) => process.stdout.write(text),
    (text) => process.stderr.write(text),
    // `npm run check` runs from the package's folder; INIT_CWD is the folder the user typed it in, where a
    // relative path of theirs ("draft.json", "./my-school.json") is (a new user's trial).
    (path) => resolve(process.env.INIT_CWD ?? process.cwd(), path),
  );
}
