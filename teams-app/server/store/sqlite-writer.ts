import { Worker } from "node:worker_threads";

/**
 * The SQLite writer thread. Appends are committed on a connection of their own in a worker
 * thread, so a commit the disk stalls (7–50 ms under other I/O, measured) holds no HTTP request
 * but the ones waiting for it, and appends that arrive meanwhile go in the next transaction
 * (group commit grows with load by itself).
 *
 * The thread knows SQL, not hashing: the main thread seals records (HMAC, chain) on the head it
 * believes current and the thread commits them only if, inside its IMMEDIATE transaction, the
 * head is that one and no record has the same acknowledgement key. Otherwise it commits nothing
 * and answers with the real head and the existing rows, and the main thread seals again. So
 * another process on the same file cannot fork the chain, and the sealing code lives in one
 * place (record.ts). The thread's source is plain CommonJS (no TypeScript loader needed in it).
 */
const SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { createRequire } = require("node:module");
const Database = createRequire(workerData.requireFrom)("better-sqlite3");
const db = new Database(workerData.path);
db.pragma("journal_mode = WAL");
db.pragma("synchronous = NORMAL");
db.pragma("busy_timeout = 5000");
const last = db.prepare("SELECT seq, hash, acknowledged_at AS at FROM acknowledgements ORDER BY seq DESC LIMIT 1");
const find = db.prepare(
  "SELECT * FROM acknowledgements WHERE tid = ? AND oid = ? AND policy_id = ? AND version = ? AND text_hash = ?",
);
const insert = db.prepare(
  "INSERT INTO acknowledgements (seq, tid, oid, upn, display_name, full_name, name_match, policy_id, version, " +
    "text_hash, acknowledged_at, prev_hash, hash) VALUES (@seq, @tid, @oid, @upn, @displayName, @fullName, " +
    "@nameMatch, @policyId, @version, @textHash, @acknowledgedAt, @prevHash, @hash)",
);
const write = db.transaction((expected, rows) => {
  const head = last.get() || null;
  const existing = [];
  rows.forEach((row, index) => {
    const found = find.get(row.tid, row.oid, row.policyId, row.version, row.textHash);
    if (found) existing.push({ index, row: found });
  });
  const same = (head ? head.seq : 0) === (expected ? expected.seq : 0) && (head ? head.hash : null) === (expected ? expected.hash : null);
  if (!same || existing.length > 0) return { ok: false, head, existing };
  for (const row of rows) insert.run(row);
  return { ok: true };
});
parentPort.on("message", (message) => {
  if (message.type === "close") {
    db.close();
    parentPort.postMessage({ id: message.id, ok: true });
    return;
  }
  try {
    parentPort.postMessage({ id: message.id, ...write.immediate(message.expected, message.rows) });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: String((error && error.message) || error) });
  }
});
`;

export interface WriterRow {
  readonly seq: number;
  readonly tid: string;
  readonly oid: string;
  readonly upn: string;
  readonly displayName: string;
  readonly fullName: string;
  readonly nameMatch: 0 | 1;
  readonly policyId: string;
  readonly version: string;
  readonly textHash: string;
  readonly acknowledgedAt: string;
  readonly prevHash: string;
  readonly hash: string;
}

export interface Head {
  readonly seq: number;
  readonly hash: string;
  readonly at: string;
}

export type WriteReply =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly head: Head | null;
      readonly existing: readonly { readonly index: number; readonly row: Record<string, unknown> }[];
    };

export class SqliteWriter {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve(reply: WriteReply): void; reject(error: Error): void }>();
  private nextId = 0;
  private failure: Error | undefined;

  constructor(path: string) {
    this.worker = new Worker(SOURCE, { eval: true, workerData: { path, requireFrom: import.meta.url } });
    this.worker.unref();
    this.worker.on("message", (message: { id: number; error?: string } & Partial<WriteReply>) => {
      const waiter = this.waiting.get(message.id);
      if (!waiter) return;
      this.waiting.delete(message.id);
      if (message.error !== undefined) waiter.reject(new Error(message.error));
      else waiter.resolve(message as WriteReply);
    });
    const fail = (error: Error) => {
      this.failure = error;
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    };
    this.worker.on("error", fail);
    this.worker.on("exit", (code) => fail(new Error(`The SQLite writer thread stopped (${code}).`)));
  }

  write(expected: Head | undefined, rows: readonly WriterRow[]): Promise<WriteReply> {
    return this.send({ type: "write", expected: expected ?? null, rows });
  }

  async close(): Promise<void> {
    if (this.failure) return;
    await this.send({ type: "close" }).catch(() => undefined);
    await this.worker.terminate();
  }

  private send(message: Record<string, unknown>): Promise<WriteReply> {
    if (this.failure) return Promise.reject(this.failure);
    const id = (this.nextId += 1);
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ ...message, id });
    }).finally(() => {
      if (this.waiting.size === 0) this.worker.unref();
    }) as Promise<WriteReply>;
  }
}
