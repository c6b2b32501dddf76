import { defaultCitation, defineRule } from "../define.js";
import { describeEntities, sensitiveEntities } from "../personal-data/sensitive.js";

export default defineRule({
  meta: {
    id: "sensitive-file-name",
    category: "attachments",
    defaultSeverity: "nudge",
    clause: "sensitive-file-name",
    fallbackCitation: defaultCitation(
      "Data security",
      "File names are visible even when the content is protected: do not put personal data in them.",
    ),
    docs: "Attachment names that reveal personal or sensitive data (an identifier, or a named pupil with SEN or health details).",
    messages: { name: "An attachment's file name shows {{what}}. Rename it before sending." },
  },
  appliesTo: (pack) => pack.attachments.sensitiveFileNames,
  check({ personalData }) {
    const found = sensitiveEntities(personalData, "attachments");
    return found.length === 0
      ? []
      : [
          {
            messageId: "name",
            data: { what: describeEntities(found) },
            location: "attachments",
            spans: found.map(({ start, end }) => ({ start, end })),
          },
        ];
  },
});
