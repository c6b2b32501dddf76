import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../server/app.js";
import { GraphDirectory } from "../server/directory/graph.js";
import { createGraphClient } from "../server/graph-client.js";
import { GraphError } from "@microsoft/microsoft-graph-client";
import { GraphActivityNotifier, notificationFailure } from "../server/notifier.js";
import { createServices, type Services } from "../server/services.js";
import {
  claimsFor,
  startIdentityProvider,
  TENANT,
  tempDir,
  testConfig,
  testUser,
  type TestIdentityProvider,
} from "./helpers.js";
import { startGraphStandIn, type GraphStandIn } from "./sharepoint-stand-in.js";

const STAFF_GROUP = "11111111-1111-4111-8111-111111111111";
const GOVERNORS_GROUP = "22222222-2222-4222-8222-222222222222";
const admin = testUser("Ada Admin", ["PolicyAdmin"]);
const staffMembers = Array.from({ length: 7 }, (_, index) => testUser(`Graph Staff ${index}`));

let standIn: GraphStandIn;
let idp: TestIdentityProvider;
let dir: ReturnType<typeof tempDir>;
let services: Services;

beforeAll(async () => {
  standIn = await startGraphStandIn({
    pageSize: 3,
    throttleFirst: 1,
    groups: {
      [STAFF_GROUP]: [admin, ...staffMembers].map((user) => ({
        id: user.oid,
        displayName: user.name,
        userPrincipalName: user.upn,
      })),
      [GOVERNORS_GROUP]: [],
      "33333333-3333-4333-8333-333333333333": [],
    },
  });
  idp = await startIdentityProvider();
  dir = tempDir("spg-graph-");
});
afterAll(async () => {
  await services?.store.close();
  await standIn.close();
  await idp.close();
  dir.remove();
});

const client = () =>
  createGraphClient({ baseUrl: standIn.baseUrl, authProvider: { getAccessToken: async () => standIn.token } });

describe("Graph directory", () => {
  it("pages through transitive user members of a group", async () => {
    const directory = new GraphDirectory(client(), TENANT);
    const members = await directory.membersOf({ id: STAFF_GROUP, name: "All Staff" });
    expect(members).toHaveLength(8);
    expect(members[1]).toEqual({
      tid: TENANT,
      oid: staffMembers[0]!.oid,
      upn: staffMembers[0]!.upn,
      displayName: staffMembers[0]!.name,
    });
    expect(standIn.requests.filter((request) => request.path.includes("transitiveMembers")).length).toBe(3);
  });

  it("checks a person's audience groups with checkMemberGroups", async () => {
    const directory = new GraphDirectory(client(), TENANT);
    const groups = await directory.groupsOf({ tid: TENANT, oid: admin.oid }, [
      { id: STAFF_GROUP, name: "All Staff" },
      { id: GOVERNORS_GROUP, name: "Governors" },
    ]);
    expect(groups).toEqual([{ id: STAFF_GROUP, name: "All Staff" }]);
    expect(
      await directory.groupsOf({ tid: "another-tenant", oid: admin.oid }, [{ id: STAFF_GROUP, name: "All Staff" }]),
    ).toEqual([]);
  });
});

