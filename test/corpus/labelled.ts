/**
 * Precision / recall / F1 on hand-written, labelled drafts in the format of `../shared/corpus/README.md`
 * (`{ id, preset, draft, expect: { <category>: true | false }, entities, note }`), for each set apart:
 *  - `dev`: `../shared/corpus/sample.jsonl` and `test/corpus/dev/*.jsonl` — read and tuned to;
 *  - `heldout`: `test/corpus/heldout/*.jsonl` — written by helpers who saw only the label definitions and
 *    the policies; nobody who tunes detection reads it, so this tool prints its scores, never its drafts.
 * A category key that is absent was judged borderline and is not scored. "personal-data" counts a finding
 * of category personal-data or personal-data-in-subject (as the README says). Entity types are scored per
 * draft on drafts labelled personal-data (true: types listed must be found; others must not be).
 *
 * Usage: `npm run corpus:metrics` (every set), `-- --set dev --errors` (dev errors only; never held-out),
 * `-- --set heldout --by-part` (each part apart too), `-- --no-models` (the rules alone).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeDraft, type AnalyzeOptions } from "../../policy/engine/analyze.js";
import type { DraftInput } from "../../policy/engine/draft.js";
import type { Analysis } from "../../policy/engine/types.js";
import { loadPolicy } from "../../policy/pack/load.js";
import type { PolicyPack } from "../../policy/pack/schema.js";

const here = dirname(fileURLToPath(import.meta.url));
export const SHARED_SAMPLE = join(here, "..", "..", "..", "shared", "corpus", "sample.jsonl");
export const DEV_DIR = join(here, "dev");
export const HELDOUT_DIR = join(here, "heldout");

export const LABELS = [
  "personal-data",
  "personal-data-in-subject",
  "tone",
  "shouting",
  "punctuation",
  "personal-use",
  "recipients",
  "attachments",
  "commitment",
  "chain-mail",
] as const;
export type Label = (typeof LABELS)[number];

export interface LabelledDraft {
  readonly id: string;
  readonly preset: string;
  readonly draft: DraftInput;
  readonly expect: Partial<Record<Label, boolean>>;
  readonly entities?: readonly string[];
  readonly note?: string;
}

export interface LabelScore {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface SetMetrics {
  readonly name: string;
  readonly drafts: number;
  /** Drafts with every scored label false. */
  readonly negatives: number;
  readonly labels: Record<string, LabelScore>;
  readonly entities: Record<string, LabelScore>;
  readonly errors: { id: string; label: string; kind: "fp" | "fn"; note: string; detail: string }[];
}

/** An entity as the files write it: its type, or `{ type, location }` (part D of the held-out set). */
type EntityLabel = string | { readonly type: string; readonly location?: string };

function readJsonl(path: string): LabelledDraft[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const entry = JSON.parse(line) as Omit<LabelledDraft, "entities"> & { entities?: readonly EntityLabel[] };
      const types = (entry.entities ?? []).map((entity) => (typeof entity === "string" ? entity : entity.type));
      return { ...entry, entities: [...new Set(types)] };
    });
}

function jsonlIn(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith(".jsonl"))
        .sort()
        .map((name) => join(dir, name))
    : [];
}

/** The files of a set, in order; `[]` when absent (a clean checkout has no ../shared). */
export function setFiles(name: "dev" | "heldout"): string[] {
  return name === "dev" ? [SHARED_SAMPLE, ...jsonlIn(DEV_DIR)].filter((path) => existsSync(path)) : jsonlIn(HELDOUT_DIR);
}

/** The drafts of one file of a set. */
export { readJsonl as readPart };

/** The drafts of a set; `[]` when its files are absent (a clean checkout has no ../shared). */
export function readSet(name: "dev" | "heldout"): LabelledDraft[] {
  return setFiles(name).flatMap(readJsonl);
}

/** A look-alike of a domain: two adjacent letters of its first label swapped ("st-jhon-payne.sch.uk"). */
export function lookalikeOf(domain: string): string {
  const label = domain.split(".")[0] ?? domain;
  for (let i = Math.min(4, label.length - 2); i < label.length - 1; i++) {
    const a = label.charAt(i);
    const b = label.charAt(i + 1);
    if (a !== b && /[a-z]/.test(a) && /[a-z]/.test(b)) {
      return label.slice(0, i) + b + a + label.slice(i + 2) + domain.slice(label.length);
    }
  }
  return "x" + domain;
}

/** Fills the README's placeholders from the preset's own facts. */
export function fillPlaceholders(draft: DraftInput, pack: PolicyPack): DraftInput {
  const domain = pack.school.emailDomains[0] ?? "school.sch.uk";
  const values: Record<string, string> = {
    "{DOMAIN}": domain,
    "{SCHOOL_NAME}": pack.school.name,
    "{LOOKALIKE}": lookalikeOf(domain),
    "{SCHOOL_POSTCODE}": pack.school.address?.postcode ?? "",
    "{SCHOOL_PHONE}": pack.school.phones?.[0] ?? "",
  };
  const json = JSON.stringify(draft).replace(
    /\{(?:DOMAIN|SCHOOL_NAME|LOOKALIKE|SCHOOL_POSTCODE|SCHOOL_PHONE)\}/g,
    (key) => JSON.stringify(values[key] ?? "").slice(1, -1),
  );
  return JSON.parse(json) as DraftInput;
}

