import { GraphError, type Client } from "@microsoft/microsoft-graph-client";
import { pageAll } from "../graph-client.js";
import { Checkpointer, MemoryCheckpointLog, type CheckpointLog } from "./checkpoint.js";
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
 * Evidence kept in a SharePoint list inside the school's own tenant, through Microsoft Graph
 * (app-only; the app is granted Sites.Selected with write on that one site).
 *
 * List columns (internal names): Title, Kind (`ack`, `head` or `admin`), Seq (number, indexed),
 * Tid, Oid, Upn, DisplayName, FullName, NameMatch (yes/no), PolicyId, Version, TextHash,
 * AcknowledgedAt, PrevHash, RecordHash, Detail (multiple lines of text).
 *
 * Several API instances may write to one list. One item of Kind `head` holds the newest record in
 * full; an append reads it with its ETag, seals the next record on it and replaces it with
 * `If-Match: <etag>` — Graph answers 412 Precondition Failed when another instance moved the head
 * first, and this instance reads the new head and tries again. Only then is the record posted as
 * its own item. So two instances never give two records one sequence number; a writer that dies
 * between the two steps leaves its record in the head item, copied to the list by the next append
 * (or reported by `verify`). Deleting the newest items is visible against the head item and
 * against the checkpoints kept outside the list.
 */
export interface SharePointStoreOptions {
  readonly client: Client;
  readonly siteId: string;
  readonly listId: string;
  readonly key: Buffer | AuditKey;
  readonly checkpoints?: CheckpointLog;
  readonly now?: () => Date;
  /** How many times an append re-reads the head after a 412 (default 50). */
  readonly maxAttempts?: number;
}

/** Filtering on non-indexed columns needs this header (Graph: "may fail on large lists"). */
export const NON_INDEXED_QUERY_HEADER = { Prefer: "HonorNonIndexedQueriesWarningMayFailRandomly" } as const;

interface ListItemFields {
  Title?: string;
  Kind?: string;
  Seq?: number;
  Tid?: string;
  Oid?: string;
  Upn?: string;
  DisplayName?: string;
  FullName?: string;
  NameMatch?: boolean;
  PolicyId?: string;
  Version?: string;
  TextHash?: string;
  AcknowledgedAt?: string;
  PrevHash?: string;
  RecordHash?: string;
  Detail?: string;
}

interface ListItem {
  id: string;
  eTag?: string;
  "@odata.etag"?: string;
  fields?: ListItemFields;
}

const SELECT =
  "Kind,Seq,Tid,Oid,Upn,DisplayName,FullName,NameMatch,PolicyId,Version,TextHash,AcknowledgedAt,PrevHash,RecordHash,Detail";

/** A head written by a writer that then stopped is copied to the list after this long. */
const REPAIR_AFTER_MS = 10_000;

export class SharePointAcknowledgementStore implements AcknowledgementStore {
  readonly checkpointer: Checkpointer;
  private readonly itemsPath: string;
  private readonly now: () => Date;
  private readonly key: AuditKey;
  private tail: Promise<unknown> = Promise.resolve();
  private headItemId: string | undefined;

  constructor(private readonly options: SharePointStoreOptions) {
    this.itemsPath = `/sites/${encodeURIComponent(options.siteId)}/lists/${encodeURIComponent(options.listId)}/items`;
    this.now = options.now ?? (() => new Date());
    this.key = options.key instanceof AuditKey ? options.key : new AuditKey(options.key);
    this.checkpointer = new Checkpointer(this.key, options.checkpoints ?? new MemoryCheckpointLog(), {
      now: this.now,
    });
  }

  /** Appends from this process go one at a time (fewer 412s); other processes are handled by ETag. */
  append(input: AcknowledgementInput): Promise<AppendResult> {
    const run = this.tail.then(() => this.appendNow(input));
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async appendNow(input: AcknowledgementInput): Promise<AppendResult> {
    const key = acknowledgementKey(input);
    const attempts = this.options.maxAttempts ?? 50;
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      const head = await this.readHead();
      if (head.record && acknowledgementKey(head.record) === key) return { record: head.record, created: false };
      const existing = (await this.listForUser(input.tid, input.oid)).find(
        (record) => acknowledgementKey(record) === key,
      );
      if (existing) return { record: existing, created: false };
      if (head.record) await this.repairIfStale(head.record);

      const clock = this.now().toISOString();
      const previousTime = head.record?.acknowledgedAt ?? "";
      const record = sealRecord(
        this.key,
        input,
        (head.record?.seq ?? 0) + 1,
        previousTime > clock ? previousTime : clock,
        head.record?.hash ?? GENESIS_HASH,
      );
      try {
        await this.options.client
          .api(`${this.itemsPath}/${encodeURIComponent(head.id)}/fields`)
          .header("If-Match", head.etag)
          .patch({ ...toFields(record), Kind: "head", Title: "chain-head" });
      } catch (error) {
        if (error instanceof GraphError && error.statusCode === 412) {
          // Another instance appended first: read its head and chain onto it.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 ** attempt)));
          continue;
        }
        throw error;
      }
      await this.postRecord(record);
      this.checkpointer.note(record);
      return { record, created: true };
    }
    throw new StoreError(`Could not append after ${attempts} attempts: the evidence list is too busy.`);
  }

