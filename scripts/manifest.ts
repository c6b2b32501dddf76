import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { drawIcon } from "../manifests/icons.js";
import { unifiedManifest } from "../manifests/unified.js";
import { validateUnifiedManifest, validateXmlManifest } from "../manifests/validate.js";
import { xmlManifest } from "../manifests/xml.js";
import type { ManifestOptions } from "../manifests/source.js";

/** Placeholder client id for local builds: the manifests validate, Entra sign-in is not wired. */
export const LOCAL_CLIENT_ID = "00000000-0000-0000-0000-000000000000";

// https only: the manifests' own validation refuses any other URL, so say so before anything is built.
const optionsSchema = z.object({
  host: z.url({
    protocol: /^https$/,
    error: (issue) =>
      `--host must be an https:// URL such as https://policyguard.school.org.uk (got ${String(issue.input)})`,
  }),
  // Any GUID, as the manifests' own schemas take it (8-4-4-4-12 hex digits): z.uuid() also wants RFC 9562's
  // version and variant digits, and refused a test id such as 11111111-2222-3333-4444-555555555555 while
  // saying only "a GUID like …" (a new user's trial).
  clientId: z.guid({
    error: (issue) =>
      `--client-id must be the Entra app's client id, a GUID of 32 hex digits as 8-4-4-4-12 like ${LOCAL_CLIENT_ID} (got ${String(issue.input)})`,
  }),
  appId: z.guid({ message: "--app-id must be a GUID of 32 hex digits as 8-4-4-4-12" }).optional(),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, { message: "--version must look like 1.2.3" }),
});

export interface GeneratedManifests {
  readonly dir: string;
  readonly unified: Record<string, unknown>;
  readonly xml: string;
}

/** Generates, validates and writes both manifests and the icons into `outDir`. Throws on any problem. */
export async function generateManifests(options: ManifestOptions, outDir: string): Promise<GeneratedManifests> {
  const unified = unifiedManifest(options);
  const xml = xmlManifest(options);
  const problems = [...(await validateUnifiedManifest(unified)), ...validateXmlManifest(xml)];
  if (problems.length > 0) throw new Error(`Invalid manifest:\n  - ${problems.join("\n  - ")}`);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "manifest.json"), JSON.stringify(unified, null, 2) + "\n");
  writeFileSync(join(outDir, "manifest.xml"), xml);
  writeFileSync(join(outDir, "color.png"), drawIcon(192, "colour"));
  writeFileSync(join(outDir, "outline.png"), drawIcon(32, "outline"));
  return { dir: outDir, unified, xml };
}

/** The PNGs the manifests point at under /assets/ (served by `npm start` and deployed with the add-in). */
export function writeAssetIcons(assetsDir: string): void {
  mkdirSync(assetsDir, { recursive: true });
  for (const size of [16, 32, 64, 80, 128])
    writeFileSync(join(assetsDir, `icon-${size}.png`), drawIcon(size, "colour"));
}

export function manifestOptionsFromArgs(args: readonly string[]): ManifestOptions & { out: string } {
  const { values } = parseArgs({
    args: [...args],
    options: {
      host: { type: "string", default: "https://localhost:3000" },
      "client-id": { type: "string", default: LOCAL_CLIENT_ID },
      "app-id": { type: "string" },
      version: { type: "string", default: "1.0.0" },
      out: { type: "string", default: "manifests/generated" },
    },
  });
  const parsed = optionsSchema.safeParse({
    host: values.host,
    clientId: values["client-id"],
    appId: values["app-id"],
    version: values.version,
  });
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join("; "));
  return { ...parsed.data, out: values.out ?? "manifests/generated" };
}

/** The options a manifest is made with, as `--help` lists them (`npm run package` takes the same). */
export const MANIFEST_OPTIONS = `  --host       where the add-in is served (default https://localhost:3000, for sideloading on this machine)
  --client-id  the Entra app registration's client id (default the all-zero GUID: sign-in not wired)
  --app-id     the manifest id to keep across versions (default the client id)
  --version    the add-in's version (default 1.0.0)
`;

/** What `npm run manifest -- --help` prints. */
export const MANIFEST_USAGE = `usage: npm run manifest -- [--host <https URL>] [--client-id <GUID>] [--app-id <GUID>] [--version 1.2.3] [--out <dir>]

Writes manifest.json (the unified manifest: new Outlook, Outlook on the web, Windows) and manifest.xml (the
add-in-only manifest Outlook for Mac and mobile still need), both validated offline, and the icons.
${MANIFEST_OPTIONS}  --out        the folder to write to (default manifests/generated)
`;

/**
 * Why manifests (or a package) made with `args` are fit only for this machine: the defaults point the
 * add-in at https://localhost:3000 and carry no Entra app's client id, so uploaded to a tenant it would
 * load nothing and sign nobody in. Empty when `--host` and `--client-id` are the school's own.
 */
export function localOnlyReasons(args: readonly string[]): string[] {
  const { host, clientId } = manifestOptionsFromArgs(args);
  const reasons: string[] = [];
  if (/^https:\/\/(?:localhost|127\.0\.0\.1)(?::|\/|$)/i.test(host)) reasons.push(`--host is ${host}`);
  if (clientId === LOCAL_CLIENT_ID) reasons.push("--client-id is the all-zero placeholder");
  return reasons;
}

/**
 * The warning for output made with `args` when it is fit only for this machine (undefined when it is the
 * school's own), telling how to rerun `npm run <command>` for the tenant. One text for every command.
 */
export function localOnlyWarning(args: readonly string[], command: string): string | undefined {
  const reasons = localOnlyReasons(args);
  if (reasons.length === 0) return undefined;
  // The school's own host with no client id loads the add-in in the tenant; only sign-in is missing.
  if (reasons.length === 1 && reasons[0]?.startsWith("--client-id")) {
    const { host } = manifestOptionsFromArgs(args);
    return (
      `The add-in will load from ${host}, but the Teams tab cannot sign anyone in (${reasons[0]}): ` +
      `it needs your Entra app's client id. npm run ${command} -- --host ` +
      `${host} --client-id <your Entra app's client id> (docs/deploy.md).`
    );
  }
  return (
    `For sideloading on this machine only (${reasons.join("; ")}). For your tenant: ` +
    `npm run ${command} -- --host https://<your site> --client-id <your Entra app's client id> (docs/deploy.md).`
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    if (process.argv.includes("--help") || process.argv.includes("-h")) {
      console.log(MANIFEST_USAGE);
      process.exit(0);
    }
    const { out, ...options } = manifestOptionsFromArgs(process.argv.slice(2));
    const generated = await generateManifests(options, out);
    console.log(`Wrote manifest.json (unified, validated offline), manifest.xml and icons to ${generated.dir}`);
    const warning = localOnlyWarning(process.argv.slice(2), "manifest");
    if (warning) console.warn(warning);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
}
