import Database from "better-sqlite3";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";

export interface BackupResult {
  readonly path: string;
  readonly acknowledgements: number;
  readonly pages: number;
}

export class BackupError extends Error {
  override readonly name = "BackupError";
}

/**
 * Copies the evidence database with SQLite's online backup API while the service keeps running
 * (better-sqlite3's `backup()`: a consistent snapshot, whatever is being written meanwhile), then
 * opens the copy read-only and checks it: `PRAGMA integrity_check` and the row count. The copy is
 * written beside its final name and renamed only once it has passed, so a failed backup never
 * replaces a good one.
 */
export async function backupDatabase(database: string, out: string): Promise<BackupResult> {
  if (!existsSync(database)) throw new BackupError(`No database at ${database}.`);
  const target = resolve(out);
  if (target === resolve(database)) throw new BackupError("The backup must not overwrite the database itself.");
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const source = new Database(database, { readonly: true, fileMustExist: true });
  try {
    await source.backup(partial);
  } finally {
    source.close();
  }
  const checked = verifyDatabase(partial);
  renameSync(partial, target);
  return { ...checked, path: target };
}

/** Opens a database read-only and checks its integrity; used on every backup and before a restore. */
export function verifyDatabase(path: string): BackupResult {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new BackupError(`${path} fails SQLite's integrity check: ${String(integrity)}`);
    const row = db.prepare("SELECT count(*) AS n FROM acknowledgements").get() as { n: number } | undefined;
    const pages = db.pragma("page_count", { simple: true });
    return { path, acknowledgements: row?.n ?? 0, pages: typeof pages === "number" ? pages : 0 };
  } finally {
    db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      database: { type: "string", default: process.env.DATABASE_PATH },
      out: { type: "string" },
      verify: { type: "string" },
    },
  });
  try {
    if (values.verify) {
      const result = verifyDatabase(values.verify);
      console.log(`${result.path}: integrity ok, ${result.acknowledgements} acknowledgements.`);
    } else {
      if (!values.database || !values.out) {
        throw new BackupError(
          "Usage: npm run backup -- --database <acknowledgements.db> --out <backup file>  |  --verify <file>",
        );
      }
      const result = await backupDatabase(values.database, values.out);
      console.log(`Backed up ${result.acknowledgements} acknowledgements to ${result.path} (integrity ok).`);
    }
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