describe("reminders through Graph sendActivityNotification", () => {
  it("sends one documented activity notification per outstanding person, retrying a 429", async () => {
    const graph = client();
    const config = testConfig(idp.jwksUri, `${dir.path}/acks.db`, {
      TEAMS_APP_ID: "7d2e1f3a-0000-4000-8000-000000000abc",
    });
    services = createServices(config, {
      directory: new GraphDirectory(graph, TENANT),
      notifier: new GraphActivityNotifier(graph),
      now: () => new Date("2026-11-25T09:00:00Z"),
    });
    const app = createApp(config, services);
    const headers = { Authorization: `Bearer ${await idp.mint(claimsFor(admin))}`, "Content-Type": "application/json" };
    const preview = await app.request("/api/admin/reminders", {
      method: "POST",
      headers,
      body: JSON.stringify({ policyId: "acceptable-use" }),
    });
    const { confirm } = (await preview.json()) as { confirm: string };
    expect(standIn.notifications).toHaveLength(0);
    const response = await app.request("/api/admin/reminders", {
      method: "POST",
      headers,
      body: JSON.stringify({ policyId: "acceptable-use", confirm }),
    });
    expect(await response.json()).toEqual({ outstanding: 8, people: 8, sent: 8, failed: [], rateLimited: [] });
    expect(standIn.notifications.map((entry) => entry.userId).sort()).toEqual(
      [admin, ...staffMembers].map((user) => user.oid).sort(),
    );
    expect(standIn.notifications[0]!.body).toEqual({
      topic: {
        source: "text",
        value: "Acceptable use agreement",
        webUrl: "https://teams.microsoft.com/l/entity/7d2e1f3a-0000-4000-8000-000000000abc/policies",
      },
      activityType: "policyAcknowledgementDue",
      previewText: {
        content: "Please read and acknowledge Acceptable use agreement (version 2026.1) by 30 September 2026.",
      },
      templateParameters: [
        { name: "policyTitle", value: "Acceptable use agreement" },
        { name: "dueDate", value: "30 September 2026" },
      ],
      teamsAppId: "7d2e1f3a-0000-4000-8000-000000000abc",
    });
    const posts = standIn.requests.filter((request) => request.path.endsWith("/teamwork/sendActivityNotification"));
    expect(posts).toHaveLength(9); // one throttled with Retry-After, then retried
    expect(posts.every((request) => request.headers["content-type"]?.startsWith("application/json"))).toBe(true);
  });

  it("names each person Graph refused (no Teams app: 403; gone from Entra ID: 404) and records them", async () => {
    const [without, ...others] = staffMembers;
    const gone = testUser("Gone Leaver");
    const refusing = await startGraphStandIn({
      groups: {
        [STAFF_GROUP]: [admin, ...others, without!, gone].map((user) => ({
          id: user.oid,
          displayName: user.name,
          userPrincipalName: user.upn,
        })),
        [GOVERNORS_GROUP]: [],
        "33333333-3333-4333-8333-333333333333": [],
      },
      appNotInstalledFor: [without!.oid],
      deletedUsers: [gone.oid],
    });
    const store = tempDir("spg-graph-refused-");
    try {
      const graph = createGraphClient({
        baseUrl: refusing.baseUrl,
        authProvider: { getAccessToken: async () => refusing.token },
      });
      const config = testConfig(idp.jwksUri, `${store.path}/acks.db`);
      const refusedServices = createServices(config, {
        directory: new GraphDirectory(graph, TENANT),
        notifier: new GraphActivityNotifier(graph),
        now: () => new Date("2026-11-25T09:00:00Z"),
      });
      try {
        const app = createApp(config, refusedServices);
        const headers = {
          Authorization: `Bearer ${await idp.mint(claimsFor(admin))}`,
          "Content-Type": "application/json",
        };
        const ask = (body: object) =>
          app.request("/api/admin/reminders", { method: "POST", headers, body: JSON.stringify(body) });
        const { confirm } = (await (await ask({ policyId: "acceptable-use" })).json()) as { confirm: string };
        const result = (await (await ask({ policyId: "acceptable-use", confirm })).json()) as {
          sent: number;
          failed: { oid: string; policyId: string; reason: string }[];
        };
        expect(result.sent).toBe(7);
        expect([...result.failed].sort((a, b) => a.reason.localeCompare(b.reason))).toEqual([
          {
            oid: gone.oid,
            policyId: "acceptable-use",
            reason: "No such account in Entra ID (has this person left?).",
          },
          {
            oid: without!.oid,
            policyId: "acceptable-use",
            reason:
              "Teams refused: the app is not installed for this person (install it for everyone with an app setup policy).",
          },
        ]);
        const actions = await refusedServices.store.listAdminActions();
        const recorded = actions.find((action) => action.action === "reminders-result");
        expect(JSON.parse(recorded!.detail)).toEqual({
          sent: 7,
          failed: 2,
          notReached: expect.arrayContaining([gone.oid, without!.oid]),
        });
      } finally {
        await refusedServices.store.close();
      }
    } finally {
      await refusing.close();
      store.remove();
    }
  });
});

describe("notificationFailure", () => {
  it.each([
    [
      new GraphError(403, "Forbidden"),
      "Teams refused: the app is not installed for this person (install it for everyone with an app setup policy).",
    ],
    [new GraphError(404, "Resource does not exist."), "No such account in Entra ID (has this person left?)."],
    [new GraphError(500, "Internal error"), "Graph error 500: Internal error"],
    [new Error("socket hang up"), "socket hang up"],
    ["a string", "a string"],
  ])("says why %s was not delivered", (error, reason) => {
    expect(notificationFailure(error)).toBe(reason);
  });
});
