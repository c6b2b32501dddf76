import { appendFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { SweepFinding } from "./checks/types.js";

/**
 * The sweep's checkpoint: an append-only JSON-lines file. The first line says which sweep it is
 * (window, policy, group, leave file); each later line is one finished batch: the users it
 * covered, how many of them were absent, and their findings. A line is written whole after its
 * batch, so a sweep killed at any moment leaves at worst a torn last line, which is ignored: those
 * users are read again, and their findings were never counted, so nothing is lost or doubled.
 */
export interface CheckpointHeader {
  readonly kind: "school-policy-guard/sweep-checkpoint";
  readonly version: 1;
  /** Fingerprint of what decides the findings: a resume with other settings is refused. */
  readonly key: string;
  readonly window: { readonly start: string; readonly end: string };
}

export interface CheckpointBatch {
  readonly done: readonly string[];
  readonly absent: number;
  readonly findings: readonly SweepFinding[];
}

export interface Restored {
  readonly header: CheckpointHeader;
  readonly batches: readonly CheckpointBatch[];
}

export class CheckpointMismatchError extends Error {
  override readonly name = "CheckpointMismatchError";
}

export async function readCheckpoint(path: string): Promise<Restored | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const lines = text.split("\n");
  let header: CheckpointHeader | undefined;
  const batches: CheckpointBatch[] = [];
  for (const line of lines) {
    if (line.trim() === "") continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      break; // A torn last line from a kill mid-write: everything before it stands.
    }
    if (!header) {
      const candidate = parsed as Partial<CheckpointHeader>;
      if (candidate.kind !== "school-policy-guard/sweep-checkpoint" || candidate.version !== 1) return undefined;
      header = candidate as CheckpointHeader;
    } else {
      batches.push(parsed as CheckpointBatch);
    }
  }
  return header ? { header, batches } : undefined;
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
}
