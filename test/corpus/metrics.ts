/**
 * Precision / recall / F1 of the engine on the labelled corpus (test/corpus/drafts.jsonl), per finding
 * category (draft level: does the category appear?) and per personal-data entity type (draft level,
 * per location). `npm run corpus:metrics` prints the table; metrics.test.ts enforces the thresholds.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { ENCRYPT_WORTHY_TYPES } from "../../policy/rules/personal-data/sensitive.js";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeDraft } from "../../policy/engine/analyze.js";
import { htmlToText } from "../../policy/engine/html-to-text.js";
import { CATEGORIES, type Analysis } from "../../policy/engine/types.js";
import { loadPolicy } from "../../policy/pack/load.js";
import type { PolicyPack } from "../../policy/pack/schema.js";
import type { CorpusEntry } from "./generate.js";
import { formatSet, readPart, readSet, scoreSet, setFiles, SHARED_SAMPLE } from "./labelled.js";

const here = dirname(fileURLToPath(import.meta.url));
export const CORPUS_PATH = join(here, "drafts.jsonl");
export const RESULTS_PATH = join(here, "..", "..", "test-results", "corpus-metrics.json");
export const DEFAULT_POLICY = "st-john-payne";

/** Entity types scored; a name alone is not labelled (every letter names someone). */
export const ENTITY_TYPES = ENCRYPT_WORTHY_TYPES;

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  /** Draft ids and why: "fp" found but not expected, "fn" expected but not found. */
  errors: { id: string; kind: "fp" | "fn"; note: string; detail: string }[];
}

export interface CorpusMetrics {
  drafts: number;
  negatives: number;
  categories: Record<string, Score>;
  entities: Record<string, Score>;
  ruleErrors: { id: string; rule: string; error: string }[];
}

export function readCorpus(path = CORPUS_PATH): CorpusEntry[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as CorpusEntry);
}

function emptyScore(): Score {
  return { tp: 0, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1, errors: [] };
}

function finish(score: Score): void {
  score.precision = score.tp + score.fp === 0 ? 1 : score.tp / (score.tp + score.fp);
  score.recall = score.tp + score.fn === 0 ? 1 : score.tp / (score.tp + score.fn);
  score.f1 =
    score.precision + score.recall === 0 ? 0 : (2 * score.precision * score.recall) / (score.precision + score.recall);
}

function tally(score: Score, expected: boolean, actual: boolean, entry: CorpusEntry, detail: string): void {
  if (expected && actual) score.tp++;
  else if (actual) {
    score.fp++;
    score.errors.push({ id: entry.id, kind: "fp", note: entry.note, detail });
  } else if (expected) {
    score.fn++;
    score.errors.push({ id: entry.id, kind: "fn", note: entry.note, detail });
  }
}

/** Categories whose findings are the task pane's tips by default (their rules' severity is info). */
const PANE_ONLY = new Set<string>(["greeting", "closing"]);

export function computeMetrics(entries: readonly CorpusEntry[]): CorpusMetrics {
  const packs = new Map<string, PolicyPack>();
  const categories: Record<string, Score> = {};
  for (const category of CATEGORIES) categories[category] = emptyScore();
  const entities: Record<string, Score> = {};
  for (const type of ENTITY_TYPES) entities[type] = emptyScore();
  const ruleErrors: CorpusMetrics["ruleErrors"] = [];

  for (const entry of entries) {
    const policy = entry.policy ?? DEFAULT_POLICY;
    let pack = packs.get(policy);
    if (!pack) packs.set(policy, (pack = loadPolicy(policy)));
    const analysis: Analysis = analyzeDraft(entry.draft, pack, {
      onRuleError: (rule, error) => ruleErrors.push({ id: entry.id, rule, error: String(error) }),
    });
    // These generated drafts label what prompts the sender (nudge or block); info tips in the task pane
    // (personal data kept inside the school, issue 11) are scored on the hand-written sets instead. A
    // missing greeting or closing is only ever such a tip (it never stops a send), and its label says so.
    const found = new Set(
      analysis.findings
        .filter((finding) => finding.severity !== "info" || PANE_ONLY.has(finding.category))
        .map((finding) => finding.category),
    );
    for (const category of CATEGORIES) {
      const detail = analysis.findings
        .filter((finding) => finding.category === category)
        .map((finding) => `${finding.rule}: ${finding.message}`)
        .join(" | ");
      tally(categories[category] as Score, entry.expect.categories.includes(category), found.has(category), entry, detail);
    }
    // Every corpus draft is labelled for personal data: what is not listed is not there.
    const expected = entry.expect.entities ?? [];
    for (const type of ENTITY_TYPES) {
      const wanted = expected.filter((entity) => entity.type === type);
      const got = analysis.personalData.filter((entity) => entity.type === type);
      const locations = new Set<string>([...wanted.map((e) => e.location ?? "*"), ...got.map((e) => e.location)]);
      for (const location of locations) {
        if (location === "*") continue;
        const isExpected = wanted.some((e) => (e.location ?? location) === location);
        const hits = got.filter((e) => e.location === location);
        const text =
          location === "subject" ? entry.draft.subject : location === "body" ? bodyTextOf(entry) : "(attachment names)";
        const detail = hits.map((e) => `${location}: "${text.slice(e.start, e.end)}" (${e.confidence})`).join(" | ");
        tally(entities[type] as Score, isExpected, hits.length > 0, entry, detail || `${location}: not found`);
      }
      if (wanted.some((e) => e.location === undefined) && got.length === 0) {
        tally(entities[type] as Score, true, false, entry, "not found anywhere");
      }
    }
  }
  for (const score of [...Object.values(categories), ...Object.values(entities)]) finish(score);
  return {
    drafts: entries.length,
    negatives: entries.filter((entry) => entry.expect.categories.length === 0).length,
    categories,
    entities,
    ruleErrors,
  };
}

