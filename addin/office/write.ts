import type { Draft, Fix, Recipient } from "../../policy/engine/types.js";
import { bodyWithLine, placeOf } from "../../policy/engine/insert-line.js";
import { officeAction } from "./async.js";
import type { ComposeItem, RequirementCheck } from "./item.js";
import { readBody, readBodyType, type RecipientField } from "./read.js";

const TEXT = "text" as Office.CoercionType;
const HTML = "html" as Office.CoercionType;

export class FixNotSupportedError extends Error {
  override readonly name = "FixNotSupportedError";
}

export function writeSubject(item: ComposeItem, subject: string): Promise<void> {
  return officeAction("subject.setAsync", (done) => item.subject.setAsync(subject, done));
}

export function writeRecipients(item: ComposeItem, field: RecipientField, list: readonly Recipient[]): Promise<void> {
  const details = list.map((entry) => ({ displayName: entry.name ?? entry.address, emailAddress: entry.address }));
  return officeAction(`${field}.setAsync`, (done) => item[field].setAsync(details, done));
}

/**
 * Adds a line to the end of the sender's own words now, above the history a reply or forward carries
 * (`bodyWithLine`, the engine's own placement), keeping the body's format (HTML bodies keep theirs).
 */
export async function appendToBody(
  item: ComposeItem,
  text: string,
  place: "end" | "before-sign-off" = "end",
): Promise<void> {
  const type = await readBodyType(item);
  const current = await readBody(item, type);
  const next = bodyWithLine(current, type, text, place);
  await officeAction("body.setAsync", (done) =>
    item.body.setAsync(next, { coercionType: type === "html" ? HTML : TEXT }, done),
  );
}

export function setSensitivityLabel(item: ComposeItem, labelId: string, supported: RequirementCheck): Promise<void> {
  const label = item.sensitivityLabel;
  if (!label || !supported("Mailbox", "1.13")) {
    return Promise.reject(
      new FixNotSupportedError(
        "This version of Outlook cannot set sensitivity labels: choose the label from the ribbon.",
      ),
    );
  }
  return officeAction("sensitivityLabel.setAsync", (done) => label.setAsync(labelId, done));
}

export function setInternetHeader(item: ComposeItem, name: string, value: string, supported: RequirementCheck) {
  const headers = item.internetHeaders;
  if (!headers || !supported("Mailbox", "1.8")) {
    return Promise.reject(new FixNotSupportedError("This version of Outlook cannot set message headers."));
  }
  return officeAction("internetHeaders.setAsync", (done) => headers.setAsync({ [name]: value }, done));
}

export function removeAttachment(item: ComposeItem, id: string): Promise<void> {
  return officeAction("removeAttachmentAsync", (done) => item.removeAttachmentAsync(id, done));
}

const sameRecipients = (a: readonly Recipient[], b: readonly Recipient[]) =>
  a.length === b.length && a.every((entry, index) => entry.address.toLowerCase() === b[index]?.address.toLowerCase());

/**
 * Writes a fix to the item. `fixed` is the engine's `applyFix(before, fix)`: the edge writes only the
 * fields that changed, so the core alone decides what a fix means. The body is the exception: the
 * draft holds plain text, so the disclaimer or line is appended to the real (possibly HTML) body instead.
 */
export async function writeFix(
  item: ComposeItem,
  fix: Fix,
  before: Draft,
  fixed: Draft,
  attachmentIds: Readonly<Record<string, string>>,
  supported: RequirementCheck,
): Promise<void> {
  if (fix.kind === "apply-encryption" && fix.mechanism.kind === "sensitivity-label") {
    await setSensitivityLabel(item, fix.mechanism.labelId, supported);
  }
  if (fix.kind === "apply-encryption" && fix.mechanism.kind === "header") {
    await setInternetHeader(item, fix.mechanism.name, fix.mechanism.value, supported);
  }
  if (fixed.subject !== before.subject) await writeSubject(item, fixed.subject);
  for (const field of ["to", "cc", "bcc"] as const) {
    if (!sameRecipients(before[field], fixed[field])) await writeRecipients(item, field, fixed[field]);
  }
  if (fix.kind === "append-disclaimer" || fix.kind === "append-line")
    await appendToBody(item, fix.text, placeOf(fix.kind));
  if (fix.kind === "remove-attachments") {
    for (const name of fix.names) {
      const id = attachmentIds[name];
      if (id) await removeAttachment(item, id);
    }
  }
}
