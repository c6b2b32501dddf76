import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { manifestArgs, presetWarning } from "./build.js";

describe("npm run build (scripts/build.ts)", () => {
  it.each([
    {
      host: "https://policyguard.example.org",
      clientId: undefined,
      args: ["--host", "https://policyguard.example.org", "--client-id", "00000000-0000-0000-0000-000000000000"],
    },
    {
      host: "https://localhost:3000",
      clientId: "7d3f2c1e-4b5a-4c6d-8e9f-0a1b2c3d4e5f",
      args: ["--host", "https://localhost:3000", "--client-id", "7d3f2c1e-4b5a-4c6d-8e9f-0a1b2c3d4e5f"],
    },
    {
      host: "https://policyguard.example.org",
      clientId: undefined,
      version: "1.1.0",
      args: [
        "--host",
        "https://policyguard.example.org",
        "--client-id",
        "00000000-0000-0000-0000-000000000000",
        "--version",
        "1.1.0",
      ],
    },
  ])("passes $host, $clientId and $version on to the manifests", ({ host, clientId, version, args }) => {
    expect(manifestArgs({ host, ...(clientId ? { clientId } : {}), ...(version ? { version } : {}) })).toEqual(args);
  });

  it.each([
    {
      args: ["--host", "http://x.example"],
      error: "--host must be an https:// URL such as https://policyguard.school.org.uk (got http://x.example)",
    },
    {
      args: ["--client-id", "abc"],
      error:
        "--client-id must be the Entra app's client id, a GUID of 32 hex digits as 8-4-4-4-12 like 00000000-0000-0000-0000-000000000000 (got abc)",
    },
    { args: ["--bogus"], error: "Unknown option '--bogus'" },
    { args: ["--version", "2"], error: "--version must look like 1.2.3" },
    {
      args: ["--policy", "nosuch"],
      error: "--policy nosuch: no such preset or file (the presets: st-dunstans, palfrey, lt2, delius, st-john-payne)",
    },
  ])(
    "refuses $args at once, exit 2, building nothing",
    ({ args, error }) => {
      const out = join(mkdtempSync(join(tmpdir(), "spg-build-")), "dist");
      const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/build.ts", ...args, "--out", out], {
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(result.stderr).toContain(error);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe("");
      expect(existsSync(out)).toBe(false);
    },
    60_000,
  );

  // An IT admin's trial: a deployable build of a preset's pack ships another school's identity.
  it("warns of every value a school's build still shares with a preset", () => {
    const warning = presetWarning("st-john-payne");
    expect(warning).toMatch(/^Warning: \d+ values are still a preset's; make them your school's before you deploy:/);
    expect(warning).toContain("still St John Payne School's: school.name (St John Payne School): your school's name");
    expect(warning).toContain("school.emailDomains[0]");
  });

  it("--help prints the usage and builds nothing", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/build.ts", "--help"], {
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: npm run build -- \[options\]\n/);
    expect(result.stdout).toContain("--policy ID|FILE");
  }, 60_000);
});
