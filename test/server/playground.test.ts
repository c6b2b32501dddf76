import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PRESET_IDS } from "../../policy/presets/index.js";
import { startPlayground, type Playground } from "../../scripts/start.js";

/** `npm start` as a newcomer runs it, as a separate process. */
function runStart(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn("npx", ["tsx", "scripts/start.ts", "--no-https", ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const distDir = mkdtempSync(join(tmpdir(), "spg-playground-first-"));
let playground: Playground;

beforeAll(async () => {
  playground = await startPlayground({ port: 0, https: false, policy: "st-john-payne", distDir, log: () => undefined });
}, 180_000);

afterAll(async () => {
  await playground?.close();
  rmSync(distDir, { recursive: true, force: true });
});

describe("npm start cannot mislead", () => {
  it("exits non-zero on a bad --policy, listing the presets, before building or serving anything", async () => {
    const result = await runStart(["--port", "0", "--policy", "does-not-exist"]);
    expect(result.code).toBe(2);
    for (const preset of PRESET_IDS) expect(result.stderr).toContain(preset);
    expect(result.stdout).not.toContain("ready");
  }, 60_000);

  it("says a busy port is busy and changes nothing of the running copy", async () => {
    const port = new URL(playground.url).port;
    const database = join(playground.distDir, "data/playground.db");
    const taskPane = join(playground.distDir, "addin/taskpane.js");
    const before = { database: statSync(database).mtimeMs, taskPane: statSync(taskPane).mtimeMs };
    const result = await runStart(["--port", port, "--policy", "palfrey"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Port ${port} is already in use`);
    expect({ database: statSync(database).mtimeMs, taskPane: statSync(taskPane).mtimeMs }).toEqual(before);
    const page = await fetch(`${playground.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("st-john-payne");
  }, 60_000);

  it("builds each run into its own folder with its own database, removed when it stops", async () => {
    const second = await startPlayground({ port: 0, https: false, policy: "palfrey", log: () => undefined });
    try {
      expect(second.distDir).not.toBe(playground.distDir);
      expect(existsSync(join(second.distDir, "data/playground.db"))).toBe(true);
      expect(await (await fetch(`${second.url}/`)).text()).toContain("palfrey");
      expect(await (await fetch(`${playground.url}/`)).text()).toContain("st-john-payne");
    } finally {
      await second.close();
    }
    expect(existsSync(second.distDir)).toBe(false);
    expect(existsSync(join(playground.distDir, "data/playground.db"))).toBe(true);
  }, 180_000);

  it("serves the icons, the privacy and the terms pages the manifests point at", async () => {
    for (const size of [16, 32, 64, 80, 128]) {
      const response = await fetch(`${playground.url}/assets/icon-${size}.png`);
      expect(response.status, `icon-${size}`).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/png");
    }
    for (const page of ["privacy", "terms"]) {
      const response = await fetch(`${playground.url}/${page}.html`);
      expect(response.status, page).toBe(200);
      expect(await response.text()).toContain("St John Payne School");
    }
  });
});

describe("npm start while it builds", () => {
  it("serves the icons from the first request on", async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer();
      probe.listen(0, "127.0.0.1", () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
      });
    });
    const starting = startPlayground({ port, https: false, policy: "lt2", log: () => undefined });
    let first: Response | undefined;
    for (let attempt = 0; attempt < 200 && !first; attempt++) {
      first = await fetch(`http://127.0.0.1:${port}/assets/icon-32.png`).catch(() => undefined);
      if (!first) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const page = await fetch(`http://127.0.0.1:${port}/`);
    const second = await starting;
    try {
      expect(first?.status).toBe(200);
      expect(first?.headers.get("content-type")).toBe("image/png");
      // The page itself was still building when the icon was already there.
      expect([200, 503]).toContain(page.status);
    } finally {
      await second.close();
    }
  }, 180_000);
});
