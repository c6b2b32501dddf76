import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { Checkpointer, MemoryCheckpointLog, type CheckpointLog } from "./checkpoint.js";
import { SqliteWriter, type Head, type WriterRow } from "./sqlite-writer.js";
import { acknowledgementKey, adminActionHash, AuditKey, GENESIS_HASH, sealRecord, verifyChain } from "./record.js";
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

function toWriterRow(record: AcknowledgementRecord): WriterRow {
  return {
    seq: record.seq,
    tid: record.tid,
    oid: record.oid,
    upn: record.upn,
    displayName: record.displayName,
    fullName: record.fullName,
    nameMatch: record.nameMatch ? 1 : 0,
    policyId: record.policyId,
    version: record.version,
    textHash: record.textHash,
    acknowledgedAt: record.acknowledgedAt,
    prevHash: record.prevHash,
    hash: record.hash,
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
  /** Where the periodic `audit-checkpoint` log line goes (console.log; benchmarks silence it). */
  readonly logger?: (line: string) => void;
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
 * Group commit on a writer thread (sqlite-writer.ts): appends are sealed here and committed
 * there in one IMMEDIATE transaction per batch — everything that arrived while the previous
 * batch was being written — and answered only after it commits. The thread commits a batch only
 * if the chain head and the acknowledgement keys are as this process sealed them on, so two
 * processes on one file cannot fork the chain. Reads, migrations, triggers and administrator
 * actions use this thread's own connection (`db`). A file path is required (no ":memory:").
 */
export class SqliteAcknowledgementStore implements AcknowledgementStore {
  readonly db: Database.Database;
  readonly checkpointer: Checkpointer;
  private readonly key: AuditKey;
  private readonly now: () => Date;
  private readonly writer: SqliteWriter;
  /** The chain head as this process last saw it commit; the writer thread checks it. */
  private head: Head | undefined;
  private writing = false;
  private readonly claimTransaction: (input: AdminActionInput, notBefore: string) => AdminAction | undefined;
  private readonly recordAction: (input: AdminActionInput) => AdminAction;
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(options: SqliteStoreOptions) {
    if (options.path === ":memory:")
      throw new StoreError("The SQLite store needs a file (its writer thread opens it).");
    mkdirSync(dirname(options.path), { recursive: true });
    this.key = options.key instanceof AuditKey ? options.key : new AuditKey(options.key);
    this.now = options.now ?? (() => new Date());
    this.checkpointer = new Checkpointer(this.key, options.checkpoints ?? new MemoryCheckpointLog(), {
      now: this.now,
      ...(options.logger ? { logger: options.logger } : {}),
    });
    this.db = new Database(options.path);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("busy_timeout = 5000");
    const fresh = (this.db.pragma("user_version", { simple: true }) as number) === 0;
    migrate(this.db);
    this.ensureTriggers(!fresh);

    const last = this.db
      .prepare<[], Pick<Row, "seq" | "hash" | "acknowledged_at">>(
        "SELECT seq, hash, acknowledged_at FROM acknowledgements ORDER BY seq DESC LIMIT 1",
      )
      .get();
    this.head = last ? { seq: last.seq, hash: last.hash, at: last.acknowledged_at } : undefined;
    this.writer = new SqliteWriter(options.path);

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
    if (this.writing || this.queue.length === 0) return;
    this.writing = true;
    void (async () => {
      try {
        while (this.queue.length > 0) {
          const items = this.queue;
          this.queue = [];
          await this.writeItems(items);
        }
      } finally {
        this.writing = false;
      }
    })();
  }

  /**
   * Seals the batch on the head this process knows and hands it to the writer thread; if the
   * thread finds another head (another process wrote) or an existing acknowledgement, nothing was
   * committed: take its head, answer the existing ones, seal the rest again.
   */
  private async writeItems(items: readonly Pending[]): Promise<void> {
    // The same acknowledgement twice in one batch: the first creates, the others get its record.
    const groups = new Map<string, Pending[]>();
    for (const item of items) {
      const key = acknowledgementKey(item.input);
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
    let pending = [...groups.values()];
    const settle = (group: Pending[], record: AcknowledgementRecord, created: boolean) =>
      group.forEach((item, index) => item.resolve({ record, created: created && index === 0 }));
    for (let attempt = 0; attempt < 20 && pending.length > 0; attempt += 1) {
      const clock = this.now().toISOString();
      const at = this.head && this.head.at > clock ? this.head.at : clock;
      let seq = this.head?.seq ?? 0;
      let prevHash = this.head?.hash ?? GENESIS_HASH;
      const records = pending.map((group) => {
        const [first] = group as [Pending, ...Pending[]];
        const record = sealRecord(this.key, first.input, seq + 1, at, prevHash);
        seq = record.seq;
        prevHash = record.hash;
        return record;
      });
      let reply;
      try {
        reply = await this.writer.write(this.head, records.map(toWriterRow));
      } catch (error) {
        for (const group of pending) for (const item of group) item.reject(error);
        return;
      }
      if (reply.ok) {
        pending.forEach((group, index) => {
          const record = records[index];
          if (record) settle(group, record, true);
        });
        const newest = records[records.length - 1];
        if (newest) {
          this.head = { seq: newest.seq, hash: newest.hash, at: newest.acknowledgedAt };
          this.checkpointer.note(newest);
        }
        return;
      }
      this.head = reply.head ?? undefined;
      const existing = new Map(reply.existing.map((entry) => [entry.index, fromRow(entry.row as unknown as Row)]));
      pending = pending.filter((group, index) => {
        const record = existing.get(index);
        if (record) settle(group, record, false);
        return !record;
      });
    }
    for (const group of pending)
      for (const item of group) item.reject(new StoreError("The acknowledgement store is too busy: try again."));
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
    while (this.writing || this.queue.length > 0) {
      this.flushQueue();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await this.writer.close();
    await this.checkpointer.close();
    if (this.db.open) this.db.close();
  }
}
