import { analyzeDraft } from "../../policy/engine/analyze.js";
import type { Analysis, Draft, PolicyPack } from "../../policy/engine/types.js";
import { withinBudget } from "../core/budget.js";
import { fingerprintDraft } from "../core/fingerprint.js";
import { SESSION_KEYS } from "../core/ids.js";
import { decideSend, type SendDecision } from "../core/present.js";
import type { ComposeItem, RequirementCheck } from "../office/item.js";
import { nudgesFor, showNudges } from "../office/notifications.js";
import { readSentHistory, recordSentTo, type KeyValueStorage } from "../office/sent-history.js";
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
  /**
   * The add-in's own device storage for the "written to before" history (salted hashes only); default
   * `localStorage` where the runtime has it. Absent: the new-external-recipient check stays silent.
   */
  readonly storage?: KeyValueStorage;
}

/**
 * The most body text an event-based pass reads. A timer cannot interrupt a synchronous analysis, so the
 * work itself is bounded: `npm run bench` measures under 1 s per MB on typical text and at most 3x that on
 * hostile text, so 250,000 characters stay well inside the 3 s budget even on a slow laptop. Longer bodies
 * are read in full by the task pane; the analysis says `bodyTruncated`.
 */
export const EVENT_MAX_BODY_CHARS = 250_000;

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

interface ItemAnalysis {
  readonly draft: Draft;
  readonly analysis: Analysis;
  readonly cached: boolean;
}

// The send path is written as promise chains, not async functions: in the ES2016 bundle each async
// function costs esbuild's generator wrapper and its helper: 45 bytes of the send budget in all.
function analyseItem(env: HandlerEnvironment, item: ComposeItem, store: SessionStore): Promise<ItemAnalysis> {
  return Promise.all([
    readDraft(item, env.supported, env.pack.encryption.mechanism),
    store.get<CachedAnalysis>(SESSION_KEYS.cache),
  ]).then(([{ draft }, cached]): ItemAnalysis | Promise<ItemAnalysis> => {
    const fingerprint = fingerprintDraft(draft);
    if (cached && cached.fingerprint === fingerprint) return { draft, analysis: cached.analysis, cached: true };
    const sentBefore = readSentHistory(env.storage);
    const analysis = analyzeDraft(sentBefore ? { ...draft, sentBefore } : draft, env.pack, {
      maxBodyChars: EVENT_MAX_BODY_CHARS,
    });
    return store
      .set(SESSION_KEYS.cache, { fingerprint, analysis: compact(analysis) } satisfies CachedAnalysis)
      .catch(() => undefined)
      .then(() => ({ draft, analysis, cached: false }));
  });
}

/**
 * Only what the handlers need again: findings, not the entity list. The send bundle's findings keep their
 * spans in the engine's folded text (SPG_SEND_TIME in addin/build.ts): nothing at send reads them.
 */
function compact(analysis: Analysis): Analysis {
  return { verdict: analysis.verdict, findings: analysis.findings.slice(0, 20), personalData: [] };
}

/** Never rejects and never throws: it runs where the message has already been let go. */
function recordFailOpen(env: HandlerEnvironment, store: SessionStore | undefined, reason: string): Promise<void> {
  failOpenCounter.count += 1;
  failOpenCounter.lastReason = reason;
  (env.log ?? console.error)(`School Policy Guard let the message go: ${reason}`);
  countInLocalStorage();
  // The counter is best effort: a session store that throws or rejects is passed over.
  return Promise.resolve(store)
    .then((session) =>
      session
        ? withinBudget(session.get<FailOpenRecord>(SESSION_KEYS.failOpen), 300).then((previous) =>
            withinBudget(
              session.set(SESSION_KEYS.failOpen, {
                count: (previous?.count ?? 0) + 1,
                lastReason: reason.slice(0, 200),
              }),
              300,
            ),
          )
        : undefined,
    )
    .catch(() => undefined);
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
  function onComposeChange(event: LaunchEvent): Promise<void> {
    return new Promise<void>((resolve) => {
      const item = env.item();
      const store = sessionStore(item, env.supported);
      resolve(
        withinBudget(analyseItem(env, item, store), COMPOSE_BUDGET_MS).then(({ analysis }) =>
          showNudges(item, nudgesFor(analysis, "compose")),
        ),
      );
    })
      .catch((error: unknown) => {
        (env.log ?? console.error)(`School Policy Guard could not check the draft: ${describe(error)}`);
      })
      .then(() => event.completed());
  }

  /**
   * OnMessageSend: re-read, reuse the cached analysis when nothing changed, decide. Fails open. The
   * banners are brought in step with this analysis (the body has no change event, so they may be stale);
   * a message let go adds its recipients to the device's "written to before" history (hashes only).
   */
  function onMessageSend(event: LaunchEvent): Promise<void> {
    let store: SessionStore | undefined;
    // A throw anywhere inside the executor or the chain becomes the rejection that lets the message go.
    return new Promise<SendDecision>((resolve) => {
      const item = env.item();
      const session = sessionStore(item, env.supported);
      store = session;
      resolve(
        withinBudget(analyseItem(env, item, session), env.sendBudgetMs ?? SEND_BUDGET_MS).then(
          ({ draft, analysis }) => {
            const decision = decideSend(analysis);
            if (decision.allowEvent) {
              recordSentTo(
                [...draft.to, ...draft.cc, ...draft.bcc].map((recipient) => recipient.address),
                env.storage,
              );
            }
            return withinBudget(showNudges(item, decision.allowEvent ? [] : nudgesFor(analysis, "send")), 300)
              .catch(() => undefined)
              .then(() => decision);
          },
        ),
      );
    })
      .catch((error: unknown) =>
        recordFailOpen(env, store, describe(error)).then((): SendDecision => ({ allowEvent: true })),
      )
      .then((decision) => event.completed(decision));
  }

  return { onComposeChange, onMessageSend };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export type { Draft };
