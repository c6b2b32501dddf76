import type { AcknowledgementInput, AcknowledgementRecord, AuditResult } from "./record.js";

export interface AppendResult {
  readonly record: AcknowledgementRecord;
  /** False when the same person had already acknowledged the same policy version and text. */
  readonly created: boolean;
}

/**
 * Where evidence lives. Implementations are append-only and keep the hash chain; every one runs
 * the same contract tests (teams-app/test/store-contract.ts).
 */
export interface AcknowledgementStore {
  /** Appends a record chained to the last one, or returns the existing one for the same key. */
  append(input: AcknowledgementInput): Promise<AppendResult>;
  /** One person's records, oldest first. Users are keyed by tenant id + object id. */
  listForUser(tid: string, oid: string): Promise<readonly AcknowledgementRecord[]>;
  /** Every record, oldest first (status, export). */
  listAll(): Promise<readonly AcknowledgementRecord[]>;
  /** Recomputes the chain from the stored rows. */
  verify(): Promise<AuditResult>;
  close(): Promise<void>;
}

export class StoreError extends Error {
  override readonly name = "StoreError";
}
