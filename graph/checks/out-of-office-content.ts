import { analyzeDraft, htmlToText, sensitiveEntities } from "../../policy/index.js";
import { describeEntities } from "../../policy/rules/personal-data/sensitive.js";
import { internalDetails } from "./internal-detail.js";
import { isBlankHtml, sameEnum, type CheckResult, type SweepCheck } from "./types.js";

export const outOfOfficeContent: SweepCheck = {
  meta: {
    id: "out-of-office-content",
    permissions: ["MailboxSettings.Read"],
    clause: "personal-data",
    remediation:
      "Rewrite the automatic reply without personal or internal details: say when they are back and send people to the school office.",
    docs: "Every automatic reply that is on is checked on this machine by the same engine as the add-in: personal data in the external reply (fail when the audience is everyone, warn for contacts only) or the internal one (warn), and internal detail (network paths, extensions, cover arrangements) in a reply to everyone (warn).",
  },
  run({ pack, replies }): CheckResult[] {
    if (!replies.ok || sameEnum(replies.value.status, "disabled")) return [];
    const setting = replies.value;
    const disclosed = (html: string) =>
      sensitiveEntities(analyzeDraft({ subject: "", body: html, bodyType: "html" }, pack).personalData);
    const results: CheckResult[] = [];
    const audience = setting.externalAudience;
    if (!sameEnum(audience, "none") && !isBlankHtml(setting.externalReplyMessage)) {
      const entities = disclosed(setting.externalReplyMessage);
      const toEveryone = sameEnum(audience, "all");
      if (entities.length > 0) {
        results.push({
          status: toEveryone ? "fail" : "warn",
          detail: `The external reply (to ${toEveryone ? "anyone who writes in" : "their contacts"}) discloses ${describeEntities(entities)}.`,
        });
      }
      const internal = toEveryone ? internalDetails(htmlToText(setting.externalReplyMessage)) : [];
      if (internal.length > 0) {
        results.push({
          status: "warn",
          detail: `The external reply goes to anyone who writes in and gives ${internal.map((entry) => entry.label).join(", ")}.`,
        });
      }
    }
    if (!isBlankHtml(setting.internalReplyMessage)) {
      const entities = disclosed(setting.internalReplyMessage);
      if (entities.length > 0)
        results.push({ status: "warn", detail: `The internal reply discloses ${describeEntities(entities)}.` });
    }
    return results;
  },
};
