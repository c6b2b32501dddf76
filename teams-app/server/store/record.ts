import { createHmac, timingSafeEqual } from "node:crypto";

/** What the caller asserts when acknowledging; identity fields come from the validated token only. */
export interface AcknowledgementInput {
  readonly tid: string;
  readonly oid: string;
  readonly upn: string;
  readonly displayName: string;
  readonly fullName: string;
  /** Whether the typed name reasonably matches the directory display name (text.ts `namesMatch`). */
  readonly nameMatch: boolean;
  readonly policyId: string;
  readonly version: string;
  readonly textHash: string;
}

/** One evidence record, as stored: append-only, chained to the record before it. */
export interface AcknowledgementRecord extends AcknowledgementInput {
  readonly seq: number;
  /** Server time (ISO 8601, UTC) when the record was written. */
  readonly acknowledgedAt: string;
  readonly prevHash: string;
  readonly hash: string;
}

export const GENESIS_HASH = "0".repeat(64);

/** Version tag inside the canonical form, so the serialisation can evolve without ambiguity. */
const CANONICAL_VERSION = "spg-ack-2";
const CHECKPOINT_VERSION = "spg-head-1";

/**
 * Canonical serialisation: a JSON array in a fixed field order. JSON.stringify of (NFC,
 * well-formed) strings, booleans and integers is deterministic, so the same record always hashes
 * the same on any store.
 */
export function canonicalForm(record: Omit<AcknowledgementRecord, "hash">): string {
  return JSON.stringify([
    CANONICAL_VERSION,
    record.seq,
    record.tid,
    record.oid,
    record.upn,
    record.displayName,
    record.fullName,
    record.nameMatch,
    record.policyId,
    record.version,
    record.textHash,
    record.acknowledgedAt,
    record.prevHash,
  ]);
}

/**
 * The key that seals the chain. It lives in configuration (Key Vault), never in the store: whoever
 * can edit the database cannot recompute a hash, so a rewrite, an insertion or a forged record
 * shows up in `verify`.
 */
