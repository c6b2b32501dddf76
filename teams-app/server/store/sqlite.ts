import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { GENESIS_HASH, sealRecord, verifyChain } from "./record.js";
import type { AcknowledgementInput, AcknowledgementRecord, AuditResult } from "./record.js";
import type { AcknowledgementStore, AppendResult } from "./types.js";

/**
 * Schema migrations, applied in order; PRAGMA user_version records how many have run.
 * Never edit a shipped migration: add a new one.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE acknowledgements (
     seq INTEGER PRIMARY KEY,
     tid TEXT NOT NULL,
     oid TEXT NOT NULL,
     upn TEXT NOT NULL,
     display_name TEXT NOT NULL,
     full_name TEXT NOT NULL,
     policy_id TEXT NOT NULL,
     version TEXT NOT NULL,
     text_hash TEXT NOT NULL,
     acknowledged_at TEXT NOT NULL,
     prev_hash TEXT NOT NULL,
     hash TEXT NOT NULL UNIQUE,
     UNIQUE (tid, oid, policy_id, version, text_hash)
   ) STRICT;
   CREATE INDEX acknowledgements_by_user ON acknowledgements (tid, oid);
   CREATE INDEX acknowledgements_by_policy ON acknowledgements (policy_id);
   CREATE TRIGGER acknowledgements_no_update BEFORE UPDATE ON acknowledgements
     BEGIN SELECT RAISE(ABORT, 'acknowledgements are append-only'); END;
   CREATE TRIGGER acknowledgements_no_delete BEFORE DELETE ON acknowledgements
     BEGIN SELECT RAISE(ABORT, 'acknowledgements are append-only'); END;`,
];

interface Row {
  seq: number;
  tid: string;
  oid: string;
  upn: string;
  display_name: string;
  full_name: string;
  policy_id: string;
  version: string;
  text_hash: string;
  acknowledged_at: string;
  prev_hash: string;
  hash: string;
}

function fromRow(row: Row): AcknowledgementRecord {
  return {
    seq: row.seq,
    tid: row.tid,
    oid: row.oid,
    upn: row.upn,
    displayName: row.display_name,
    fullName: row.full_name,
    policyId: row.policy_id,
    version: row.version,
    textHash: row.text_hash,
    acknowledgedAt: row.acknowledged_at,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export interface SqliteStoreOptions {
  readonly path: string;
  readonly now?: () => Date;
}

export function migrate(db: Database.Database): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  MIGRATIONS.forEach((migration, index) => {
    if (index < current) return;
    db.transaction(() => {
      db.exec(migration);
      db.pragma(`user_version = ${index + 1}`);
    }).immediate();
  });
}

/**
 * The embedded default store. WAL with synchronous=NORMAL: a committed transaction survives a
 * crash of this process (kill -9); only a power cut can lose the last commits.
 */
export class SqliteAcknowledgementStore implements AcknowledgementStore {
  readonly db: Database.Database;
  private readonly now: () => Date;
  private readonly appendTransaction: (input: AcknowledgementInput) => AppendResult;

  constructor(options: SqliteStoreOptions) {
    if (options.path !== ":memory:") mkdirSync(dirname(options.path), { recursive: true });
    this.db = new Database(options.path);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("busy_timeout = 5000");
    migrate(this.db);
    this.now = options.now ?? (() => new Date());

    const findByKey = this.db.prepare<[string, string, string, string, string], Row>(
      "SELECT * FROM acknowledgements WHERE tid = ? AND oid = ? AND policy_id = ? AND version = ? AND text_hash = ?",
    );
    const last = this.db.prepare<[], Pick<Row, "seq" | "hash">>(
      "SELECT seq, hash FROM acknowledgements ORDER BY seq DESC LIMIT 1",
    );
    const insert = this.db.prepare(
      `INSERT INTO acknowledgements (seq, tid, oid, upn, display_name, full_name, policy_id, version, text_hash,
         acknowledged_at, prev_hash, hash)
       VALUES (@seq, @tid, @oid, @upn, @displayName, @fullName, @policyId, @version, @textHash,
         @acknowledgedAt, @prevHash, @hash)`,
    );
    const transaction = this.db.transaction((input: AcknowledgementInput): AppendResult => {
      const existing = findByKey.get(input.tid, input.oid, input.policyId, input.version, input.textHash);
      if (existing) return { record: fromRow(existing), created: false };
      const previous = last.get();
      const record = sealRecord(
        input,
        (previous?.seq ?? 0) + 1,
        this.now().toISOString(),
        previous?.hash ?? GENESIS_HASH,
      );
      insert.run(record);
      return { record, created: true };
    });
    // IMMEDIATE takes the write lock before reading the chain head, so two processes cannot fork it.
    this.appendTransaction = (input) => transaction.immediate(input);
  }

  async append(input: AcknowledgementInput): Promise<AppendResult> {
    return this.appendTransaction(input);
  }

  async listForUser(tid: string, oid: string): Promise<readonly AcknowledgementRecord[]> {
    return this.db
      .prepare<[string, string], Row>("SELECT * FROM acknowledgements WHERE tid = ? AND oid = ? ORDER BY seq")
      .all(tid, oid)
      .map(fromRow);
  }

  async listAll(): Promise<readonly AcknowledgementRecord[]> {
    return this.db.prepare<[], Row>("SELECT * FROM acknowledgements ORDER BY seq").all().map(fromRow);
  }

  async verify(): Promise<AuditResult> {
    const rows = this.db.prepare<[], Row>("SELECT * FROM acknowledgements ORDER BY seq").iterate();
    return verifyChain(
      (function* () {
        for (const row of rows) yield fromRow(row);
      })(),
    );
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
