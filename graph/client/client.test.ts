import { afterEach, describe, expect, it } from "vitest";
import { startGraphStandIn, type GraphStandIn } from "../stand-in/server.js";
import { seedTenant } from "../stand-in/tenant.js";
import { AdaptiveLimiter } from "./adaptive-limiter.js";
import { providerForCredential, RenewableCredential, signIn, SignInError, StaticTokenProvider } from "./auth.js";
import { createGraphClient } from "./graph-client.js";
import { retryDelayMs, ThrottleRetryHandler } from "./middleware.js";
import { naiveClient } from "./naive.js";
import { GraphRequestError, MAX_BATCH } from "./types.js";

const now = new Date("2026-11-23T08:00:00Z");
let standIn: GraphStandIn | undefined;
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

async function start(options: Omit<Parameters<typeof startGraphStandIn>[0], "tenant"> & { count?: number } = {}) {
  const tenant = seedTenant({ count: options.count ?? 40, domain: "st-john-payne.sch.uk", now, seed: 9 });
  standIn = await startGraphStandIn({ tenant, ...options });
  return { tenant, standIn };
}

/** A client of the stand-in whose waits are recorded in `slept` and return at once. */
function recordingClient(
  server: GraphStandIn,
  options: Omit<Parameters<typeof createGraphClient>[0], "graphUrl" | "authProvider" | "sleep"> = {},
) {
  const slept: number[] = [];
  const client = createGraphClient({
    graphUrl: server.url,
    authProvider: new StaticTokenProvider(server.token),
    ...options,
    sleep: (ms) => {
      slept.push(ms);
      return Promise.resolve();
    },
  });
  return { client, slept };
}

describe("AdaptiveLimiter (AIMD)", () => {
  it("halves on throttling at most once per cool-down, floors at 1, climbs by one to the ceiling", () => {
    let clock = 0;
    const limiter = new AdaptiveLimiter(8, 8, 250, () => clock);
    limiter.throttled();
    expect(limiter.limit).toBe(4);
    clock = 100;
    limiter.throttled(); // same burst
    expect(limiter.limit).toBe(4);
    for (const time of [1000, 2000, 3000]) {
      clock = time;
      limiter.throttled();
    }
    expect(limiter.limit).toBe(1);
    for (let index = 0; index < 20; index++) limiter.clean();
    expect(limiter.limit).toBe(8);
    expect(limiter.history()).toEqual({ cuts: 3, climbs: 7, peak: 8, lowest: 1 });
  });

  it("never runs more tasks at once than the limit, and lets more in as it climbs", async () => {
    const limiter = new AdaptiveLimiter(6, 2);
    let running = 0;
    const peaks: number[] = [];
    await Promise.all(
      Array.from({ length: 24 }, (_, index) =>
        limiter.run(async () => {
          running++;
          peaks.push(running);
          expect(running).toBeLessThanOrEqual(limiter.limit);
          await new Promise((resolve) => setTimeout(resolve, 3));
          running--;
          if (index % 2 === 0) limiter.clean();
        }),
      ),
    );
    expect(Math.max(...peaks)).toBe(6);
    expect(peaks[0]).toBe(1);
  });

  it("backs off under a stand-in that throttles, and climbs again once it stops", async () => {
    const { standIn } = await start({ count: 200, throttleRate: 0.5, retryAfterSeconds: 0.01 });
    const client = createGraphClient({
      graphUrl: standIn.url,
      authProvider: new StaticTokenProvider(standIn.token),
      maxConcurrency: 16,
      initialConcurrency: 16,
    });
    const users = await client.getAll<{ id: string }>("/users?$select=id&$top=999");
    const read = (slice: { id: string }[]) =>
      Promise.all(
        Array.from({ length: Math.ceil(slice.length / 20) }, (_, batch) =>
          client.batch(
            slice
              .slice(batch * 20, batch * 20 + 20)
              .map((user) => ({ id: user.id, url: `/users/${user.id}/mailFolders/inbox/messageRules` })),
          ),
        ),
      );
    await read(users.slice(0, 100));
    const afterFaults = client.limiter.history();
    expect(afterFaults.cuts).toBeGreaterThan(0);
    expect(afterFaults.lowest).toBeLessThan(16);
    await standIn.close();
    // Same tenant, no faults: every clean answer adds one back.
    const calm = await startGraphStandIn({
      tenant: seedTenant({ count: 200, domain: "st-john-payne.sch.uk", now, seed: 9 }),
    });
    const calmClient = createGraphClient({
      graphUrl: calm.url,
      authProvider: new StaticTokenProvider(calm.token),
      maxConcurrency: 16,
      initialConcurrency: 1,
    });
    for (let round = 0; round < 20; round++)
      await calmClient.batch([{ id: "1", url: `/users/${users[round]?.id ?? ""}/calendar/calendarPermissions` }]);
    expect(calmClient.limiter.limit).toBe(16);
    await calm.close();
  });
});

