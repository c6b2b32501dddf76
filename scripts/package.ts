import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { zipSync } from "fflate";
import { generateManifests, localOnlyWarning, manifestOptionsFromArgs } from "./manifest.js";

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
