import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { rehearsalCommands, walkthrough } from "../../scripts/walkthrough.js";

const guide = readFileSync("docs/deploy.md", "utf8");

describe("docs/deploy.md's tenant-free part", () => {
  it("is a set of shell commands the walkthrough can run: no clone, the port substituted", () => {
    const commands = rehearsalCommands(guide, 41234);
    expect(commands).not.toMatch(/^git clone/m);
    expect(commands).toContain("npm ci");
    expect(commands).toContain("scripts/school-pack.ts");
    expect(commands).toContain("npm run build");
    expect(commands).toContain("dist/server/main.mjs");
    expect(commands).toContain("localhost:41234/readyz");
    expect(commands).not.toContain("8080");
  });

  it("stops before the first step that needs a tenant", () => {
    const end = guide.indexOf("<!-- rehearsal:end -->");
    expect(guide.slice(end)).toMatch(/^## 4\. .*Azure subscription/m);
    expect(guide.slice(0, end)).not.toMatch(/\baz (ad|webapp|group)\b/);
  });

  // The whole path, for real: a fresh clone, npm ci, npm start, and every command of steps 1-3.
  // Minutes long (npm ci), so on request: WALKTHROUGH=1 npx vitest run test/server/walkthrough.test.ts
  it.runIf(process.env.WALKTHROUGH === "1")(
    "works as written from a fresh clone",
    async () => {
      const steps = await walkthrough({ log: () => undefined });
      expect(steps.filter((step) => !step.ok)).toEqual([]);
      expect(steps.map((step) => step.name)).toHaveLength(6);
    },
    1_200_000,
  );
});
