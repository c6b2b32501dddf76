import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { PolicyPack } from "../policy/index.js";
import { checks } from "./checks/index.js";
import { policyRefFor, type Absence, type CheckContext, type Fetched, type SweepFinding } from "./checks/types.js";
import { MAX_BATCH, type BatchResponse, type GraphClient } from "./client.js";

/**
 * The compliance sweep: list users (paged), read each mailbox's automatic replies, calendar view,
 * calendar permissions and inbox rules through $batch (four requests per user, five users per
 * batch), run every check, and checkpoint after each batch so a killed sweep can resume.
 */
export interface LeaveEntry {
  readonly userPrincipalName: string;
  readonly start: string;
  readonly end: string;
}

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
  readonly window: { readonly start: Date; readonly end: Date };
  readonly leave?: readonly LeaveEntry[];
  /** Directory for the checkpoint file (checkpoint.json). */
  readonly out?: string;
  readonly resume?: boolean;
  /** Batches in flight at once; the client's adaptive limiter decides how many really run. */
  readonly parallelBatches?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /** Test hook: stop after this many batches (simulates a killed sweep). */
  readonly stopAfterBatches?: number;
}

interface User {
  id: string;
  userPrincipalName: string;
  mail?: string | null;
  accountEnabled?: boolean;
  userType?: string;
}

interface Checkpoint {
  done: string[];
  findings: SweepFinding[];
  absent: number;
}

const REQUESTS_PER_USER = 4;
const USERS_PER_BATCH = Math.floor(MAX_BATCH / REQUESTS_PER_USER);

export const NOT_EVALUATED_NOTE =
  "Mailbox FullAccess, SendAs and SendOnBehalf permissions are not visible to Microsoft Graph; check them in Exchange Online (Get-MailboxPermission, Get-RecipientPermission).";

/** Mon–Fri days touched by [start, end). */
export function workingDays(start: string, end: string): number {
  let count = 0;
  const day = new Date(start.slice(0, 10) + "T00:00:00Z");
  const stop = new Date(end.endsWith("Z") ? end : end + "Z");
  while (day < stop) {
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) count++;
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return count;
}

function fetched<T>(response: BatchResponse | undefined, pick: (body: unknown) => T): Fetched<T> {
  if (!response || response.status < 200 || response.status >= 300) return { ok: false, status: response?.status ?? 0 };
  return { ok: true, value: pick(response.body) };
}

function valueOf(body: unknown): never {
  return ((body as { value?: unknown[] }).value ?? []) as never;
}

