import type { TokenSource } from "./auth.js";

export type Status = "acknowledged" | "due" | "overdue" | "not-required";

export interface PolicySummary {
  id: string;
  title: string;
  version: string;
  effectiveDate: string;
  textHash: string;
  audiences: string[];
  status: Status;
  dueDate?: string;
  acknowledgedAt?: string;
}

export interface PolicyText extends Omit<PolicySummary, "status" | "audiences"> {
  markdown: string;
}

export interface EvidenceRecord {
  seq: number;
  policyId: string;
  version: string;
  fullName: string;
  acknowledgedAt: string;
  hash: string;
}

export interface AudienceSummary {
  audience: string;
  group: string;
  policyId: string;
  required: number;
  acknowledged: number;
  due: number;
  overdue: number;
  completion: number;
}

export interface PersonStatus {
  oid: string;
  upn: string;
  displayName: string;
  audiences: string[];
  policyId: string;
  status: Status;
  dueDate?: string;
}

export interface AuditResult {
  ok: boolean;
  records: number;
  headHash: string;
  problems: { seq: number; problem: string; detail: string }[];
}

/** What POST /api/admin/reminders answers once confirmed: counts, and each notification Teams refused. */
export interface ReminderResult {
  outstanding: number;
  people: number;
  sent: number;
  /** One per notification not delivered, with the server's reason in words for the admin. */
  failed: { oid: string; policyId: string; reason: string }[];
}

export interface ReminderPreview {
  confirmRequired: true;
  policyIds: string[];
  people: number;
  notifications: number;
  rateLimited: { policyId: string; nextAllowedAt?: string }[];
  confirm: string;
  expiresAt: string;
  message: string;
}

export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A thin client for the acknowledgement API; every call carries the caller's access token. */
export function createApi(getToken: TokenSource) {
  async function request(path: string, init: RequestInit = {}): Promise<Response> {
    const token = await getToken();
    const headers = new Headers(init.headers);
    headers.set("Authorization", `Bearer ${token}`);
    if (init.body) headers.set("Content-Type", "application/json");
    const response = await fetch(path, { ...init, headers });
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
      throw new ApiError(
        response.status,
        body.error?.code ?? "error",
        body.error?.message ?? `Request failed (${response.status}).`,
      );
    }
    return response;
  }
  const json = async <T>(path: string, init?: RequestInit) => (await (await request(path, init)).json()) as T;
  return {
    policies: () =>
      json<{ user: { displayName: string; upn: string; isAdmin: boolean }; policies: PolicySummary[] }>(
        "/api/policies",
      ),
    policy: (id: string) => json<PolicyText>(`/api/policies/${encodeURIComponent(id)}`),
    acknowledge: (body: { policyId: string; version: string; textHash: string; fullName: string }) =>
      json<{ record: EvidenceRecord }>("/api/acknowledgements", { method: "POST", body: JSON.stringify(body) }),
    history: () => json<{ records: EvidenceRecord[] }>("/api/me/acknowledgements"),
    adminStatus: () =>
      json<{
        generatedAt: string;
        policies: { id: string; title: string; version: string }[];
        audiences: AudienceSummary[];
        people: PersonStatus[];
      }>("/api/admin/status"),
    exportCsv: async () => (await request("/api/admin/export.csv")).blob(),
    exportEvidence: async () => (await request("/api/admin/evidence.csv")).blob(),
    /** First step: how many people would be reminded, and the confirmation to send with step two. */
    previewReminders: (policyId?: string) =>
      json<ReminderPreview>("/api/admin/reminders", {
        method: "POST",
        body: JSON.stringify(policyId ? { policyId } : {}),
      }),
    sendReminders: (confirm: string, policyId?: string) =>
      json<ReminderResult>("/api/admin/reminders", {
        method: "POST",
        body: JSON.stringify(policyId ? { policyId, confirm } : { confirm }),
      }),
    audit: () => json<AuditResult>("/api/admin/audit/verify"),
  };
}

export type Api = ReturnType<typeof createApi>;

export function formatDate(iso: string | undefined): string {
  if (!iso) return "";
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}
