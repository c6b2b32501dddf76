import { defaultCitation, defineRule } from "../define.js";
import { externalRecipients, isEncrypted } from "../../engine/draft.js";
import { describeEntities, entityTexts, sensitiveEntities } from "./sensitive.js";

export default defineRule({
  meta: {
    id: "unencrypted-personal-data",
    category: "personal-data",
    defaultSeverity: "nudge",
    clause: "encryption",
    fallbackCitation: defaultCitation(
      "Data security",
      "Personal or confidential information sent by e-mail must be protected.",
    ),
    docs: "Personal data (identifiers, dates of birth, addresses, a named person with sensitive details) in a message that is not encrypted the way the school's mail system requires.",
    messages: {
      required: "This email contains {{what}}. The school requires it to go encrypted: apply {{mechanism}}.",
      consider: "This email contains {{what}} and is going outside the school. Consider sending it securely.",
    },
  },
  check({ draft, pack, bodyText, personalData }) {
    const found = sensitiveEntities(personalData);
    if (found.length === 0 || isEncrypted(draft, pack)) return [];
    const external = externalRecipients(draft, pack).length > 0;
    const recipients = draft.to.length + draft.cc.length + draft.bcc.length;
    const names = draft.attachments.map((attachment) => attachment.name);
    const what = describeEntities(found, entityTexts(draft.subject, bodyText, names));
    const spans = found.filter((entity) => entity.location === "body").map(({ start, end }) => ({ start, end }));
    const encryption = pack.encryption;
    if (encryption.required && (external || encryption.internalToo || recipients === 0)) {
      const mechanism = encryption.mechanism;
      const mechanismWords =
        mechanism.kind === "subject-tag"
          ? `the ${mechanism.tag} tag`
          : mechanism.kind === "sensitivity-label"
            ? `the "${mechanism.labelName}" label`
            : "secure sending";
      return [
        {
          messageId: "required",
          data: { what, mechanism: mechanismWords },
          location: "body",
          spans,
          severity: "block",
          fix: { kind: "apply-encryption", mechanism },
        },
      ];
    }
    if (!encryption.required && external) return [{ messageId: "consider", data: { what }, location: "body", spans }];
    return [];
  },
});
