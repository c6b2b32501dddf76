import { createHash } from "node:crypto";
import { z } from "zod";
import type { PolicyPack } from "../policy/index.js";
import {
  CheckpointMismatchError,
  CheckpointWriter,
  mismatches,
  readCheckpoint,
  removeCheckpoint,
  type CheckpointHeader,
  type SkipReason,
  type SkippedUser,
} from "./checkpoint.js";
import { eventInterval, findAbsence, UnreadableEventError, type Absence, type Interval } from "./checks/absence.js";
import { internalAddressTest } from "./checks/addresses.js";
import { checks, MAILBOX_CHECK } from "./checks/index.js";
import { UK_SCHOOL, type SchoolCalendar } from "./checks/time.js";
import {
  ABSENCE_CHECKS,
  policyRefFor,
  SEVERITY,
  type CheckContext,
  type DirectoryEntry,
  type Fetched,
  type FindingCheck,
  type SweepFinding,
  type UnreadReason,
} from "./checks/types.js";
import {
  GraphRequestError,
  MAILBOX_CONCURRENCY,
  MAX_BATCH,
  type BatchResponse,
  type GraphClient,
} from "./client/types.js";
import {
  calendarEventSchema,
  calendarPermissionSchema,
  graphUserSchema,
  mailboxSettingsSchema,
  messageRuleSchema,
  organizationSchema,
  type GraphUser,
  type MailboxSettings,
} from "./graph-types.js";
import type { LeaveEntry } from "./leave.js";
import { TOOL_VERSION } from "./version.js";

/**
 * The compliance sweep. Reads the tenant (id, name, verified domains), the directory and, with a
 * group, its transitive members; skips guests and disabled accounts; then reads each mailbox's
 * settings (automatic replies and userPurpose), calendar view (every page), calendar permissions
 * and inbox rules through JSON batches — four requests per user, five users per batch, so no
 * mailbox has more than Outlook's four requests in flight — skips shared, room and equipment
 * mailboxes, runs every check and checkpoints after each batch. Anything it could not read is
 * "not evaluated" with the reason, per person and check; nothing unread is ever passed.
 * Read-only: it sends GETs (inside $batch POSTs) and nothing else.
 */
export interface SweepReport {
  readonly kind: "school-policy-guard/sweep-report";
  readonly version: 2;
  readonly tool: { readonly name: string; readonly version: string };
  readonly generatedAt: string;
  readonly tenant: { readonly id: string; readonly name: string };
  readonly school: { readonly id: string; readonly name: string };
  readonly policy: { readonly fingerprint: string };
  readonly window: { readonly start: string; readonly end: string; readonly timeZone: string };
  readonly group: { readonly id: string; readonly name: string } | null;
  readonly internalDomains: readonly string[];
  readonly counts: {
    /** People in scope (the group's members, or the whole directory). */
    readonly inScope: number;
    /** People whose mailbox was read: in scope, less those skipped and those whose mailbox could not be read. */
    readonly checked: number;
    readonly skipped: Readonly<Partial<Record<SkipReason, number>>>;
    /** Mailboxes that could not be read at all, by reason: never counted as checked. */
    readonly unread: Readonly<Partial<Record<UnreadReason, number>>>;
    readonly absent: number;
    /** The leave file's rows, when one was given, and how many name no one in scope. */
    readonly leave?: { readonly rows: number; readonly unmatched: number };
  };
  /** Things the admin must know about this run (permissions missing, entries that could not be read). */
  readonly notes: readonly string[];
  readonly summary: Readonly<Record<FindingCheck, { fail: number; warn: number; notEvaluated: number }>>;
  /** Most urgent first, then by name. */
  readonly findings: readonly SweepFinding[];
  readonly skipped: readonly SkippedUser[];
}

/** Notes that say what the school's policy does not ask for: information, not something the run missed. */
export const NOT_REQUIRED_NOTES = {
  outOfOffice: "Automatic replies while away were not checked: this school's policy does not require them.",
  delegation:
    "Someone covering their calendar while away was not checked: this school's policy does not require a delegate.",
} as const;

