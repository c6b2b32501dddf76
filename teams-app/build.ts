import { build } from "esbuild";
import { copyFile, mkdir, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = fileURLToPath(new URL(".", import.meta.url));

/**
 * Bundles the static tab (React + Fluent UI + teams-js + MSAL) into outDir: index.html and app.js.
 * No source map unless asked for (`sourcemap: true`, local debugging only): a production build
 * publishes nothing but what the browser runs.
 */
export async function buildTeamsApp(options: {
  outDir: string;
  minify?: boolean;
  sourcemap?: boolean;
}): Promise<{ outDir: string; bytes: number }> {
  const outDir = resolve(options.outDir);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const result = await build({
    entryPoints: { app: join(HERE, "tab/main.tsx") },
    outdir: outDir,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: ["es2020", "chrome110", "safari16", "edge110"],
    jsx: "automatic",
    minify: options.minify ?? true,
    sourcemap: options.sourcemap ? "linked" : false,
    legalComments: "linked",
    define: { "process.env.NODE_ENV": '"production"' },
    metafile: true,
    logLevel: "warning",
  });
  await copyFile(join(HERE, "tab/index.html"), join(outDir, "index.html"));
  const bytes = Object.entries(result.metafile.outputs)
    .filter(([file]) => file.endsWith(".js"))
    .reduce((sum, [, output]) => sum + output.bytes, 0);
  return { outDir, bytes };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2] ?? join(HERE, "../dist/teams-app");
  const { bytes } = await buildTeamsApp({ outDir });
  console.log(`Teams tab built to ${outDir} (${(bytes / 1024).toFixed(0)} KiB of JavaScript)`);
}
