import Database from "better-sqlite3";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraphClient } from "../server/graph-client.js";
import { SharePointAcknowledgementStore } from "../server/store/sharepoint.js";
import { SqliteAcknowledgementStore, TRIGGERS } from "../server/store/sqlite.js";
import { startGraphStandIn, type GraphStandIn } from "./sharepoint-stand-in.js";
import { storeContract } from "./store-contract.js";
import { TEST_AUDIT_KEY, tempDir } from "./helpers.js";

const dir = tempDir("spg-stores-");
let counter = 0;
afterAll(() => dir.remove());

storeContract("SQLite", async () => {
  const path = join(dir.path, `contract-${(counter += 1)}.db`);
  const store = new SqliteAcknowledgementStore({ path, key: TEST_AUDIT_KEY });
  return {
    store,
    async tamper(seq, fullName) {
      store.db.exec("DROP TRIGGER acknowledgements_no_update");
      store.db.prepare("UPDATE acknowledgements SET full_name = ? WHERE seq = ?").run(fullName, seq);
      // A careful tamperer puts the guard back: only the keyed hash can tell.
      store.db.exec(TRIGGERS["acknowledgements_no_update"]!);
    },
    dispose: () => store.close(),
  };
});

let standIn: GraphStandIn;
beforeAll(async () => {
  // A small page size so every listing crosses @odata.nextLink pages.
  standIn = await startGraphStandIn({ pageSize: 3 });
});
afterAll(() => standIn.close());

storeContract("SharePoint list (Graph stand-in)", async () => {
  const listId = `list-${(counter += 1)}`;
  const client = createGraphClient({
    baseUrl: standIn.baseUrl,
    authProvider: { getAccessToken: async () => standIn.token },
  });
  const store = new SharePointAcknowledgementStore({
    client,
    siteId: "contoso.sharepoint.com,site-guid,web-guid",
    listId,
    key: TEST_AUDIT_KEY,
  });
  return {
    store,
    async tamper(seq, fullName) {
      const list = standIn.items.get(`contoso.sharepoint.com,site-guid,web-guid/${listId}`)!;
      const row = [...list.values()].find((item) => item.fields["Seq"] === seq)!;
      const response = await fetch(
        `${standIn.baseUrl}/v1.0/sites/contoso.sharepoint.com,site-guid,web-guid/lists/${listId}/items/${row.id}/fields`,
        {
          method: "PATCH",
          headers: { Authorization: `Bearer ${standIn.token}`, "Content-Type": "application/json" },
          body: JSON.stringify({ FullName: fullName }),
        },
      );
      expect(response.status).toBe(200);
    },
    dispose: () => store.close(),
  };
});

describe("SharePoint store requests", () => {
  it("posts { fields } to the list's items and filters with the non-indexed query header", async () => {
    const client = createGraphClient({
      baseUrl: standIn.baseUrl,
      authProvider: { getAccessToken: async () => standIn.token },
    });
    const store = new SharePointAcknowledgementStore({
      client,
      siteId: "site-1",
      listId: "evidence",
      key: TEST_AUDIT_KEY,
    });
    const before = standIn.requests.length;
    await store.append({
      tid: "t",
      oid: "o'neill",
      upn: "u",
      displayName: "d",
      fullName: "f",
      nameMatch: true,
      policyId: "p",
      version: "1",
      textHash: "a".repeat(64),
    });
    const made = standIn.requests.slice(before);
    const post = made.find(
      (request) =>
        request.method === "POST" && (request.body as { fields: Record<string, unknown> }).fields["Kind"] === "ack",
    )!;
    expect(post.path).toBe("/v1.0/sites/site-1/lists/evidence/items");
    expect(Object.keys(post.body as object)).toEqual(["fields"]);
    expect((post.body as { fields: Record<string, unknown> }).fields).toMatchObject({
      Seq: 1,
      Oid: "o'neill",
      PolicyId: "p",
    });
    const filtered = made.find((request) => request.path.includes("filter=fields/Tid"))!;
    expect(decodeURIComponent(filtered.path)).toContain("$filter=fields/Tid eq 't' and fields/Oid eq 'o''neill'");
    expect(filtered.headers.prefer).toBe("HonorNonIndexedQueriesWarningMayFailRandomly");
    expect(made.every((request) => request.headers.authorization === `Bearer ${standIn.token}`)).toBe(true);
  });

  it("SQLite refuses UPDATE and DELETE through its triggers", async () => {
    const store = new SqliteAcknowledgementStore({ path: join(dir.path, "triggers.db"), key: TEST_AUDIT_KEY });
    await store.append({
      tid: "t",
      oid: "o",
      upn: "u",
      displayName: "d",
      fullName: "f",
      nameMatch: true,
      policyId: "p",
      version: "1",
      textHash: "a".repeat(64),
    });
    expect(() => store.db.prepare("UPDATE acknowledgements SET full_name = 'x'").run()).toThrow(/append-only/);
    expect(() => store.db.prepare("DELETE FROM acknowledgements").run()).toThrow(/append-only/);
    expect(store.db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(store.db.pragma("user_version", { simple: true })).toBe(2);
    await store.close();
    // Re-opening runs no migration twice.
    const reopened = new Database(join(dir.path, "triggers.db"));
    expect(reopened.pragma("user_version", { simple: true })).toBe(2);
    reopened.close();
  });
});