export interface SweepOptions {
  readonly client: GraphClient;
  readonly pack: PolicyPack;
  /** The school's zone, days and bank holidays (default: a school in England). */
  readonly calendar?: SchoolCalendar;
  /** Absences overlapping [start, end) count; start is also "now" for absences under way. */
  readonly window: { readonly start: Date; readonly end: Date };
  readonly leave?: readonly LeaveEntry[];
  /** Sweep only this group's transitive members: an object id or an exact display name. */
  readonly group?: string | undefined;
  /** JSON-lines checkpoint written after every batch and removed after a complete run. */
  readonly checkpointPath?: string | undefined;
  /** Continue from the checkpoint; refused unless tenant, version, policy, scope and window match. */
  readonly resume?: boolean;
  /** Stops taking new batches; the ones in flight finish and are checkpointed, then SweepAbortedError. */
  readonly signal?: AbortSignal;
  /** Most batches waiting or in flight at once; the client's adaptive limiter decides how many really run. */
  readonly batchesInFlight?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /** For tests: the clock for generatedAt. */
  readonly now?: () => Date;
}

export class SweepAbortedError extends Error {
  override readonly name = "SweepAbortedError";
}

export class GroupNotFoundError extends Error {
  override readonly name = "GroupNotFoundError";
}

const REQUESTS_PER_USER = 4;
/** Five users a batch: twenty requests, and each mailbox's four requests within Outlook's limit. */
export const USERS_PER_BATCH = Math.floor(MAX_BATCH / REQUESTS_PER_USER);
const USER_FIELDS = "id,displayName,userPrincipalName,mail,accountEnabled,userType,proxyAddresses";
const EVENT_FIELDS = "showAs,isAllDay,isCancelled,start,end";
/** The calendar is read this far either side of the window, so absences crossing its edges are whole. */
const CALENDAR_MARGIN_MS = 21 * 86_400_000;
const GUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i;

if (REQUESTS_PER_USER > MAILBOX_CONCURRENCY) throw new Error("A batch would exceed Outlook's per-mailbox limit");

function fingerprint(parts: unknown): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 32);
}

/** Why an answer could not be used, in words an admin can act on. */
export function unreadable(status: number, body: unknown): string {
  const code = (body as { error?: { code?: unknown } } | undefined)?.error?.code;
  const named = `HTTP ${status}${typeof code === "string" && code ? ` ${code}` : ""}`;
  if (status === 0 || status === 429 || status === 503 || status === 504)
    return `Graph was still throttling or unavailable after every retry (${status === 0 ? "no answer" : named}).`;
  if (status === 401) return `Graph refused the app's token (${named}).`;
  if (status === 403) return `Access denied (${named}): the app's permissions or Exchange RBAC scope leave this out.`;
  if (status === 404) return `Not found (${named}): no Exchange Online mailbox?`;
  return `Graph answered ${named}.`;
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join(".") || "answer"}: ${issue.message}` : "unexpected shape";
}

function parsed<T>(schema: z.ZodType<T>, body: unknown, what: string): Fetched<T> {
  const result = schema.safeParse(body);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, reason: `Graph's answer for the ${what} could not be read (${describeIssue(result.error)}).` };
}

function parsedItems<T>(schema: z.ZodType<T>, items: readonly unknown[], what: string): Fetched<T[]> {
  const values: T[] = [];
  for (const [index, item] of items.entries()) {
    const result = schema.safeParse(item);
    if (!result.success)
      return {
        ok: false,
        reason: `Item ${index + 1} of the ${what} could not be read (${describeIssue(result.error)}).`,
      };
    values.push(result.data);
  }
  return { ok: true, value: values };
}

const collectionSchema = z.object({ value: z.array(z.unknown()), "@odata.nextLink": z.string().nullish() });

const PURPOSES: Readonly<Record<string, SkipReason>> = {
  shared: "shared",
  room: "room",
  equipment: "equipment",
  linked: "linked",
  others: "other mailbox",
};

