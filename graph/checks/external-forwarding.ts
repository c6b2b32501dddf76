import type { CheckResult, SweepCheck } from "./types.js";

/** messageRuleActions that send a copy of the mail somewhere. */
export const FORWARDING_ACTIONS = ["forwardTo", "redirectTo", "forwardAsAttachmentTo"] as const;

const ACTION_WORDS: Readonly<Record<(typeof FORWARDING_ACTIONS)[number], string>> = {
  forwardTo: "forwards",
  redirectTo: "redirects",
  forwardAsAttachmentTo: "forwards as an attachment",
};

export const externalForwarding: SweepCheck = {
  meta: {
    id: "external-forwarding",
    title: "Inbox rules forwarding mail outside the school",
    permissions: ["MailboxSettings.Read"],
    clause: "forwarding",
    remediation:
      "Talk to the member of staff, then remove the rule in Outlook (Settings → Mail → Rules) or in Exchange Online PowerShell: Get-InboxRule -Mailbox <upn> | Format-List Name,ForwardTo,RedirectTo,ForwardAsAttachmentTo, then Disable-InboxRule -Mailbox <upn> -Identity <rule name>. Consider an outbound spam policy that blocks automatic external forwarding.",
    docs: "Every member of staff (absent or not): an enabled inbox rule forwards, redirects or forwards as an attachment to an address outside the tenant's verified domains and the pack's domains. X500 addresses are colleagues in the directory.",
  },
  run({ rules, isInternal }): CheckResult[] {
    if (!rules.ok) return [{ status: "not-evaluated", detail: rules.reason }];
    const results: CheckResult[] = [];
    for (const rule of rules.value) {
      if (rule.isEnabled !== true) continue;
      for (const action of FORWARDING_ACTIONS) {
        const outside = (rule.actions?.[action] ?? [])
          .map((target) => target.emailAddress?.address ?? "")
          .filter((address) => address !== "" && !isInternal(address));
        if (outside.length > 0)
          results.push({
            status: "fail",
            detail: `Inbox rule "${rule.displayName ?? "(unnamed)"}" ${ACTION_WORDS[action]} mail to ${outside.join(", ")}.`,
          });
      }
    }
    return results;
  },
};
