import { defaultCitation, defineRule } from "../define.js";
import { describeEntities, entityTexts, sensitiveEntities } from "./sensitive.js";

export default defineRule({
  meta: {
    id: "personal-data-in-subject",
    category: "personal-data-in-subject",
    defaultSeverity: "nudge",
    clause: "personal-data-in-subject",
    fallbackCitation: defaultCitation(
      "Data security",
      "Subject lines are not encrypted and are shown in lists and notifications: keep personal data out of them.",
    ),
    docs: "Identifiers, dates of birth or a named person's sensitive details in the subject line, which is never encrypted.",
    messages: {
      subject: "The subject line contains {{what}}. Subject lines are never encrypted: take it out.",
    },
  },
  check({ draft, pack, bodyText, personalData }) {
    const inSubject = sensitiveEntities(personalData, "subject");
    if (inSubject.length === 0) return [];
    // Remove the names too: "Jack Smith EHCP" without "EHCP" still names the pupil next to the topic.
    const names = personalData.filter((entity) => entity.location === "subject" && entity.type === "person-name");
    const spans = [...inSubject, ...names].map(({ start, end }) => ({ start, end })).sort((a, b) => a.start - b.start);
    return [
      {
        messageId: "subject",
        data: { what: describeEntities(inSubject, entityTexts(draft.subject, bodyText, [])) },
        location: "subject",
        spans: inSubject.map(({ start, end }) => ({ start, end })),
        severity: pack.personalData.blockInSubject ? "block" : "nudge",
        fix: { kind: "remove-subject-spans", spans },
      },
    ];
  },
});