export async function runSweep(options: SweepOptions): Promise<SweepReport> {
  const { client, pack } = options;
  const start = options.window.start.toISOString().slice(0, 19);
  const end = options.window.end.toISOString().slice(0, 19);
  const checkpointPath = options.out ? join(options.out, "checkpoint.json") : undefined;
  let state: Checkpoint = { done: [], findings: [], absent: 0 };
  if (options.resume && checkpointPath) {
    try {
      state = JSON.parse(await readFile(checkpointPath, "utf8")) as Checkpoint;
    } catch {
      // No checkpoint yet: start from the beginning.
    }
  }
  if (options.out) await mkdir(options.out, { recursive: true });
  const done = new Set(state.done);
  const users = await client.getAll<User>("/users?$select=id,userPrincipalName,mail,accountEnabled,userType&$top=100");
  // Delegates are looked up here, by address, so the delegation check can tell disabled and guest accounts.
  const directory = new Map<string, { accountEnabled: boolean; userType: string }>();
  for (const user of users) {
    const entry = { accountEnabled: user.accountEnabled !== false, userType: user.userType ?? "Member" };
    directory.set(user.userPrincipalName.toLowerCase(), entry);
    if (user.mail) directory.set(user.mail.toLowerCase(), entry);
  }
  const todo = users.filter((user) => !done.has(user.id));
  const groups: User[][] = [];
  for (let index = 0; index < todo.length; index += USERS_PER_BATCH)
    groups.push(todo.slice(index, index + USERS_PER_BATCH));
  const leaveByUpn = new Map((options.leave ?? []).map((entry) => [entry.userPrincipalName.toLowerCase(), entry]));
  let batchesRun = 0;
  let writing = Promise.resolve();

  async function sweepGroup(group: User[]): Promise<void> {
    const view = `startDateTime=${start}&endDateTime=${end}`;
    const responses = await client.batch(
      group.flatMap((user, index) => [
        { id: `${index}-replies`, url: `/users/${user.id}/mailboxSettings/automaticRepliesSetting` },
        {
          id: `${index}-calendar`,
          url: `/users/${user.id}/calendar/calendarView?${view}&$select=showAs,start,end,isAllDay&$top=100`,
        },
        { id: `${index}-permissions`, url: `/users/${user.id}/calendar/calendarPermissions` },
        { id: `${index}-rules`, url: `/users/${user.id}/mailFolders/inbox/messageRules` },
      ]),
    );
    const byId = new Map(responses.map((response) => [response.id, response]));
    group.forEach((user, index) => {
      const answer = (name: string) => byId.get(`${index}-${name}`);
      const all = ["replies", "calendar", "permissions", "rules"].map(answer);
      if (all.every((response) => response && (response.status === 404 || response.status === 403))) {
        const status = all[0]?.status ?? 0;
        const code = (all[0]?.body as { error?: { code?: string } } | undefined)?.error?.code ?? "";
        state.findings.push({
          userPrincipalName: user.userPrincipalName,
          userId: user.id,
          check: "mailbox",
          status: "not-evaluated",
          detail: `Mailbox could not be read (HTTP ${status}${code ? ` ${code}` : ""}).`,
          policyRef: { section: "School Policy Guard", quote: "Mailboxes Graph cannot read are listed, never passed." },
        });
        state.done.push(user.id);
        return;
      }
      const calendar = fetched(answer("calendar"), valueOf) as Fetched<
        { showAs: string; start: { dateTime: string }; end: { dateTime: string } }[]
      >;
      let absence: Absence | undefined;
      if (calendar.ok) {
        for (const event of calendar.value) {
          if (event.showAs.toLowerCase() !== "oof") continue;
          const days = workingDays(event.start.dateTime, event.end.dateTime);
          if (!absence || days > absence.workingDays)
            absence = { start: event.start.dateTime, end: event.end.dateTime, workingDays: days };
        }
      }
      const leave = leaveByUpn.get(user.userPrincipalName.toLowerCase());
      if (leave && leave.start < end && leave.end > start) {
        const days = workingDays(leave.start, leave.end);
        if (!absence || days > absence.workingDays) absence = { start: leave.start, end: leave.end, workingDays: days };
      }
      if (absence && absence.workingDays > pack.absence.outOfOfficeAfterDays) state.absent++;
      const context: CheckContext = {
        user,
        pack,
        absence,
        replies: fetched(answer("replies"), (body) => body as never),
        permissions: fetched(answer("permissions"), valueOf),
        rules: fetched(answer("rules"), valueOf),
        lookup: (address) => directory.get(address.toLowerCase()),
      };
      for (const check of checks) {
        for (const result of check.run(context)) {
          state.findings.push({
            userPrincipalName: user.userPrincipalName,
            userId: user.id,
            check: check.meta.id,
            status: result.status,
            detail: result.detail,
            policyRef: policyRefFor(pack, check.meta.clause, check.meta.docs),
          });
        }
      }
      state.done.push(user.id);
    });
    batchesRun++;
    options.onProgress?.(state.done.length, users.length);
    if (checkpointPath) {
      const snapshot = JSON.stringify(state);
      writing = writing.then(() => writeFile(checkpointPath, snapshot));
      await writing;
    }
  }

  let next = 0;
  const workers = Array.from({ length: Math.max(1, options.parallelBatches ?? 16) }, async () => {
    while (next < groups.length) {
      if (options.stopAfterBatches !== undefined && batchesRun >= options.stopAfterBatches) return;
      const group = groups[next++];
      if (group) await sweepGroup(group);
    }
  });
  await Promise.all(workers);

  const byCheck: SweepReport["summary"]["byCheck"] = {};
  for (const id of [...checks.map((check) => check.meta.id), "mailbox"])
    byCheck[id] = { fail: 0, warn: 0, notEvaluated: 0 };
  byCheck["mailbox-permissions"] = { fail: 0, warn: 0, notEvaluated: users.length };
  for (const finding of state.findings) {
    const counts = byCheck[finding.check];
    if (!counts) continue;
    if (finding.status === "fail") counts.fail++;
    else if (finding.status === "warn") counts.warn++;
    else counts.notEvaluated++;
  }
  const order = new Map(users.map((user, index) => [user.id, index]));
  const findings = [...state.findings].sort(
    (a, b) => (order.get(a.userId) ?? 0) - (order.get(b.userId) ?? 0) || a.check.localeCompare(b.check),
  );
  return {
    generatedAt: new Date().toISOString(),
    window: { start: options.window.start.toISOString(), end: options.window.end.toISOString() },
    summary: { users: users.length, absent: state.absent, byCheck },
    findings,
  };
}
