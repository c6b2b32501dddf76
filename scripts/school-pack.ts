import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadPolicy } from "../policy/pack/load.js";
import type { PolicyPack } from "../policy/pack/schema.js";
import { isPresetId, PRESET_IDS, presetPath } from "../policy/presets/index.js";
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
  /** Which of the pack's documents the text, title, version and date are for (default: the first). */
  readonly documentId?: string;
  /** Folder for pack.json and documents/ (e.g. `school`). */
  readonly out: string;
  /** Overwrite `<out>/pack.json` even when it is another school's pack than the source's. */
  readonly force?: boolean;
}

/** The pack cannot be written as asked: the message says why and what to type instead. */
export class SchoolPackError extends Error {
  override readonly name = "SchoolPackError";
}

/** The command line is wrong (an unknown option, a missing value): the message is one line naming it. */
export class SchoolPackUsageError extends Error {
  override readonly name = "SchoolPackUsageError";
}

interface DocumentEntry {
  id: string;
  title: string;
  version: string;
  effectiveDate: string;
  file: string;
  sha256: string;
}

interface PackJson {
  $schema?: string;
  school?: { name?: unknown };
  acknowledgements?: { documents?: DocumentEntry[] };
}

const sha256 = (path: string) => createHash("sha256").update(readFileSync(path, "utf8"), "utf8").digest("hex");

