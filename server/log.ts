/**
 * Structured logs: one JSON object per line on stdout (App Service's log stream and any collector
 * read them as they are). Only what an operator needs: never a request body, a query string, a
 * header value, a token or anything from a draft — the add-in never sends mail content anyway.
 */
export type LogLevel = "info" | "warn" | "error";

export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

export interface Logger {
  (level: LogLevel, message: string, fields?: LogFields): void;
}

export function jsonLogger(write: (line: string) => void = (line) => process.stdout.write(line + "\n")): Logger {
  return (level, message, fields = {}) => {
    write(JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...fields }));
  };
}

/** A short, log-safe description of an error: its class and first line, never a stack of user data. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${(error.message.split("\n")[0] ?? "").slice(0, 300)}`;
  return String(error).slice(0, 300);
}
