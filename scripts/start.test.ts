import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parsePort, PortArgumentError } from "./start.js";

describe("npm start --port (parsePort)", () => {
  it.each([
    { text: "3000", port: 3000 },
    { text: "1", port: 1 },
    { text: "65535", port: 65_535 },
    { text: "0", port: 0 },
  ])("accepts $text", ({ text, port }) => {
    expect(parsePort(text)).toBe(port);
  });

  it.each(["abc", "", "65536", "-1", "30.5", "3e3", " 3000", "0x50", "123456"])("refuses %j, naming --port", (text) => {
    expect(() => parsePort(text)).toThrow(PortArgumentError);
    expect(() => parsePort(text)).toThrow(
      `--port must be a whole number from 1 to 65535, or 0 for any free port (got ${text})`,
    );
  });

  it("says so in one line and exits 2 before building or serving anything", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts", "--port", "abc"], {
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("--port must be a whole number from 1 to 65535, or 0 for any free port (got abc)\n");
    expect(result.stdout).toBe("");
  }, 60_000);
});
