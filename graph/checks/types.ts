import type { PolicyPack } from "../../policy/index.js";
import type { AutomaticRepliesSetting, CalendarPermission, MessageRule } from "../graph-types.js";
import type { Absence } from "./time.js";

export type CheckId = "out-of-office" | "out-of-office-content" | "delegation" | "external-forwarding";
/** Whole-mailbox failures (404/403) are reported under this id; the checks then have nothing to read. */
export type FindingCheck = CheckId | "mailbox";
export type FindingStatus = "fail" | "warn" | "not-evaluated";

export interface SweepFinding {
  readonly userPrincipalName: string;
  readonly userId: string;
  readonly check: FindingCheck;
  readonly status: FindingStatus;
  readonly detail: string;
  readonly policyRef: { readonly section: string; readonly quote: string };
}

/** One Graph answer for a user: the body when it succeeded, else the status that stopped it. */
export type Fetched<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly status: number };

export interface DirectoryEntry {
  readonly accountEnabled: boolean;
  readonly userType: string;
}

export interface CheckContext {
  readonly user: { readonly id: string; readonly userPrincipalName: string };
  readonly pack: PolicyPack;
  /** The sweep's start: an absence already under way is judged from here on. */
  readonly now: number;
  /** The first absence longer than the pack's threshold, in the window (calendar or leave file). */
  readonly absence: Absence | undefined;
  readonly replies: Fetched<AutomaticRepliesSetting>;
  readonly permissions: Fetched<readonly CalendarPermission[]>;
  readonly rules: Fetched<readonly MessageRule[]>;
  /** The tenant's directory entry for an address (undefined when there is no such user). */
  readonly lookup: (address: string) => DirectoryEntry | undefined;
}

export interface CheckResult {
  readonly status: FindingStatus;
  readonly detail: string;
}

export interface SweepCheckMeta {
  readonly id: CheckId;
  /** Application permissions the check needs (least privilege). */
  readonly permissions: readonly string[];
  /** Key into the pack's `clauses` for the school's own sentence. */
  readonly clause: string;
  /** What the admin should do about a finding. */
  readonly remediation: string;
  /** Short doc: what the check looks at and when it reports. */
  readonly docs: string;
}

export interface SweepCheck {
  readonly meta: SweepCheckMeta;
  readonly run: (context: CheckContext) => readonly CheckResult[];
}

export function policyRefFor(pack: PolicyPack, clause: string, fallback: string): SweepFinding["policyRef"] {
  const citation = pack.clauses[clause];
  return citation
    ? { section: `${citation.document} — ${citation.section}`, quote: citation.quote }
    : { section: "School Policy Guard defaults", quote: fallback };
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