function bodyTextOf(entry: CorpusEntry): string {
  return entry.draft.bodyType === "html" ? htmlToText(entry.draft.body) : entry.draft.body;
}

export function formatTable(metrics: CorpusMetrics): string {
  const rows: string[] = [];
  const line = (name: string, s: Score) =>
    `${name.padEnd(26)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}  ${s.precision.toFixed(3)}  ${s.recall.toFixed(3)}  ${s.f1.toFixed(3)}`;
  const header = `${"".padEnd(26)} ${"TP".padStart(4)} ${"FP".padStart(4)} ${"FN".padStart(4)}  prec.  recall  F1`;
  rows.push(`Corpus: ${metrics.drafts} drafts, ${metrics.negatives} with no expected finding`);
  rows.push("", "Category", header);
  for (const [name, score] of Object.entries(metrics.categories)) rows.push(line(name, score));
  rows.push("", "Entity type", header);
  for (const [name, score] of Object.entries(metrics.entities)) rows.push(line(name, score));
  if (metrics.ruleErrors.length > 0) rows.push("", `Rule errors: ${metrics.ruleErrors.length}`);
  return rows.join("\n");
}

export function writeResults(metrics: CorpusMetrics, path = RESULTS_PATH): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(metrics, null, 2) + "\n");
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const setArg = process.argv.indexOf("--set");
  const only = setArg === -1 ? undefined : process.argv[setArg + 1];
  const wantErrors = process.argv.includes("--errors");
  // --no-models: the rules alone (the ablation docs/detection.md reports beside each round's figures).
  const options = process.argv.includes("--no-models") ? { models: false } : {};
  if (only !== undefined && only !== "dev" && only !== "heldout" && only !== "template") {
    console.error(`corpus:metrics: unknown set "${only}" (dev, heldout or template)`);
    process.exit(2);
  }
  // Held-out drafts are scored, never shown: whoever tunes detection must not read them.
  for (const name of ["dev", "heldout"] as const) {
    if (only !== undefined && only !== name) continue;
    const drafts = readSet(name);
    if (drafts.length === 0) {
      console.log(`Set ${name}: no drafts here (${name === "dev" ? "../shared/corpus is absent" : "test/corpus/heldout is empty"})\n`);
      continue;
    }
    // A checkout without its sibling ../shared scores test/corpus/dev/ alone: say so, the figures differ.
    if (name === "dev" && !existsSync(SHARED_SAMPLE)) {
      console.log(
        `(${SHARED_SAMPLE}, the project's shared sample beside this checkout, is absent: the development set below is test/corpus/dev/ alone)`,
      );
    }
    const scored = scoreSet(name, drafts, options);
    console.log(formatSet(scored) + "\n");
    // --by-part: each file of the set scored on its own (a part written later is fresh evidence).
    if (process.argv.includes("--by-part")) {
      for (const file of setFiles(name))
        console.log(formatSet(scoreSet(`${name} ${basename(file)}`, readPart(file), options)) + "\n");
    }
    if (wantErrors && name === "dev") {
      for (const error of scored.errors) console.log(`${error.label}\t${error.kind}\t${error.id}\t${error.note}\t${error.detail}`);
    }
  }
  if (only !== undefined && only !== "template") process.exit(0);
  const metrics = computeMetrics(readCorpus());
  writeResults(metrics);
  console.log("Set template (generated drafts, test/corpus/drafts.jsonl):");
  console.log(formatTable(metrics));
  if (wantErrors) {
    for (const [name, score] of [...Object.entries(metrics.categories), ...Object.entries(metrics.entities)]) {
      for (const error of score.errors) console.log(`${name}\t${error.kind}\t${error.id}\t${error.note}\t${error.detail}`);
    }
  }
}
