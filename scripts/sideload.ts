import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { generateManifests, manifestOptionsFromArgs } from "./manifest.js";

/**
 * Sideloads the add-in into the developer's own Outlook with office-addin-debugging. That package is
 * not a dependency (it needs keytar, which needs libsecret on Linux), so it is used when present.
 */
const require = createRequire(import.meta.url);
const { out, ...options } = manifestOptionsFromArgs(process.argv.slice(2));
const generated = await generateManifests(options, out);
let cli: string | undefined;
try {
  cli = require.resolve("office-addin-debugging/cli.js");
} catch {
  cli = undefined;
}
if (!cli) {
  console.log(
    [
      "office-addin-debugging is not installed. On a developer machine (Windows or macOS with Outlook):",
      "  npm install --no-save office-addin-debugging",
      "  npx office-addin-dev-certs install",
      `  npx office-addin-debugging start ${generated.dir}/manifest.json desktop --app outlook`,
      "Or upload the manifest in Outlook: Get Add-ins → My add-ins → Add a custom add-in → Add from file.",
    ].join("\n"),
  );
  process.exit(0);
}
const result = spawnSync(
  process.execPath,
  [cli, "start", `${generated.dir}/manifest.json`, "desktop", "--app", "outlook"],
  {
    stdio: "inherit",
  },
);
process.exit(result.status ?? 1);
