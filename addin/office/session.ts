import { officeAction, officeCall } from "./async.js";
import type { ComposeItem, RequirementCheck } from "./item.js";

/** Documented: per add-in and item, session data holds 50,000 characters on Mailbox 1.11–1.15. */
export const SESSION_DATA_MAX_CHARS = 50_000;

/** Per-item JSON storage in `item.sessionData` (Mailbox 1.11); absent hosts read nothing and store nothing. */
export interface SessionStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
}

export function sessionStore(item: ComposeItem, supported: RequirementCheck): SessionStore {
  const data = item.sessionData;
  if (!data || !supported("Mailbox", "1.11")) {
    return { get: () => Promise.resolve(undefined), set: () => Promise.resolve() };
  }
  return {
    get<T>(key: string) {
      return officeCall<string>("sessionData.getAsync", (done) => data.getAsync(key, done)).then(
        (text) => (text ? (JSON.parse(text) as T) : undefined),
        () => undefined, // A key never set fails with "not found": the same as no value.
      );
    },
    set(key: string, value: unknown) {
      const text = JSON.stringify(value);
      if (text.length > SESSION_DATA_MAX_CHARS / 2) return Promise.resolve(); // Leave room; a cache miss is cheap.
      return officeAction("sessionData.setAsync", (done) => data.setAsync(key, text, done));
    },
  };
}

export function readInitializationContext(item: ComposeItem): Promise<string | undefined> {
  const read = item.getInitializationContextAsync;
  if (!read) return Promise.resolve(undefined);
  return officeCall<string>("getInitializationContextAsync", (done) => read.call(item, done)).then(
    (value) => value || undefined,
    () => undefined,
  );
}
