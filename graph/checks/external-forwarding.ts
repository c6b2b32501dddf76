import { isInternalAddress } from "../../policy/index.js";
import type { SweepCheck } from "./types.js";

const FORWARDING_ACTIONS = ["forwardTo", "redirectTo", "forwardAsAttachmentTo"] as const;

export const externalForwarding: SweepCheck = {
  meta: {
    id: "external-forwarding",
    permissions: ["MailboxSettings.Read"],
    clause: "forwarding",
    remediation:
      "Disable the rule in Exchange admin centre (Recipients → Mailboxes → mail flow) and talk to the member of staff.",
    docs: "An enabled inbox rule forwards, redirects or forwards as attachment to an address outside the school's domains.",
  },
  run({ pack, rules }) {
    if (!rules.ok)
      return [{ status: "not-evaluated", detail: `Inbox rules could not be read (HTTP ${rules.status}).` }];
    const results: { status: "fail"; detail: string }[] = [];
    for (const rule of rules.value) {
      if (!rule.isEnabled) continue;
      for (const action of FORWARDING_ACTIONS) {
        const outside = (rule.actions[action] ?? [])
          .map((target) => target.emailAddress.address)
          .filter((address) => !isInternalAddress(address, pack));
        if (outside.length > 0)
          results.push({
            status: "fail",
            detail: `Rule "${rule.displayName}" (${action}) sends mail to ${outside.join(", ")}.`,
          });
      }
    }
    return results;
  },
};
