import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { zipSync } from "fflate";
import { generateManifests, localOnlyWarning, MANIFEST_OPTIONS, manifestOptionsFromArgs } from "./manifest.js";

/** What `npm run package -- --help` prints: the manifest's options, since the package is built from it. */
export const PACKAGE_USAGE = `usage: npm run package -- [--host <https URL>] [--client-id <GUID>] [--app-id <GUID>] [--version 1.2.3]

Writes dist/appPackage.zip (the unified manifest, validated offline, with its colour and outline icons) to
upload in Teams or the Microsoft 365 admin centre; the options are the manifest's (npm run manifest -- --help).
${MANIFEST_OPTIONS}`;

/** Builds dist/appPackage.zip: the unified manifest with its colour and outline icons. */
export async function buildAppPackage(args: readonly string[], outFile = "dist/appPackage.zip"): Promise<string> {
  const { out, ...options } = manifestOptionsFromArgs(args);
  const generated = await generateManifests(options, out);
  const file = (name: string) => new Uint8Array(readFileSync(join(generated.dir, name)));
  const zip = zipSync({
    "manifest.json": file("manifest.json"),
    "color.png": file("color.png"),
    "outline.png": file("outline.png"),
  });
  mkdirSync(join(outFile, ".."), { recursive: true });
  writeFileSync(outFile, zip);
  return outFile;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const args = process.argv.slice(2);
    if (args.includes("--help") || args.includes("-h")) {
      console.log(PACKAGE_USAGE);
      process.exit(0);
    }
    const file = await buildAppPackage(args);
    const warning = localOnlyWarning(args, "package");
    if (warning) console.warn(`Wrote ${file}. ${warning}`);
    else
      console.log(
        `Wrote ${file} (manifest.json, color.png, outline.png). Upload it in Teams or the Microsoft 365 admin centre.`,
      );
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
}
