/**
 * Engine figures: p50/p99 for a typical 5 kB draft (targets < 1 ms / < 5 ms), a 1 MB body (< 100 ms),
 * MB/s of body scanned, and ms per 100 kB on the property generator's worst inputs (< 50 ms).
 */
import { performance } from "node:perf_hooks";
import fc from "fast-check";
import { analyzeDraft } from "../../policy/engine/analyze.js";
import type { DraftInput } from "../../policy/engine/draft.js";
import { loadPolicy } from "../../policy/pack/load.js";
import { adversarialDraft } from "../property/arbitraries.js";
import { Rng, corruptTenDigits, mobileNumber, nhsNumber, person, schoolDate } from "../support/synthetic.js";

const POLICY = "delius";

function typicalBody(rng: Rng, bytes: number): string {
  const sender = person(rng);
  const paragraphs: string[] = ["Dear colleagues,"];
  let length = 0;
  while (length < bytes - 200) {
    const pupil = person(rng);
    const paragraph = rng.pick([
      `The Year 9 trip on ${schoolDate(rng)} is now full; the coach leaves at 8.30 and consent slips are due on Friday.`,
      `Order ${corruptTenDigits(rng)} from the uniform supplier has arrived. Please check it against the delivery note.`,
      `${pupil.first} ${pupil.last} did a brilliant job in assembly this morning; please pass on our congratulations.`,
      "The SENCO and the DSL will lead the INSET session on EHCP reviews and CPOMS logging after school on Tuesday.",
      "Reports need to be on the system by Thursday so SLT can read them before parents' evening next week.",
    ]);
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  paragraphs.push(`Kind regards,\n${sender.first} ${sender.last}\nHead of Year 9\nMobile: ${mobileNumber(rng)}`);
  return paragraphs.join("\n\n");
}

function draftWithBody(body: string, bodyType: "text" | "html" = "text"): DraftInput {
  return {
    subject: "Year 9 update",
    body,
    bodyType,
    from: { name: "Jo Ellis", address: "jo.ellis@delius-school.sch.uk" },
    to: [{ name: "Staff", address: "staff@delius-school.sch.uk" }],
    cc: [],
    bcc: [],
    attachments: [{ name: "Minutes.docx", size: 48_000 }],
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export async function run(): Promise<Record<string, number | string>> {
  const pack = loadPolicy(POLICY);
  const rng = new Rng(42);

  // Typical 5 kB drafts, varied so no single input is cached by the JIT.
  const typical = Array.from({ length: 50 }, () => draftWithBody(typicalBody(rng, 5 * 1024)));
  for (let i = 0; i < 200; i++) analyzeDraft(typical[i % typical.length] as DraftInput, pack);
  const times: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const draft = typical[i % typical.length] as DraftInput;
    const start = performance.now();
    analyzeDraft(draft, pack);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);

  // 1 MB body of typical text (with an NHS number every so often).
  const big = typicalBody(rng, 1024 * 1024) + `\nNHS number ${nhsNumber(rng)}`;
  const bigDraft = draftWithBody(big);
  analyzeDraft(bigDraft, pack);
  const bigTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    analyzeDraft(bigDraft, pack);
    bigTimes.push(performance.now() - start);
  }
  bigTimes.sort((a, b) => a - b);
  const bigMs = percentile(bigTimes, 50);

  // Worst inputs from the property generator, scaled to 100 kB.
  const samples = fc.sample(adversarialDraft, { numRuns: 300, seed: 7 });
  let worstMsPer100kB = 0;
  let worstShape = "";
  for (const sample of samples) {
    const chunk = (sample.body ?? "") || "x";
    const body = chunk.repeat(Math.ceil(100_000 / chunk.length)).slice(0, 100_000);
    const draft = { ...sample, body };
    // The median of three runs: a single run also times whatever garbage collection or compilation the
    // previous sample left due, which moved the worst figure between 38 and 57 ms from one run to the next.
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      analyzeDraft(draft, pack);
      runs.push(performance.now() - start);
    }
    const ms = percentile(
      runs.sort((a, b) => a - b),
      50,
    );
    if (ms > worstMsPer100kB) {
      worstMsPer100kB = ms;
      worstShape = JSON.stringify(chunk.slice(0, 60));
    }
  }

  // The security review's hostile shapes (issue 10), each repeated to 1 MB: ms per MB against a typical
  // 1 MB draft; every one must stay within 3x of it.
  const MB = 1024 * 1024;
  const timeOnce = (draft: DraftInput) => {
    analyzeDraft(draft, pack);
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      analyzeDraft(draft, pack);
      runs.push(performance.now() - start);
    }
    return percentile(
      runs.sort((a, b) => a - b),
      50,
    );
  };
  const toMB = (chunk: string) => chunk.repeat(Math.ceil(MB / chunk.length)).slice(0, MB);
  const hostile: Record<string, DraftInput> = {
    '"or else we " (an excepted phrase)': draftWithBody(toMB("or else we ")),
    '"lazy eye "': draftWithBody(toMB("lazy eye ")),
    '"R&D "': draftWithBody(toMB("R&D ")),
    '"&" with no ";" (HTML)': draftWithBody(toMB("&"), "html"),
    '"&#" (HTML)': draftWithBody(toMB("&#"), "html"),
    '"> " quoted lines': draftWithBody(toMB("> quoted line\n")),
    '"From: x\\nSent: y" headers': draftWithBody(toMB("From: x\nSent: y\nTo: z\n")),
    '"you useless " insults': draftWithBody(toMB("you useless ")),
    '"Amy Shaw has " names': draftWithBody(toMB("Amy Shaw has an EHCP. ")),
    // Lower-case pupils with a form: each is looked up against the names found before it.
    '"kayla in 9R, ella thompson in 9c" lower-case names': draftWithBody(
      toMB("kayla in 9R, ella thompson in 9c is on epilim. "),
    ),
    // A notice to a group: each detail's sentence is searched for the names it holds.
    '"Dear all," then names and details': draftWithBody(`Dear all,\n\n${toMB("Amy Shaw has autism. ")}`),
    // A trip list pasted as a table under a greeting to a group: one short row per pupil.
    '"Dear all," then a table of names': draftWithBody(`Dear all,\n\nName\tPaid\n${toMB("Amy Shaw\tY\n")}`),
    '"is Amy Shaw." introductions': draftWithBody(toMB("The new girl is Amy Shaw. ")),
    // A reply header above a line of names: each name's line is read for a header, 200 characters either side.
    '"wrote:" above a line of names': draftWithBody(`On Monday, Jo Hart wrote:\n${toMB("Amy Shaw has an EHCP. ")}`),
    "a list asked for as dates of birth": draftWithBody(`Dates of birth:\n${toMB("Amy Shaw - 04/06/2016\n")}`),
    '"<td>" cells (HTML)': draftWithBody(toMB("<td>DOB</td><td>04/06/2016</td>"), "html"),
    "zero-width and NBSP": draftWithBody(toMB("AB\u200b12\u00a034 ")),
  };
  // The typical draft is timed again beside each shape and each ratio taken against that time: on a shared
  // machine whose speed drifts by half from minute to minute, one typical time at the start made a shape
  // timed later look up to 1.5 times slower or faster than it is.
  const typicalMB = draftWithBody(toMB(typicalBody(rng, 64 * 1024)));
  const typicalTimes: number[] = [];
  const shapes: Record<string, number> = {};
  let worstRatio = 0;
  for (const [name, draft] of Object.entries(hostile)) {
    const typicalMs = timeOnce(typicalMB);
    const ms = timeOnce(draft);
    typicalTimes.push(typicalMs);
    shapes[`engine: hostile ${name} (ms per MB)`] = round(ms, 1);
    worstRatio = Math.max(worstRatio, ms / typicalMs);
  }
  const typicalMsPerMB = percentile(
    typicalTimes.sort((a, b) => a - b),
    50,
  );

  return {
    "engine: typical 1 MB draft (ms per MB)": round(typicalMsPerMB, 1),
    ...shapes,
    "engine: worst hostile shape / typical timed beside it (target <= 3)": round(worstRatio, 2),
    "engine: typical 5 kB draft p50 (ms)": round(percentile(times, 50)),
    "engine: typical 5 kB draft p99 (ms)": round(percentile(times, 99)),
    "engine: 1 MB body (ms)": round(bigMs, 1),
    "engine: body scanned (MB/s)": round(big.length / 1024 / 1024 / (bigMs / 1000), 1),
    "engine: worst property input (ms per 100 kB)": round(worstMsPer100kB, 1),
    "engine: worst property input (body starts)": worstShape,
  };
}
