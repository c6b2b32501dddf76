import { describe, expect, it } from "vitest";
import { runWithRetry } from "./run-tests.js";

const node = process.execPath;

describe("scripts/run-tests.ts runWithRetry", () => {
  it("returns a finished run's own exit code, without a second run", async () => {
    const lines: string[] = [];
    expect(
      await runWithRetry(node, ["-e", "process.exit(3)"], { limitMs: 10_000, attempts: 2, log: (l) => lines.push(l) }),
    ).toBe(3);
    expect(await runWithRetry(node, ["-e", ""], { limitMs: 10_000, attempts: 2, log: (l) => lines.push(l) })).toBe(0);
    expect(lines).toEqual([]);
  });

  it("kills a run that never ends, with the children it started, and runs it again", async () => {
    const lines: string[] = [];
    // A parent that starts a child and both wait for ever: the group is killed, twice, then 124.
    const hang =
      "require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']); setInterval(() => {}, 1000)";
    const started = performance.now();
    expect(await runWithRetry(node, ["-e", hang], { limitMs: 500, attempts: 2, log: (l) => lines.push(l) })).toBe(124);
    expect(performance.now() - started).toBeLessThan(8_000);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/run 1 of 2 did not finish in \d+ s and was killed/);
  });

  it("stops retrying once a run finishes", async () => {
    const lines: string[] = [];
    // Hangs the first time (no marker file yet), exits 0 the second.
    const marker = `${process.env.TMPDIR ?? "/tmp"}/run-tests-${process.pid}-${Date.now()}`;
    const script = `const fs = require('node:fs'); if (fs.existsSync(${JSON.stringify(marker)})) { fs.rmSync(${JSON.stringify(marker)}); process.exit(0); } fs.writeFileSync(${JSON.stringify(marker)}, ''); setInterval(() => {}, 1000)`;
    expect(await runWithRetry(node, ["-e", script], { limitMs: 1_000, attempts: 2, log: (l) => lines.push(l) })).toBe(
      0,
    );
    expect(lines).toHaveLength(1);
  });

  it("rejects when the command cannot be started", async () => {
    await expect(runWithRetry("/no/such/command", [], { limitMs: 1_000, attempts: 2 })).rejects.toThrow();
  });
});
