import { describeAbsence } from "./out-of-office.js";
import { sameEnum, type CheckResult, type SweepCheck } from "./types.js";

/** calendarPermission roles that make someone a delegate (Graph's calendarRoleType). */
const DELEGATE_ROLES = ["delegateWithoutPrivateEventAccess", "delegateWithPrivateEventAccess"];

export const delegation: SweepCheck = {
  meta: {
    id: "delegation",
    title: "Someone covering their calendar while away",
    permissions: ["Calendars.ReadBasic", "User.Read.All"],
    clause: "delegation",
    remediation:
      "Before they go, ask them to add an enabled colleague as a delegate in Outlook (File → Account Settings → Delegate Access, or the calendar's Sharing and permissions → Delegate); if they are already away, an Exchange admin can make that colleague a delegate of their calendar alone (Exchange Online PowerShell: Add-MailboxFolderPermission -Identity <them>:\\Calendar -User <colleague> -AccessRights Editor -SharingPermissionFlags Delegate). Not FullAccess to the mailbox: that opens every email of someone who may be off sick or under investigation. If a colleague already has mailbox access in Exchange, record that and ignore this warning.",
    docs: "Where the pack requires delegation, staff absent for more than the same threshold as the out-of-office check have at least one calendar delegate inside the school who is in the directory, enabled and not a guest. Graph sees calendar delegates only, so a missing one is a warning, never a certain failure.",
  },
  run({ pack, absence, permissions, isInternal, lookup, calendar }): CheckResult[] {
    if (!pack.absence.delegationRequired) return [];
    if (!absence.ok) return [{ status: "not-evaluated", detail: `Absence unknown: ${absence.reason}` }];
    if (!absence.value) return [];
    const away = describeAbsence(absence.value, calendar);
    if (!permissions.ok) return [{ status: "not-evaluated", detail: `${away}; ${permissions.reason}` }];
    const delegates = permissions.value.filter((permission) =>
      DELEGATE_ROLES.some((role) => sameEnum(permission.role, role)),
    );
    // Each warning keeps to its own facts: what Graph cannot see (FullAccess, SendAs, Send on Behalf) is
    // said once at the top of the report (GRAPH_BLIND_SPOTS), and the remediation says what to do about it.
    if (delegates.length === 0) return [{ status: "warn", detail: `${away}; no calendar delegate.` }];
    const problems = delegates.map((permission) => {
      const address = permission.emailAddress?.address ?? "(no address)";
      if (permission.isInsideOrganization === false || !isInternal(address)) return `${address} is outside the school`;
      const entry = lookup(address);
      if (!entry) return `${address} is not in the directory`;
      if (!entry.accountEnabled) return `${address} is disabled`;
      if (sameEnum(entry.userType, "guest")) return `${address} is a guest`;
      return undefined;
    });
    // One usable delegate is enough: the others are noise, not a breach.
    if (problems.includes(undefined)) return [];
    return [{ status: "warn", detail: `${away}; no usable calendar delegate (${problems.join("; ")}).` }];
  },
};
