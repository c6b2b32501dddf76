import { analyzeDraft } from "../../policy/engine/analyze.js";
import type { Analysis, Draft, PolicyPack } from "../../policy/engine/types.js";
import { withinBudget } from "../core/budget.js";
import { fingerprintDraft } from "../core/fingerprint.js";
import { SESSION_KEYS, TASKPANE_COMMAND_ID } from "../core/ids.js";
import { composeNudgeMessages, decideSend, type SendDecision } from "../core/present.js";
import type { ComposeItem, RequirementCheck } from "../office/item.js";
import { showNudges } from "../office/notifications.js";
import { readDraft } from "../office/read.js";
import { sessionStore, type SessionStore } from "../office/session.js";

/**
 * Launch-event handlers. They run in Outlook's JavaScript-only runtime on classic Windows (no DOM,
 * ES2016), so they touch nothing but the Office object handed in and the pure core.
 */

/** Outlook says "taking longer than expected" at 5 s, bundle load included: we give up well before. */
export const SEND_BUDGET_MS = 3000;
export const COMPOSE_BUDGET_MS = 4000;

export interface LaunchEvent {
  completed(options?: SendDecision | Record<string, unknown>): void;
}

export interface HandlerEnvironment {
  readonly pack: PolicyPack;
  readonly item: () => ComposeItem;
  readonly supported: RequirementCheck;
  readonly log?: (message: string) => void;
  readonly now?: () => number;
  readonly sendBudgetMs?: number;
}

interface CachedAnalysis {
  readonly fingerprint: string;
  readonly analysis: Analysis;
}

interface FailOpenRecord {
  readonly count: number;
  readonly lastReason: string;
}

/** Kept for hosts without session data (and readable by the harness and tests). */
export const failOpenCounter = { count: 0, lastReason: "" };

async function analyseItem(env: HandlerEnvironment, item: ComposeItem, store: SessionStore) {
  const [{ draft }, cached] = await Promise.all([
    readDraft(item, env.supported, env.pack.encryption.mechanism),
    store.get<CachedAnalysis>(SESSION_KEYS.cache),
  ]);
  const fingerprint = fingerprintDraft(draft);
  if (cached && cached.fingerprint === fingerprint) return { draft, analysis: cached.analysis, cached: true };
  const analysis = analyzeDraft(draft, env.pack);
  await store
    .set(SESSION_KEYS.cache, { fingerprint, analysis: compact(analysis) } satisfies CachedAnalysis)
    .catch(() => undefined);
  return { draft, analysis, cached: false };
}

/** Only what the handlers need again: findings, not the entity list. */
function compact(analysis: Analysis): Analysis {
  return { verdict: analysis.verdict, findings: analysis.findings.slice(0, 20), personalData: [] };
}

async function recordFailOpen(env: HandlerEnvironment, store: SessionStore | undefined, reason: string) {
  failOpenCounter.count += 1;
  failOpenCounter.lastReason = reason;
  (env.log ?? console.error)(`School Policy Guard let the message go: ${reason}`);
  countInLocalStorage();
  if (!store) return;
  try {
    const previous = await withinBudget(store.get<FailOpenRecord>(SESSION_KEYS.failOpen), 300);
    await withinBudget(
      store.set(SESSION_KEYS.failOpen, { count: (previous?.count ?? 0) + 1, lastReason: reason.slice(0, 200) }),
      300,
    );
  } catch {
    // The counter is best effort; the message has already been let go.
  }
}

/** The HTML runtimes (web, new Outlook, Mac) have localStorage; classic Windows' JavaScript runtime has not. */
function countInLocalStorage(): void {
  try {
    const storage = (globalThis as { localStorage?: Storage }).localStorage;
    if (!storage) return;
    storage.setItem(SESSION_KEYS.failOpen, String(Number(storage.getItem(SESSION_KEYS.failOpen) ?? "0") + 1));
  } catch {
    // Storage may be disabled; the console and session data still carry the reason.
  }
}

export function createHandlers(env: HandlerEnvironment) {
  /** Compose-time events: the expensive read and analysis, cached, and a few nudges. */
  async function onComposeChange(event: LaunchEvent): Promise<void> {
    try {
      const item = env.item();
      const store = sessionStore(item, env.supported);
      const { analysis } = await withinBudget(analyseItem(env, item, store), COMPOSE_BUDGET_MS);
      const context = JSON.stringify({ source: "compose", rules: analysis.findings.map((finding) => finding.rule) });
      await showNudges(
        item,
        composeNudgeMessages(analysis).map((message) => ({
          message,
          openPane: { commandId: TASKPANE_COMMAND_ID, actionText: "Review", contextData: context },
        })),
      );
    } catch (error) {
      (env.log ?? console.error)(`School Policy Guard could not check the draft: ${describe(error)}`);
    } finally {
      event.completed();
    }
  }

  /** OnMessageSend: re-read, reuse the cached analysis when nothing changed, decide. Fails open. */
  async function onMessageSend(event: LaunchEvent): Promise<void> {
    let store: SessionStore | undefined;
    let decision: SendDecision;
    try {
      const item = env.item();
      store = sessionStore(item, env.supported);
      const { analysis } = await withinBudget(analyseItem(env, item, store), env.sendBudgetMs ?? SEND_BUDGET_MS);
      decision = decideSend(analysis);
    } catch (error) {
      await recordFailOpen(env, store, describe(error));
      decision = { allowEvent: true };
    }
    event.completed(decision);
  }

  return { onComposeChange, onMessageSend };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export type { Draft };
