import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { generateManifests, manifestOptionsFromArgs } from "./manifest.js";

/**
 * Sideloads the add-in into the developer's own Outlook with office-addin-debugging, pointing at the
 * files `npm start` serves on https://localhost:3000. office-addin-debugging is not a dependency:
 * installing it as an optional one pulled in thousands of lockfile lines of optional peers and still
 * left it uninstalled here, so it is used when the developer has installed it.
 */
const require = createRequire(import.meta.url);
const { out, ...options } = manifestOptionsFromArgs(process.argv.slice(2));
const generated = await generateManifests(options, out);
const manifest = resolve(generated.dir, "manifest.json");
let cli: string | undefined;
try {
  cli = require.resolve("office-addin-debugging/cli.js");
} catch {
  cli = undefined;
}
if (!cli) {
  console.log(
    [
      `Wrote ${manifest} (and manifest.xml) for ${options.host}.`,
      "office-addin-debugging is not installed. On a developer machine with Outlook (Windows, or the web):",
      "  npx office-addin-dev-certs install      # once: trusts a localhost certificate",
      "  npm start                                # serves the add-in on https://localhost:3000",
      "  npm install --no-save office-addin-debugging",
      `  npx office-addin-debugging start ${manifest} desktop --app outlook`,
      "Or by hand: upload dist/appPackage.zip (npm run package) in Teams → Apps → Manage your apps →",
      "Upload an app (the add-in comes with it), or in Outlook → Get Add-ins → My add-ins → Add a custom",
      `add-in → Add from file, choose ${resolve(generated.dir, "manifest.xml")} (the only way on a Mac).`,
    ].join("\n"),
  );
  process.exit(0);
}
const result = spawnSync(process.execPath, [cli, "start", manifest, "desktop", "--app", "outlook"], {
  stdio: "inherit",
});
process.exit(result.status ?? 1);
