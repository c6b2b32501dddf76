/**
 * `npm run bench [-- --json]`: runs every test/bench/*.bench.ts (each exports `run()` returning
 * name → figure) and prints a table, or JSON only with --json. A failing bench file reports its
 * error and the others still run.
 */
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

type Figures = Record<string, number | string>;
interface BenchModule {
  run?: () => Promise<Figures>;
}

const here = dirname(fileURLToPath(import.meta.url));
const json = process.argv.includes("--json");

async function main(): Promise<number> {
  const files = readdirSync(here)
    .filter((name) => name.endsWith(".bench.ts"))
    .sort();
  const results: Record<string, Figures | { error: string }> = {};
  let failures = 0;
  for (const file of files) {
    const name = file.replace(/\.bench\.ts$/, "");
    // Progress on stderr (the whole run takes minutes; --json keeps stdout to the JSON).
    process.stderr.write(`bench ${name}…\n`);
    const started = performance.now();
    try {
      const module = (await import(pathToFileURL(join(here, file)).href)) as BenchModule;
      if (typeof module.run !== "function") throw new Error(`${file} exports no run()`);
      results[name] = await module.run();
      process.stderr.write(`bench ${name}: ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
    } catch (error) {
      failures++;
      const message = error instanceof Error ? error.message : String(error);
      results[name] = { error: message };
      if (!json) console.error(`bench ${file} failed: ${message}`);
    }
  }
  if (json) {
    process.stdout.write(JSON.stringify(results, null, 2) + "\n");
  } else {
    const rows: [string, string][] = [];
    for (const [bench, figures] of Object.entries(results)) {
      if ("error" in figures && typeof figures.error === "string" && Object.keys(figures).length === 1) {
        rows.push([`${bench}: FAILED`, figures.error]);
        continue;
      }
      for (const [figure, value] of Object.entries(figures)) rows.push([figure, String(value)]);
    }
    const width = Math.max(...rows.map(([figure]) => figure.length), 10);
    for (const [figure, value] of rows) console.log(`${figure.padEnd(width)}  ${value}`);
  }
  return failures > 0 ? 1 : 0;
}

process.exitCode = await main();
