import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { buildAddin } from "../../addin/build.js";
import { HANDLER_NAMES } from "../../addin/core/ids.js";
import { runLaunchEventInVm } from "../../addin/harness/run-in-vm.js";
import { loadPolicy } from "../../policy/pack/load.js";

/**
 * Outlook add-in figures: gzipped size of launchevent.js, and OnMessageSend time from the event to
 * `event.completed` in node:vm with the Office stand-in — on a draft the compose events already
 * analysed (cached) and on a cold one (no compose event first).
 */
const POLICY = "st-john-payne";

function typicalDraftBody(): string {
  const paragraph =
    "Thank you for coming to parents' evening on Thursday. As discussed, the Year 9 options booklet is attached and the deadline for choices is Friday 14 March. Please contact the office if you have any questions about the process. ";
  let body = "Dear Mr and Mrs Example,\n\n";
  while (body.length < 5000) body += `${paragraph}\n\n`;
  return `${body}Kind regards,\nA Teacher\nHead of Year 9`;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const p99 = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.99))] ?? NaN;

export async function run(): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(join(tmpdir(), "spg-addin-bench-"));
  try {
    await buildAddin({ outDir: dir, policy: POLICY });
    const code = readFileSync(join(dir, "launchevent.js"), "utf8");
    const pack = loadPolicy(POLICY);
    const body = typicalDraftBody();

    const prepare = () => {
      const loadStart = performance.now();
      const vm = runLaunchEventInVm(code, { internalDomains: pack.school.emailDomains });
      const loadMs = performance.now() - loadStart;
      Object.assign(vm.standIn.state, { subject: "Year 9 options", body: { type: "text", content: body } });
      vm.standIn.setRecipients("to", ["parent.example@gmail.com"]);
      vm.standIn.setRecipients("cc", [`headteacher@${pack.school.emailDomains[0]}`]);
      vm.standIn.addAttachment("Year 9 options booklet.pdf", 850_000);
      return { ...vm, loadMs };
    };

    const cold: number[] = [];
    const cached: number[] = [];
    const loads: number[] = [];
    for (let iteration = 0; iteration < 40; iteration++) {
      const coldRun = prepare();
      loads.push(coldRun.loadMs);
      cold.push((await coldRun.standIn.fire("OnMessageSend", HANDLER_NAMES.send)).ms);
      const warm = prepare();
      await warm.standIn.fire("OnNewMessageCompose", HANDLER_NAMES.compose);
      cached.push((await warm.standIn.fire("OnMessageSend", HANDLER_NAMES.send)).ms);
    }
    return {
      "addin launchevent.js gzipped kB": Number((gzipSync(code).length / 1024).toFixed(1)),
      "addin launchevent.js raw kB": Number((code.length / 1024).toFixed(1)),
      "addin launchevent.js load (parse+run) p50 ms": Number(median(loads).toFixed(2)),
      "addin send handler cached draft p50 ms": Number(median(cached).toFixed(2)),
      "addin send handler cached draft p99 ms": Number(p99(cached).toFixed(2)),
      "addin send handler cold draft p50 ms": Number(median(cold).toFixed(2)),
      "addin send handler cold draft p99 ms": Number(p99(cold).toFixed(2)),
      "addin bench draft": `${POLICY}, ${Math.round(body.length / 1024)} kB body, 1 attachment, stand-in callbacks 0 ms`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run().then((figures) => console.table(figures));
}
