import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { Checkpointer, MemoryCheckpointLog, type CheckpointLog } from "./checkpoint.js";
import { adminActionHash, AuditKey, GENESIS_HASH, sealRecord, verifyChain } from "./record.js";
import type { AcknowledgementInput, AcknowledgementRecord, AuditProblem, AuditResult } from "./record.js";
import {
  StoreError,
  type AcknowledgementStore,
  type AdminAction,
  type AdminActionInput,
  type AppendResult,
} from "./types.js";

/**
 * Schema migrations, applied in order; PRAGMA user_version records how many have run.
 * Never edit a shipped migration: add a new one. Triggers are not migrations: they are
 * (re)created at every start (see TRIGGERS) and `verify` reports any that is missing or altered.
 */
const MIGRATIONS: readonly ((db: Database.Database) => void)[] = [
  (db) =>
    db.exec(`CREATE TABLE acknowledgements (
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
   CREATE INDEX acknowledgements_by_policy ON acknowledgements (policy_id);`),
  // v2: keyed (HMAC) hashes, the name-match flag and the administrators' actions. Records sealed
  // with the pre-release plain SHA-256 cannot be re-sealed without forging them: refuse, loudly.
  (db) => {
    const { count } = db.prepare<[], { count: number }>("SELECT count(*) AS count FROM acknowledgements").get() ?? {
      count: 0,
    };
    if (count > 0)
      throw new StoreError(
        `This database holds ${count} records in the pre-release (unkeyed) format. Keep it as the evidence of that period and start a new DATABASE_PATH.`,
      );
    db.exec(`DROP TABLE acknowledgements;
     CREATE TABLE acknowledgements (
       seq INTEGER PRIMARY KEY,
       tid TEXT NOT NULL,
       oid TEXT NOT NULL,
       upn TEXT NOT NULL,
       display_name TEXT NOT NULL,
       full_name TEXT NOT NULL,
       name_match INTEGER NOT NULL CHECK (name_match IN (0, 1)),
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
     CREATE TABLE admin_actions (
       seq INTEGER PRIMARY KEY,
       at TEXT NOT NULL,
       action TEXT NOT NULL,
       actor_tid TEXT NOT NULL,
       actor_oid TEXT NOT NULL,
       actor_upn TEXT NOT NULL,
       policy_id TEXT NOT NULL,
       people INTEGER NOT NULL,
       detail TEXT NOT NULL,
       prev_hash TEXT NOT NULL,
       hash TEXT NOT NULL UNIQUE
     ) STRICT;
     CREATE INDEX admin_actions_by_policy ON admin_actions (action, policy_id, at);`);
  },
];

/** Append-only guards, by name; recreated at start, checked by `verify`. */
export const TRIGGERS: Readonly<Record<string, string>> = {
  acknowledgements_no_update: `CREATE TRIGGER acknowledgements_no_update BEFORE UPDATE ON acknowledgements BEGIN SELECT RAISE(ABORT, 'acknowledgements are append-only'); END`,
  acknowledgements_no_delete: `CREATE TRIGGER acknowledgements_no_delete BEFORE DELETE ON acknowledgements BEGIN SELECT RAISE(ABORT, 'acknowledgements are append-only'); END`,
  admin_actions_no_update: `CREATE TRIGGER admin_actions_no_update BEFORE UPDATE ON admin_actions BEGIN SELECT RAISE(ABORT, 'admin actions are append-only'); END`,
  admin_actions_no_delete: `CREATE TRIGGER admin_actions_no_delete BEFORE DELETE ON admin_actions BEGIN SELECT RAISE(ABORT, 'admin actions are append-only'); END`,
};

const squash = (sql: string) => sql.replace(/\s+/g, " ").trim().toLowerCase();

interface Row {
  seq: number;
  tid: string;
  oid: string;
  upn: string;
  display_name: string;
  full_name: string;
  name_match: number;
  policy_id: string;
  version: string;
  text_hash: string;
  acknowledged_at: string;
  prev_hash: string;
  hash: string;
}

