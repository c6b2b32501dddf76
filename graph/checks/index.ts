import { delegation } from "./delegation.js";
import { externalForwarding } from "./external-forwarding.js";
import { outOfOffice } from "./out-of-office.js";
import { outOfOfficeContent } from "./out-of-office-content.js";
import type { FindingCheck, SweepCheck } from "./types.js";

/** Every sweep check, explicitly and in id order (nothing is discovered by scanning folders). */
export const checks: readonly SweepCheck[] = [delegation, externalForwarding, outOfOffice, outOfOfficeContent];

export const MAILBOX_CHECK = {
  title: "Mailbox could be read",
  remediation:
    "Check that the person has an Exchange Online mailbox (Exchange admin centre → Recipients → Mailboxes) and that the app's Exchange RBAC scope includes it.",
  policyRef: {
    section: "School Policy Guard",
    quote: "A mailbox the sweep cannot read is listed as not evaluated, never passed.",
  },
} as const;

export function checkTitle(id: FindingCheck): string {
  return id === "mailbox" ? MAILBOX_CHECK.title : (checks.find((check) => check.meta.id === id)?.meta.title ?? id);
}

export function checkRemediation(id: FindingCheck): string {
  return id === "mailbox"
    ? MAILBOX_CHECK.remediation
    : (checks.find((check) => check.meta.id === id)?.meta.remediation ?? "");
}

/**
 * What Microsoft Graph cannot see, said once at the top of every report with the Exchange Online
 * PowerShell an admin can run instead (Connect-ExchangeOnline first; read-only cmdlets).
 */
export const GRAPH_BLIND_SPOTS: readonly { readonly what: string; readonly commands: readonly string[] }[] = [
  {
    what: "Mailbox delegation (FullAccess, SendAs, Send on Behalf) is not visible to Microsoft Graph: the delegation check sees calendar delegates only.",
    commands: [
      'Get-EXOMailbox -ResultSize Unlimited | Get-EXOMailboxPermission | Where-Object { $_.User -notlike "NT AUTHORITY*" }',
      "Get-EXORecipientPermission -ResultSize Unlimited | Where-Object { $_.Trustee -notlike 'NT AUTHORITY*' }",
      "Get-EXOMailbox -ResultSize Unlimited -Properties GrantSendOnBehalfTo | Where-Object { $_.GrantSendOnBehalfTo } | Format-Table UserPrincipalName,GrantSendOnBehalfTo",
    ],
  },
  {
    what: "Forwarding set on the whole mailbox (ForwardingSmtpAddress or ForwardingAddress, by an admin or in Outlook on the web) is not visible to Microsoft Graph: only inbox rules were checked.",
    commands: [
      "Get-EXOMailbox -ResultSize Unlimited -Properties ForwardingSmtpAddress,ForwardingAddress,DeliverToMailboxAndForward | Where-Object { $_.ForwardingSmtpAddress -or $_.ForwardingAddress } | Format-Table UserPrincipalName,ForwardingSmtpAddress,ForwardingAddress,DeliverToMailboxAndForward",
    ],
  },
];
