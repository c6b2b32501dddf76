import type { Draft } from "../../policy/engine/types.js";

/** FNV-1a over the draft's fields: cheap, stable, and reveals nothing of the content it hashes. */
export function fingerprintDraft(draft: Draft): string {
  let hash = 0x811c9dc5;
  const add = (text: string) => {
    for (let index = 0; index < text.length; index++) {
      hash ^= text.charCodeAt(index);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    hash ^= 0x1f; // field separator
    hash = Math.imul(hash, 0x01000193) >>> 0;
  };
  add(draft.subject);
  add(draft.body);
  for (const field of [draft.to, draft.cc, draft.bcc]) add(field.map((entry) => entry.address.toLowerCase()).join(","));
  add(draft.attachments.map((entry) => `${entry.name}:${entry.size}`).join(","));
  add(draft.sensitivityLabelId ?? "");
  // The headers, and the sender: a note signed with their own name needs no other closing, and their name
  // in the body is not someone else's personal data, so changing From changes the findings.
  add(JSON.stringify([draft.headers, draft.from]));
  return `${hash.toString(16)}-${draft.subject.length}-${draft.body.length}`;
}
