import { describe, expect, it } from "vitest";
import type { Fix } from "./types.js";
import { fixLabel } from "./fix-label.js";

// One wording for the task pane's buttons and `check --text`: what will happen, in a teacher's words.
describe("fixLabel", () => {
  it.each<[Fix, string]>([
    [{ kind: "prefix-subject", text: "Personal:" }, 'Add "Personal:" to the subject'],
    [
      { kind: "apply-encryption", mechanism: { kind: "sensitivity-label", labelId: "x", labelName: "Confidential" } },
      'Apply the "Confidential" label',
    ],
    [
      { kind: "apply-encryption", mechanism: { kind: "subject-tag", tag: "[secure]" } },
      "Add [secure] to the subject to encrypt",
    ],
    [{ kind: "move-to-bcc", addresses: ["a@x.org"] }, "Move 1 address to Bcc"],
    [{ kind: "move-to-bcc", addresses: ["a@x.org", "b@x.org", "c@x.org"] }, "Move 3 addresses to Bcc"],
    [{ kind: "remove-subject-spans", spans: [{ start: 0, end: 4 }] }, "Remove it from the subject"],
    [{ kind: "append-disclaimer", text: "This email is confidential." }, "Add the school disclaimer"],
    [{ kind: "add-cc", recipients: [{ name: "Mrs Hart", address: "head@x.sch.uk" }] }, "Cc Mrs Hart"],
    [
      { kind: "add-cc", recipients: [{ address: "a@x.sch.uk" }, { address: "b@x.sch.uk" }, { address: "c@x.sch.uk" }] },
      "Cc a@x.sch.uk, b@x.sch.uk and 1 more",
    ],
    [{ kind: "remove-attachments", names: ["plan.pdf", "list.xlsx"] }, "Remove plan.pdf and list.xlsx"],
    [{ kind: "replace-subject", text: "Confidential matter" }, 'Remove it: subject becomes "Confidential matter"'],
    [
      { kind: "append-line", text: "Please confirm that you have received this email safely." },
      'Add "Please confirm that you have received this email safely."',
    ],
  ])("%j", (fix, label) => {
    expect(fixLabel(fix)).toBe(label);
  });
});
