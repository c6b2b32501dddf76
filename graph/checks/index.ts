import { delegation } from "./delegation.js";
import { externalForwarding } from "./external-forwarding.js";
import { outOfOffice } from "./out-of-office.js";
import { outOfOfficeContent } from "./out-of-office-content.js";
import type { SweepCheck } from "./types.js";

/** Every sweep check, explicitly and in id order (nothing is discovered by scanning folders). */
export const checks: readonly SweepCheck[] = [delegation, externalForwarding, outOfOffice, outOfOfficeContent];

/** What Graph cannot see: reported as not evaluated for every user, never as a pass. */
export const NOT_EVALUATED_BY_GRAPH = {
  "mailbox-permissions":
    "Mailbox FullAccess, SendAs and SendOnBehalf permissions are not visible to Microsoft Graph; check them in Exchange Online (Get-MailboxPermission, Get-RecipientPermission).",
  "mailbox-forwarding":
    "Mailbox-level forwarding (ForwardingSmtpAddress, set by an admin or in Outlook on the web) is not visible to Microsoft Graph; check it with Get-Mailbox in Exchange Online.",
} as const;