describe("Graph client on the SDK, against the stand-in", () => {
  it("follows @odata.nextLink through every page with $select", async () => {
    const { standIn } = await start({ count: 57, pageSize: 10 });
    const client = createGraphClient({ graphUrl: standIn.url, authProvider: new StaticTokenProvider(standIn.token) });
    const users = await client.getAll<Record<string, unknown>>("/users?$select=id,userPrincipalName&$top=999");
    expect(users).toHaveLength(57);
    expect(new Set(users.map((user) => user.id)).size).toBe(57);
    expect(Object.keys(users[0] ?? {})).toEqual(["id", "userPrincipalName"]);
    expect(standIn.stats.requests).toBe(6);
  });

  it("refuses batches over 20 and duplicate ids before sending anything", async () => {
    const { standIn } = await start();
    const client = createGraphClient({ graphUrl: standIn.url, authProvider: new StaticTokenProvider(standIn.token) });
    const many = Array.from({ length: MAX_BATCH + 1 }, (_, index) => ({ id: String(index), url: "/users" }));
    await expect(client.batch(many)).rejects.toThrow(RangeError);
    await expect(
      client.batch([
        { id: "a", url: "/users" },
        { id: "a", url: "/users" },
      ]),
    ).rejects.toThrow(/unique/);
    expect(standIn.stats.requests).toBe(0);
  });

  it("retries inner 429/503 in later batches after their own Retry-After, and checks each inner status", async () => {
    const { standIn, tenant } = await start({ throttleRate: 0.4, retryAfterSeconds: 0.7 });
    const { client, slept } = recordingClient(standIn);
    const users = tenant.users.filter((user) => user.userType === "Member").slice(12, 32);
    const answers = await client.batch(
      users.map((user) => ({ id: user.id, url: `/users/${user.id}/calendar/calendarPermissions` })),
    );
    expect(standIn.stats.throttled).toBeGreaterThan(0);
    expect(slept.length).toBeGreaterThan(0);
    expect(slept.every((ms) => ms === 700)).toBe(true); // the inner answers' own Retry-After, not a guess
    expect(client.stats.innerRetries).toBe(standIn.stats.throttled);
    // Every answer in the caller's order, each with its own final status.
    expect(answers.map((answer) => answer.id)).toEqual(users.map((user) => user.id));
    for (const [index, answer] of answers.entries()) {
      const state = tenant.mailboxes.get(users[index]?.id ?? "")?.state;
      expect(answer.status).toBe(state === "missing" ? 404 : state === "forbidden" ? 403 : 200);
    }
  });

  it("retries a whole-batch 429 after its Retry-After (the throttle retry middleware)", async () => {
    const { standIn, tenant } = await start({ throttleFirstBatches: 2, retryAfterSeconds: 0.15 });
    const client = createGraphClient({ graphUrl: standIn.url, authProvider: new StaticTokenProvider(standIn.token) });
    const user = tenant.users[0];
    const started = performance.now();
    const [answer] = await client.batch([
      { id: "1", url: `/users/${user?.id ?? ""}/mailboxSettings/automaticRepliesSetting` },
    ]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(answer?.status).toBe(200);
    expect(standIn.stats.batches).toBe(3);
    expect(standIn.stats.batchesThrottled).toBe(2);
    expect(client.stats.httpRequests).toBe(3);
    expect(client.limiter.history().cuts).toBeGreaterThan(0);
  });

  it("sends a batch again when its connection is dropped before any answer", async () => {
    const { standIn, tenant } = await start({ resetFirstRequests: 2 });
    const { client, slept } = recordingClient(standIn, { baseDelayMs: 100, random: () => 0 });
    const [answer] = await client.batch([{ id: "1", url: `/users/${tenant.users[0]?.id ?? ""}/mailboxSettings` }]);
    expect(answer?.status).toBe(200);
    expect(standIn.stats.requests).toBe(3);
    expect(slept).toEqual([50, 100]);
  });

  it("gives up on a dropped connection after its retries, as a typed error without a status", async () => {
    const { standIn } = await start({ resetFirstRequests: 10 });
    const { client, slept } = recordingClient(standIn, { maxRetries: 2 });
    const failure = await client.get("/users").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphRequestError);
    expect(standIn.stats.requests).toBe(3);
    expect(slept).toHaveLength(2);
  });

  // The HTTP layer below stands in for undici here: how it fails is what is under test.
  it.each([
    ["a dropped connection on a GET is sent again", new TypeError("fetch failed"), "GET", "/v1.0/users", 2],
    [
      "a dropped connection on a $batch of GETs is sent again",
      new TypeError("fetch failed"),
      "POST",
      "/v1.0/$batch",
      2,
    ],
    ["a dropped connection on another POST is not", new TypeError("fetch failed"), "POST", "/v1.0/users", 0],
    ["a TypeError from a bug is not", new TypeError("Cannot read properties of undefined"), "GET", "/v1.0/users", 0],
  ] as const)("%s", async (_label, failure, method, path, retries) => {
    const slept: number[] = [];
    const handler = new ThrottleRetryHandler({
      maxRetries: 2,
      baseDelayMs: 100,
      maxDelayMs: 1000,
      random: () => 0,
      now: () => 0,
      sleep: (ms) => {
        slept.push(ms);
        return Promise.resolve();
      },
    });
    let attempts = 0;
    handler.setNext({
      execute: () => {
        attempts++;
        return Promise.reject(failure);
      },
    });
    await expect(handler.execute({ request: `https://graph.microsoft.com${path}`, options: { method } })).rejects.toBe(
      failure,
    );
    expect(attempts).toBe(retries + 1);
    expect(slept).toHaveLength(retries);
  });

  it("turns a non-2xx GET into a typed error, and the naive client into a status", async () => {
    const { standIn } = await start();
    const client = createGraphClient({ graphUrl: standIn.url, authProvider: new StaticTokenProvider(standIn.token) });
    const failure = await client
      .get("/users/nobody@nowhere.example/calendar/calendarPermissions")
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphRequestError);
    expect((failure as GraphRequestError).status).toBe(404);
    const [answer] = await naiveClient(client).batch([
      { id: "x", url: "/users/nobody@nowhere.example/calendar/calendarPermissions" },
    ]);
    expect(answer?.status).toBe(404);
  });

  it("sends the bearer token only to the configured loopback origin, and needs it", async () => {
    const { standIn } = await start();
    const wrong = createGraphClient({ graphUrl: standIn.url, authProvider: new StaticTokenProvider("wrong") });
    await expect(wrong.get("/users")).rejects.toMatchObject({ status: 401 });
    const client = createGraphClient({ graphUrl: standIn.url, authProvider: new StaticTokenProvider(standIn.token) });
    await expect(client.getAll("http://198.51.100.7/v1.0/users")).rejects.toThrow(/off the configured Graph host/);
    expect(() =>
      createGraphClient({ graphUrl: "http://graph.example.org", authProvider: new StaticTokenProvider("t") }),
    ).toThrow(/https/);
  });

  it("follows @odata.nextLink only on the configured Graph host: a link elsewhere is refused, no token sent", async () => {
    const { standIn } = await start({ count: 30, pageSize: 10, nextLinkOrigin: "http://198.51.100.7:8080" });
    const client = createGraphClient({ graphUrl: standIn.url, authProvider: new StaticTokenProvider(standIn.token) });
    await expect(client.getAll("/users?$top=10")).rejects.toThrow(
      /Refusing to follow a link off the configured Graph host: http:\/\/198\.51\.100\.7:8080/,
    );
    expect(standIn.stats.requests).toBe(1);
    await expect(client.getAll(`${standIn.url}/beta/users`)).rejects.toThrow(/off the configured Graph host/);
    await expect(client.getAll(`${standIn.url.replace("127.0.0.1", "localhost")}/v1.0/users`)).rejects.toThrow(
      /off the configured Graph host/,
    );
  });

  it("renews the token once on a 401 and sends the request again; a second 401 is the answer", async () => {
    const { standIn, tenant } = await start({ count: 10 });
    let issued = 0;
    const credential = new RenewableCredential(() => {
      const token = `token-${++issued}`;
      return { getToken: () => Promise.resolve({ token, expiresOnTimestamp: Date.now() + 3_600_000 }) };
    });
    standIn.allowToken("token-1");
    const sign = providerForCredential(credential, "https://graph.microsoft.com");
    const client = createGraphClient({
      graphUrl: standIn.url,
      authProvider: sign.authProvider,
      renewToken: sign.renew,
    });
    const user = tenant.users[0]?.id ?? "";
    expect((await client.batch([{ id: "1", url: `/users/${user}/mailboxSettings` }]))[0]?.status).toBe(200);
    standIn.revokeToken("token-1");
    standIn.allowToken("token-2");
    expect((await client.batch([{ id: "1", url: `/users/${user}/mailboxSettings` }]))[0]?.status).toBe(200);
    expect(client.stats.reauthentications).toBe(1);
    expect(credential.renewals).toBe(1);
    standIn.revokeToken("token-2");
    await expect(client.batch([{ id: "1", url: `/users/${user}/mailboxSettings` }])).rejects.toMatchObject({
      status: 401,
    });
    expect(client.stats.reauthentications).toBe(2);
  });

  const policy = { baseDelayMs: 1000, maxDelayMs: 60_000, now: () => Date.parse("2026-11-23T08:00:00Z") };
  it.each([
    ["delta-seconds", "2", 0, 0.5, 2000],
    ["fractional seconds", "0.25", 0, 0.5, 250],
    ["an HTTP date 30 s ahead", "Mon, 23 Nov 2026 08:00:30 GMT", 0, 0.5, 30_000],
    ["an HTTP date already past", "Mon, 23 Nov 2026 07:59:00 GMT", 0, 0.5, 0],
    ["seconds above the cap", "3600", 0, 0.5, 60_000],
    ["a date above the cap", "Tue, 24 Nov 2026 08:00:00 GMT", 0, 0.5, 60_000],
    ["missing, first attempt, no jitter drawn", null, 0, 0, 500],
    ["missing, first attempt, most jitter", null, 0, 1, 1000],
    ["missing, third attempt", null, 2, 0.5, 3000],
    ["nonsense, fourth attempt", "soon", 3, 0, 4000],
    ["missing, far attempt, capped", "", 12, 1, 60_000],
  ])("waits after Retry-After %s", (_label, header, attempt, random, expected) => {
    expect(retryDelayMs(header, attempt, { ...policy, random: () => random })).toBe(expected);
  });

  it("backs off exponentially with jitter when a whole batch is throttled without Retry-After", async () => {
    const { standIn, tenant } = await start({ throttleFirstBatches: 3, retryAfterStyle: "none" });
    const { client, slept } = recordingClient(standIn, { baseDelayMs: 100, random: () => 1 });
    const [answer] = await client.batch([{ id: "1", url: `/users/${tenant.users[0]?.id ?? ""}/mailboxSettings` }]);
    expect(answer?.status).toBe(200);
    expect(slept).toEqual([100, 200, 400]);
  });

  it("waits for an inner answer's HTTP-date Retry-After", async () => {
    const { standIn, tenant } = await start({ throttleRate: 1, retryAfterStyle: "date", retryAfterSeconds: 1 });
    const { client, slept } = recordingClient(standIn, { maxRetries: 2 });
    const [answer] = await client.batch([{ id: "1", url: `/users/${tenant.users[0]?.id ?? ""}/mailboxSettings` }]);
    expect([429, 503]).toContain(answer?.status);
    expect(slept).toHaveLength(2);
    for (const ms of slept) expect(ms).toBeGreaterThan(500);
  });
});

