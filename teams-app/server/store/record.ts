import { createHash } from "node:crypto";

/** What the caller asserts when acknowledging; identity fields come from the validated token only. */
export interface AcknowledgementInput {
  readonly tid: string;
  readonly oid: string;
  readonly upn: string;
  readonly displayName: string;
  readonly fullName: string;
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
const CANONICAL_VERSION = "spg-ack-1";

/**
 * Canonical serialisation: a JSON array in a fixed field order. JSON.stringify of strings and
 * integers is deterministic, so the same record always hashes the same on any store.
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
    record.policyId,
    record.version,
    record.textHash,
    record.acknowledgedAt,
    record.prevHash,
  ]);
}

export function recordHash(record: Omit<AcknowledgementRecord, "hash">): string {
  return createHash("sha256").update(canonicalForm(record), "utf8").digest("hex");
}

export function sealRecord(
  input: AcknowledgementInput,
  seq: number,
  acknowledgedAt: string,
  prevHash: string,
): AcknowledgementRecord {
  const unsealed = { ...input, seq, acknowledgedAt, prevHash };
  return { ...unsealed, hash: recordHash(unsealed) };
}

export interface AuditProblem {
  readonly seq: number;
  readonly problem: "hash-mismatch" | "broken-link" | "sequence-gap";
  readonly detail: string;
}

export interface AuditResult {
  readonly ok: boolean;
  readonly records: number;
  readonly headHash: string;
  readonly problems: readonly AuditProblem[];
}

/** Recomputes every hash and link in order; reports each record that no longer fits the chain. */
export function verifyChain(records: Iterable<AcknowledgementRecord>): AuditResult {
  const problems: AuditProblem[] = [];
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
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
    const { hash: _stored, ...unsealed } = record;
    if (recordHash(unsealed) !== record.hash) {
      problems.push({
        seq: record.seq,
        problem: "hash-mismatch",
        detail: "record content was changed after it was written",
      });
    }
    expectedPrev = record.hash;
    expectedSeq = record.seq + 1;
  }
  return { ok: problems.length === 0, records: count, headHash: expectedPrev, problems };
}

/** The key that makes an acknowledgement idempotent: the same person agreeing to the same text. */
export function acknowledgementKey(
  value: Pick<AcknowledgementInput, "tid" | "oid" | "policyId" | "version" | "textHash">,
): string {
  return [value.tid, value.oid, value.policyId, value.version, value.textHash].join("\u0000");
}