/** The `school.name` of a pack file, or undefined when the file is not JSON or names no school. */
function schoolNameOf(path: string): string | undefined {
  try {
    const name = (JSON.parse(readFileSync(path, "utf8")) as PackJson).school?.name;
    return typeof name === "string" ? name : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes `<out>/pack.json` and `<out>/documents/` from a preset or the school's pack: the school's
 * own acceptable-use text copied in, the chosen document's title, version and date set (with or
 * without new text), and every document's SHA-256 recomputed, then checks the result as the service
 * will (the pack validates, every hash matches). Returns the paths written.
 * Throws SchoolPackError for a missing source or document, a text that is not Markdown, or an
 * `<out>/pack.json` of another school than the source's without `force`; PolicyPackError or
 * CatalogueError when the result would not pass the service's checks.
 */
export function writeSchoolPack(options: SchoolPackOptions): { pack: string; documents: string } {
  const source = isPresetId(options.from) ? presetPath(options.from) : options.from;
  if (!existsSync(source)) throw new SchoolPackError(`No preset or pack file ${options.from}.`);
  const json = JSON.parse(readFileSync(source, "utf8")) as PackJson;
  const packPath = join(options.out, "pack.json");
  // Step 2's first command, typed again after the school made the pack its own, would put the preset's
  // school back over it without a word (a new user's trial): only the same school's pack is rewritten.
  if (!options.force && existsSync(packPath) && resolve(packPath) !== resolve(source)) {
    const existing = schoolNameOf(packPath);
    const incoming = typeof json.school?.name === "string" ? json.school.name : undefined;
    if (existing !== incoming) {
      throw new SchoolPackError(
        `${packPath} is already ${existing === undefined ? "a pack of its own" : `${existing}'s pack`}, and --from ${options.from} is ` +
          `${incoming ?? "another school"}'s: to update your pack, use --from ${packPath}; to start again from ${options.from}, add --force.`,
      );
    }
  }
  const sourceDocuments = isPresetId(options.from) ? SEED_DOCUMENTS : join(options.from, "../documents");
  const documentsDir = join(options.out, "documents");
  const documents = json.acknowledgements?.documents ?? [];
  const editsDocument = [options.document, options.title, options.version, options.effectiveDate, options.documentId];
  if (editsDocument.some((value) => value !== undefined)) {
    const index = options.documentId ? documents.findIndex((doc) => doc.id === options.documentId) : 0;
    const entry = documents[index];
    if (!entry) {
      const known = documents.map((doc) => doc.id).join(", ") || "none";
      throw new SchoolPackError(
        `The pack has no document ${options.documentId ?? "to update"} (its documents: ${known}).`,
      );
    }
    if (options.document) {
      const file = basename(options.document)
        .toLowerCase()
        .replace(/[^a-z0-9.-]+/g, "-");
      if (!file.endsWith(".md")) throw new SchoolPackError("The acceptable-use text must be a Markdown (.md) file.");
      mkdirSync(documentsDir, { recursive: true });
      copyFileSync(options.document, join(documentsDir, file));
      entry.file = file;
    }
    if (options.title) entry.title = options.title;
    if (options.version) entry.version = options.version;
    if (options.effectiveDate) entry.effectiveDate = options.effectiveDate;
  }
  mkdirSync(documentsDir, { recursive: true });
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
  writeFileSync(packPath, JSON.stringify(json, null, 2) + "\n");
  loadCatalogue(loadPolicy(packPath), documentsDir);
  return { pack: packPath, documents: documentsDir };
}

/** One value the school's pack still shares with a preset: where it is, what it is, whose it is. */
export interface PresetLeftover {
  /** The field, as `recipients.ccOnExternalToParents.cc[0].address`. */
  readonly path: string;
  readonly value: string;
  /** The `school.name` of the preset it came from. */
  readonly school: string;
  /** The step of docs/deploy.md that says how to make it the school's own. */
  readonly step: number;
  /** What to put there instead, in a few words. */
  readonly what: string;
}

/**
 * The values of `pack` identical to one of `presets`' (school name, mail domains, the Cc addresses,
 * each audience's Entra group id, a required disclaimer's text, an encryption subject tag, each clause's
 * quote), in that order. Pure: the caller loads both.
 * Right after step 2's first command they are all there; each one left when the service goes live
 * is another school's name, mailbox, group or sentence shown to staff.
 */
export function presetLeftovers(pack: PolicyPack, presets: readonly PolicyPack[]): PresetLeftover[] {
  const owner = (values: (preset: PolicyPack) => readonly (string | undefined)[], value: string) =>
    presets.find((preset) => values(preset).includes(value))?.school.name;
  const found: PresetLeftover[] = [];
  const check = (
    path: string,
    value: string | undefined,
    values: (preset: PolicyPack) => readonly (string | undefined)[],
    what: string,
  ) => {
    if (value === undefined) return;
    const school = owner(values, value);
    if (school !== undefined) found.push({ path, value, school, step: 2, what });
  };
  check("school.name", pack.school.name, (preset) => [preset.school.name], "your school's name");
  // The privacy page and every report print these: left as they are, they name another school (an IT
  // admin's trial: "Oakfield Primary, St John Payne School, 1 Example Avenue, Chelmsford").
  check("school.id", pack.school.id, (preset) => [preset.school.id], "a short id for your school");
  pack.school.address.lines.forEach((line, index) =>
    check(`school.address.lines[${index}]`, line, (preset) => preset.school.address.lines, "your school's address"),
  );
  check(
    "school.address.postcode",
    pack.school.address.postcode,
    (preset) => [preset.school.address.postcode],
    "your school's postcode",
  );
  pack.school.phones.forEach((phone, index) =>
    check(`school.phones[${index}]`, phone, (preset) => preset.school.phones, "your school's switchboard"),
  );
  pack.school.emailDomains.forEach((domain, index) =>
    check(`school.emailDomains[${index}]`, domain, (preset) => preset.school.emailDomains, "your school's mail domain"),
  );
  pack.recipients.ccOnExternalToParents.cc.forEach((cc, index) =>
    check(
      `recipients.ccOnExternalToParents.cc[${index}].address`,
      cc.address,
      (preset) => preset.recipients.ccOnExternalToParents.cc.map((other) => other.address),
      "your Head's or the designated mailbox",
    ),
  );
  pack.acknowledgements.audiences.forEach((audience, index) =>
    check(
      `acknowledgements.audiences[${index}].group.id`,
      audience.group.id,
      (preset) => preset.acknowledgements.audiences.map((other) => other.group.id),
      "your Entra group's Object ID",
    ),
  );
  // Placeholders a preset had to invent (its policy gives no wording): a disclaimer naming the preset's
  // school would go out on the school's mail, and a tag the gateway does not act on would let staff
  // "encrypt" with one click while the mail goes out in the clear (new users' trials).
  if (pack.etiquette.disclaimer.required)
    check(
      "etiquette.disclaimer.text",
      pack.etiquette.disclaimer.text,
      (preset) => [preset.etiquette.disclaimer.text],
      "your school's own disclaimer, or required: false if your mail server adds it",
    );
  const mechanism = pack.encryption.mechanism;
  if (pack.encryption.required && mechanism.kind === "subject-tag")
    check(
      "encryption.mechanism.tag",
      mechanism.tag,
      (preset) => [preset.encryption.mechanism.kind === "subject-tag" ? preset.encryption.mechanism.tag : undefined],
      "the tag your mail gateway encrypts on (keep it only if it is that)",
    );
  for (const [key, clause] of Object.entries(pack.clauses)) {
    check(
      `clauses.${key}.quote`,
      clause.quote,
      (preset) => Object.values(preset.clauses).map((other) => other.quote),
      "the sentence of your own policy",
    );
  }
  return found;
}

/** The warning `presetLeftovers` gives rise to, one line a field, or "" when there is none. */
export function formatLeftovers(leftovers: readonly PresetLeftover[]): string {
  if (leftovers.length === 0) return "";
  const shown = (value: string) => (value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return (
    `Warning: ${leftovers.length} value${leftovers.length === 1 ? " is" : "s are"} still a preset's; make them your school's before you deploy:\n` +
    leftovers
      .map(
        (leftover) =>
          `  still ${leftover.school}'s: ${leftover.path} (${shown(leftover.value)}): ${leftover.what}, docs/deploy.md step ${leftover.step}\n`,
      )
      .join("")
  );
}

/** What `--help` prints, and what follows a wrong option. */
export const USAGE = `usage: npx tsx scripts/school-pack.ts [--from <preset | pack.json>] [--document <text.md>] [--title <title>]
         [--version <version>] [--effective-date <YYYY-MM-DD>] [--document-id <id>] [--out <folder>] [--force]

Writes <out>/pack.json and <out>/documents/ for your school, recomputing every document's SHA-256 (docs/deploy.md step 2).
  --from            a preset (${PRESET_IDS.join(", ")}) or your pack file (default: st-john-payne)
  --document        your acceptable-use text as Markdown, replacing the chosen document's text
  --title           the chosen document's title
  --version         the chosen document's version (a new version is acknowledged again)
  --effective-date  the chosen document's date, as YYYY-MM-DD
  --document-id     which of the pack's documents the four above change (default: the first)
  --out             the folder to write (default: school)
  --force           overwrite <out>/pack.json even when it is another school's pack than --from's
  --help            this text
`;

const OPTIONS = {
  from: { type: "string" },
  document: { type: "string" },
  title: { type: "string" },
  version: { type: "string" },
  "effective-date": { type: "string" },
  "document-id": { type: "string" },
  out: { type: "string" },
  force: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/**
 * Reads the command line: `"help"` for --help, or the options for writeSchoolPack. Throws a
 * SchoolPackUsageError whose one-line message names an unknown option, a missing value or a stray word.
 */
export function parseSchoolPackArgs(argv: readonly string[]): SchoolPackOptions | "help" {
  // Find unknown options first, leniently, so the error names the option as typed rather than quoting
  // Node's advice about positional arguments.
  const { tokens } = parseArgs({ args: [...argv], options: OPTIONS, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind === "option" && !(token.name in OPTIONS)) {
      throw new SchoolPackUsageError(`unknown option ${token.rawName}`);
    }
  }
  const values = strictValues(argv);
  if (values.help) return "help";
  return {
    from: values.from ?? "st-john-payne",
    out: values.out ?? "school",
    ...(values.document !== undefined ? { document: values.document } : {}),
    ...(values.title !== undefined ? { title: values.title } : {}),
    ...(values.version !== undefined ? { version: values.version } : {}),
    ...(values["effective-date"] !== undefined ? { effectiveDate: values["effective-date"] } : {}),
    ...(values["document-id"] !== undefined ? { documentId: values["document-id"] } : {}),
    ...(values.force ? { force: true } : {}),
  };
}

/** The options, or a SchoolPackUsageError with the first line of Node's message (a missing value, a stray word). */
function strictValues(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, strict: true }).values;
  } catch (error) {
    const message = (error as Error).message.split("\n")[0] ?? "";
    throw new SchoolPackUsageError(message.charAt(0).toLowerCase() + message.slice(1));
  }
}

/**
 * Runs the command; returns the exit code: 0 written (warnings included) or --help, 1 when the pack
 * cannot be written (the message says why), 2 for a wrong command line (one line, then the usage).
 */
export function main(argv: readonly string[], out: (text: string) => void, err: (text: string) => void): number {
  let options: SchoolPackOptions | "help";
  try {
    options = parseSchoolPackArgs(argv);
  } catch (error) {
    if (!(error instanceof SchoolPackUsageError)) throw error;
    err(`school-pack: ${error.message}\n${USAGE}`);
    return 2;
  }
  if (options === "help") {
    out(USAGE);
    return 0;
  }
  try {
    const written = writeSchoolPack(options);
    out(`Wrote ${written.pack} and ${written.documents}/ (pack valid, every document's SHA-256 matches).\n`);
    out(
      formatLeftovers(
        presetLeftovers(
          loadPolicy(written.pack),
          PRESET_IDS.map((id) => loadPolicy(id)),
        ),
      ),
    );
    return 0;
  } catch (error) {
    err(`${(error as Error).message}\n`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = main(
    process.argv.slice(2),
    (text) => process.stdout.write(text),
    (text) => process.stderr.write(text),
  );
}