describe("sign-in", () => {
  it("uses a token obtained elsewhere, from the flag or GRAPH_ACCESS_TOKEN", async () => {
    expect(
      await signIn({
        graphUrl: "https://graph.microsoft.com",
        accessToken: "abc",
        env: {},
      }).authProvider.getAccessToken(),
    ).toBe("abc");
    expect(
      await signIn({
        graphUrl: "https://graph.microsoft.com",
        env: { GRAPH_ACCESS_TOKEN: "env" },
      }).authProvider.getAccessToken(),
    ).toBe("env");
  });
  it("asks for tenant and client ids, and never takes a secret but from AZURE_CLIENT_SECRET", () => {
    expect(() => signIn({ graphUrl: "https://graph.microsoft.com", env: {} })).toThrow(SignInError);
    // A first-time admin with nothing set up is pointed at the demo.
    expect(() => signIn({ graphUrl: "https://graph.microsoft.com", env: {} })).toThrow(
      /or try --demo for a synthetic school/,
    );
    expect(() => signIn({ graphUrl: "https://graph.microsoft.com", tenantId: "t", clientId: "c", env: {} })).toThrow(
      /AZURE_CLIENT_SECRET/,
    );
  });
  it("builds the SDK's TokenCredentialAuthenticationProvider without calling Entra until a token is needed", () => {
    const provider = signIn({
      graphUrl: "https://graph.microsoft.com",
      tenantId: "00000000-0000-0000-0000-000000000001",
      clientId: "00000000-0000-0000-0000-000000000002",
      env: { AZURE_CLIENT_SECRET: "s" },
    });
    expect(provider.authProvider.constructor.name).toBe("TokenCredentialAuthenticationProvider");
  });
  it("refuses a certificate path that is no file before any Graph call", () => {
    expect(() =>
      signIn({
        graphUrl: "https://graph.microsoft.com",
        tenantId: "00000000-0000-0000-0000-000000000001",
        clientId: "00000000-0000-0000-0000-000000000002",
        certificatePath: "/nonexistent/sweep.pem",
        env: {},
      }),
    ).toThrow(/^--certificate-path \/nonexistent\/sweep\.pem: no such file/);
  });
});
