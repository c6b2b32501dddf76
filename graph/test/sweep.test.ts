import { appendFile, mkdtemp, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadPolicy } from "../../policy/pack/load.js";
import { CheckpointMismatchError } from "../checkpoint.js";
import { createGraphClient, StaticTokenProvider } from "../client/index.js";
import { UK_SCHOOL } from "../checks/time.js";
import { startGraphStandIn, type GraphStandIn, type StandInOptions } from "../stand-in/server.js";
import {
  expectedProblems,
  seedTenant,
  transitiveUserIds,
  type Mailbox,
  type Tenant,
  type TenantUser,
} from "../stand-in/tenant.js";
import { GroupNotFoundError, runSweep, SweepAbortedError, USERS_PER_BATCH, type SweepReport } from "../sweep.js";

const now = new Date("2026-11-23T00:00:00Z"); // a Monday
const window = { start: now, end: new Date(now.getTime() + 14 * 86_400_000) };
const stJohnPayne = loadPolicy("st-john-payne");
const domain = "st-john-payne.sch.uk";
let standIns: GraphStandIn[] = [];
afterEach(async () => {
  await Promise.all(standIns.map((standIn) => standIn.close()));
  standIns = [];
});

async function sweepOf(
  tenant: Tenant,
  standInOptions: Omit<StandInOptions, "tenant"> = {},
  sweep: Partial<Parameters<typeof runSweep>[0]> = {},
  clientOptions: { maxRetries?: number } = {},
) {
  const standIn = await startGraphStandIn({ tenant, ...standInOptions });
  standIns.push(standIn);
  const client = createGraphClient({
    graphUrl: standIn.url,
    authProvider: new StaticTokenProvider(standIn.token),
    baseDelayMs: 5,
    ...clientOptions,
  });
  const report = await runSweep({ client, pack: stJohnPayne, window, leave: tenant.leave, ...sweep });
  return { report, standIn, client };
}

const problems = (report: SweepReport) =>
  report.findings.map((finding) => `${finding.userPrincipalName} ${finding.check} ${finding.status}`).sort();
const exact = (report: SweepReport) => report.findings.map((finding) => JSON.stringify(finding));

/** A small tenant of hand-made mailboxes, for one awkward thing at a time. */
function tenantOf(people: Record<string, Partial<Mailbox> & { user?: Partial<TenantUser> }>): Tenant {
  const users: TenantUser[] = [];
  const mailboxes = new Map<string, Mailbox>();
  Object.entries(people).forEach(([name, { user, ...mailbox }], index) => {
    const id = `00000000-0000-4000-8000-${String(index + 1).padStart(12, "0")}`;
    const upn = `${name}@${domain}`;
    users.push({
      id,
      userPrincipalName: upn,
      displayName: name,
      mail: upn,
      accountEnabled: true,
      userType: "Member",
      ...user,
    });
    mailboxes.set(id, {
      automaticRepliesSetting: {
        status: "disabled",
        externalAudience: "all",
        internalReplyMessage: "",
        externalReplyMessage: "",
      },
      events: [],
      calendarPermissions: [],
      messageRules: [],
      ...mailbox,
    });
  });
  return {
    tenantId: "t-1",
    name: "Test tenant",
    verifiedDomains: [domain, "stjp.onmicrosoft.com"],
    domain,
    users,
    mailboxes,
    groups: new Map(),
    staffGroupId: "",
    leave: [],
    seeded: [],
  };
}

const week = {
  showAs: "oof",
  isAllDay: true,
  start: { dateTime: "2026-11-30T00:00:00.0000000", timeZone: "UTC" },
  end: { dateTime: "2026-12-05T00:00:00.0000000", timeZone: "UTC" },
};
const forwardHome = [
  {
    id: "r",
    displayName: "Home",
    isEnabled: true,
    actions: { forwardTo: [{ emailAddress: { address: "me@gmail.com" } }] },
  },
];

