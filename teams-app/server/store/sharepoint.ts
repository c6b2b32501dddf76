import type { Client } from "@microsoft/microsoft-graph-client";
import { pageAll } from "../graph-client.js";
import { acknowledgementKey, GENESIS_HASH, sealRecord, verifyChain } from "./record.js";
import type { AcknowledgementInput, AcknowledgementRecord, AuditResult } from "./record.js";
import { StoreError, type AcknowledgementStore, type AppendResult } from "./types.js";

/**
 * Evidence kept in a SharePoint list inside the school's own tenant, through Microsoft Graph
 * (app-only; the app is granted Sites.Selected with write on that one site).
 *
 * List columns (internal names): Title (policy id), Seq (number, indexed), Tid, Oid, Upn,
 * DisplayName, FullName, PolicyId, Version, TextHash, AcknowledgedAt, PrevHash, RecordHash.
 * SharePoint lets site owners edit items, so append-only is enforced by permissions plus the
 * hash chain, which `verify` recomputes and which exposes any edit or deletion.
 * Appends are serialised in this process; run one writer instance per list.
 */
export interface SharePointStoreOptions {
  readonly client: Client;
  readonly siteId: string;
  readonly listId: string;
  readonly now?: () => Date;
}

/** Filtering on non-indexed columns needs this header (Graph: "may fail on large lists"). */
export const NON_INDEXED_QUERY_HEADER = { Prefer: "HonorNonIndexedQueriesWarningMayFailRandomly" } as const;

interface ListItemFields {
  Title?: string;
  Seq?: number;
  Tid?: string;
  Oid?: string;
  Upn?: string;
  DisplayName?: string;
  FullName?: string;
  PolicyId?: string;
  Version?: string;
  TextHash?: string;
  AcknowledgedAt?: string;
  PrevHash?: string;
  RecordHash?: string;
}

interface ListItem {
  id: string;
  fields?: ListItemFields;
}

const SELECT = "Seq,Tid,Oid,Upn,DisplayName,FullName,PolicyId,Version,TextHash,AcknowledgedAt,PrevHash,RecordHash";

export class SharePointAcknowledgementStore implements AcknowledgementStore {
  private readonly itemsPath: string;
  private readonly now: () => Date;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: SharePointStoreOptions) {
    this.itemsPath = `/sites/${encodeURIComponent(options.siteId)}/lists/${encodeURIComponent(options.listId)}/items`;
    this.now = options.now ?? (() => new Date());
  }

  append(input: AcknowledgementInput): Promise<AppendResult> {
    const run = this.tail.then(() => this.appendNow(input));
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async appendNow(input: AcknowledgementInput): Promise<AppendResult> {
    const key = acknowledgementKey(input);
    const existing = (await this.listForUser(input.tid, input.oid)).find(
      (record) => acknowledgementKey(record) === key,
    );
    if (existing) return { record: existing, created: false };
    const head = await this.head();
    const record = sealRecord(input, (head?.seq ?? 0) + 1, this.now().toISOString(), head?.hash ?? GENESIS_HASH);
    await this.options.client.api(this.itemsPath).post({ fields: toFields(record) });
    return { record, created: true };
  }

  /** The newest record: Seq is an indexed column, so ordering by it needs no warning header. */
  private async head(): Promise<AcknowledgementRecord | undefined> {
    const page = (await this.options.client
      .api(`${this.itemsPath}?expand=fields(select=${SELECT})&$orderby=fields/Seq desc&$top=1`)
      .get()) as { value: ListItem[] };
    const item = page.value[0];
    return item ? fromItem(item) : undefined;
  }

  async listForUser(tid: string, oid: string): Promise<readonly AcknowledgementRecord[]> {
    const filter = `fields/Tid eq '${odataString(tid)}' and fields/Oid eq '${odataString(oid)}'`;
    const items = await pageAll<ListItem>(
      this.options.client,
      `${this.itemsPath}?expand=fields(select=${SELECT})&$filter=${filter}&$top=200`,
      NON_INDEXED_QUERY_HEADER,
    );
    return items.map(fromItem).sort((a, b) => a.seq - b.seq);
  }

  async listAll(): Promise<readonly AcknowledgementRecord[]> {
    const items = await pageAll<ListItem>(
      this.options.client,
      `${this.itemsPath}?expand=fields(select=${SELECT})&$top=999`,
    );
    return items.map(fromItem).sort((a, b) => a.seq - b.seq);
  }

  async verify(): Promise<AuditResult> {
    return verifyChain(await this.listAll());
  }

  async close(): Promise<void> {
    await this.tail;
  }
}

function odataString(value: string): string {
  return value.replace(/'/g, "''");
}

function toFields(record: AcknowledgementRecord): ListItemFields {
  return {
    Title: record.policyId,
    Seq: record.seq,
    Tid: record.tid,
    Oid: record.oid,
    Upn: record.upn,
    DisplayName: record.displayName,
    FullName: record.fullName,
    PolicyId: record.policyId,
    Version: record.version,
    TextHash: record.textHash,
    AcknowledgedAt: record.acknowledgedAt,
    PrevHash: record.prevHash,
    RecordHash: record.hash,
  };
}

function fromItem(item: ListItem): AcknowledgementRecord {
  const f = item.fields;
  if (!f || typeof f.Seq !== "number" || !f.Tid || !f.Oid || !f.RecordHash || !f.PrevHash || !f.AcknowledgedAt) {
    throw new StoreError(`SharePoint list item ${item.id} is not an acknowledgement record.`);
  }
  return {
    seq: f.Seq,
    tid: f.Tid,
    oid: f.Oid,
    upn: f.Upn ?? "",
    displayName: f.DisplayName ?? "",
    fullName: f.FullName ?? "",
    policyId: f.PolicyId ?? "",
    version: f.Version ?? "",
    textHash: f.TextHash ?? "",
    acknowledgedAt: f.AcknowledgedAt,
    prevHash: f.PrevHash,
    hash: f.RecordHash,
  };
}