export async function runSweep(options: SweepOptions): Promise<SweepReport> {
  const { client, pack } = options;
  const calendar = options.calendar ?? UK_SCHOOL;
  const leave = [...(options.leave ?? [])].sort(
    (a, b) => a.userPrincipalName.localeCompare(b.userPrincipalName) || a.start - b.start,
  );
  const notes: string[] = [];
  // A check the school's policy does not ask for is not run: said, so its zero counts do not read as
  // everyone passing (a new user swept Delius and saw 57 absent, no finding, no reason).
  if (!pack.absence.outOfOfficeRequired) notes.push(NOT_REQUIRED_NOTES.outOfOffice);
  if (!pack.absence.delegationRequired) notes.push(NOT_REQUIRED_NOTES.delegation);

  // The tenant: its id binds the checkpoint, its verified domains say who is inside the school. Needs
  // Organization.Read.All, the least privileged application permission on Microsoft's "Get organization" page
  // (learn.microsoft.com/graph/api/organization-get), which scripts/register-app.sh grants.
  let tenant = { id: "unknown", name: "unknown" };
  const internalDomains = new Set(pack.school.emailDomains.map((domain) => domain.toLowerCase()));
  try {
    const organizations = await client.getAll<unknown>("/organization?$select=id,displayName,verifiedDomains");
    const organization = organizationSchema.safeParse(organizations[0]);
    if (!organization.success) throw new Error(describeIssue(organization.error));
    tenant = { id: organization.data.id, name: organization.data.displayName ?? organization.data.id };
    for (const domain of organization.data.verifiedDomains ?? []) internalDomains.add(domain.name.toLowerCase());
  } catch (error) {
    notes.push(
      `The tenant's verified domains could not be read (${(error as Error).message}); only the policy pack's domains count as inside the school. Grant Organization.Read.All to include the tenant's own.`,
    );
  }
  const isInternal = internalAddressTest(internalDomains);

  let window = { start: options.window.start.toISOString(), end: options.window.end.toISOString() };
  const header: CheckpointHeader = {
    kind: "school-policy-guard/sweep-checkpoint",
    version: 2,
    tenantId: tenant.id,
    toolVersion: TOOL_VERSION,
    policy: fingerprint(pack),
    scope: fingerprint({ group: options.group ?? null, leave }),
    window,
  };
  const done = new Set<string>();
  const findings: SweepFinding[] = [];
  const skipped: SkippedUser[] = [];
  let absent = 0;
  let writer: CheckpointWriter | undefined;
  if (options.checkpointPath) {
    const restored = options.resume ? await readCheckpoint(options.checkpointPath) : undefined;
    if (restored) {
      const differ = mismatches(restored.header, header);
      if (differ.length > 0) {
        throw new CheckpointMismatchError(
          `The checkpoint in ${options.checkpointPath} belongs to another sweep (different ${differ.join(", ")}): run without --resume to start again.`,
        );
      }
      window = restored.header.window;
      for (const batch of restored.batches) {
        batch.done.forEach((id) => done.add(id));
        findings.push(...batch.findings);
        skipped.push(...batch.skipped);
        absent += batch.absent;
      }
      writer = await CheckpointWriter.resume(options.checkpointPath, restored);
    } else {
      writer = await CheckpointWriter.start(options.checkpointPath, header);
    }
  }
  const windowStart = Date.parse(window.start);
  const windowEnd = Date.parse(window.end);

  // The whole directory, so delegates anywhere in the school can be told apart from guests and leavers.
  const directory = new Map<string, DirectoryEntry>();
  const readUsers = (items: readonly unknown[], where: string): GraphUser[] => {
    const users: GraphUser[] = [];
    let bad = 0;
    for (const item of items) {
      const user = graphUserSchema.safeParse(item);
      if (user.success) users.push(user.data);
      else bad++;
    }
    if (bad > 0) notes.push(`${bad} ${where} entr${bad === 1 ? "y" : "ies"} could not be read and were not swept.`);
    return users;
  };
  const directoryUsers = readUsers(await client.getAll<unknown>(`/users?$select=${USER_FIELDS}&$top=999`), "directory");
  for (const user of directoryUsers) {
    const entry = { accountEnabled: user.accountEnabled !== false, userType: user.userType ?? "Member" };
    const addresses = [user.userPrincipalName, user.mail ?? "", ...(user.proxyAddresses ?? [])];
    for (const address of addresses) {
      const bare = address.replace(/^(?:smtp|x500):/i, "").toLowerCase();
      if (bare) directory.set(bare, entry);
    }
  }
  const lookup = (address: string) => directory.get(address.replace(/^(?:smtp|x500):/i, "").toLowerCase());

  let group: SweepReport["group"] = null;
  let scope = directoryUsers;
  if (options.group) {
    group = await resolveGroup(client, options.group);
    scope = readUsers(
      await client.getAll<unknown>(
        `/groups/${encodeURIComponent(group.id)}/transitiveMembers/microsoft.graph.user?$select=${USER_FIELDS}&$top=999`,
      ),
      "group member",
    );
  }
  // A user in two nested groups is swept once.
  const seen = new Set<string>();
  const people = scope.filter((user) => !seen.has(user.id) && seen.add(user.id));
  const skippedIds = new Set(skipped.map((entry) => entry.userId));
  const skip = (user: GraphUser, reason: SkipReason): SkippedUser => ({
    userId: user.id,
    userPrincipalName: user.userPrincipalName,
    displayName: user.displayName ?? user.userPrincipalName,
    reason,
  });
  const todo: GraphUser[] = [];
  for (const user of people) {
    if (done.has(user.id) || skippedIds.has(user.id)) continue;
    // Guests have no mailbox here; a disabled account is a leaver, not someone absent.
    const reason =
      (user.userType ?? "").toLowerCase() === "guest"
        ? "guest"
        : user.accountEnabled === false
          ? "disabled"
          : undefined;
    if (reason) skipped.push(skip(user, reason));
    else todo.push(user);
  }
  const batches: GraphUser[][] = [];
  for (let index = 0; index < todo.length; index += USERS_PER_BATCH)
    batches.push(todo.slice(index, index + USERS_PER_BATCH));
  // Leave rows for no one in scope are said, not dropped in silence (an IT admin's trial: a misspelt UPN, and
  // a week compared with one whose leave file was missing read as people "resolved").
  const inScope = new Set(people.map((user) => user.userPrincipalName.toLowerCase()));
  const unmatched = [...new Set(leave.map((entry) => entry.userPrincipalName))].filter((upn) => !inScope.has(upn));
  const unmatchedLeave = leave.filter((entry) => !inScope.has(entry.userPrincipalName)).length;
  if (unmatched.length > 0)
    notes.push(
      `Leave file: ${unmatched.length} user principal name${unmatched.length === 1 ? " matches" : "s match"} no one in scope (${unmatched.slice(0, 5).join(", ")}${unmatched.length > 5 ? ", …" : ""}): their absences were not used.`,
    );
  const leaveByUpn = new Map<string, Interval[]>();
  for (const entry of leave) {
    const list = leaveByUpn.get(entry.userPrincipalName) ?? [];
    list.push({ start: entry.start, end: entry.end, sources: ["leave file"] });
    leaveByUpn.set(entry.userPrincipalName, list);
  }
  let doneCount = people.length - todo.length;
  options.onProgress?.(doneCount, people.length);

  const viewStart = new Date(windowStart - CALENDAR_MARGIN_MS).toISOString();
  const viewEnd = new Date(windowEnd + CALENDAR_MARGIN_MS).toISOString();
  const absenceWindow = { start: windowStart, end: windowEnd };
  const threshold = pack.absence.outOfOfficeAfterDays;

  async function readCalendar(answer: BatchResponse | undefined): Promise<Fetched<Interval[]>> {
    if (!answer || answer.status < 200 || answer.status >= 300)
      return { ok: false, reason: `The calendar could not be read: ${unreadable(answer?.status ?? 0, answer?.body)}` };
    const page = collectionSchema.safeParse(answer.body);
    if (!page.success) return { ok: false, reason: `The calendar could not be read (${describeIssue(page.error)}).` };
    const items: unknown[] = [...page.data.value];
    const next = page.data["@odata.nextLink"];
    if (next) {
      try {
        // A busy timetable fills pages: read every one before judging the absence.
        items.push(...(await client.getAll<unknown>(next)));
      } catch (error) {
        const why =
          error instanceof GraphRequestError
            ? unreadable(error.status, { error: { code: error.code } })
            : (error as Error).message;
        return { ok: false, reason: `A later page of the calendar could not be read: ${why}` };
      }
    }
    const events = parsedItems(calendarEventSchema, items, "calendar");
    if (!events.ok) return events;
    try {
      return {
        ok: true,
        value: events.value.flatMap((event) => {
          const interval = eventInterval(event, calendar);
          return interval ? [interval] : [];
        }),
      };
    } catch (error) {
      if (error instanceof UnreadableEventError) return { ok: false, reason: error.message };
      throw error;
    }
  }

  function answerFor<T>(
    answer: BatchResponse | undefined,
    what: string,
    read: (body: unknown) => Fetched<T>,
  ): Fetched<T> {
    if (!answer || answer.status < 200 || answer.status >= 300)
      return { ok: false, reason: `The ${what} could not be read: ${unreadable(answer?.status ?? 0, answer?.body)}` };
    return read(answer.body);
  }

  function collection<T>(schema: z.ZodType<T>, what: string) {
    return (body: unknown): Fetched<T[]> => {
      const page = collectionSchema.safeParse(body);
      if (!page.success) return { ok: false, reason: `The ${what} could not be read (${describeIssue(page.error)}).` };
      return parsedItems(schema, page.data.value, what);
    };
  }

  async function sweepUser(
    user: GraphUser,
    answer: (name: string) => BatchResponse | undefined,
  ): Promise<{ findings: SweepFinding[]; absent: boolean; skipped?: SkippedUser }> {
    const displayName = user.displayName ?? user.userPrincipalName;
    const finding = (
      check: FindingCheck,
      status: SweepFinding["status"],
      detail: string,
      policyRef: SweepFinding["policyRef"],
    ) => ({
      userPrincipalName: user.userPrincipalName,
      userId: user.id,
      displayName,
      check,
      status,
      detail,
      policyRef,
    });
    const all = ["settings", "calendar", "permissions", "rules"].map(answer);
    const first = all[0];
    if (
      first &&
      (first.status === 404 || first.status === 403) &&
      all.every((response) => response?.status === first.status)
    ) {
      return {
        findings: [
          {
            ...finding(
              "mailbox",
              "not-evaluated",
              `Mailbox could not be read: ${unreadable(first.status, first.body)}`,
              MAILBOX_CHECK.policyRef,
            ),
            unread: first.status === 403 ? "access denied" : "not found",
          },
        ],
        absent: false,
      };
    }
    const settings = answerFor(answer("settings"), "mailbox settings", (body) =>
      parsed<MailboxSettings>(mailboxSettingsSchema, body, "mailbox settings"),
    );
    if (settings.ok) {
      const purpose = (settings.value.userPurpose ?? "user").toLowerCase();
      const reason = PURPOSES[purpose];
      if (reason) return { findings: [], absent: false, skipped: skip(user, reason) };
    }
    const calendarIntervals = await readCalendar(answer("calendar"));
    const leaveIntervals = leaveByUpn.get(user.userPrincipalName.toLowerCase()) ?? [];
    let absence: Fetched<Absence | undefined>;
    if (calendarIntervals.ok) {
      absence = {
        ok: true,
        value: findAbsence([...calendarIntervals.value, ...leaveIntervals], absenceWindow, threshold, calendar),
      };
    } else {
      // The leave file alone can still prove an absence; it can never prove there is none.
      const fromLeave = findAbsence(leaveIntervals, absenceWindow, threshold, calendar);
      absence = fromLeave ? { ok: true, value: fromLeave } : { ok: false, reason: calendarIntervals.reason };
    }
    const context: CheckContext = {
      user: { id: user.id, userPrincipalName: user.userPrincipalName, displayName },
      pack,
      calendar,
      now: windowStart,
      absence,
      replies: settings.ok ? { ok: true, value: settings.value.automaticRepliesSetting } : settings,
      permissions: answerFor(
        answer("permissions"),
        "calendar permissions",
        collection(calendarPermissionSchema, "calendar permissions"),
      ),
      rules: answerFor(answer("rules"), "inbox rules", collection(messageRuleSchema, "inbox rules")),
      isInternal,
      lookup,
    };
    const results: SweepFinding[] = [];
    for (const check of checks) {
      for (const result of check.run(context)) {
        const found = finding(check.meta.id, result.status, result.detail, policyRefFor(pack, check.meta));
        const away = absence.ok && absence.value && ABSENCE_CHECKS.includes(check.meta.id) ? absence.value : undefined;
        results.push(away ? { ...found, awaySince: new Date(away.start).toISOString() } : found);
      }
    }
    return { findings: results, absent: absence.ok && absence.value !== undefined };
  }

  async function sweepBatch(batch: readonly GraphUser[]): Promise<void> {
    const view = `startDateTime=${viewStart}&endDateTime=${viewEnd}`;
    const responses = await client.batch(
      batch.flatMap((user, index) => [
        { id: `${index}-settings`, url: `/users/${user.id}/mailboxSettings` },
        {
          id: `${index}-calendar`,
          url: `/users/${user.id}/calendar/calendarView?${view}&$select=${EVENT_FIELDS}&$top=100`,
        },
        { id: `${index}-permissions`, url: `/users/${user.id}/calendar/calendarPermissions` },
        { id: `${index}-rules`, url: `/users/${user.id}/mailFolders/inbox/messageRules` },
      ]),
    );
    const byId = new Map(responses.map((response) => [response.id, response]));
    const batchFindings: SweepFinding[] = [];
    const batchSkipped: SkippedUser[] = [];
    let batchAbsent = 0;
    for (const [index, user] of batch.entries()) {
      try {
        const outcome = await sweepUser(user, (name) => byId.get(`${index}-${name}`));
        batchFindings.push(...outcome.findings);
        if (outcome.skipped) batchSkipped.push(outcome.skipped);
        if (outcome.absent) batchAbsent++;
      } catch (error) {
        // One mailbox that breaks the sweep's own code is reported, never fatal.
        batchFindings.push({
          userPrincipalName: user.userPrincipalName,
          userId: user.id,
          displayName: user.displayName ?? user.userPrincipalName,
          check: "mailbox",
          status: "not-evaluated",
          detail: `This mailbox could not be swept (${(error as Error).message}).`,
          policyRef: MAILBOX_CHECK.policyRef,
          unread: "sweep error",
        });
      }
    }
    await writer?.append({
      done: batch.map((user) => user.id),
      absent: batchAbsent,
      skipped: batchSkipped,
      findings: batchFindings,
    });
    findings.push(...batchFindings);
    skipped.push(...batchSkipped);
    absent += batchAbsent;
    doneCount += batch.length;
    options.onProgress?.(doneCount, people.length);
  }

  let next = 0;
  const workers = Array.from({ length: Math.max(1, options.batchesInFlight ?? 64) }, async () => {
    while (next < batches.length && !options.signal?.aborted) {
      const batch = batches[next++];
      if (batch) await sweepBatch(batch);
    }
  });
  await Promise.all(workers);
  await writer?.flush();
  if (options.signal?.aborted) {
    throw new SweepAbortedError(
      `Sweep stopped after ${doneCount} of ${people.length} people; run again with --resume to finish.`,
    );
  }

  const summary = Object.fromEntries(
    [...checks.map((check) => check.meta.id), "mailbox" as const].map((id) => [
      id,
      { fail: 0, warn: 0, notEvaluated: 0 },
    ]),
  ) as Record<FindingCheck, { fail: number; warn: number; notEvaluated: number }>;
  for (const entry of findings) {
    const counts = summary[entry.check];
    if (entry.status === "fail") counts.fail++;
    else if (entry.status === "warn") counts.warn++;
    else counts.notEvaluated++;
  }
  const skippedCounts = countBy(skipped, (entry) => entry.reason);
  // Counted from the findings, so a resumed sweep counts what its checkpoint holds too. A mailbox that
  // could not be read was not checked: counting it so let a reader take the 403s as checked.
  const unreadCounts = countBy(findings, (entry) => (entry.check === "mailbox" ? entry.unread : undefined));
  const unreadTotal = Object.values(unreadCounts).reduce((sum, count) => sum + count, 0);
  // The same order whether the sweep ran in one go or was resumed.
  findings.sort(
    (a, b) =>
      SEVERITY[a.status] - SEVERITY[b.status] ||
      a.displayName.localeCompare(b.displayName) ||
      a.userPrincipalName.localeCompare(b.userPrincipalName) ||
      a.check.localeCompare(b.check) ||
      a.detail.localeCompare(b.detail),
  );
  skipped.sort((a, b) => a.reason.localeCompare(b.reason) || a.displayName.localeCompare(b.displayName));
  if (options.checkpointPath) await removeCheckpoint(options.checkpointPath);
  return {
    kind: "school-policy-guard/sweep-report",
    version: 2,
    tool: { name: "School Policy Guard", version: TOOL_VERSION },
    generatedAt: (options.now?.() ?? new Date()).toISOString(),
    tenant,
    school: { id: pack.school.id, name: pack.school.name },
    policy: { fingerprint: header.policy },
    window: { ...window, timeZone: calendar.timeZone },
    group,
    internalDomains: [...internalDomains].sort(),
    counts: {
      inScope: people.length,
      checked: people.length - skipped.length - unreadTotal,
      skipped: skippedCounts,
      unread: unreadCounts,
      absent,
      ...(leave.length > 0 ? { leave: { rows: leave.length, unmatched: unmatchedLeave } } : {}),
    },
    notes,
    summary,
    findings,
    skipped,
  };
}

