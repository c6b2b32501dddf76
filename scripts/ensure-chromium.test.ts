import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEBIAN_CHROMIUM, chromiumPath } from "../test/support/chromium.js";

const script = join(import.meta.dirname, "ensure-chromium.sh");

// A machine where this process cannot install anything: `id -u` says 1000 and `sudo` refuses.
const fakeBin = mkdtempSync(join(tmpdir(), "ensure-chromium-"));
writeFileSync(join(fakeBin, "id"), '#!/bin/sh\n[ "$1" = "-u" ] && echo 1000 || echo "uid=1000(pupil)"\n');
writeFileSync(join(fakeBin, "sudo"), "#!/bin/sh\necho 'sudo: a password is required' >&2\nexit 1\n");
for (const name of ["id", "sudo"]) chmodSync(join(fakeBin, name), 0o755);
afterAll(() => rmSync(fakeBin, { recursive: true, force: true }));

function run(env: Record<string, string>): { status: number | null; stdout: string; stderr: string; ms: number } {
  const started = performance.now();
  const result = spawnSync("bash", [script], {
    env: { PATH: `${fakeBin}:/usr/bin:/bin`, ...env },
    encoding: "utf8",
    timeout: 10_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, ms: performance.now() - started };
}

describe("scripts/ensure-chromium.sh", () => {
  it("exits 0 at once when CHROMIUM_PATH is an executable", () => {
    const result = run({ CHROMIUM_PATH: process.execPath });
    expect(result).toMatchObject({ status: 0, stdout: "", stderr: "" });
    expect(result.ms).toBeLessThan(3_000);
  });

  it("stops within seconds with one line when CHROMIUM_PATH names nothing", () => {
    const result = run({ CHROMIUM_PATH: join(fakeBin, "no-such-chromium") });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain(`CHROMIUM_PATH=${join(fakeBin, "no-such-chromium")} is not an executable`);
    expect(result.stderr).toContain("sudo apt-get install -y chromium");
    expect(result.ms).toBeLessThan(3_000);
  });

  // Only where Debian's chromium is absent: the script would otherwise find it and exit 0. The fresh
  // Debian root of issue 17 showed this case for real (see the commit message).
  it.skipIf(existsSync(DEBIAN_CHROMIUM))(
    "without Debian's chromium, root or sudo, stops within seconds with one line naming the command",
    () => {
      const result = run({});
      expect(result.status).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toBe(
        "ensure-chromium: the browser tests need Debian's chromium at /usr/bin/chromium: run " +
          "'sudo apt-get update && sudo apt-get install -y chromium' (or set CHROMIUM_PATH), then npm test again.\n",
      );
      expect(result.ms).toBeLessThan(3_000);
    },
  );
});

describe("chromiumPath", () => {
  it("is CHROMIUM_PATH when set, Debian's chromium otherwise", () => {
    expect(chromiumPath({ CHROMIUM_PATH: "/opt/chromium/chrome" })).toBe("/opt/chromium/chrome");
    expect(chromiumPath({ CHROMIUM_PATH: " " })).toBe(DEBIAN_CHROMIUM);
    expect(chromiumPath({})).toBe("/usr/bin/chromium");
  });
});
