import { createHash } from "node:crypto";
import type { PolicyPack } from "../policy/index.js";
import { CheckpointMismatchError, CheckpointWriter, readCheckpoint, type CheckpointHeader } from "./checkpoint.js";
import { checks, NOT_EVALUATED_BY_GRAPH } from "./checks/index.js";
import { mergeAbsences, toInstant, type Absence } from "./checks/time.js";
import {
  policyRefFor,
  sameEnum,
  type CheckContext,
  type DirectoryEntry,
  type Fetched,
  type SweepFinding,
} from "./checks/types.js";
import { MAILBOX_CONCURRENCY, MAX_BATCH, type BatchResponse, type GraphClient } from "./client/types.js";
import type { CalendarEvent, CalendarPermission, GraphCollection, GraphUser, MessageRule } from "./graph-types.js";
import type { LeaveEntry } from "./leave.js";

/**
 * The compliance sweep. Lists the users (paged; a group's transitive members with --group), then
 * reads each mailbox's automatic replies, calendar view, calendar permissions and inbox rules
 * through JSON batches — four requests per user, five users per batch, so no mailbox ever has more
 * than Outlook's four requests in flight — runs every check, and checkpoints after each batch.
 * Read-only: it sends GETs (inside $batch POSTs) and nothing else.
 */
export interface SweepReport {
  generatedAt: string;
  window: { start: string; end: string };
  summary: {
    users: number;
    absent: number;
    byCheck: Record<string, { fail: number; warn: number; notEvaluated: number }>;
  };
  findings: SweepFinding[];
}

export interface SweepOptions {
  readonly client: GraphClient;
  readonly pack: PolicyPack;
  /** Absences overlapping [start, end) count; start is also "now" for absences under way. */
  readonly window: { readonly start: Date; readonly end: Date };
  readonly leave?: readonly LeaveEntry[];
  /** Sweep only this group's transitive members. */
  readonly group?: string | undefined;
  /** JSON-lines checkpoint written after every batch. */
  readonly checkpointPath?: string | undefined;
  /** Continue from the checkpoint (its window is kept); users already done are not read again. */
  readonly resume?: boolean;
  /** Stops taking new batches; the ones in flight finish and are checkpointed, then SweepAbortedError. */
  readonly signal?: AbortSignal;
  /** Most batches waiting or in flight at once; the client's adaptive limiter decides how many really run. */
  readonly batchesInFlight?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export class SweepAbortedError extends Error {
  override readonly name = "SweepAbortedError";
}

const REQUESTS_PER_USER = 4;
/** Five users a batch: twenty requests, and each mailbox's four requests within Outlook's limit. */
export const USERS_PER_BATCH = Math.floor(MAX_BATCH / REQUESTS_PER_USER);
const USER_FIELDS = "id,userPrincipalName,mail,accountEnabled,userType";
const MAILBOX_CHECK = {
  section: "School Policy Guard",
  quote: "A mailbox the sweep cannot read is listed as not evaluated, never passed.",
};

if (REQUESTS_PER_USER > MAILBOX_CONCURRENCY) throw new Error("A batch would exceed Outlook's per-mailbox limit");

function fetched<T>(response: BatchResponse | undefined, pick: (body: unknown) => T): Fetched<T> {
  if (!response || response.status < 200 || response.status >= 300) return { ok: false, status: response?.status ?? 0 };
  return { ok: true, value: pick(response.body) };
}

function valueOf<T>(body: unknown): readonly T[] {
  return (body as GraphCollection<T> | undefined)?.value ?? [];
}

function fingerprint(parts: unknown): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 32);
}

