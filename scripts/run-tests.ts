/**
 * `npm test`'s last step: `vitest run`, killed and run once more if it has not finished in
 * RUN_LIMIT_MS. A fresh-clone CI run hung for good in teams-app/test/kill.test.ts (2026-12-03; an earlier
 * round records a 14-minute hang there too): its vitest fork sat in a futex wait with no CPU, its child
 * server defunct, so no test timeout could fire, and a CI machine would wait until its own 90-minute limit. Only a run that never ends is retried; a run that
 * fails fails `npm test` at once, with vitest's own exit code.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** About three times the whole suite's usual time on CI's two cores (six to seven minutes). */
export const RUN_LIMIT_MS = 20 * 60_000;

export interface RunOptions {
  /** Kill the run (its whole process group) after this many milliseconds. */
  readonly limitMs: number;
  /** Runs at most, counting the first. */
  readonly attempts: number;
  /** Where a timed-out run is reported. */
  readonly log?: (line: string) => void;
}

/**
 * Runs `command args` with the terminal's stdio, in a process group of its own, until it exits or
 * `limitMs` passes; a run that timed out is killed (SIGKILL to the group) and started again, up to
 * `attempts` runs. Resolves with the exit code of the last run: its own, or 124 when every run timed
 * out (the code `timeout(1)` uses). Rejects only if the command cannot be started.
 */
export async function runWithRetry(command: string, args: readonly string[], options: RunOptions): Promise<number> {
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    const outcome = await runOnce(command, args, options.limitMs);
    if (outcome !== "timed out") return outcome;
    options.log?.(
      `run-tests: run ${attempt} of ${options.attempts} did not finish in ${Math.round(options.limitMs / 1000)} s and was killed`,
    );
  }
  return 124;
}

function runOnce(command: string, args: readonly string[], limitMs: number): Promise<number | "timed out"> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { stdio: "inherit", detached: true });
    // The whole group: vitest's forks and the servers they started.
    const killGroup = (signal: NodeJS.Signals) => {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, signal);
    };
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup("SIGKILL");
    }, limitMs);
    // A group of its own does not see the terminal's Ctrl-C: pass it on.
    const interrupt = () => killGroup("SIGINT");
    process.once("SIGINT", interrupt);
    const finish = () => {
      clearTimeout(timer);
      process.removeListener("SIGINT", interrupt);
    };
    child.once("error", (error) => {
      finish();
      reject(error);
    });
    child.once("exit", (code, signal) => {
      finish();
      resolve(timedOut ? "timed out" : (code ?? (signal === null ? 1 : 128)));
    });
  });
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const vitest = fileURLToPath(new URL("../node_modules/vitest/vitest.mjs", import.meta.url));
  process.exitCode = await runWithRetry(process.execPath, [vitest, "run", ...process.argv.slice(2)], {
    limitMs: RUN_LIMIT_MS,
    attempts: 2,
    log: (line) => process.stderr.write(`${line}\n`),
  });
}
