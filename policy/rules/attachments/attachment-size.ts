import { defaultCitation, defineRule } from "../define.js";

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "");
}

export default defineRule({
  meta: {
    id: "attachment-size",
    category: "attachments",
    defaultSeverity: "nudge",
    clause: "attachment-size",
    fallbackCitation: defaultCitation("E-mail", "Large attachments should be shared by a link, not sent by e-mail."),
    docs: "Attachments (not inline images) larger in total than the pack's limit (default 10 MB).",
    messages: {
      large:
        "Attachments total {{size}} MB, over the school's {{limit}} MB limit. Share a OneDrive or SharePoint link instead.",
    },
  },
  check({ draft, pack }) {
    const total = draft.attachments
      .filter((file) => !file.isInline)
      .reduce((sum, file) => sum + Math.max(0, file.size), 0);
    const limit = pack.attachments.maxTotalBytes;
    return total > limit
      ? [{ messageId: "large", data: { size: megabytes(total), limit: megabytes(limit) }, location: "attachments" }]
      : [];
  },
});