export async function runSweep(options: SweepOptions): Promise<SweepReport> {
  const { client, pack } = options;
  const leave = [...(options.leave ?? [])].sort(
    (a, b) => a.userPrincipalName.localeCompare(b.userPrincipalName) || a.start - b.start,
  );
  const key = fingerprint({ pack, group: options.group ?? null, leave });
  let window = { start: options.window.start.toISOString(), end: options.window.end.toISOString() };
  const done = new Set<string>();
  const findings: SweepFinding[] = [];
  let absent = 0;
  let writer: CheckpointWriter | undefined;
  if (options.checkpointPath) {
    const restored = options.resume ? await readCheckpoint(options.checkpointPath) : undefined;
    if (restored) {
      if (restored.header.key !== key) {
        throw new CheckpointMismatchError(
          "The checkpoint belongs to a sweep with another policy, group or leave file: run without --resume to start again.",
        );
      }
      window = restored.header.window; // A resumed sweep finishes the sweep it continues.
      for (const batch of restored.batches) {
        batch.done.forEach((id) => done.add(id));
        findings.push(...batch.findings);
        absent += batch.absent;
      }
      writer = await CheckpointWriter.resume(options.checkpointPath, restored);
    } else {
      const header: CheckpointHeader = { kind: "school-policy-guard/sweep-checkpoint", version: 1, key, window };
      writer = await CheckpointWriter.start(options.checkpointPath, header);
    }
  }
  const windowStart = Date.parse(window.start);
  const windowEnd = Date.parse(window.end);

  // The whole directory, so delegates anywhere in the school can be told apart from guests and leavers.
  const directoryUsers = await client.getAll<GraphUser>(`/users?$select=${USER_FIELDS}&$top=999`);
  const directory = new Map<string, DirectoryEntry>();
  for (const user of directoryUsers) {
    const entry = { accountEnabled: user.accountEnabled !== false, userType: user.userType ?? "Member" };
    directory.set(user.userPrincipalName.toLowerCase(), entry);
    if (user.mail) directory.set(user.mail.toLowerCase(), entry);
  }
  const scope = options.group
    ? await client.getAll<GraphUser>(
        `/groups/${encodeURIComponent(options.group)}/transitiveMembers/microsoft.graph.user?$select=${USER_FIELDS}&$top=999`,
      )
    : directoryUsers;
  // Guests have no mailbox in the school's tenant; a user in two nested groups is swept once.
  const seen = new Set<string>();
  const users = scope.filter((user) => !sameEnum(user.userType, "guest") && !seen.has(user.id) && seen.add(user.id));
  const todo = users.filter((user) => !done.has(user.id));
  const groups: GraphUser[][] = [];
  for (let index = 0; index < todo.length; index += USERS_PER_BATCH)
    groups.push(todo.slice(index, index + USERS_PER_BATCH));
  const leaveByUpn = new Map<string, LeaveEntry[]>();
  for (const entry of leave)
    leaveByUpn.set(entry.userPrincipalName, [...(leaveByUpn.get(entry.userPrincipalName) ?? []), entry]);
  let doneCount = users.length - todo.length;
  options.onProgress?.(doneCount, users.length);

  function absenceOf(user: GraphUser, events: readonly CalendarEvent[]): Absence | undefined {
    const intervals = [
      ...events
        .filter((event) => sameEnum(event.showAs, "oof"))
        .map((event) => ({ start: toInstant(event.start), end: toInstant(event.end), source: "calendar" as const })),
      ...(leaveByUpn.get(user.userPrincipalName.toLowerCase()) ?? []).map((entry) => ({
        start: entry.start,
        end: entry.end,
        source: "leave-file" as const,
      })),
    ];
    return mergeAbsences(intervals).find(
      (absence) =>
        absence.start < windowEnd &&
        absence.end > windowStart &&
        absence.workingDays > pack.absence.outOfOfficeAfterDays,
    );
  }

  async function sweepGroup(group: readonly GraphUser[]): Promise<void> {
    const view = `startDateTime=${window.start}&endDateTime=${window.end}`;
    const responses = await client.batch(
      group.flatMap((user, index) => [
        { id: `${index}-replies`, url: `/users/${user.id}/mailboxSettings/automaticRepliesSetting` },
        {
          id: `${index}-calendar`,
          url: `/users/${user.id}/calendar/calendarView?${view}&$select=showAs,start,end,isAllDay&$top=250`,
        },
        { id: `${index}-permissions`, url: `/users/${user.id}/calendar/calendarPermissions` },
        { id: `${index}-rules`, url: `/users/${user.id}/mailFolders/inbox/messageRules` },
      ]),
    );
    const byId = new Map(responses.map((response) => [response.id, response]));
    const batchFindings: SweepFinding[] = [];
    let batchAbsent = 0;
    for (const [index, user] of group.entries()) {
      const answer = (name: string) => byId.get(`${index}-${name}`);
      const all = ["replies", "calendar", "permissions", "rules"].map(answer);
      const first = all[0];
      if (
        first &&
        (first.status === 404 || first.status === 403) &&
        all.every((response) => response?.status === first.status)
      ) {
        const code = (first.body as { error?: { code?: string } } | undefined)?.error?.code;
        const why = first.status === 404 ? "no Exchange Online mailbox" : "access denied (outside the app's scope?)";
        batchFindings.push({
          userPrincipalName: user.userPrincipalName,
          userId: user.id,
          check: "mailbox",
          status: "not-evaluated",
          detail: `Mailbox could not be read: HTTP ${first.status}${code ? ` ${code}` : ""}, ${why}.`,
          policyRef: MAILBOX_CHECK,
        });
        continue;
      }
      let calendar = fetched(answer("calendar"), (body) => body as GraphCollection<CalendarEvent>);
      if (calendar.ok && calendar.value["@odata.nextLink"]) {
        // A busy timetable can fill a page: read the rest before judging the absence.
        const rest = await client.getAll<CalendarEvent>(calendar.value["@odata.nextLink"]);
        calendar = { ok: true, value: { value: [...calendar.value.value, ...rest] } };
      }
      const absence = absenceOf(user, calendar.ok ? calendar.value.value : []);
      if (absence) batchAbsent++;
      const context: CheckContext = {
        user,
        pack,
        now: windowStart,
        absence,
        replies: fetched(answer("replies"), (body) => body as never),
        permissions: fetched(answer("permissions"), (body) => valueOf<CalendarPermission>(body)),
        rules: fetched(answer("rules"), (body) => valueOf<MessageRule>(body)),
        lookup: (address) => directory.get(address.toLowerCase()),
      };
      if (!calendar.ok && !absence) {
        batchFindings.push({
          userPrincipalName: user.userPrincipalName,
          userId: user.id,
          check: "out-of-office",
          status: "not-evaluated",
          detail: `The calendar could not be read (HTTP ${calendar.status}): absences unknown.`,
          policyRef: policyRefFor(pack, "out-of-office", "Staff away set an out-of-office reply."),
        });
      }
      for (const check of checks) {
        for (const result of check.run(context)) {
          batchFindings.push({
            userPrincipalName: user.userPrincipalName,
            userId: user.id,
            check: check.meta.id,
            status: result.status,
            detail: result.detail,
            policyRef: policyRefFor(pack, check.meta.clause, check.meta.docs),
          });
        }
      }
    }
    await writer?.append({ done: group.map((user) => user.id), absent: batchAbsent, findings: batchFindings });
    findings.push(...batchFindings);
    absent += batchAbsent;
    doneCount += group.length;
    options.onProgress?.(doneCount, users.length);
  }

  let next = 0;
  const workers = Array.from({ length: Math.max(1, options.batchesInFlight ?? 64) }, async () => {
    while (next < groups.length && !options.signal?.aborted) {
      const group = groups[next++];
      if (group) await sweepGroup(group);
    }
  });
  await Promise.all(workers);
  if (options.signal?.aborted) {
    throw new SweepAbortedError(
      `Sweep stopped after ${doneCount} of ${users.length} users; run again with --resume to finish.`,
    );
  }

  const byCheck: SweepReport["summary"]["byCheck"] = {};
  for (const id of [...checks.map((check) => check.meta.id), "mailbox"])
    byCheck[id] = { fail: 0, warn: 0, notEvaluated: 0 };
  for (const id of Object.keys(NOT_EVALUATED_BY_GRAPH)) byCheck[id] = { fail: 0, warn: 0, notEvaluated: users.length };
  for (const finding of findings) {
    const counts = byCheck[finding.check];
    if (!counts) continue;
    if (finding.status === "fail") counts.fail++;
    else if (finding.status === "warn") counts.warn++;
    else counts.notEvaluated++;
  }
  const order = new Map(users.map((user, index) => [user.id, index]));
  // The same order whether the sweep ran in one go or was resumed: reports compare line by line.
  findings.sort(
    (a, b) =>
      (order.get(a.userId) ?? 0) - (order.get(b.userId) ?? 0) ||
      a.check.localeCompare(b.check) ||
      a.detail.localeCompare(b.detail),
  );
  return {
    generatedAt: new Date().toISOString(),
    window,
    summary: { users: users.length, absent, byCheck },
    findings,
  };
}