interface AdminRow {
  seq: number;
  at: string;
  action: string;
  actor_tid: string;
  actor_oid: string;
  actor_upn: string;
  policy_id: string;
  people: number;
  detail: string;
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
    nameMatch: row.name_match === 1,
    policyId: row.policy_id,
    version: row.version,
    textHash: row.text_hash,
    acknowledgedAt: row.acknowledged_at,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

function fromAdminRow(row: AdminRow): AdminAction {
  return {
    seq: row.seq,
    at: row.at,
    action: row.action === "reminders-result" ? "reminders-result" : "reminders",
    actorTid: row.actor_tid,
    actorOid: row.actor_oid,
    actorUpn: row.actor_upn,
    policyId: row.policy_id,
    people: row.people,
    detail: row.detail,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export interface SqliteStoreOptions {
  readonly path: string;
  /** The chain's HMAC key (from configuration, never from the database). */
  readonly key: Buffer | AuditKey;
  /** Where signed heads go; tests that are not about checkpoints may omit it (kept in memory). */
  readonly checkpoints?: CheckpointLog;
  readonly now?: () => Date;
}

export function migrate(db: Database.Database): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  MIGRATIONS.forEach((migration, index) => {
    if (index < current) return;
    db.transaction(() => {
      migration(db);
      db.pragma(`user_version = ${index + 1}`);
    }).immediate();
  });
}

interface Pending {
  readonly input: AcknowledgementInput;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/**
 * The embedded default store. WAL with synchronous=NORMAL: a committed transaction survives a
 * crash of this process (kill -9); only a power cut can lose the last commits.
 *
 * Group commit: appends that arrive in the same turn of the event loop are written in one
 * IMMEDIATE transaction (each still its own record, chained in arrival order) and answered only
 * after it commits. IMMEDIATE takes the write lock before reading the chain head, so two
 * processes on one file cannot fork the chain.
 */
export class SqliteAcknowledgementStore implements AcknowledgementStore {
  readonly db: Database.Database;
  readonly checkpointer: Checkpointer;
  private readonly key: AuditKey;
  private readonly now: () => Date;
  private readonly writeBatch: (batch: readonly Pending[]) => AppendResult[];
  private readonly claimTransaction: (input: AdminActionInput, notBefore: string) => AdminAction | undefined;
  private readonly recordAction: (input: AdminActionInput) => AdminAction;
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(options: SqliteStoreOptions) {
    if (options.path !== ":memory:") mkdirSync(dirname(options.path), { recursive: true });
    this.key = options.key instanceof AuditKey ? options.key : new AuditKey(options.key);
    this.now = options.now ?? (() => new Date());
    this.checkpointer = new Checkpointer(this.key, options.checkpoints ?? new MemoryCheckpointLog(), {
      now: this.now,
    });
    this.db = new Database(options.path);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("busy_timeout = 5000");
    const fresh = (this.db.pragma("user_version", { simple: true }) as number) === 0;
    migrate(this.db);
    this.ensureTriggers(!fresh);

    const findByKey = this.db.prepare<[string, string, string, string, string], Row>(
      "SELECT * FROM acknowledgements WHERE tid = ? AND oid = ? AND policy_id = ? AND version = ? AND text_hash = ?",
    );
    const last = this.db.prepare<[], Pick<Row, "seq" | "hash" | "acknowledged_at">>(
      "SELECT seq, hash, acknowledged_at FROM acknowledgements ORDER BY seq DESC LIMIT 1",
    );
    const insert = this.db.prepare(
      `INSERT INTO acknowledgements (seq, tid, oid, upn, display_name, full_name, name_match, policy_id, version,
         text_hash, acknowledged_at, prev_hash, hash)
       VALUES (@seq, @tid, @oid, @upn, @displayName, @fullName, @nameMatchInt, @policyId, @version, @textHash,
         @acknowledgedAt, @prevHash, @hash)`,
    );
    const batch = this.db.transaction((items: readonly Pending[]): AppendResult[] => {
      const previous = last.get();
      let seq = previous?.seq ?? 0;
      let prevHash = previous?.hash ?? GENESIS_HASH;
      // Time never goes backwards along the chain, even if the clock does.
      const clock = this.now().toISOString();
      const at = previous && previous.acknowledged_at > clock ? previous.acknowledged_at : clock;
      const results: AppendResult[] = [];
      for (const { input } of items) {
        const existing = findByKey.get(input.tid, input.oid, input.policyId, input.version, input.textHash);
        if (existing) {
          results.push({ record: fromRow(existing), created: false });
          continue;
        }
        const record = sealRecord(this.key, input, seq + 1, at, prevHash);
        insert.run({ ...record, nameMatchInt: record.nameMatch ? 1 : 0 });
        seq = record.seq;
        prevHash = record.hash;
        results.push({ record, created: true });
      }
      return results;
    });
    this.writeBatch = (items) => batch.immediate(items);

    const lastAction = this.db.prepare<[], Pick<AdminRow, "seq" | "hash">>(
      "SELECT seq, hash FROM admin_actions ORDER BY seq DESC LIMIT 1",
    );
    const recentReminder = this.db.prepare<[string, string], { seq: number }>(
      "SELECT seq FROM admin_actions WHERE action = 'reminders' AND policy_id = ? AND at >= ? LIMIT 1",
    );
    const insertAction = this.db.prepare(
      `INSERT INTO admin_actions (seq, at, action, actor_tid, actor_oid, actor_upn, policy_id, people, detail, prev_hash, hash)
       VALUES (@seq, @at, @action, @actorTid, @actorOid, @actorUpn, @policyId, @people, @detail, @prevHash, @hash)`,
    );
    const appendAction = (input: AdminActionInput): AdminAction => {
      const previous = lastAction.get();
      const unsealed = {
        ...input,
        seq: (previous?.seq ?? 0) + 1,
        at: this.now().toISOString(),
        prevHash: previous?.hash ?? GENESIS_HASH,
      };
      const action: AdminAction = { ...unsealed, hash: adminActionHash(this.key, unsealed) };
      insertAction.run(action);
      return action;
    };
    const claim = this.db.transaction((input: AdminActionInput, notBefore: string) =>
      recentReminder.get(input.policyId, notBefore) ? undefined : appendAction(input),
    );
    this.claimTransaction = (input, notBefore) => claim.immediate(input, notBefore);
    const record = this.db.transaction((input: AdminActionInput) => appendAction(input));
    this.recordAction = (input) => record.immediate(input);
  }

  /** (Re)creates the append-only triggers: a trigger dropped while the service was down comes back. */
  private ensureTriggers(warn: boolean): void {
    const existing = new Map(
      this.db
        .prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        .all()
        .map((row) => [row.name, row.sql]),
    );
    this.db
      .transaction(() => {
        for (const [name, sql] of Object.entries(TRIGGERS)) {
          const found = existing.get(name);
          if (found !== undefined && squash(found) === squash(sql)) continue;
          if (found !== undefined) this.db.exec(`DROP TRIGGER "${name}"`);
          this.db.exec(sql);
          if (warn)
            console.warn(
              `[teams-app] the append-only trigger ${name} was ${found ? "altered" : "missing"}: recreated.`,
            );
        }
      })
      .immediate();
  }

  /** Trigger problems as `verify` reports them. */
  triggerProblems(): AuditProblem[] {
    const existing = new Map(
      this.db
        .prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        .all()
        .map((row) => [row.name, row.sql]),
    );
    return Object.entries(TRIGGERS).flatMap(([name, sql]): AuditProblem[] => {
      const found = existing.get(name);
      if (found !== undefined && squash(found) === squash(sql)) return [];
      return [
        {
          seq: 0,
          problem: "trigger-missing",
          detail: `the append-only trigger ${name} is ${found === undefined ? "missing" : "altered"}: someone changed the database schema (it is recreated at the next start)`,
        },
      ];
    });
  }

  append(input: AcknowledgementInput): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flushQueue());
      }
    });
  }

  private flushQueue(): void {
    this.scheduled = false;
    const items = this.queue;
    this.queue = [];
    if (items.length === 0) return;
    let results: AppendResult[];
    try {
      results = this.writeBatch(items);
    } catch (error) {
      for (const item of items) item.reject(error);
      return;
    }
    let head: AcknowledgementRecord | undefined;
    items.forEach((item, index) => {
      const result = results[index];
      if (!result) return item.reject(new StoreError("The append produced no record."));
      if (result.created && (!head || result.record.seq > head.seq)) head = result.record;
      item.resolve(result);
    });
    if (head) this.checkpointer.note(head);
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
    await this.checkpointer.flush();
    const checkpoints = await this.checkpointer.readAll();
    const rows = this.db.prepare<[], Row>("SELECT * FROM acknowledgements ORDER BY seq").iterate();
    const result = verifyChain(
      this.key,
      (function* () {
        for (const row of rows) yield fromRow(row);
      })(),
      checkpoints,
      { requireCheckpoint: true },
    );
    const problems = [...this.triggerProblems(), ...result.problems, ...this.adminProblems()];
    return { ...result, ok: problems.length === 0, problems };
  }

  private adminProblems(): AuditProblem[] {
    const problems: AuditProblem[] = [];
    let prev = GENESIS_HASH;
    let expected = 1;
    for (const action of this.db.prepare<[], AdminRow>("SELECT * FROM admin_actions ORDER BY seq").iterate()) {
      const value = fromAdminRow(action);
      const { hash, ...unsealed } = value;
      if (
        value.seq !== expected ||
        value.prevHash !== prev ||
        !this.key.equal(adminActionHash(this.key, unsealed), hash)
      )
        problems.push({
          seq: value.seq,
          problem: "hash-mismatch",
          detail: `administrator action ${value.seq} was changed, inserted or follows a deletion`,
        });
      prev = hash;
      expected = value.seq + 1;
    }
    return problems;
  }

  async claimReminder(input: AdminActionInput, notBefore: string): Promise<AdminAction | undefined> {
    return this.claimTransaction(input, notBefore);
  }

  async recordAdminAction(input: AdminActionInput): Promise<AdminAction> {
    return this.recordAction(input);
  }

  async listAdminActions(): Promise<readonly AdminAction[]> {
    return this.db.prepare<[], AdminRow>("SELECT * FROM admin_actions ORDER BY seq").all().map(fromAdminRow);
  }

  async close(): Promise<void> {
    if (this.queue.length > 0) this.flushQueue();
    await this.checkpointer.close();
    if (this.db.open) this.db.close();
  }
}
