import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

/**
 * A newcomer's path, run for real: a fresh `git clone` of the repository, the README's quick start
 * (`npm ci`, `npm start`), then every command of docs/deploy.md up to the first step that needs a
 * Microsoft 365 tenant (the blocks between `<!-- rehearsal:start -->` and `<!-- rehearsal:end -->`),
 * as written, in bash. Only the clone itself (the guide names the school's own copy) and the port
 * (8080 may be busy here) are substituted.
 */

const REPO_ROOT = fileURLToPath(new URL("../", import.meta.url));

export interface WalkthroughStep {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
  readonly seconds: number;
}

export interface WalkthroughOptions {
  readonly repo?: string;
  readonly keep?: boolean;
  readonly log?: (line: string) => void;
}

export class WalkthroughError extends Error {
  override readonly name = "WalkthroughError";
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** The shell blocks of the guide's tenant-free part, with the clone and `cd` left out (already done). */
export function rehearsalCommands(guide: string, port: number): string {
  const start = guide.indexOf("<!-- rehearsal:start -->");
  const end = guide.indexOf("<!-- rehearsal:end -->");
  if (start < 0 || end < start) throw new WalkthroughError("docs/deploy.md has no rehearsal markers.");
  const blocks = [...guide.slice(start, end).matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1] ?? "");
  if (blocks.length === 0) throw new WalkthroughError("docs/deploy.md's rehearsal has no sh blocks.");
  return blocks
    .join("\n")
    .split("\n")
    .filter((line) => !/^git clone /.test(line) && !/^cd policyguard\s*$/.test(line))
    .join("\n")
    .replaceAll("8080", String(port));
}

function run(command: string, args: readonly string[], cwd: string): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  return { ok: result.status === 0, output };
}

/** `npm start` until it says it is ready, the playground page fetched, then stopped like Ctrl-C. */
async function tryPlayground(cwd: string): Promise<string> {
  const port = await freePort();
  const child = spawn("npm", ["start", "--", "--no-https", "--port", String(port)], {
    cwd,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const closed = new Promise<void>((resolve) => child.once("close", () => resolve()));
  try {
    const deadline = Date.now() + 240_000;
    while (!output.includes("playground is ready")) {
      if (child.exitCode !== null || Date.now() > deadline) throw new WalkthroughError(`npm start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const page = await fetch(`http://localhost:${port}/`);
    const html = await page.text();
    if (page.status !== 200 || !html.includes("School Policy Guard")) {
      throw new WalkthroughError(`the playground page answered ${page.status}`);
    }
    if (output.includes("is not available")) throw new WalkthroughError(`a surface failed:\n${output}`);
    return output.split("\n")[0] ?? "";
  } finally {
    if (child.pid !== undefined) {
      try {
        process.kill(-child.pid, "SIGINT");
      } catch {
        // Already stopped.
      }
    }
    await closed;
  }
}

export async function walkthrough(options: WalkthroughOptions = {}): Promise<WalkthroughStep[]> {
  const log = options.log ?? console.log;
  const repo = options.repo ?? REPO_ROOT;
  const root = mkdtempSync(join(tmpdir(), "spg-walkthrough-"));
  const clone = join(root, "policyguard");
  const steps: WalkthroughStep[] = [];
  const step = async (name: string, action: () => Promise<string> | string): Promise<boolean> => {
    const started = Date.now();
    try {
      const detail = await action();
      steps.push({ name, ok: true, detail, seconds: (Date.now() - started) / 1000 });
      log(`ok   ${name} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
      return true;
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      steps.push({ name, ok: false, detail, seconds: (Date.now() - started) / 1000 });
      log(`FAIL ${name}\n${detail.slice(-4000)}`);
      return false;
    }
  };
  const must = (result: { ok: boolean; output: string }): string => {
    if (!result.ok) throw new WalkthroughError(result.output);
    return result.output.trim().split("\n").slice(-1)[0] ?? "";
  };
  try {
    const cloned = await step("git clone", () => must(run("git", ["clone", "--quiet", repo, clone], root)));
    const installed =
      cloned &&
      (await step("README: npm ci", () =>
        must(run("npm", ["ci", "--prefer-offline", "--no-audit", "--no-fund"], clone)),
      ));
    if (installed) {
      await step("README: npm start (playground ready, page served, Ctrl-C)", () => tryPlayground(clone));
      await step("README: npm start left no build in the clone's dist/", () => {
        if (existsSync(join(clone, "dist"))) throw new WalkthroughError("npm start wrote into dist/");
        return "dist/ untouched";
      });
      const guide = readFileSync(join(clone, "docs/deploy.md"), "utf8");
      const port = await freePort();
      await step("docs/deploy.md steps 1 to 3, as written", () =>
        // The guide's `npm ci` is the README's, run a moment ago in the same clone: not twice.
        must(
          run(
            "bash",
            ["-euo", "pipefail", "-c", rehearsalCommands(guide, port).replace(/^npm ci$/m, "true # npm ci: done")],
            clone,
          ),
        ),
      );
      await step("docs/deploy.md step 3: the service logged JSON and stopped cleanly", async () => {
        const logFile = join(clone, "rehearsal/service.log");
        const deadline = Date.now() + 20_000;
        while (!readFileSync(logFile, "utf8").includes('"msg":"stopped"')) {
          if (Date.now() > deadline) throw new WalkthroughError(readFileSync(logFile, "utf8"));
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        const lines = readFileSync(logFile, "utf8").trim().split("\n");
        for (const line of lines) JSON.parse(line);
        return `${lines.length} JSON lines`;
      });
    }
  } finally {
    if (!options.keep) rmSync(root, { recursive: true, force: true });
    else log(`Kept ${root}`);
  }
  return steps;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { repo: { type: "string" }, keep: { type: "boolean", default: false } } });
  const steps = await walkthrough({ ...(values.repo ? { repo: values.repo } : {}), keep: values.keep ?? false });
  const failed = steps.filter((item) => !item.ok);
  console.log(failed.length === 0 ? "Every command on the path works as written." : `${failed.length} step(s) failed.`);
  process.exit(failed.length === 0 ? 0 : 1);
}
