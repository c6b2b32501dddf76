import type { SweepCheck } from "./types.js";

export const delegation: SweepCheck = {
  meta: {
    id: "delegation",
    permissions: ["Calendars.Read"],
    clause: "delegation",
    remediation: "Ask them to add a colleague as a delegate (Outlook → Delegate access) before they go.",
    docs: "Where the pack requires delegation, an absent member of staff has an enabled delegate inside the school.",
  },
  run({ pack, absence, permissions }) {
    if (!pack.absence.delegationRequired || !absence) return [];
    if (!permissions.ok)
      return [
        { status: "not-evaluated", detail: `Calendar permissions could not be read (HTTP ${permissions.status}).` },
      ];
    const delegates = permissions.value.filter((permission) => permission.role.toLowerCase().startsWith("delegate"));
    if (delegates.length === 0) return [{ status: "fail", detail: "Absent with no calendar delegate." }];
    const outside = delegates.filter((permission) => !permission.isInsideOrganization);
    if (outside.length === delegates.length) {
      return [
        {
          status: "fail",
          detail: `The only delegate is outside the school: ${outside.map((p) => p.emailAddress.address).join(", ")}.`,
        },
      ];
    }
    return [];
  },
};