async function resolveGroup(client: GraphClient, group: string): Promise<{ id: string; name: string }> {
  const schema = z.object({ id: z.string(), displayName: z.string().nullish() });
  if (GUID.test(group)) {
    try {
      const found = schema.parse(await client.get(`/groups/${group}?$select=id,displayName`));
      return { id: found.id, name: found.displayName ?? found.id };
    } catch (error) {
      if (error instanceof GraphRequestError && error.status === 404)
        throw new GroupNotFoundError(`No group with id ${group}.`);
      throw error;
    }
  }
  const filter = encodeURIComponent(`displayName eq '${group.replace(/'/g, "''")}'`);
  const matches = z.array(schema).parse(await client.getAll(`/groups?$filter=${filter}&$select=id,displayName`));
  const [only] = matches;
  if (!only) throw new GroupNotFoundError(`No group is called "${group}".`);
  if (matches.length > 1)
    throw new GroupNotFoundError(
      `${matches.length} groups are called "${group}": give its object id (${matches.map((match) => match.id).join(", ")}).`,
    );
  return { id: only.id, name: only.displayName ?? only.id };
}

/** How many of `items` have each key; an item whose `keyOf` is undefined (or "") is not counted. */
function countBy<T, K extends string>(
  items: readonly T[],
  keyOf: (item: T) => K | undefined,
): Partial<Record<K, number>> {
  const counts: Partial<Record<K, number>> = {};
  for (const item of items) {
    const key = keyOf(item);
    if (key) counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
