import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { zipSync } from "fflate";
import { loadPolicy } from "../policy/pack/load.js";
import { loadCatalogue } from "../teams-app/server/catalogue.js";
import { checkBuild } from "../server/settings.js";

const REPO_ROOT = fileURLToPath(new URL("../", import.meta.url));

/** The only native module the service needs at run time, and what it loads. */
const RUNTIME_MODULES = ["better-sqlite3", "bindings", "file-uri-to-path"] as const;

export interface ServicePackageOptions {
  /** The built folder (`npm run build`). */
  readonly distDir: string;
  /** The school's pack file (or a preset id). */
  readonly policy: string;
  /** The folder the pack's document paths are relative to. */
  readonly documentsDir: string;
  readonly out: string;
}

export interface ServicePackage {
  readonly out: string;
  readonly files: number;
  readonly bytes: number;
  readonly warnings: readonly string[];
}

export class ServicePackageError extends Error {
  override readonly name = "ServicePackageError";
}

/**
 * The zip App Service runs as it is (zip deploy, no build on the server): the built site and the
 * service bundle under dist/, better-sqlite3's compiled module, the school's pack and documents under
 * school/, and a package.json whose `start` runs the service. Refuses a development build, a pack
 * that does not validate and a document whose text does not match the SHA-256 in the pack.
 */
export function packageService(options: ServicePackageOptions): ServicePackage {
  const distDir = resolve(options.distDir);
  const build = checkBuild(distDir);
  if (!existsSync(join(distDir, "server/main.mjs"))) {
    throw new ServicePackageError(`${distDir}/server/main.mjs is missing: run \`npm run build\` first.`);
  }
  if (build.problems.length > 0) throw new ServicePackageError(build.problems.join("\n"));
  const pack = loadPolicy(options.policy);
  const catalogue = loadCatalogue(pack, options.documentsDir);

  const files: Record<string, Uint8Array> = {};
  const add = (from: string, to: string) => {
    files[to] = new Uint8Array(readFileSync(from));
  };
  const addTree = (from: string, to: string, keep: (path: string) => boolean = () => true) => {
    for (const entry of readdirSync(from)) {
      const path = join(from, entry);
      if (statSync(path).isDirectory()) addTree(path, `${to}/${entry}`, keep);
      else if (keep(path)) add(path, `${to}/${entry}`);
    }
  };
  for (const folder of ["addin", "teams-app", "assets", "manifest", "server"])
    addTree(join(distDir, folder), `dist/${folder}`);
  for (const name of RUNTIME_MODULES) {
    const dir = join(REPO_ROOT, "node_modules", name);
    // The compiled module and the JavaScript that loads it; not its C sources (several MB).
    addTree(dir, `node_modules/${name}`, (path) => {
      const inside = relative(dir, path);
      return !inside.startsWith("src") && !inside.startsWith("deps") && !inside.includes("/obj.target/");
    });
  }
  files["school/pack.json"] = new TextEncoder().encode(JSON.stringify(pack, null, 2) + "\n");
  for (const meta of pack.acknowledgements.documents)
    add(join(options.documentsDir, meta.file), `school/documents/${meta.file}`);
  files["package.json"] = new TextEncoder().encode(
    JSON.stringify(
      {
        name: "school-policy-guard-service",
        private: true,
        type: "module",
        engines: { node: `${process.versions.node.split(".")[0] ?? "20"}.x` },
        scripts: { start: "node dist/server/main.mjs" },
        builtWith: {
          node: process.versions.node,
          modules: process.versions.modules,
          platform: `${process.platform}-${process.arch}`,
        },
      },
      null,
      2,
    ) + "\n",
  );

  const warnings: string[] = [];
  if (process.platform !== "linux" || process.arch !== "x64") {
    warnings.push(
      `better-sqlite3 was compiled for ${process.platform}-${process.arch}; App Service on Linux needs linux-x64: ` +
        "build in Azure Cloud Shell, WSL or a Linux machine.",
    );
  }
  if (catalogue.documents.size === 0) warnings.push("The pack lists no acknowledgement documents.");
  const zip = zipSync(files, { level: 6 });
  writeFileSync(options.out, zip);
  return { out: options.out, files: Object.keys(files).length, bytes: zip.byteLength, warnings };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      dist: { type: "string", default: "dist" },
      policy: { type: "string" },
      documents: { type: "string", default: join(REPO_ROOT, "policy/documents") },
      out: { type: "string", default: "dist/service.zip" },
    },
  });
  try {
    if (!values.policy) throw new ServicePackageError("Give --policy <your pack file> (and --documents <folder>).");
    const result = packageService({
      distDir: values.dist ?? "dist",
      policy: values.policy,
      documentsDir: values.documents ?? join(REPO_ROOT, "policy/documents"),
      out: values.out ?? "dist/service.zip",
    });
    for (const warning of result.warnings) console.warn(`Warning: ${warning}`);
    console.log(`Wrote ${result.out}: ${result.files} files, ${(result.bytes / 1024 / 1024).toFixed(1)} MB.`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
