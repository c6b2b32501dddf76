import type { SentBefore } from "../../policy/engine/types.js";
import { addSentTo } from "../../policy/rules/recipients/address-hash.js";

/**
 * The "addresses written to before" history behind the new-external-recipient check: a random salt and
 * salted SHA-256 hashes of the addresses this sender's mail went to, in the add-in's own storage on this
 * device (`localStorage` of the add-in's origin: the task pane and the HTML runtimes of Outlook on the
 * web, new Outlook and Mac). Never an address, never content; it leaves the device with nothing.
 * Classic Outlook's JavaScript-only runtime has no `localStorage`: there the history is absent and the
 * check stays silent.
 */
export const SENT_HISTORY_KEY = "spg.sentBefore";
/** Newest hashes kept: enough for a year of a busy teacher's correspondents. */
export const SENT_HISTORY_MAX = 5000;

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The add-in's own storage where the runtime has one (throws nothing: storage may be disabled). */
export function deviceStorage(): KeyValueStorage | undefined {
  try {
    const storage = (globalThis as { localStorage?: KeyValueStorage }).localStorage;
    return storage ?? undefined;
  } catch {
    return undefined;
  }
}

function randomSalt(): string {
  const crypto = (globalThis as { crypto?: { getRandomValues?: (array: Uint32Array) => Uint32Array } }).crypto;
  const words = new Uint32Array(4);
  if (crypto?.getRandomValues) crypto.getRandomValues(words);
  else for (let i = 0; i < words.length; i++) words[i] = Math.floor(Math.random() * 0x100000000);
  return Array.prototype.map.call(words, (word: number) => word.toString(16)).join("");
}

function isHistory(value: unknown): value is SentBefore {
  if (value === null || typeof value !== "object") return false;
  const record = value as { salt?: unknown; hashes?: unknown };
  return (
    typeof record.salt === "string" &&
    Array.isArray(record.hashes) &&
    record.hashes.every((hash) => typeof hash === "string" && /^[0-9a-f]{64}$/.test(hash))
  );
}

/** The history, or undefined where there is no storage or nothing valid in it. */
export function readSentHistory(storage: KeyValueStorage | undefined = deviceStorage()): SentBefore | undefined {
  if (!storage) return undefined;
  try {
    const text = storage.getItem(SENT_HISTORY_KEY);
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    return isHistory(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Adds the addresses a message went to (hashed) and keeps the newest `SENT_HISTORY_MAX`. */
export function recordSentTo(
  addresses: readonly string[],
  storage: KeyValueStorage | undefined = deviceStorage(),
): SentBefore | undefined {
  if (!storage) return undefined;
  const before = readSentHistory(storage) ?? { salt: randomSalt(), hashes: [] };
  const after = addSentTo(before, addresses, SENT_HISTORY_MAX);
  try {
    storage.setItem(SENT_HISTORY_KEY, JSON.stringify(after));
  } catch {
    return before; // Storage full or disabled: the history simply does not grow.
  }
  return after;
}
