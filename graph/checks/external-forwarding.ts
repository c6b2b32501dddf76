import { isInternalAddress } from "../../policy/index.js";
import type { CheckResult, SweepCheck } from "./types.js";

/** messageRuleActions that send a copy of the mail somewhere. */
export const FORWARDING_ACTIONS = ["forwardTo", "redirectTo", "forwardAsAttachmentTo"] as const;

export const externalForwarding: SweepCheck = {
  meta: {
    id: "external-forwarding",
    permissions: ["MailboxSettings.Read"],
    clause: "forwarding",
    remediation:
      "Talk to the member of staff, then disable the rule (Outlook → Rules, or Exchange admin centre); consider an outbound spam policy that blocks automatic external forwarding.",
    docs: "Every user (absent or not): an enabled inbox rule forwards, redirects or forwards as an attachment to an address outside the school's email domains.",
  },
  run({ pack, rules }): CheckResult[] {
    if (!rules.ok)
      return [{ status: "not-evaluated", detail: `Inbox rules could not be read (HTTP ${rules.status}).` }];
    const results: CheckResult[] = [];
    for (const rule of rules.value) {
      if (!rule.isEnabled) continue;
      for (const action of FORWARDING_ACTIONS) {
        const outside = (rule.actions?.[action] ?? [])
          .map((target) => target.emailAddress.address)
          .filter((address) => !isInternalAddress(address, pack));
        if (outside.length > 0)
          results.push({
            status: "fail",
            detail: `Inbox rule "${rule.displayName}" (${action}) sends mail to ${outside.join(", ")}.`,
          });
      }
    }
    return results;
  },
};