export class AuditKey {
  readonly #key: Buffer;
  constructor(key: Buffer) {
    if (key.length < 16) throw new Error("The audit key is too short.");
    this.#key = Buffer.from(key);
  }
  mac(text: string): string {
    return createHmac("sha256", this.#key).update(text, "utf8").digest("hex");
  }
  equal(a: string, b: string): boolean {
    const left = Buffer.from(a, "utf8");
    const right = Buffer.from(b, "utf8");
    return left.length === right.length && timingSafeEqual(left, right);
  }
}

export function recordHash(key: AuditKey, record: Omit<AcknowledgementRecord, "hash">): string {
  return key.mac(canonicalForm(record));
}

export function sealRecord(
  key: AuditKey,
  input: AcknowledgementInput,
  seq: number,
  acknowledgedAt: string,
  prevHash: string,
): AcknowledgementRecord {
  const unsealed = {
    tid: input.tid,
    oid: input.oid,
    upn: input.upn,
    displayName: input.displayName,
    fullName: input.fullName,
    nameMatch: input.nameMatch,
    policyId: input.policyId,
    version: input.version,
    textHash: input.textHash,
    seq,
    acknowledgedAt,
    prevHash,
  };
  return { ...unsealed, hash: recordHash(key, unsealed) };
}

/** A signed chain head, written outside the store (checkpoint.ts). */
export interface Checkpoint {
  readonly seq: number;
  readonly hash: string;
  readonly at: string;
  readonly mac: string;
}

export function signCheckpoint(key: AuditKey, head: { seq: number; hash: string }, at: string): Checkpoint {
  return {
    seq: head.seq,
    hash: head.hash,
    at,
    mac: key.mac(JSON.stringify([CHECKPOINT_VERSION, head.seq, head.hash, at])),
  };
}

export function checkpointValid(key: AuditKey, checkpoint: Checkpoint): boolean {
  return key.equal(
    key.mac(JSON.stringify([CHECKPOINT_VERSION, checkpoint.seq, checkpoint.hash, checkpoint.at])),
    checkpoint.mac,
  );
}

export type AuditProblemKind =
  | "hash-mismatch"
  | "broken-link"
  | "sequence-gap"
  | "time-goes-back"
  | "records-missing"
  | "checkpoint-mismatch"
  | "checkpoint-forged"
  | "no-checkpoint"
  | "head-mismatch"
  | "trigger-missing";

export interface AuditProblem {
  readonly seq: number;
  readonly problem: AuditProblemKind;
  readonly detail: string;
}

export interface AuditResult {
  readonly ok: boolean;
  readonly records: number;
  readonly headHash: string;
  readonly problems: readonly AuditProblem[];
  /** The newest checkpoint the chain was compared with, if any. */
  readonly checkpoint?: { readonly seq: number; readonly at: string };
}

/**
 * Recomputes every keyed hash and link in order and reports each record that no longer fits:
 * an edit (even with a recomputed plain hash), an insertion, a gap, a record whose time goes
 * backwards (back-dating). Then compares with the checkpoints written outside the store: a
 * checkpointed head that is no longer in the chain means newer records were deleted or the tail
 * was rewritten.
 */
export function verifyChain(
  key: AuditKey,
  records: Iterable<AcknowledgementRecord>,
  checkpoints: readonly Checkpoint[] = [],
  options: { requireCheckpoint?: boolean } = {},
): AuditResult {
  const problems: AuditProblem[] = [];
  const wanted = new Map<number, Checkpoint[]>();
  for (const checkpoint of checkpoints) {
    if (!checkpointValid(key, checkpoint)) {
      problems.push({
        seq: checkpoint.seq,
        problem: "checkpoint-forged",
        detail: "a checkpoint's signature is not valid",
      });
      continue;
    }
    wanted.set(checkpoint.seq, [...(wanted.get(checkpoint.seq) ?? []), checkpoint]);
  }
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let lastTime = "";
  let count = 0;
  for (const record of records) {
    count += 1;
    if (record.seq !== expectedSeq) {
      problems.push({
        seq: record.seq,
        problem: "sequence-gap",
        detail: `expected record ${expectedSeq}, found ${record.seq}: records are missing`,
      });
    }
    if (record.prevHash !== expectedPrev) {
      problems.push({
        seq: record.seq,
        problem: "broken-link",
        detail: "previous-record hash does not match the record before it",
      });
    }
    const { hash: stored, ...unsealed } = record;
    if (!key.equal(recordHash(key, unsealed), stored)) {
      problems.push({
        seq: record.seq,
        problem: "hash-mismatch",
        detail: "record content was changed after it was written, or it was not written by this service",
      });
    }
    if (record.acknowledgedAt < lastTime) {
      problems.push({
        seq: record.seq,
        problem: "time-goes-back",
        detail: `written at ${record.acknowledgedAt}, before the record preceding it (${lastTime})`,
      });
    }
    for (const checkpoint of wanted.get(record.seq) ?? []) {
      if (checkpoint.hash !== record.hash)
        problems.push({
          seq: record.seq,
          problem: "checkpoint-mismatch",
          detail: `the checkpoint of ${checkpoint.at} recorded a different record ${record.seq}: the chain was rewritten from here`,
        });
    }
    wanted.delete(record.seq);
    if (record.acknowledgedAt > lastTime) lastTime = record.acknowledgedAt;
    expectedPrev = record.hash;
    expectedSeq = record.seq + 1;
  }
  const newest = checkpoints.filter((checkpoint) => checkpointValid(key, checkpoint)).sort((a, b) => b.seq - a.seq)[0];
  for (const [seq, list] of wanted) {
    if (seq === 0) continue;
    const checkpoint = list[0];
    problems.push({
      seq,
      problem: "records-missing",
      detail: `the checkpoint of ${checkpoint?.at ?? "?"} recorded record ${seq}, which is no longer in the store: records were deleted`,
    });
  }
  if (options.requireCheckpoint && count > 0 && !newest) {
    problems.push({
      seq: expectedSeq - 1,
      problem: "no-checkpoint",
      detail: "there are records but no checkpoint outside the store: the whole chain could have been replaced",
    });
  }
  return {
    ok: problems.length === 0,
    records: count,
    headHash: expectedPrev,
    problems,
    ...(newest ? { checkpoint: { seq: newest.seq, at: newest.at } } : {}),
  };
}

/** The key that makes an acknowledgement idempotent: the same person agreeing to the same text. */
export function acknowledgementKey(
  value: Pick<AcknowledgementInput, "tid" | "oid" | "policyId" | "version" | "textHash">,
): string {
  return [value.tid, value.oid, value.policyId, value.version, value.textHash].join("\u0000");
}

const ADMIN_VERSION = "spg-admin-1";

/** Keyed hash of an administrator's action (its own chain: prevHash is the previous action's hash). */
export function adminActionHash(
  key: AuditKey,
  action: {
    seq: number;
    at: string;
    action: string;
    actorTid: string;
    actorOid: string;
    actorUpn: string;
    policyId: string;
    people: number;
    detail: string;
    prevHash: string;
  },
): string {
  return key.mac(
    JSON.stringify([
      ADMIN_VERSION,
      action.seq,
      action.at,
      action.action,
      action.actorTid,
      action.actorOid,
      action.actorUpn,
      action.policyId,
      action.people,
      action.detail,
      action.prevHash,
    ]),
  );
}
