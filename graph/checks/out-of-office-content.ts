import { analyzeDraft, sensitiveEntities } from "../../policy/index.js";
import { plainText, type SweepCheck } from "./types.js";

export const outOfOfficeContent: SweepCheck = {
  meta: {
    id: "out-of-office-content",
    permissions: ["MailboxSettings.Read"],
    clause: "personal-data",
    remediation: "Rewrite the automatic reply without personal details; send people to the school office instead.",
    docs: "An automatic reply, checked on this machine by the same engine as the add-in, discloses personal data (to anyone outside school when the external audience is 'all').",
  },
  run({ pack, replies }) {
    if (!replies.ok || replies.value.status.toLowerCase() === "disabled") return [];
    const found = (html: string) =>
      sensitiveEntities(analyzeDraft({ subject: "", body: html, bodyType: "html" }, pack).personalData);
    const results: { status: "fail" | "warn"; detail: string }[] = [];
    const audience = replies.value.externalAudience.toLowerCase();
    if (audience !== "none" && plainText(replies.value.externalReplyMessage) !== "") {
      const entities = found(replies.value.externalReplyMessage);
      if (entities.length > 0) {
        const types = [...new Set(entities.map((entity) => entity.type))].join(", ");
        results.push({
          status: audience === "all" ? "fail" : "warn",
          detail: `The external reply (audience: ${audience}) discloses ${types}.`,
        });
      }
    }
    const internal = found(replies.value.internalReplyMessage);
    if (internal.length > 0) {
      results.push({
        status: "warn",
        detail: `The internal reply discloses ${[...new Set(internal.map((entity) => entity.type))].join(", ")}.`,
      });
    }
    return results;
  },
};