  private async postRecord(record: AcknowledgementRecord): Promise<void> {
    await this.options.client.api(this.itemsPath).post({ fields: { ...toFields(record), Kind: "ack" } });
  }

  /** A head older than REPAIR_AFTER_MS whose item is not in the list: its writer stopped; copy it. */
  private async repairIfStale(record: AcknowledgementRecord): Promise<void> {
    if (this.now().getTime() - Date.parse(record.acknowledgedAt) < REPAIR_AFTER_MS) return;
    const page = (await this.options.client
      .api(`${this.itemsPath}?expand=fields(select=${SELECT})&$filter=fields/Seq eq ${record.seq}&$top=5`)
      .get()) as { value: ListItem[] };
    if (!page.value.some((item) => item.fields?.Kind !== "head")) await this.postRecord(record);
  }

  /** The head item with its ETag, created (Seq 0, empty) on first use. */
  private async readHead(): Promise<{ id: string; etag: string; record: AcknowledgementRecord | undefined }> {
    if (!this.headItemId) {
      const heads = await this.findHeads();
      if (heads.length === 0) {
        await this.options.client
          .api(this.itemsPath)
          .post({ fields: { Title: "chain-head", Kind: "head", Seq: 0, RecordHash: GENESIS_HASH } });
      }
      // Two instances starting at once may both create one: everyone uses the lowest id.
      const all = heads.length === 0 ? await this.findHeads() : heads;
      const first = all.sort((a, b) => Number(a.id) - Number(b.id) || a.id.localeCompare(b.id))[0];
      if (!first) throw new StoreError("The evidence list's chain-head item could not be created.");
      this.headItemId = first.id;
    }
    let item: ListItem;
    try {
      item = (await this.options.client
        .api(`${this.itemsPath}/${encodeURIComponent(this.headItemId)}?expand=fields(select=${SELECT})`)
        .get()) as ListItem;
    } catch (error) {
      // The head item was deleted (verify reports what went with it): find or create it again.
      if (!(error instanceof GraphError && error.statusCode === 404)) throw error;
      this.headItemId = undefined;
      return this.readHead();
    }
    const etag = item.eTag ?? item["@odata.etag"];
    if (!etag) throw new StoreError("Graph returned the chain-head item without an ETag.");
    return { id: item.id, etag, record: item.fields?.Seq ? fromItem(item) : undefined };
  }

  private async findHeads(): Promise<ListItem[]> {
    return pageAll<ListItem>(
      this.options.client,
      `${this.itemsPath}?expand=fields(select=${SELECT})&$filter=fields/Kind eq 'head'&$top=20`,
      NON_INDEXED_QUERY_HEADER,
    );
  }

  async listForUser(tid: string, oid: string): Promise<readonly AcknowledgementRecord[]> {
    const filter = `fields/Tid eq '${odataString(tid)}' and fields/Oid eq '${odataString(oid)}'`;
    const items = await pageAll<ListItem>(
      this.options.client,
      `${this.itemsPath}?expand=fields(select=${SELECT})&$filter=${filter}&$top=200`,
      NON_INDEXED_QUERY_HEADER,
    );
    return unique(items.filter((item) => kindOf(item) === "ack").map(fromItem));
  }

  private async listItems(): Promise<ListItem[]> {
    return pageAll<ListItem>(this.options.client, `${this.itemsPath}?expand=fields(select=${SELECT})&$top=999`);
  }

  async listAll(): Promise<readonly AcknowledgementRecord[]> {
    return unique((await this.listItems()).filter((item) => kindOf(item) === "ack").map(fromItem));
  }

