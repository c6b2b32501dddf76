import type { SweepCheck } from "./types.js";

export const delegation: SweepCheck = {
  meta: {
    id: "delegation",
    permissions: ["Calendars.Read"],
    clause: "delegation",
    remediation: "Ask them to add a colleague as a delegate (Outlook → Delegate access) before they go.",
    docs: "Where the pack requires delegation, an absent member of staff has an enabled delegate inside the school.",
  },
  run({ pack, absence, permissions, lookup }) {
    if (!pack.absence.delegationRequired || !absence) return [];
    if (!permissions.ok)
      return [
        { status: "not-evaluated", detail: `Calendar permissions could not be read (HTTP ${permissions.status}).` },
      ];
    const delegates = permissions.value.filter((permission) => permission.role.toLowerCase().startsWith("delegate"));
    if (delegates.length === 0) return [{ status: "fail", detail: "Absent with no calendar delegate." }];
    // A delegate counts only when they are inside the school, found in the directory, enabled and not a guest.
    const problems = delegates.map((permission) => {
      const address = permission.emailAddress.address;
      if (!permission.isInsideOrganization) return `${address} is outside the school`;
      if (!lookup) return undefined;
      const entry = lookup(address);
      if (!entry) return `${address} was not found in the directory`;
      if (!entry.accountEnabled) return `${address} is disabled`;
      if (entry.userType.toLowerCase() === "guest") return `${address} is a guest`;
      return undefined;
    });
    if (problems.every((problem) => problem !== undefined)) {
      return [{ status: "fail", detail: `No usable delegate: ${problems.join("; ")}.` }];
    }
    return [];
  },
};
