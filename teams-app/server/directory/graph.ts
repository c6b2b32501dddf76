import type { Client } from "@microsoft/microsoft-graph-client";
import { pageAll } from "../graph-client.js";
import { DirectoryError, type Directory, type GroupRef, type Person } from "./types.js";

interface GraphUser {
  id: string;
  displayName?: string | null;
  userPrincipalName?: string | null;
}

/**
 * Audience membership from Entra ID through Microsoft Graph (app-only, GroupMember.Read.All):
 * members of nested groups count, as schools often nest "All staff" groups.
 */
export class GraphDirectory implements Directory {
  constructor(
    private readonly client: Client,
    private readonly tenantId: string,
  ) {}

  async membersOf(group: GroupRef): Promise<readonly Person[]> {
    const id = requireId(group);
    // The cast segment limits transitive members to users (no devices, contacts or groups).
    const users = await pageAll<GraphUser>(
      this.client,
      `/groups/${encodeURIComponent(id)}/transitiveMembers/microsoft.graph.user?$select=id,displayName,userPrincipalName&$top=999`,
    );
    return users.map((user) => ({
      tid: this.tenantId,
      oid: user.id,
      upn: user.userPrincipalName ?? "",
      displayName: user.displayName ?? user.userPrincipalName ?? user.id,
    }));
  }

  async groupsOf(person: Pick<Person, "tid" | "oid">, groups: readonly GroupRef[]): Promise<readonly GroupRef[]> {
    if (person.tid !== this.tenantId) return [];
    const withIds = groups.filter((group): group is GroupRef & { id: string } => Boolean(group.id));
    const found = new Set<string>();
    // checkMemberGroups takes at most 20 group ids per call.
    for (let start = 0; start < withIds.length; start += 20) {
      const groupIds = withIds.slice(start, start + 20).map((group) => group.id);
      const response = (await this.client
        .api(`/users/${encodeURIComponent(person.oid)}/checkMemberGroups`)
        .post({ groupIds })) as { value: string[] };
      for (const id of response.value) found.add(id);
    }
    return withIds.filter((group) => found.has(group.id));
  }
}

function requireId(group: GroupRef): string {
  if (!group.id) throw new DirectoryError(`The policy pack gives no Entra object id for group "${group.name}".`);
  return group.id;
}