  async verify(): Promise<AuditResult> {
    await this.checkpointer.flush();
    const items = await this.listItems();
    const records = unique(items.filter((item) => kindOf(item) === "ack").map(fromItem));
    const heads = items
      .filter((item) => kindOf(item) === "head" && item.fields?.Seq)
      .sort((a, b) => Number(a.id) - Number(b.id));
    const result = verifyChain(this.key, records, await this.checkpointer.readAll(), { requireCheckpoint: true });
    const problems: AuditProblem[] = [...result.problems];
    const headItem = heads[0];
    const last = records[records.length - 1];
    if (headItem) {
      const head = fromItem(headItem);
      const { hash, ...unsealed } = head;
      if (!this.key.equal(sealRecord(this.key, unsealed, head.seq, head.acknowledgedAt, head.prevHash).hash, hash))
        problems.push({ seq: head.seq, problem: "head-mismatch", detail: "the chain-head item was edited" });
      else if (!last || last.seq < head.seq)
        problems.push({
          seq: head.seq,
          problem: "records-missing",
          detail: `the chain head is record ${head.seq} but the list ends at ${last?.seq ?? 0}: the newest records were deleted (or their writer stopped before copying them)`,
        });
      else if (last.seq === head.seq && last.hash !== head.hash)
        problems.push({
          seq: head.seq,
          problem: "head-mismatch",
          detail: "the newest record differs from the chain head",
        });
    } else if (records.length > 0) {
      problems.push({ seq: 0, problem: "head-mismatch", detail: "the chain-head item is missing" });
    }
    for (const item of items.filter((candidate) => kindOf(candidate) === "admin")) {
      const action = adminFromItem(item);
      const { hash, ...unsealed } = action;
      if (!this.key.equal(adminActionHash(this.key, unsealed), hash))
        problems.push({
          seq: action.seq,
          problem: "hash-mismatch",
          detail: `administrator action ${item.id} was changed`,
        });
    }
    return { ...result, ok: problems.length === 0, problems };
  }

  async claimReminder(input: AdminActionInput, notBefore: string): Promise<AdminAction | undefined> {
    const run = this.tail.then(async () => {
      const recent = (await this.listAdminActions()).some(
        (action) => action.action === "reminders" && action.policyId === input.policyId && action.at >= notBefore,
      );
      return recent ? undefined : this.recordAdminActionNow(input);
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  recordAdminAction(input: AdminActionInput): Promise<AdminAction> {
    const run = this.tail.then(() => this.recordAdminActionNow(input));
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async recordAdminActionNow(input: AdminActionInput): Promise<AdminAction> {
    const at = this.now().toISOString();
    const unsealed = { ...input, seq: Date.parse(at), at, prevHash: "" };
    const action: AdminAction = { ...unsealed, hash: adminActionHash(this.key, unsealed) };
    await this.options.client.api(this.itemsPath).post({
      fields: {
        Title: "admin-action",
        Kind: "admin",
        Seq: -action.seq,
        Tid: action.actorTid,
        Oid: action.actorOid,
        Upn: action.actorUpn,
        PolicyId: action.policyId,
        AcknowledgedAt: action.at,
        RecordHash: action.hash,
        Detail: JSON.stringify({ action: action.action, people: action.people, detail: action.detail }),
      },
    });
    return action;
  }

  async listAdminActions(): Promise<readonly AdminAction[]> {
    const items = await pageAll<ListItem>(
      this.options.client,
      `${this.itemsPath}?expand=fields(select=${SELECT})&$filter=fields/Kind eq 'admin'&$top=200`,
      NON_INDEXED_QUERY_HEADER,
    );
    return items.map(adminFromItem).sort((a, b) => a.seq - b.seq);
  }

  async close(): Promise<void> {
    await this.tail;
    await this.checkpointer.close();
  }
}

function kindOf(item: ListItem): "ack" | "head" | "admin" {
  const kind = item.fields?.Kind;
  return kind === "head" || kind === "admin" ? kind : "ack";
}

/** Identical copies (a repair racing the original writer) count once. */
function unique(records: AcknowledgementRecord[]): AcknowledgementRecord[] {
  const seen = new Set<string>();
  return records
    .sort((a, b) => a.seq - b.seq)
    .filter((record) => {
      const key = `${record.seq}/${record.hash}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
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
    NameMatch: record.nameMatch,
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
    nameMatch: f.NameMatch === true,
    policyId: f.PolicyId ?? "",
    version: f.Version ?? "",
    textHash: f.TextHash ?? "",
    acknowledgedAt: f.AcknowledgedAt,
    prevHash: f.PrevHash,
    hash: f.RecordHash,
  };
}

function adminFromItem(item: ListItem): AdminAction {
  const f = item.fields ?? {};
  let detail: { action?: string; people?: number; detail?: string } = {};
  try {
    detail = JSON.parse(f.Detail ?? "{}") as typeof detail;
  } catch {
    detail = {};
  }
  return {
    seq: -(f.Seq ?? 0),
    at: f.AcknowledgedAt ?? "",
    action: detail.action === "reminders-result" ? "reminders-result" : "reminders",
    actorTid: f.Tid ?? "",
    actorOid: f.Oid ?? "",
    actorUpn: f.Upn ?? "",
    policyId: f.PolicyId ?? "",
    people: typeof detail.people === "number" ? detail.people : 0,
    detail: detail.detail ?? "",
    prevHash: "",
    hash: f.RecordHash ?? "",
  };
}
