import fc from "fast-check";
import { performance } from "node:perf_hooks";
import { rules } from "./policy/rules/registry.js";
import { analyzeDraft } from "./policy/engine/analyze.js";
import { detectPersonalData } from "./policy/detectors/index.js";
import { htmlToText } from "./policy/engine/html-to-text.js";
import { loadPolicy } from "./policy/pack/load.js";
import { adversarialDraft } from "./test/property/arbitraries.js";
const pack = loadPolicy("delius");
const samples = fc.sample(adversarialDraft, { numRuns: 300, seed: 7 });
const totals: Record<string, number> = {};
for (const sample of samples) {
  const chunk = (sample.body ?? "") || "x";
  const body = chunk.repeat(Math.ceil(100_000 / chunk.length)).slice(0, 100_000);
  const draft = { ...sample, body };
  const bodyText = draft.bodyType === "html" ? htmlToText(body) : body;
  let t = performance.now();
  detectPersonalData({ subject: draft.subject ?? "", bodyText, attachmentNames: (draft.attachments ?? []).map((a) => a.name) }, pack);
  totals.detect = Math.max(totals.detect ?? 0, performance.now() - t); totals.html = Math.max(totals.html ?? 0, 0);
  for (const rule of rules) {
    t = performance.now();
    rule.check({ draft: draft as never, pack, bodyText, personalData: [] });
    totals[rule.meta.id] = Math.max(totals[rule.meta.id] ?? 0, performance.now() - t);
  }
}
console.log(Object.entries(totals).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(0)}`).join("\n"));
