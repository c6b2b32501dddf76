import type { Attachment, Draft, Recipient } from "../../policy/engine/types.js";
import type { EncryptionMechanism } from "../../policy/pack/schema.js";
import { officeCall } from "./async.js";
import type { ComposeItem, RequirementCheck } from "./item.js";

/** Office.CoercionType values, spelled out so this module runs where the `Office` enums are absent. */
const TEXT = "text" as Office.CoercionType;
const HTML = "html" as Office.CoercionType;

export function readSubject(item: ComposeItem): Promise<string> {
  return officeCall<string>("subject.getAsync", (done) => item.subject.getAsync(done));
}

export function readBody(item: ComposeItem, format: "text" | "html" = "text"): Promise<string> {
  return officeCall<string>(`body.getAsync(${format})`, (done) =>
    item.body.getAsync(format === "text" ? TEXT : HTML, done),
  );
}

export function readBodyType(item: ComposeItem): Promise<"text" | "html"> {
  return officeCall<Office.CoercionType>("body.getTypeAsync", (done) => item.body.getTypeAsync(done)).then((type) =>
    String(type) === "html" ? "html" : "text",
  );
}

export type RecipientField = "to" | "cc" | "bcc";

export interface ReadRecipient extends Recipient {
  /** Office.MailboxEnums.RecipientType: "user", "externalUser", "distributionList", "group", "other". */
  readonly recipientType?: string;
}

export function readRecipients(item: ComposeItem, field: RecipientField): Promise<ReadRecipient[]> {
  return officeCall<Office.EmailAddressDetails[]>(`${field}.getAsync`, (done) => item[field].getAsync(done)).then(
    (list) =>
      list.map((entry) => ({
        address: entry.emailAddress,
        ...(entry.displayName && entry.displayName !== entry.emailAddress ? { name: entry.displayName } : {}),
        ...(entry.recipientType ? { recipientType: String(entry.recipientType) } : {}),
      })),
  );
}

export function readFrom(item: ComposeItem, supported: RequirementCheck): Promise<Recipient | undefined> {
  if (!supported("Mailbox", "1.7") || !item.from) return Promise.resolve(undefined);
  return officeCall<Office.EmailAddressDetails>("from.getAsync", (done) => item.from.getAsync(done)).then((entry) =>
    entry?.emailAddress ? { address: entry.emailAddress, name: entry.displayName } : undefined,
  );
}

/**
 * An attachment as the engine reads it, with Outlook's id beside it (not in it): the id is the task pane's,
 * to remove the file, and the draft carries none. Kept apart rather than taken off with `...rest`, whose
 * ES2016 helper cost the send bundle 53 bytes gzipped.
 */
export interface ReadAttachment {
  readonly id: string;
  readonly attachment: Attachment;
}

export function readAttachments(item: ComposeItem): Promise<ReadAttachment[]> {
  return officeCall<Office.AttachmentDetailsCompose[]>("getAttachmentsAsync", (done) =>
    item.getAttachmentsAsync(done),
  ).then((list) =>
    list.map((entry) => ({
      id: entry.id,
      attachment: {
        name: entry.name,
        size: entry.size,
        ...(typeof (entry as { contentType?: unknown }).contentType === "string"
          ? { contentType: (entry as { contentType?: string }).contentType }
          : {}),
        isInline: Boolean(entry.isInline),
      },
    })),
  );
}

export function readSensitivityLabel(item: ComposeItem, supported: RequirementCheck): Promise<string | undefined> {
  const label = item.sensitivityLabel;
  if (!label || !supported("Mailbox", "1.13")) return Promise.resolve(undefined);
  return officeCall<string>("sensitivityLabel.getAsync", (done) => label.getAsync(done)).then(
    (id) => id || undefined,
    () => undefined, // Labels may be turned off for the tenant: not a reason to fail the read.
  );
}

export function readHeader(item: ComposeItem, name: string, supported: RequirementCheck) {
  const headers = item.internetHeaders;
  if (!headers || !supported("Mailbox", "1.8")) return Promise.resolve<Record<string, string>>({});
  return officeCall<Record<string, string>>("internetHeaders.getAsync", (done) => headers.getAsync([name], done)).then(
    (found) => found ?? {},
    () => ({}),
  );
}

/** Everything the edge read, with what only the edge needs (recipient types, attachment ids). */
export interface ReadResult {
  readonly draft: Draft;
  readonly recipientTypes: Readonly<Record<string, string>>;
  readonly attachmentIds: Readonly<Record<string, string>>;
}

/**
 * Reads the compose item in parallel and turns it into a plain engine Draft. `mechanism` says which
 * encryption marker (label or header) is worth reading; the body is read as text (the engine
 * analyses plain text; the HTML is only read when a fix must write it back).
 */
export function readDraft(
  item: ComposeItem,
  supported: RequirementCheck,
  mechanism?: EncryptionMechanism,
): Promise<ReadResult> {
  // A promise chain, not an async function: the send bundle's budget (see addin/launchevent/handlers.ts).
  return Promise.all([
    readSubject(item),
    readBody(item, "text"),
    readRecipients(item, "to"),
    readRecipients(item, "cc"),
    readRecipients(item, "bcc"),
    readAttachments(item),
    readFrom(item, supported).catch(() => undefined),
    mechanism?.kind === "sensitivity-label" ? readSensitivityLabel(item, supported) : Promise.resolve(undefined),
    mechanism?.kind === "header" ? readHeader(item, mechanism.name, supported) : Promise.resolve(undefined),
  ]).then(([subject, body, to, cc, bcc, attachments, from, labelId, headers]) => {
    const recipientTypes: Record<string, string> = {};
    for (const recipient of [...to, ...cc, ...bcc]) {
      if (recipient.recipientType) recipientTypes[recipient.address.toLowerCase()] = recipient.recipientType;
    }
    const attachmentIds: Record<string, string> = {};
    for (const { id, attachment } of attachments) attachmentIds[attachment.name] = id;
    // recipientType goes to the engine too: it tells a tenant mailbox or group from an outside address.
    const plain = (list: ReadRecipient[]): Recipient[] =>
      list.map((entry) => ({
        ...(entry.name ? { name: entry.name } : {}),
        address: entry.address,
        ...(entry.recipientType ? { recipientType: entry.recipientType } : {}),
      }));
    const draft: Draft = {
      subject: subject ?? "",
      body: body ?? "",
      bodyType: "text",
      ...(from ? { from } : {}),
      to: plain(to),
      cc: plain(cc),
      bcc: plain(bcc),
      attachments: attachments.map((read) => read.attachment),
      ...(labelId ? { sensitivityLabelId: labelId } : {}),
      ...(headers && Object.keys(headers).length > 0 ? { headers } : {}),
    };
    return { draft, recipientTypes, attachmentIds };
  });
}
