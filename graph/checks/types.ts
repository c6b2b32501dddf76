import type { PolicyPack } from "../../policy/index.js";

export type CheckId = "out-of-office" | "out-of-office-content" | "delegation" | "external-forwarding";

export interface SweepFinding {
  readonly userPrincipalName: string;
  readonly userId: string;
  readonly check: CheckId | "mailbox";
  readonly status: "fail" | "warn" | "not-evaluated";
  readonly detail: string;
  readonly policyRef: { readonly section: string; readonly quote: string };
}

/** One Graph answer for a user: the body when it succeeded, else the status that stopped it. */
export type Fetched<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly status: number };

export interface Absence {
  readonly start: string;
  readonly end: string;
  readonly workingDays: number;
}

export interface CheckContext {
  readonly user: { readonly id: string; readonly userPrincipalName: string };
  readonly pack: PolicyPack;
  /** The absence found in the calendar or the leave file, if any. */
  readonly absence: Absence | undefined;
  readonly replies: Fetched<{
    status: string;
    externalAudience: string;
    scheduledStartDateTime?: { dateTime: string };
    scheduledEndDateTime?: { dateTime: string };
    internalReplyMessage: string;
    externalReplyMessage: string;
  }>;
  readonly permissions: Fetched<{ role: string; isInsideOrganization: boolean; emailAddress: { address: string } }[]>;
  /** The tenant's directory entry for an address (undefined when no such user). */
  readonly lookup?: (address: string) => { readonly accountEnabled: boolean; readonly userType: string } | undefined;
  readonly rules: Fetched<
    {
      displayName: string;
      isEnabled: boolean;
      actions: Record<string, { emailAddress: { address: string } }[] | undefined>;
    }[]
  >;
}

export interface SweepCheck {
  readonly meta: {
    readonly id: CheckId;
    readonly permissions: readonly string[];
    /** Key into the pack's clauses for the school's own sentence. */
    readonly clause: string;
    readonly remediation: string;
    readonly docs: string;
  };
  readonly run: (context: CheckContext) => { status: SweepFinding["status"]; detail: string }[];
}

export function policyRefFor(pack: PolicyPack, clause: string, fallback: string): SweepFinding["policyRef"] {
  const citation = pack.clauses[clause];
  return citation
    ? { section: `${citation.document} — ${citation.section}`, quote: citation.quote }
    : { section: "School Policy Guard defaults", quote: fallback };
}

export function plainText(html: string): string {
  return html
    .replace(/<[^>]{0,500}>/g, " ")
    .replace(/&nbsp;/g, " ")
    .trim();
}
