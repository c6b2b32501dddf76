import type { Fix } from "./types.js";

const list = (items: readonly string[]) =>
  items.length <= 2 ? items.join(" and ") : `${items.slice(0, 2).join(", ")} and ${items.length - 2} more`;

/**
 * What a fix will do, in a teacher's words: the task pane's button, and the line `check --text` prints
 * under a finding (one wording for both).
 */
export function fixLabel(fix: Fix): string {
  switch (fix.kind) {
    case "prefix-subject":
      return `Add "${fix.text}" to the subject`;
    case "apply-encryption":
      if (fix.mechanism.kind === "sensitivity-label") return `Apply the "${fix.mechanism.labelName}" label`;
      if (fix.mechanism.kind === "subject-tag") return `Add ${fix.mechanism.tag} to the subject to encrypt`;
      return "Mark the message for encryption";
    case "move-to-bcc":
      return `Move ${fix.addresses.length} ${fix.addresses.length === 1 ? "address" : "addresses"} to Bcc`;
    case "remove-subject-spans":
      return "Remove it from the subject";
    case "append-disclaimer":
      return "Add the school disclaimer";
    case "add-cc":
      return `Cc ${list(fix.recipients.map((recipient) => recipient.name ?? recipient.address))}`;
    case "remove-attachments":
      return `Remove ${list(fix.names)}`;
    case "replace-subject":
      return `Remove it: subject becomes "${fix.text}"`;
    case "append-line":
      return `Add "${fix.text}"`;
  }
}
