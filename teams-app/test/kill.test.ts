import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import type { KillReport } from "./fixtures/kill-scenario.js";

const SCENARIO = fileURLToPath(new URL("./fixtures/kill-scenario.ts", import.meta.url));

/**
 * Runs fixtures/kill-scenario.ts in a child process, killed after `limitMs` (rejecting with its output), so
 * that a stuck scenario fails this test with a reason instead of hanging the vitest worker (see the script).
 */
function runScenario(limitMs: number): Promise<KillReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", SCENARIO], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    let errors = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the kill scenario took over ${limitMs / 1000} s: ${output}${errors}`));
    }, limitMs);
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    child.on("exit", (code) => {
      clearTimeout(timer);
      const line = output.trim().split("\n").pop() ?? "";
      if (code === 0 && line.startsWith("{")) resolve(JSON.parse(line) as KillReport);
      else reject(new Error(`the kill scenario failed (${code}): ${output}${errors}`));
    });
  });
}

it("loses no acknowledged record when the server is killed with SIGKILL mid-write", async () => {
  const report = await runScenario(55_000);
  expect(report.signal).toBe("SIGKILL");
  expect(report.acknowledged).toBeGreaterThanOrEqual(150);
  expect(report.failures).toBeGreaterThan(0); // the kill really happened while requests were in flight
  expect(report.restartedStatus).toBe(200); // the server restarts on the same file
  expect(report.missing).toEqual([]); // every 201 is in the store
  expect(report.chainOk).toBe(true);
  expect(report.records).toBeGreaterThanOrEqual(report.acknowledged);
}, 60_000);