function emptyScore(): LabelScore {
  return { tp: 0, fp: 0, fn: 0, tn: 0, precision: 1, recall: 1, f1: 1 };
}

function finish(score: LabelScore): void {
  score.precision = score.tp + score.fp === 0 ? 1 : score.tp / (score.tp + score.fp);
  score.recall = score.tp + score.fn === 0 ? 1 : score.tp / (score.tp + score.fn);
  score.f1 = score.precision + score.recall === 0 ? 0 : (2 * score.precision * score.recall) / (score.precision + score.recall);
}

/** Which labels an analysis raises. */
export function raisedLabels(analysis: Analysis): Set<string> {
  const raised = new Set<string>(analysis.findings.map((finding) => finding.category));
  if (raised.has("personal-data-in-subject")) raised.add("personal-data");
  return raised;
}

export function scoreSet(
  name: string,
  drafts: readonly LabelledDraft[],
  options: AnalyzeOptions = {},
): SetMetrics {
  const packs = new Map<string, PolicyPack>();
  const labels: Record<string, LabelScore> = {};
  for (const label of LABELS) labels[label] = emptyScore();
  const entities: Record<string, LabelScore> = {};
  const errors: SetMetrics["errors"] = [];
  let negatives = 0;
  for (const entry of drafts) {
    let pack = packs.get(entry.preset);
    if (!pack) packs.set(entry.preset, (pack = loadPolicy(entry.preset)));
    const analysis = analyzeDraft(fillPlaceholders(entry.draft, pack), pack, options);
    const raised = raisedLabels(analysis);
    if (LABELS.every((label) => entry.expect[label] !== true)) negatives++;
    for (const label of LABELS) {
      const expected = entry.expect[label];
      if (expected === undefined) continue;
      const score = labels[label] as LabelScore;
      const actual = raised.has(label);
      if (expected && actual) score.tp++;
      else if (!expected && !actual) score.tn++;
      else {
        if (actual) score.fp++;
        else score.fn++;
        const detail = analysis.findings
          .filter((finding) => finding.category === label || (label === "personal-data" && finding.category === "personal-data-in-subject"))
          .map((finding) => `${finding.rule}: ${finding.message}`)
          .join(" | ");
        errors.push({ id: entry.id, label, kind: actual ? "fp" : "fn", note: entry.note ?? "", detail });
      }
    }
    if (entry.expect["personal-data"] === true) {
      const found = new Set(analysis.personalData.map((entity) => entity.type));
      for (const type of entry.entities ?? []) {
        const score = (entities[type] ??= emptyScore());
        if (found.has(type as never)) score.tp++;
        else score.fn++;
      }
    }
  }
  for (const score of [...Object.values(labels), ...Object.values(entities)]) finish(score);
  return { name, drafts: drafts.length, negatives, labels, entities, errors };
}

export function formatSet(metrics: SetMetrics): string {
  const count = (value: number) => String(value).padStart(4);
  // "n/s": drafts whose key for the label is absent (a borderline judgement), so TP+FP+FN+TN+n/s = drafts.
  const line = (name: string, s: LabelScore) =>
    `${name.padEnd(26)} ${count(s.tp)} ${count(s.fp)} ${count(s.fn)} ${count(s.tn)} ${count(metrics.drafts - s.tp - s.fp - s.fn - s.tn)}  ${s.precision.toFixed(3)}  ${s.recall.toFixed(3)}  ${s.f1.toFixed(3)}`;
  const header = `${"".padEnd(26)} ${"TP".padStart(4)} ${"FP".padStart(4)} ${"FN".padStart(4)} ${"TN".padStart(4)} ${"n/s".padStart(4)}  prec.  recall  F1`;
  const rows = [
    `Set ${metrics.name}: ${metrics.drafts} drafts, ${metrics.negatives} with every label false; n/s: not scored (the label's key is absent: a borderline judgement)`,
    header,
  ];
  for (const [name, score] of Object.entries(metrics.labels)) rows.push(line(name, score));
  // Entities are scored for recall only (on drafts labelled personal-data, each type listed must be found).
  rows.push("Entity type (recall on drafts labelled personal-data)", `${"".padEnd(26)} ${"TP".padStart(4)} ${"FN".padStart(4)}  recall`);
  for (const [name, score] of Object.entries(metrics.entities).sort())
    rows.push(`${name.padEnd(26)} ${count(score.tp)} ${count(score.fn)}  ${score.recall.toFixed(3)}`);
  return rows.join("\n");
}
