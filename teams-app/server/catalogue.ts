import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { PolicyPack } from "../../policy/pack/schema.js";
import type { Cadence } from "./status.js";
import type { GroupRef } from "./directory/types.js";

export interface PolicyDocument {
  readonly id: string;
  readonly title: string;
  readonly version: string;
  readonly effectiveDate: string;
  readonly sha256: string;
  readonly markdown: string;
}

export interface AudienceRule {
  readonly audience: string;
  readonly group: GroupRef;
  readonly documentIds: readonly string[];
}

/** The documents, audiences and cadence the service enforces, read once from the policy pack. */
export interface PolicyCatalogue {
  readonly schoolName: string;
  readonly documents: ReadonlyMap<string, PolicyDocument>;
  readonly audiences: readonly AudienceRule[];
  readonly cadence: Cadence;
}

export class CatalogueError extends Error {
  override readonly name = "CatalogueError";
}

/**
 * Reads each document's Markdown and checks it against the SHA-256 the pack records, so the text
 * people acknowledge is exactly the text the pack was reviewed with.
 */
export function loadCatalogue(pack: PolicyPack, documentsDir: string): PolicyCatalogue {
  const documents = new Map<string, PolicyDocument>();
  for (const meta of pack.acknowledgements.documents) {
    let markdown: string;
    try {
      markdown = readFileSync(join(documentsDir, meta.file), "utf8");
    } catch (error) {
      throw new CatalogueError(`Policy document ${meta.id}: cannot read ${meta.file} (${(error as Error).message}).`);
    }
    const actual = createHash("sha256").update(markdown, "utf8").digest("hex");
    if (actual !== meta.sha256) {
      throw new CatalogueError(
        `Policy document ${meta.id}: ${meta.file} has SHA-256 ${actual}, but the pack says ${meta.sha256}.`,
      );
    }
    documents.set(meta.id, {
      id: meta.id,
      title: meta.title,
      version: meta.version,
      effectiveDate: meta.effectiveDate,
      sha256: meta.sha256,
      markdown,
    });
  }
  return {
    schoolName: pack.school.name,
    documents,
    audiences: pack.acknowledgements.audiences.map((rule) => ({
      audience: rule.audience,
      group: { id: rule.group.id, name: rule.group.name },
      documentIds: [...rule.documents],
    })),
    cadence: { ...pack.acknowledgements.cadence },
  };
}
