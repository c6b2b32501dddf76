import type { PolicyPack } from "../../policy/index.js";
import { DEFAULT_CITATION_DOCUMENT, type CLAUSE_KEYS } from "../../policy/rules/define.js";
import type { AutomaticRepliesSetting, CalendarPermission, MessageRule } from "../graph-types.js";
import type { Absence } from "./absence.js";
import type { SchoolCalendar } from "./time.js";

export type CheckId = "out-of-office" | "out-of-office-content" | "delegation" | "external-forwarding";
/** Whole-mailbox failures (404/403 on everything) are reported under this id. */
export type FindingCheck = CheckId | "mailbox";
export type FindingStatus = "fail" | "warn" | "not-evaluated";
/** Why a whole mailbox could not be read: 403 on everything, 404 on everything, or the sweep's own error. */
export type UnreadReason = "access denied" | "not found" | "sweep error";

/** Most urgent first: the report sorts by this. */
export const SEVERITY: Readonly<Record<FindingStatus, number>> = { fail: 0, warn: 1, "not-evaluated": 2 };

export interface SweepFinding {
  readonly userPrincipalName: string;
  readonly userId: string;
  readonly displayName: string;
  readonly check: FindingCheck;
  readonly status: FindingStatus;
  readonly detail: string;
  readonly policyRef: { readonly section: string; readonly quote: string };
  /** Only on `mailbox` findings: why it could not be read, so the summary counts it apart from those checked. */
  readonly unread?: UnreadReason;
  /**
   * On the absence checks' findings (out-of-office, delegation): when the absence began, as an ISO
   * instant, so the report can put those already away first.
   */
  readonly awaySince?: string;
}

/** The checks whose findings are about an absence (and carry `awaySince`). */
export const ABSENCE_CHECKS: readonly FindingCheck[] = ["out-of-office", "delegation"];

/** What the sweep read for a user: the value, or why it could not be read. */
export type Fetched<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

export interface DirectoryEntry {
  readonly accountEnabled: boolean;
  readonly userType: string;
}

export interface CheckContext {
  readonly user: { readonly id: string; readonly userPrincipalName: string; readonly displayName: string };
  readonly pack: PolicyPack;
  readonly calendar: SchoolCalendar;
  /** The window's start: an absence already under way is judged from here on. */
  readonly now: number;
  /**
   * The absence longer than the pack's threshold in the window (calendar and leave file), none, or
   * why it is unknown (the calendar could not be read and the leave file names no absence).
   */
  readonly absence: Fetched<Absence | undefined>;
  readonly replies: Fetched<AutomaticRepliesSetting>;
  readonly permissions: Fetched<readonly CalendarPermission[]>;
  readonly rules: Fetched<readonly MessageRule[]>;
  /** Inside the school: the tenant's verified domains, the pack's domains, Exchange X500 addresses. */
  readonly isInternal: (address: string) => boolean;
  /** The tenant's directory entry for an address (undefined when there is no such user). */
  readonly lookup: (address: string) => DirectoryEntry | undefined;
}

export interface CheckResult {
  readonly status: FindingStatus;
  readonly detail: string;
}

/**
 * The clause keys CLAUSE_KEYS reserves for the sweep (no add-in rule cites them): a sweep check cites only
 * one of these, so a finding never quotes a sentence the school wrote about something else (St John Payne's
 * "personal-data" sentence is its steps for sending an e-mail, which an automatic reply cannot follow).
 */
export type SweepClauseKey = {
  [K in keyof typeof CLAUSE_KEYS]: (typeof CLAUSE_KEYS)[K]["rules"] extends readonly [] ? K : never;
}[keyof typeof CLAUSE_KEYS];

/**
 * What a check cites: the school's sentence for its clause, else our own `guidance` (else its docs). A check
 * whose subject no clause key is about has no clause and must say its guidance.
 */
export type SweepCitation =
  | { readonly clause: SweepClauseKey; readonly guidance?: string }
  | { readonly clause: null; readonly guidance: string };

export type SweepCheckMeta = SweepCitation & {
  readonly id: CheckId;
  /** Plain-English name for the report. */
  readonly title: string;
  /** Application permissions the check needs (least privilege, as Microsoft's pages name them). */
  readonly permissions: readonly string[];
  /** What the admin should do about a finding, and where. */
  readonly remediation: string;
  /** Short doc: what the check looks at and when it reports. */
  readonly docs: string;
};

export interface SweepCheck {
  readonly meta: SweepCheckMeta;
  readonly run: (context: CheckContext) => readonly CheckResult[];
}

export function policyRefFor(pack: PolicyPack, meta: SweepCheckMeta): SweepFinding["policyRef"] {
  const citation = meta.clause === null ? undefined : pack.clauses[meta.clause];
  return citation
    ? { section: `${citation.document} — ${citation.section}`, quote: citation.quote }
    : { section: DEFAULT_CITATION_DOCUMENT, quote: meta.guidance ?? meta.docs };
}

/** Graph's enum values arrive as "scheduled" or "Scheduled": compare them without case. */
export function sameEnum(value: string | null | undefined, expected: string): boolean {
  return (value ?? "").toLowerCase() === expected.toLowerCase();
}

export function isBlankHtml(html: string | null | undefined): boolean {
  return (
    (html ?? "")
      .replace(/<[^>]{0,2000}>/g, " ")
      .replace(/&nbsp;|&#160;/gi, " ")
      .trim() === ""
  );
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
