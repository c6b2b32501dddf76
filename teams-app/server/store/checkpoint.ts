import type { Client } from "@microsoft/microsoft-graph-client";
import { mkdir, open, readFile, type FileHandle } from "node:fs/promises";
import { dirname } from "node:path";
import { pageAll } from "../graph-client.js";
import { signCheckpoint, type AuditKey, type Checkpoint } from "./record.js";

/**
 * Where signed chain heads are kept, outside the evidence store: a file on other storage, or a
 * separate SharePoint list the evidence writer can only add to. Someone who can edit the
 * database (or the evidence list) still cannot make `verify` forget the newest records.
 */
export interface CheckpointLog {
  append(checkpoint: Checkpoint): Promise<void>;
  readAll(): Promise<readonly Checkpoint[]>;
  close?(): Promise<void>;
  readonly description: string;
}

/**
 * One JSON line per checkpoint, appended (O_APPEND, kept open) — for a file share or a separate
 * disk. Appends survive a crash of this process; like the database's WAL with synchronous=NORMAL,
 * only a power cut can lose the last ones.
 */
export class FileCheckpointLog implements CheckpointLog {
  readonly description: string;
  private handle: Promise<FileHandle> | undefined;
  constructor(private readonly path: string) {
    this.description = `file ${path}`;
  }
  async append(checkpoint: Checkpoint): Promise<void> {
    this.handle ??= mkdir(dirname(this.path), { recursive: true }).then(() => open(this.path, "a", 0o600));
    await (await this.handle).write(`${JSON.stringify(checkpoint)}\n`);
  }
  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    if (handle) await (await handle).close();
  }
  async readAll(): Promise<readonly Checkpoint[]> {
    let text: string;
    try {
      text = await readFile(this.path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
    const checkpoints: Checkpoint[] = [];
    for (const line of text.split("\n")) {
      if (!line.trim()) continue;
      try {
        const value = JSON.parse(line) as Partial<Checkpoint>;
        if (typeof value.seq === "number" && typeof value.hash === "string" && typeof value.at === "string")
          checkpoints.push({ seq: value.seq, hash: value.hash, at: value.at, mac: String(value.mac ?? "") });
      } catch {
        // A torn last line (crash mid-append) is skipped; every complete line still counts.
      }
    }
    return checkpoints;
  }
}

/** A separate SharePoint list (columns Seq, RecordHash, At, Mac), through Graph. */
export class SharePointCheckpointLog implements CheckpointLog {
  readonly description: string;
  private readonly itemsPath: string;
  constructor(
    private readonly client: Client,
    siteId: string,
    listId: string,
  ) {
    this.itemsPath = `/sites/${encodeURIComponent(siteId)}/lists/${encodeURIComponent(listId)}/items`;
    this.description = `SharePoint list ${listId}`;
  }
  async append(checkpoint: Checkpoint): Promise<void> {
    await this.client.api(this.itemsPath).post({
      fields: {
        Title: "chain-head",
        Seq: checkpoint.seq,
        RecordHash: checkpoint.hash,
        At: checkpoint.at,
        Mac: checkpoint.mac,
      },
    });
  }
  async readAll(): Promise<readonly Checkpoint[]> {
    const items = await pageAll<{ fields?: Record<string, unknown> }>(
      this.client,
      `${this.itemsPath}?expand=fields(select=Seq,RecordHash,At,Mac)&$top=999`,
    );
    return items.flatMap((item) => {
      const f = item.fields ?? {};
      return typeof f["Seq"] === "number" && typeof f["RecordHash"] === "string" && typeof f["At"] === "string"
        ? [{ seq: f["Seq"], hash: f["RecordHash"], at: f["At"], mac: String(f["Mac"] ?? "") }]
        : [];
    });
  }
}

/** Keeps checkpoints in memory (tests of the store contract that are not about checkpoints). */
export class MemoryCheckpointLog implements CheckpointLog {
  readonly description = "memory";
  readonly checkpoints: Checkpoint[] = [];
  async append(checkpoint: Checkpoint): Promise<void> {
    this.checkpoints.push(checkpoint);
  }
  async readAll(): Promise<readonly Checkpoint[]> {
    return [...this.checkpoints];
  }
}

/**
 * Writes the chain head out after appends, coalesced: at most one write in flight; while it runs,
 * later heads replace each other and the newest goes next. The head comes from this process's
 * own appends, never from re-reading the store, so a deletion in the store cannot move it back.
 * `flush()` (before `verify`, on close) waits until the newest head is out. Each write also logs
 * one JSON line (`event: "audit-checkpoint"`) at most every `logEveryMs`, for Azure Monitor.
 */
export class Checkpointer {
  private pending: { seq: number; hash: string } | undefined;
  private written: { seq: number; hash: string } | undefined;
  private running: Promise<void> | undefined;
  private lastLog = 0;
  private failures = 0;

  constructor(
    private readonly key: AuditKey,
    private readonly log: CheckpointLog,
    private readonly options: { now?: () => Date; logEveryMs?: number; logger?: (line: string) => void } = {},
  ) {}

  get description(): string {
    return this.log.description;
  }

  /** Records a new head; the write happens soon, off the request's path. */
  note(head: { seq: number; hash: string }): void {
    if (this.pending && this.pending.seq >= head.seq) return;
    this.pending = head;
    if (!this.running) this.running = this.drain();
  }

  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  async close(): Promise<void> {
    await this.flush();
    await this.log.close?.();
  }

  readAll(): Promise<readonly Checkpoint[]> {
    return this.log.readAll();
  }

  get writeFailures(): number {
    return this.failures;
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending) {
        const head = this.pending;
        this.pending = undefined;
        if (this.written && this.written.seq === head.seq && this.written.hash === head.hash) continue;
        const now = (this.options.now ?? (() => new Date()))();
        const checkpoint = signCheckpoint(this.key, head, now.toISOString());
        try {
          await this.log.append(checkpoint);
          this.written = head;
        } catch (error) {
          this.failures += 1;
          console.error(`[teams-app] audit checkpoint to ${this.log.description} failed:`, error);
          // Try again with the next head (or on flush); a lost checkpoint weakens, never breaks, verify.
          if (!this.pending) this.pending = head;
          await new Promise((resolve) => setTimeout(resolve, 200));
          if (this.failures % 5 === 0) break;
        }
        const logEvery = this.options.logEveryMs ?? 60_000;
        if (now.getTime() - this.lastLog >= logEvery) {
          this.lastLog = now.getTime();
          (this.options.logger ?? ((line: string) => console.log(line)))(
            JSON.stringify({ event: "audit-checkpoint", ...checkpoint }),
          );
        }
      }
    } finally {
      this.running = undefined;
      if (this.pending && this.failures % 5 !== 0) this.running = this.drain();
    }
  }
}
