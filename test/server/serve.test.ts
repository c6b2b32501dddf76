import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAll } from "../../scripts/build.js";
import { CLIENT_ID, freePort, productionEnv, PUBLIC_HOST } from "./support.js";

/**
 * `npm run serve` as a school runs it: a production build for an https host and a real client id,
 * production settings, a free port; everything the manifests point at over HTTP, and nothing of
 * the development harness or the source.
 */
const root = mkdtempSync(join(tmpdir(), "spg-serve-"));
const distDir = join(root, "dist");
const dataDir = join(root, "data");
let service: ChildProcess;
let base = "";
const stdout: string[] = [];

beforeAll(async () => {
  await buildAll({ distDir, policy: "st-john-payne", host: `https://${PUBLIC_HOST}`, clientId: CLIENT_ID });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  service = spawn("npm", ["run", "--silent", "serve"], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...productionEnv(distDir, dataDir, port) },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: the test stops npm, tsx and the service together, as a host stops a container.
    detached: true,
  });
  service.stdout?.on("data", (chunk: Buffer) => stdout.push(...chunk.toString("utf8").split("\n").filter(Boolean)));
  service.stderr?.on("data", (chunk: Buffer) => stdout.push(`stderr: ${chunk.toString("utf8")}`));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ready = await fetch(`${base}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (service.exitCode !== null || Date.now() > deadline)
      throw new Error(`npm run serve did not start:\n${stdout.join("\n")}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}, 120_000);

function stopGroup(): void {
  if (service.pid !== undefined) {
    try {
      process.kill(-service.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  }
}

afterAll(() => {
  stopGroup();
  rmSync(root, { recursive: true, force: true });
});

async function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}${path}`, { headers, redirect: "manual" });
}

describe("npm run serve", () => {
  it("serves the tab, the task pane, the launch-event files and the icons", async () => {
    for (const [path, type] of [
      ["/index.html", "text/html"],
      ["/app.js", "javascript"],
      ["/addin/taskpane.html", "text/html"],
      ["/addin/taskpane.js", "javascript"],
      ["/addin/commands.html", "text/html"],
      ["/addin/launchevent.js", "javascript"],
    ] as const) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type"), path).toContain(type);
      expect((await response.text()).length, path).toBeGreaterThan(100);
    }
    const manifest = JSON.parse(readFileSync(join(distDir, "manifest/manifest.json"), "utf8")) as unknown;
    const iconUrls = JSON.stringify(manifest).match(/https:\/\/[^"]+\/assets\/icon-\d+\.png/g) ?? [];
    expect(iconUrls.length).toBeGreaterThan(3);
    for (const url of new Set(iconUrls)) {
      const response = await get(new URL(url).pathname);
      expect(response.status, url).toBe(200);
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.subarray(1, 4)].map((byte) => String.fromCharCode(byte)).join(""), url).toBe("PNG");
    }
  });

  it("serves the privacy and terms pages the manifest links to, written from the pack", async () => {
    const manifest = JSON.parse(readFileSync(join(distDir, "manifest/manifest.json"), "utf8")) as {
      developer: { privacyUrl: string; termsOfUseUrl: string };
    };
    for (const url of [manifest.developer.privacyUrl, manifest.developer.termsOfUseUrl]) {
      const response = await get(new URL(url).pathname);
      expect(response.status, url).toBe(200);
      const html = await response.text();
      expect(html).toContain("St John Payne School");
      expect(html).toContain("eSafety Coordinator");
    }
    const privacy = await (await get("/privacy.html")).text();
    expect(privacy).toContain("never sent");
    expect(privacy).toContain("database file");
    // What the sweep reads, as data-protection.md says (an IT admin's trial: calendars were not mentioned).
    expect(privacy.replace(/\s+/g, " ")).toContain("the dates of calendar events marked out of office");
  });

  it("answers /api/config with the tenant and no development sign-in", async () => {
    const response = await get("/api/config");
    expect(response.status).toBe(200);
    const config = (await response.json()) as Record<string, unknown>;
    expect(config).toMatchObject({ schoolName: "St John Payne School", devSignIn: false });
    expect((await get("/dev/personas")).status).toBe(404);
  });

  it("refuses the harness pages and source maps, and the build has none", async () => {
    for (const path of [
      "/addin/harness.html",
      "/addin/harness.js",
      "/addin/harness-pane.html",
      "/app.js.map",
      "/addin/taskpane.js.map",
      "/addin/launchevent.js.map",
      "/addin/anything-else.html",
      "/assets/../manifest/manifest.json",
    ]) {
      expect((await get(path)).status, path).toBe(404);
    }
    const files = ["addin", "teams-app"].flatMap((folder) =>
      readdirSync(join(distDir, folder)).map((file) => join(distDir, folder, file)),
    );
    expect(files.filter((file) => file.endsWith(".map") || file.includes("harness"))).toEqual([]);
    for (const file of files.filter((name) => name.endsWith(".js"))) {
      expect(readFileSync(file, "utf8"), file).not.toContain("sourceMappingURL");
    }
  });

  it("reports health and readiness", async () => {
    expect(await (await get("/healthz")).json()).toEqual({ status: "ok" });
    expect(await (await get("/readyz")).json()).toEqual({ status: "ready" });
  });

  it("logs one JSON object per line, without query strings or request content", async () => {
    await get("/api/config?draft=Jamie+Example+EHCP");
    await fetch(`${base}/api/acknowledgements`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ fullName: "Jamie Example" }),
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const lines = stdout.filter((line) => !line.startsWith("stderr:"));
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) {
      const entry = JSON.parse(line) as { time: string; level: string; msg: string };
      expect(entry.level).toMatch(/^(info|warn|error)$/);
    }
    expect(lines.join("\n")).not.toContain("Jamie");
    expect(lines.some((line) => line.includes('"path":"/api/config"'))).toBe(true);
  });

  it("stops on SIGTERM after draining, saying so", async () => {
    // "close": every process holding the output pipe has exited, the service included.
    const closed = new Promise<void>((resolve) => service.once("close", () => resolve()));
    stopGroup();
    await closed;
    const messages = stdout.map((line) => (line.startsWith("{") ? (JSON.parse(line) as { msg: string }).msg : line));
    expect(messages.slice(-2)).toEqual(["shutting down", "stopped"]);
  });
});
