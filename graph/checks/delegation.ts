import { isInternalAddress } from "../../policy/index.js";
import { sameEnum, type CheckResult, type SweepCheck } from "./types.js";

/** calendarPermission roles that make someone a delegate (Graph's calendarRoleType). */
const DELEGATE_ROLES = ["delegateWithoutPrivateEventAccess", "delegateWithPrivateEventAccess"];

export const delegation: SweepCheck = {
  meta: {
    id: "delegation",
    permissions: ["Calendars.Read", "User.Read.All"],
    clause: "delegation",
    remediation:
      "Before they go, ask them to add an enabled colleague as a delegate (Outlook → File → Account Settings → Delegate Access, or Calendar → Share → Delegate).",
    docs: "Where the pack requires delegation, staff absent for more than the threshold have at least one calendar delegate who is inside the school, found in the directory, enabled and not a guest.",
  },
  run({ pack, absence, permissions, lookup }): CheckResult[] {
    if (!pack.absence.delegationRequired || !absence) return [];
    if (!permissions.ok)
      return [
        { status: "not-evaluated", detail: `Calendar permissions could not be read (HTTP ${permissions.status}).` },
      ];
    const delegates = permissions.value.filter((permission) =>
      DELEGATE_ROLES.some((role) => sameEnum(permission.role, role)),
    );
    if (delegates.length === 0) return [{ status: "fail", detail: "Absent with no calendar delegate." }];
    const problems = delegates.map((permission) => {
      const address = permission.emailAddress.address;
      if (!permission.isInsideOrganization || !isInternalAddress(address, pack))
        return `${address} is outside the school`;
      const entry = lookup(address);
      if (!entry) return `${address} was not found in the directory`;
      if (!entry.accountEnabled) return `${address} is disabled`;
      if (sameEnum(entry.userType, "guest")) return `${address} is a guest`;
      return undefined;
    });
    // One usable delegate is enough: the others are noise, not a breach.
    if (problems.every((problem) => problem !== undefined))
      return [{ status: "fail", detail: `Absent with no usable delegate: ${problems.join("; ")}.` }];
    return [];
  },
};
