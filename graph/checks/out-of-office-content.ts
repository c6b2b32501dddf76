import { analyzeDraft, htmlToText, sensitiveEntities } from "../../policy/index.js";
import { describeEntities } from "../../policy/rules/personal-data/sensitive.js";
import { internalDetails } from "./internal-detail.js";
import { isBlankHtml, sameEnum, type CheckResult, type SweepCheck } from "./types.js";

export const outOfOfficeContent: SweepCheck = {
  meta: {
    id: "out-of-office-content",
    title: "Personal or internal details in automatic replies",
    permissions: ["MailboxSettings.Read"],
    // No clause key is about what an automatic reply may say: "personal-data" is the school's sentence on
    // sending personal data (St John Payne's: verify the recipient, request confirmation of safe receipt),
    // which an automatic reply to whoever writes in cannot follow, and "out-of-office" is about turning
    // the reply on. So the finding cites our own guidance, as the add-in's rules do without a clause.
    clause: null,
    guidance:
      "An automatic reply goes to whoever writes in: say when you are back and whom to contact instead (the school office), and leave out pupils', families' and colleagues' details, your own personal contact details and the school's internal details (network paths, extensions, cover arrangements).",
    remediation:
      "Ask them to rewrite the automatic reply in Outlook (File → Automatic Replies, or Settings → Mail → Automatic replies on the web) without personal or internal details: say when they are back and send people to the school office.",
    docs: "Every automatic reply that is on is checked on this machine by the same engine as the add-in: personal data in the external reply (fail when the audience is everyone, warn for contacts only) or the internal one (warn), and internal detail (network paths, extensions, cover arrangements) in a reply to everyone (warn).",
  },
  run({ pack, replies }): CheckResult[] {
    if (!replies.ok) return [{ status: "not-evaluated", detail: replies.reason }];
    const setting = replies.value;
    if (sameEnum(setting.status, "disabled")) return [];
    const disclosed = (html: string) =>
      sensitiveEntities(analyzeDraft({ subject: "", body: html, bodyType: "html" }, pack).personalData);
    const results: CheckResult[] = [];
    const external = setting.externalReplyMessage ?? "";
    const internal = setting.internalReplyMessage ?? "";
    if (!sameEnum(setting.externalAudience, "none") && !isBlankHtml(external)) {
      const entities = disclosed(external);
      const toEveryone = sameEnum(setting.externalAudience, "all");
      if (entities.length > 0) {
        results.push({
          status: toEveryone ? "fail" : "warn",
          detail: `The external reply (to ${toEveryone ? "anyone who writes in" : "their contacts"}) discloses ${describeEntities(entities)}.`,
        });
      }
      const details = toEveryone ? internalDetails(htmlToText(external)) : [];
      if (details.length > 0) {
        results.push({
          status: "warn",
          detail: `The external reply goes to anyone who writes in and gives ${details.map((entry) => entry.label).join(", ")}.`,
        });
      }
    }
    if (!isBlankHtml(internal)) {
      const entities = disclosed(internal);
      if (entities.length > 0)
        results.push({ status: "warn", detail: `The internal reply discloses ${describeEntities(entities)}.` });
    }
    return results;
  },
};
