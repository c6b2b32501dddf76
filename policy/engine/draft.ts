import type { Attachment, Draft, Recipient, SentBefore } from "./types.js";
import type { PolicyPack } from "../pack/schema.js";
import { deepFreeze } from "../pack/freeze.js";
import { classifyRecipient, domainOf } from "./message.js";

/** Input as it arrives from the CLI, the add-in or a test: missing arrays mean empty. */
export interface DraftInput {
  readonly subject?: string;
  readonly body?: string;
  readonly bodyType?: "text" | "html";
  readonly from?: Recipient;
  readonly to?: readonly Recipient[];
  readonly cc?: readonly Recipient[];
  readonly bcc?: readonly Recipient[];
  readonly attachments?: readonly Attachment[];
  readonly sensitivityLabelId?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly sentBefore?: SentBefore;
}

export function normalizeDraft(input: DraftInput): Draft {
  const draft: Draft = {
    subject: input.subject ?? "",
    body: input.body ?? "",
    bodyType: input.bodyType ?? "text",
    to: input.to ?? [],
    cc: input.cc ?? [],
    bcc: input.bcc ?? [],
    attachments: input.attachments ?? [],
    ...(input.from ? { from: input.from } : {}),
    ...(input.sensitivityLabelId ? { sensitivityLabelId: input.sensitivityLabelId } : {}),
    ...(input.headers ? { headers: input.headers } : {}),
    ...(input.sentBefore ? { sentBefore: input.sentBefore } : {}),
  };
  return deepFreeze(draft);
}

export { domainOf };

/**
 * Internal means one of the school's own domains or a subdomain of one, or an Exchange X500 address;
 * with Office.js's recipientType, see `classifyRecipient`.
 */
export function isInternalAddress(address: string, pack: PolicyPack): boolean {
  return classifyRecipient({ address }, pack).standing === "internal";
}

export function allRecipients(draft: Draft): readonly Recipient[] {
  return [...draft.to, ...draft.cc, ...draft.bcc];
}

/** Recipients outside the school as Outlook reports them; unresolved entries (no address) are not counted. */
export function externalRecipients(draft: Draft, pack: PolicyPack): readonly Recipient[] {
  return allRecipients(draft).filter((recipient) => classifyRecipient(recipient, pack).standing === "external");
}

/** True once the school's encryption mechanism is on the draft (tag in subject, label or header set). */
export function isEncrypted(draft: Draft, pack: PolicyPack): boolean {
  const mechanism = pack.encryption.mechanism;
  switch (mechanism.kind) {
    case "subject-tag":
      return draft.subject.toLowerCase().indexOf(mechanism.tag.toLowerCase()) !== -1;
    case "sensitivity-label":
      return draft.sensitivityLabelId === mechanism.labelId;
    case "header": {
      const headers = draft.headers ?? {};
      const name = Object.keys(headers).find((key) => key.toLowerCase() === mechanism.name.toLowerCase());
      return name !== undefined && headers[name] === mechanism.value;
    }
  }
}
