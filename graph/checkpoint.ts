import { appendFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { SweepFinding } from "./checks/types.js";

/**
 * The sweep's checkpoint: an append-only JSON-lines file. The first line says which sweep it is
 * (tenant, tool version, policy, group and leave file, window); each later line is one finished
 * batch: the users it covered, those it skipped, how many were absent, and their findings. A line
 * is written whole after its batch, so a sweep killed at any moment leaves at worst a torn last
 * line, which is ignored: those users are read again and nothing is lost or doubled. A complete
 * run removes the file, so an old checkpoint can never republish findings that have been fixed.
 */
export interface CheckpointHeader {
  readonly kind: "school-policy-guard/sweep-checkpoint";
  readonly version: 2;
  readonly tenantId: string;
  readonly toolVersion: string;
  /** Fingerprint of the policy pack. */
  readonly policy: string;
  /** Fingerprint of the group and the leave file. */
  readonly scope: string;
  readonly window: { readonly start: string; readonly end: string };
}

export interface SkippedUser {
  readonly userId: string;
  readonly userPrincipalName: string;
  readonly displayName: string;
  readonly reason: SkipReason;
}

export type SkipReason = "guest" | "disabled" | "shared" | "room" | "equipment" | "linked" | "other mailbox";

export interface CheckpointBatch {
  readonly done: readonly string[];
  readonly absent: number;
  readonly skipped: readonly SkippedUser[];
  readonly findings: readonly SweepFinding[];
}

export interface Restored {
  readonly header: CheckpointHeader;
  readonly batches: readonly CheckpointBatch[];
}

export class CheckpointMismatchError extends Error {
  override readonly name = "CheckpointMismatchError";
}

const FIELDS = {
  tenantId: "tenant",
  toolVersion: "tool version",
  policy: "policy",
  scope: "group or leave file",
  window: "window",
} as const;

/** The fields on which a checkpoint and the sweep asked for differ (empty when it may be resumed). */
export function mismatches(found: CheckpointHeader, wanted: CheckpointHeader): string[] {
  return (Object.keys(FIELDS) as (keyof typeof FIELDS)[])
    .filter((field) => JSON.stringify(found[field]) !== JSON.stringify(wanted[field]))
    .map((field) => FIELDS[field]);
}

export async function readCheckpoint(path: string): Promise<Restored | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  let header: CheckpointHeader | undefined;
  const batches: CheckpointBatch[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      break; // A torn last line from a kill mid-write: everything before it stands.
    }
    if (!header) {
      const candidate = parsed as Partial<CheckpointHeader>;
      if (candidate.kind !== "school-policy-guard/sweep-checkpoint" || candidate.version !== 2) {
        throw new CheckpointMismatchError(
          `${path} is not a checkpoint this version can resume: run without --resume to start again.`,
        );
      }
      header = candidate as CheckpointHeader;
    } else {
      batches.push(parsed as CheckpointBatch);
    }
  }
  return header ? { header, batches } : undefined;
}

export async function removeCheckpoint(path: string): Promise<void> {
  await rm(path, { force: true });
}

export class CheckpointWriter {
  private queue: Promise<void> = Promise.resolve();
  private constructor(private readonly path: string) {}

  /** Starts a new checkpoint (replacing any old one) with its header. */
  static async start(path: string, header: CheckpointHeader): Promise<CheckpointWriter> {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, JSON.stringify(header) + "\n");
    return new CheckpointWriter(path);
  }

  /** Continues an existing checkpoint; a torn last line is cut off first so appends stay parseable. */
  static async resume(path: string, restored: Restored): Promise<CheckpointWriter> {
    await writeFile(path, [restored.header, ...restored.batches].map((line) => JSON.stringify(line) + "\n").join(""));
    return new CheckpointWriter(path);
  }

  /** Appends one batch; appends are serialised so lines never interleave. */
  append(batch: CheckpointBatch): Promise<void> {
    const line = JSON.stringify(batch) + "\n";
    this.queue = this.queue.then(() => appendFile(this.path, line));
    return this.queue;
  }

  /** Waits for pending appends. */
  flush(): Promise<void> {
    return this.queue;
  }
}
