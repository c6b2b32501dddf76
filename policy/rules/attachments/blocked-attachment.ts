import { defaultCitation, defineRule } from "../define.js";

/** The real extension: the last one, so "report.pdf.exe" is an .exe. */
export function extensionOf(name: string): string {
  // Windows ignores trailing dots and spaces ("report.exe. " runs as an .exe); trimmed by hand, linear.
  const lower = name.trim().toLowerCase();
  let end = lower.length;
  // At end = 0, charAt(-1) is "": the loop stops there by itself.
  while (lower.charAt(end - 1) === "." || lower.charAt(end - 1) === " ") end--;
  const trimmed = lower.slice(0, end);
  const dot = trimmed.lastIndexOf(".");
  return dot === -1 ? "" : trimmed.slice(dot + 1);
}

export default defineRule({
  meta: {
    id: "blocked-attachment",
    category: "attachments",
    defaultSeverity: "block",
    clause: "blocked-attachment",
    fallbackCitation: defaultCitation(
      "Computer viruses",
      "Do not send executable files or scripts by e-mail: they can carry viruses.",
    ),
    docs: "Executable or script attachments (.exe, .bat, .js, .vbs...), including double extensions such as report.pdf.exe.",
    messages: { blocked: "{{names}} can't be sent: program and script files can carry viruses." },
  },
  check({ draft, pack }) {
    const blocked = draft.attachments.filter(
      (file) => pack.attachments.blockedExtensions.indexOf(extensionOf(file.name)) !== -1,
    );
    if (blocked.length === 0) return [];
    const names = blocked.map((file) => file.name);
    return [
      {
        messageId: "blocked",
        data: { names: names.join(", ") },
        location: "attachments",
        fix: { kind: "remove-attachments", names },
      },
    ];
  },
});
