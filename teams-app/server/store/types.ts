import type { AcknowledgementInput, AcknowledgementRecord, AuditResult } from "./record.js";

export interface AppendResult {
  readonly record: AcknowledgementRecord;
  /** False when the same person had already acknowledged the same policy version and text. */
  readonly created: boolean;
}

/** An administrator's action, kept in the audit (its own keyed chain, beside the evidence). */
export interface AdminActionInput {
  readonly action: "reminders" | "reminders-result";
  readonly actorTid: string;
  readonly actorOid: string;
  readonly actorUpn: string;
  readonly policyId: string;
  /** How many people the action concerned (reminders: the people confirmed). */
  readonly people: number;
  /** Free detail (counts sent / failed), JSON-safe. */
  readonly detail: string;
}

export interface AdminAction extends AdminActionInput {
  readonly seq: number;
  readonly at: string;
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * Where evidence lives. Implementations are append-only, keep the keyed hash chain and write its
 * head to a checkpoint log outside themselves; every one runs the same contract tests
 * (teams-app/test/store-contract.ts).
 */
export interface AcknowledgementStore {
  /** Appends a record chained to the last one, or returns the existing one for the same key. */
  append(input: AcknowledgementInput): Promise<AppendResult>;
  /** One person's records, oldest first. Users are keyed by tenant id + object id. */
  listForUser(tid: string, oid: string): Promise<readonly AcknowledgementRecord[]>;
  /** Every record, oldest first (status, export). */
  listAll(): Promise<readonly AcknowledgementRecord[]>;
  /** Recomputes the chain from the stored rows and compares it with the checkpoints. */
  verify(): Promise<AuditResult>;
  /**
   * Records a reminder round for `policyId` unless one was recorded at or after `notBefore`
   * (ISO time): atomic, so two admins (or two clicks) cannot both send. Undefined when refused.
   */
  claimReminder(input: AdminActionInput, notBefore: string): Promise<AdminAction | undefined>;
  recordAdminAction(input: AdminActionInput): Promise<AdminAction>;
  listAdminActions(): Promise<readonly AdminAction[]>;
  close(): Promise<void>;
}

export class StoreError extends Error {
  override readonly name = "StoreError";
}
