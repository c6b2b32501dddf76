/** Deep-freezes a plain JSON-like value. Kept free of zod so the send-time bundle can use it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    const record = value as Record<string, unknown>;
    // Object.keys, not Object.values: classic Outlook's runtime may predate ES2017 built-ins.
    for (const key of Object.keys(record)) deepFreeze(record[key]);
  }
  return value;
}
