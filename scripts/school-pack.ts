import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadPolicy } from "../policy/pack/load.js";
import { isPresetId, presetPath } from "../policy/presets/index.js";
import { loadCatalogue } from "../teams-app/server/catalogue.js";

/** The seed schools' acceptable-use documents (policy/documents/), which their presets name. */
const SEED_DOCUMENTS = fileURLToPath(new URL("../policy/documents/", import.meta.url));

export interface SchoolPackOptions {
  /** A preset id or a pack file to start from (the school's own pack when updating). */
  readonly from: string;
  /** The school's acceptable-use text as Markdown. */
  readonly document?: string;
  readonly title?: string;
  readonly version?: string;
  readonly effectiveDate?: string;
  /** Which of the pack's documents the text replaces (default: the first). */
  readonly documentId?: string;
  /** Folder for pack.json and documents/ (e.g. `school`). */
  readonly out: string;
}

export class SchoolPackError extends Error {
  override readonly name = "SchoolPackError";
}

interface DocumentEntry {
  id: string;
  title: string;
  version: string;
  effectiveDate: string;
  file: string;
  sha256: string;
}

const sha256 = (path: string) => createHash("sha256").update(readFileSync(path, "utf8"), "utf8").digest("hex");

/**
 * Writes `<out>/pack.json` and `<out>/documents/` from a preset or the school's pack: the school's
 * own acceptable-use text copied in, its title, version and date set, and every document's SHA-256
 * recomputed, then checks the result as the service will (the pack validates, every hash matches).
 */
export function writeSchoolPack(options: SchoolPackOptions): { pack: string; documents: string } {
  const source = isPresetId(options.from) ? presetPath(options.from) : options.from;
  if (!existsSync(source)) throw new SchoolPackError(`No preset or pack file ${options.from}.`);
  const json = JSON.parse(readFileSync(source, "utf8")) as {
    $schema?: string;
    acknowledgements?: { documents?: DocumentEntry[] };
  };
  const sourceDocuments = isPresetId(options.from) ? SEED_DOCUMENTS : join(options.from, "../documents");
  const documentsDir = join(options.out, "documents");
  mkdirSync(documentsDir, { recursive: true });
  const documents = json.acknowledgements?.documents ?? [];
  if (options.document) {
    const index = options.documentId ? documents.findIndex((doc) => doc.id === options.documentId) : 0;
    const entry = documents[index];
    if (!entry) throw new SchoolPackError(`The pack has no document ${options.documentId ?? "to replace"}.`);
    const file = basename(options.document)
      .toLowerCase()
      .replace(/[^a-z0-9.-]+/g, "-");
    if (!file.endsWith(".md")) throw new SchoolPackError("The acceptable-use text must be a Markdown (.md) file.");
    copyFileSync(options.document, join(documentsDir, file));
    entry.file = file;
    if (options.title) entry.title = options.title;
    if (options.version) entry.version = options.version;
    if (options.effectiveDate) entry.effectiveDate = options.effectiveDate;
  }
  // A pack copied from a preset to a folder of its own ("cp policy/presets/st-dunstans.json my-school.json")
  // still names the preset's documents: they are read from the seed schools' folder (a new user's trial).
  for (const doc of documents) {
    const target = join(documentsDir, doc.file);
    if (existsSync(target)) continue;
    const found = [sourceDocuments, SEED_DOCUMENTS].map((dir) => join(dir, doc.file)).find((path) => existsSync(path));
    if (found === undefined)
      throw new SchoolPackError(
        `The pack names the document ${doc.file}, which is not in ${sourceDocuments}: put it there, or give the school's text with --document.`,
      );
    mkdirSync(join(target, ".."), { recursive: true });
    copyFileSync(found, target);
  }
  for (const doc of documents) doc.sha256 = sha256(join(documentsDir, doc.file));
  delete json.$schema;
  const packPath = join(options.out, "pack.json");
  writeFileSync(packPath, JSON.stringify(json, null, 2) + "\n");
  loadCatalogue(loadPolicy(packPath), documentsDir);
  return { pack: packPath, documents: documentsDir };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      from: { type: "string", default: "st-john-payne" },
      document: { type: "string" },
      title: { type: "string" },
      version: { type: "string" },
      "effective-date": { type: "string" },
      "document-id": { type: "string" },
      out: { type: "string", default: "school" },
    },
  });
  try {
    const written = writeSchoolPack({
      from: values.from ?? "st-john-payne",
      out: values.out ?? "school",
      ...(values.document ? { document: values.document } : {}),
      ...(values.title ? { title: values.title } : {}),
      ...(values.version ? { version: values.version } : {}),
      ...(values["effective-date"] ? { effectiveDate: values["effective-date"] } : {}),
      ...(values["document-id"] ? { documentId: values["document-id"] } : {}),
    });
    console.log(`Wrote ${written.pack} and ${written.documents}/ (pack valid, every document's SHA-256 matches).`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