describe("runSweep against the Graph stand-in", () => {
  it("finds exactly the seeded problems, never more than 20 requests a batch or 4 per mailbox, and skips who it should", async () => {
    const tenant = seedTenant({ count: 400, domain, now, seed: 3 });
    const { report, standIn } = await sweepOf(tenant, {
      pageSize: 60,
      latencyMs: 2,
      perMailboxLimit: 4,
      eventPageSize: 2,
    });
    const expected = expectedProblems(tenant, stJohnPayne);
    expect(expected.length).toBeGreaterThan(60);
    for (const check of ["out-of-office", "out-of-office-content", "delegation", "external-forwarding", "mailbox"])
      expect(expected.some((line) => line.includes(` ${check} `))).toBe(true);
    expect(problems(report)).toEqual(expected);
    // Findings about an absence say when it began (the report puts those already away first); others do not.
    for (const found of report.findings) {
      const aboutAbsence = found.check === "out-of-office" || found.check === "delegation";
      if (aboutAbsence && found.status !== "not-evaluated") expect(found.awaySince).toMatch(/^\d{4}-\d\d-\d\dT/);
      if (!aboutAbsence) expect(found.awaySince).toBeUndefined();
    }
    expect(standIn.stats.maxBatchSize).toBeLessThanOrEqual(20);
    expect(standIn.stats.maxInFlightPerMailbox).toBeLessThanOrEqual(4);
    expect(standIn.stats.concurrencyRejections).toBe(0);
    // The seeded 404 and 403 mailboxes, from the tenant itself: not read, so not checked.
    const states = tenant.users.map((user) => tenant.mailboxes.get(user.id)?.state);
    const forbidden = states.filter((state) => state === "forbidden").length;
    const missing = states.filter((state) => state === "missing").length;
    expect(forbidden + missing).toBeGreaterThan(0);
    expect(report.counts).toEqual({
      inScope: 400,
      checked: 396 - forbidden - missing,
      skipped: { guest: 1, disabled: 1, shared: 1, room: 1 },
      unread: {
        ...(forbidden > 0 ? { "access denied": forbidden } : {}),
        ...(missing > 0 ? { "not found": missing } : {}),
      },
      absent: report.counts.absent,
      leave: { rows: tenant.leave.length, unmatched: 0 },
    });
    expect(report.tenant).toEqual({ id: tenant.tenantId, name: tenant.name });
    expect(report.internalDomains).toEqual(["st-john-payne.onmicrosoft.com", domain]);
    // Most urgent first.
    const order = report.findings.map((finding) => ({ fail: 0, warn: 1, "not-evaluated": 2 })[finding.status]);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("reports 404 and 403 mailboxes as not evaluated, each with its reason, and goes on", async () => {
    const tenant = tenantOf({ gone: { state: "missing" }, hidden: { state: "forbidden" }, fine: { events: [week] } });
    const { report } = await sweepOf(tenant);
    expect(report.findings.map((f) => [f.displayName, f.check, f.status, f.detail])).toEqual([
      ["fine", "out-of-office", "fail", expect.stringMatching(/automatic replies are off/) as unknown],
      ["fine", "delegation", "warn", expect.stringMatching(/no calendar delegate/) as unknown],
      ["gone", "mailbox", "not-evaluated", expect.stringMatching(/HTTP 404 MailboxNotEnabledForRESTAPI/) as unknown],
      [
        "hidden",
        "mailbox",
        "not-evaluated",
        expect.stringMatching(/Access denied \(HTTP 403 ErrorAccessDenied\)/) as unknown,
      ],
    ]);
    expect(report.findings.map((f) => [f.displayName, f.unread])).toEqual([
      ["fine", undefined],
      ["fine", undefined],
      ["gone", "not found"],
      ["hidden", "access denied"],
    ]);
    // Three in scope, two not read: one checked, and the two counted apart by reason.
    expect(report.counts).toEqual({
      inScope: 3,
      checked: 1,
      skipped: {},
      unread: { "not found": 1, "access denied": 1 },
      absent: 1,
    });
  });

  it("counts a mailbox its own code failed on as not read, never as checked", async () => {
    /** Bank holidays that cannot be consulted: judging an absence throws inside the sweep. */
    class BrokenHolidays extends Set<string> {
      override has(): boolean {
        throw new Error("bank holidays unreadable");
      }
    }
    const tenant = tenantOf({ broken: { events: [week] }, fine: {} });
    const { report } = await sweepOf(tenant, {}, { calendar: { ...UK_SCHOOL, holidays: new BrokenHolidays() } });
    expect(report.findings).toEqual([
      expect.objectContaining({
        displayName: "broken",
        check: "mailbox",
        status: "not-evaluated",
        detail: "This mailbox could not be swept (bank holidays unreadable).",
        unread: "sweep error",
      }),
    ]);
    expect(report.counts).toEqual({ inScope: 2, checked: 1, skipped: {}, unread: { "sweep error": 1 }, absent: 0 });
  });

  it("never passes what it could not read: partial 403s, malformed answers, a mailbox throttled past every retry", async () => {
    const tenant = tenantOf({
      calendarHidden: { forbidden: ["calendar"], messageRules: forwardHome },
      rulesHidden: { forbidden: ["rules"], events: [week] },
      settingsHidden: { forbidden: ["settings"], events: [week] },
      badRules: { raw: { rules: { value: [{ id: "r", isEnabled: "yes" }] } } },
      badEvent: { events: [{ ...week, start: { dateTime: "next Tuesday", timeZone: "UTC" } }] },
      badZone: {
        events: [
          {
            showAs: "oof",
            isAllDay: false,
            start: { dateTime: "2026-11-30T00:00:00", timeZone: "Narnia" },
            end: { dateTime: "2026-12-05T00:00:00", timeZone: "UTC" },
          },
        ],
      },
      nullFields: {
        events: [{ showAs: null, isAllDay: null, start: null, end: null }],
        messageRules: [{ id: "r", displayName: null, isEnabled: true, actions: null }],
      },
      throttled: { alwaysThrottled: true },
    });
    const { report } = await sweepOf(tenant, { retryAfterSeconds: 0.001 }, {}, { maxRetries: 2 });
    const lines = report.findings.map((f) => `${f.displayName} ${f.check} ${f.status}`).sort();
    expect(lines).toEqual([
      "badEvent delegation not-evaluated",
      "badEvent out-of-office not-evaluated",
      "badRules external-forwarding not-evaluated",
      "badZone delegation not-evaluated",
      "badZone out-of-office not-evaluated",
      "calendarHidden delegation not-evaluated",
      "calendarHidden external-forwarding fail",
      "calendarHidden out-of-office not-evaluated",
      "rulesHidden delegation warn",
      "rulesHidden external-forwarding not-evaluated",
      "rulesHidden out-of-office fail",
      "settingsHidden delegation warn",
      "settingsHidden out-of-office not-evaluated",
      "settingsHidden out-of-office-content not-evaluated",
      "throttled delegation not-evaluated",
      "throttled external-forwarding not-evaluated",
      "throttled out-of-office not-evaluated",
      "throttled out-of-office-content not-evaluated",
    ]);
    const detail = (name: string, check: string) =>
      report.findings.find((f) => f.displayName === name && f.check === check)?.detail;
    expect(detail("calendarHidden", "out-of-office")).toMatch(
      /^Absence unknown: The calendar could not be read: Access denied \(HTTP 403/,
    );
    expect(detail("badRules", "external-forwarding")).toMatch(
      /Item 1 of the inbox rules could not be read \(isEnabled/,
    );
    expect(detail("badZone", "out-of-office")).toMatch(/Unknown time zone "Narnia"/);
    expect(detail("throttled", "external-forwarding")).toMatch(
      /still throttling or unavailable after every retry \(HTTP 429/,
    );
  });

  it("reads every page of a calendar: an absence on the fourth page counts", async () => {
    const lessons = Array.from({ length: 7 }, (_, n) => ({
      ...week,
      showAs: "busy",
      isAllDay: false,
      start: { dateTime: `2026-11-2${3 + (n % 5)}T09:00:00`, timeZone: "UTC" },
      end: { dateTime: `2026-11-2${3 + (n % 5)}T10:00:00`, timeZone: "UTC" },
    }));
    const tenant = tenantOf({ busy: { events: [...lessons, week] } });
    const { report, standIn } = await sweepOf(tenant, { eventPageSize: 2 });
    expect(report.counts.absent).toBe(1);
    expect(standIn.stats.requests).toBeGreaterThan(4); // the later pages were read outside the batch
  });

  it("counts internal forwarding by the tenant's verified domains, and says so when it cannot read them", async () => {
    const tenant = tenantOf({
      mover: {
        messageRules: [
          {
            id: "r",
            displayName: "Old",
            isEnabled: true,
            actions: { forwardTo: [{ emailAddress: { address: "me@stjp.onmicrosoft.com" } }] },
          },
        ],
      },
    });
    expect((await sweepOf(tenant)).report.findings).toEqual([]);
    const blind = await sweepOf(tenant, { organizationForbidden: true });
    expect(problems(blind.report)).toEqual([`mover@${domain} external-forwarding fail`]);
    expect(blind.report.notes[0]).toMatch(/verified domains could not be read .*Organization\.Read\.All/);
    expect(blind.report.tenant.id).toBe("unknown");
  });

  it("leaves out the delegation findings for a school that does not ask for delegation", async () => {
    const tenant = seedTenant({ count: 150, domain: "st-dunstans.example.sch.uk", now, seed: 4 });
    const pack = loadPolicy("st-dunstans");
    const { report } = await sweepOf(
      tenant,
      {},
      { pack: { ...pack, school: { ...pack.school, emailDomains: ["st-dunstans.example.sch.uk"] } } },
    );
    expect(report.findings.some((finding) => finding.check === "delegation")).toBe(false);
  });

  it("sweeps a group's transitive members once each, by id or by name, and refuses an unknown or ambiguous name", async () => {
    const tenant = seedTenant({ count: 300, domain, now, seed: 3 });
    const members = transitiveUserIds(tenant, tenant.staffGroupId);
    const byId = await sweepOf(tenant, { pageSize: 50 }, { group: tenant.staffGroupId });
    expect(byId.report.counts.inScope).toBe(members.size);
    expect(problems(byId.report)).toEqual(expectedProblems(tenant, stJohnPayne, members));
    expect(byId.report.group).toEqual({ id: tenant.staffGroupId, name: "All staff" });
    const byName = await sweepOf(tenant, {}, { group: "All staff" });
    expect(exact(byName.report)).toEqual(exact(byId.report));
    await expect(sweepOf(tenant, {}, { group: "Nobody's group" })).rejects.toThrow(GroupNotFoundError);
    await expect(sweepOf(tenant, {}, { group: "00000000-0000-4000-8000-00000000dead" })).rejects.toThrow(
      /No group with id/,
    );
    const twice = {
      ...tenant,
      groups: new Map([...tenant.groups, ["dup", { id: "dup", displayName: "All staff", members: [] }]]),
    };
    await expect(sweepOf(twice, {}, { group: "All staff" })).rejects.toThrow(/2 groups are called "All staff"/);
  });

  it("uses the leave file: without it, leave-file-only absences go unnoticed", async () => {
    const tenant = seedTenant({ count: 400, domain, now, seed: 3 });
    expect(tenant.leave.length).toBeGreaterThan(2);
    const withLeave = await sweepOf(tenant);
    const without = await sweepOf(tenant, {}, { leave: [] });
    expect(without.report.counts.absent).toBe(withLeave.report.counts.absent - tenant.leave.length);
    expect(withLeave.report.counts.leave).toEqual({ rows: tenant.leave.length, unmatched: 0 });
    expect(without.report.counts.leave).toBeUndefined();
    expect(withLeave.report.notes.filter((note) => note.startsWith("Leave file"))).toEqual([]);
  });

  it("says which leave rows name no one in scope, instead of dropping them in silence", async () => {
    const tenant = seedTenant({ count: 60, domain, now, seed: 3 });
    const stray = {
      userPrincipalName: "nobody@st-john-payne.sch.uk",
      start: tenant.leave[0]!.start,
      end: tenant.leave[0]!.end,
    };
    const { report } = await sweepOf(tenant, {}, { leave: [...tenant.leave, stray, stray] });
    expect(report.counts.leave).toEqual({ rows: tenant.leave.length + 2, unmatched: 2 });
    expect(report.notes).toContain(
      "Leave file: 1 user principal name matches no one in scope (nobody@st-john-payne.sch.uk): their absences were not used.",
    );
  });

  it("ends with identical findings under inner and whole-batch 429/503s, Retry-After as seconds, dates or missing", async () => {
    const tenant = seedTenant({ count: 250, domain, now, seed: 5 });
    const clean = await sweepOf(tenant);
    const faulty = await sweepOf(tenant, {
      throttleRate: 0.1,
      batchThrottleRate: 0.05,
      retryAfterSeconds: 0.01,
      retryAfterStyle: "mixed",
      perMailboxLimit: 4,
    });
    expect(faulty.standIn.stats.throttled).toBeGreaterThan(20);
    expect(faulty.standIn.stats.batchesThrottled).toBeGreaterThan(0);
    expect(exact({ ...faulty.report })).toEqual(exact(clean.report));
  }, 60_000);

  it("resumes after being stopped half-way, refuses another sweep's checkpoint and removes it when complete", async () => {
    const tenant = seedTenant({ count: 300, domain, now, seed: 6 });
    const uninterrupted = await sweepOf(tenant);
    const out = await mkdtemp(join(tmpdir(), "sweep-resume-"));
    const checkpointPath = join(out, "checkpoint.jsonl");
    const standIn = await startGraphStandIn({ tenant, latencyMs: 2 });
    standIns.push(standIn);
    const client = () =>
      createGraphClient({ graphUrl: standIn.url, authProvider: new StaticTokenProvider(standIn.token) });
    const controller = new AbortController();
    let batches = 0;
    const stopped = runSweep({
      client: client(),
      pack: stJohnPayne,
      window,
      leave: tenant.leave,
      checkpointPath,
      signal: controller.signal,
      batchesInFlight: 4,
      onProgress: () => {
        if (++batches === 12) controller.abort();
      },
    });
    await expect(stopped).rejects.toThrow(SweepAbortedError);
    const firstRun = new Map(standIn.stats.mailboxReads);
    expect(firstRun.size).toBeGreaterThan(10 * USERS_PER_BATCH);
    expect(firstRun.size).toBeLessThan(290);
    // A kill in the middle of writing leaves a torn line: it must be ignored, not break the resume.
    await appendFile(checkpointPath, '{"done":["00000000-0000-4000-8000-0000000');
    // Another window, or another policy, is another sweep: refused, and the checkpoint is kept.
    const later = {
      start: new Date(window.start.getTime() + 7 * 86_400_000),
      end: new Date(window.end.getTime() + 7 * 86_400_000),
    };
    await expect(
      runSweep({
        client: client(),
        pack: stJohnPayne,
        window: later,
        leave: tenant.leave,
        checkpointPath,
        resume: true,
      }),
    ).rejects.toThrow(/different window/);
    await expect(
      runSweep({
        client: client(),
        pack: loadPolicy("st-dunstans"),
        window,
        leave: tenant.leave,
        checkpointPath,
        resume: true,
      }),
    ).rejects.toThrow(CheckpointMismatchError);
    standIn.stats.mailboxReads.clear();
    const resumed = await runSweep({
      client: client(),
      pack: stJohnPayne,
      window,
      leave: tenant.leave,
      checkpointPath,
      resume: true,
    });
    for (const id of standIn.stats.mailboxReads.keys()) expect(firstRun.has(id), `${id} read twice`).toBe(false);
    expect(exact(resumed)).toEqual(exact(uninterrupted.report));
    expect(resumed.counts).toEqual(uninterrupted.report.counts);
    await expect(stat(checkpointPath)).rejects.toThrow(/ENOENT/);
  }, 60_000);

  it("writes a checkpoint with the tenant, version, policy and window", async () => {
    const tenant = tenantOf({ a: {} });
    const out = await mkdtemp(join(tmpdir(), "sweep-header-"));
    const checkpointPath = join(out, "checkpoint.jsonl");
    const controller = new AbortController();
    controller.abort();
    await expect(sweepOf(tenant, {}, { checkpointPath, signal: controller.signal })).rejects.toThrow(SweepAbortedError);
    const header = JSON.parse((await readFile(checkpointPath, "utf8")).split("\n")[0] ?? "{}") as Record<
      string,
      unknown
    >;
    expect(Object.keys(header)).toEqual(["kind", "version", "tenantId", "toolVersion", "policy", "scope", "window"]);
    expect(header.tenantId).toBe("t-1");
  });
});
