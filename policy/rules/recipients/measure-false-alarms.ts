/**
 * False alarms of the misdirected-mail checks and of required-cc on the development set:
 * test/corpus/drafts.jsonl and ../shared/corpus/sample.jsonl (never the held-out set).
 *
 *   npx tsx policy/rules/recipients/measure-false-alarms.ts [--ids]
 *
 * A misdirected-mail finding is a false alarm on any draft not labelled as misdirected (none of the
 * development drafts is); the new-external-recipient rule is also run with a history holding every
 * recipient of the draft, so only the greeting and reply-all checks can raise false alarms there. A
 * required-cc finding is a false alarm on a draft labelled `recipients: false`.
 */
import { analyzeDraft } from "../../engine/analyze.js";
import type { DraftInput } from "../../engine/draft.js";
import { loadPolicy } from "../../pack/load.js";
import type { PolicyPack } from "../../pack/schema.js";
import type { SentBefore } from "../../engine/types.js";
import { addSentTo } from "./address-hash.js";
import { MIN_HISTORY } from "./new-external-recipient.js";
import { readCorpus } from "../../../test/corpus/metrics.js";
import { fillPlaceholders, readSet } from "../../../test/corpus/labelled.js";

const MISDIRECTED = ["misdirected-greeting", "new-external-recipient", "reply-all-external"];
const packs = new Map<string, PolicyPack>();
const packOf = (id: string) => {
  let pack = packs.get(id);
  if (!pack) packs.set(id, (pack = loadPolicy(id)));
  return pack;
};

interface Entry {
  readonly id: string;
  readonly preset: string;
  readonly draft: DraftInput;
  /** The recipients label: drafts.jsonl lists every expected category; sample.jsonl may leave it out. */
  readonly recipientsLabel: boolean | undefined;
}
const entries: Entry[] = [
  ...readCorpus().map((entry) => ({
    id: entry.id,
    preset: entry.policy ?? "st-john-payne",
    draft: entry.draft,
    recipientsLabel: entry.expect.categories.includes("recipients"),
  })),
  ...readSet("dev").map((entry) => ({
    id: entry.id,
    preset: entry.preset,
    draft: fillPlaceholders(entry.draft, packOf(entry.preset)),
    recipientsLabel: entry.expect.recipients,
  })),
];

/** A history holding every recipient of the draft (and enough others to count as mature). */
function historyOf(draft: DraftInput): SentBefore {
  const everyone = [...(draft.to ?? []), ...(draft.cc ?? []), ...(draft.bcc ?? [])].map((r) => r.address);
  const padding = Array.from({ length: MIN_HISTORY }, (_, i) => `someone${i}@example.org`);
  return addSentTo({ salt: "measure", hashes: [] }, [...padding, ...everyone]);
}

const counts = {
  drafts: 0,
  /** Drafts with any misdirected-mail finding, the history knowing every recipient: all false alarms. */
  misdirected: 0,
  requiredCcFalse: 0,
  requiredCcNegatives: 0,
  requiredCcTrue: 0,
  /** Drafts where required-cc fires at all (any label). */
  requiredCcFired: 0,
  /** With a history that has never seen this draft's recipients: the nudges a first message would get. */
  firstTimeNudges: 0,
  uncheckedRecipients: 0,
};
const byRule: Record<string, string[]> = {};
for (const entry of entries) {
  const pack = packOf(entry.preset);
  counts.drafts++;
  const analysis = analyzeDraft({ ...entry.draft, sentBefore: historyOf(entry.draft) }, pack);
  const flagged = analysis.findings.filter((finding) => MISDIRECTED.includes(finding.rule));
  if (flagged.length > 0) counts.misdirected++;
  for (const finding of flagged) (byRule[finding.rule] ??= []).push(`${entry.id}: ${finding.message}`);
  const cc = analysis.findings.some((finding) => finding.rule === "required-cc");
  if (entry.recipientsLabel === false) {
    counts.requiredCcNegatives++;
    if (cc) {
      counts.requiredCcFalse++;
      (byRule["required-cc (false alarm)"] ??= []).push(entry.id);
    }
  }
  if (cc && entry.recipientsLabel === true) counts.requiredCcTrue++;
  if (cc) {
    counts.requiredCcFired++;
    (byRule["required-cc (fired)"] ??= []).push(entry.id);
  }
  if (analysis.findings.some((finding) => finding.rule === "unchecked-recipients")) counts.uncheckedRecipients++;
  const strangers = addSentTo(
    { salt: "measure", hashes: [] },
    Array.from({ length: MIN_HISTORY }, (_, i) => `someone${i}@example.org`),
  );
  const first = analyzeDraft({ ...entry.draft, sentBefore: strangers }, pack);
  if (first.findings.some((finding) => finding.rule === "new-external-recipient")) {
    counts.firstTimeNudges++;
    (byRule["new-external-recipient (first message to the address)"] ??= []).push(entry.id);
  }
}
console.log(JSON.stringify(counts, null, 2));
if (process.argv.includes("--ids")) console.log(JSON.stringify(byRule, null, 2));
else for (const rule of Object.keys(byRule)) console.log(`${rule}: ${byRule[rule]?.length ?? 0}`);
