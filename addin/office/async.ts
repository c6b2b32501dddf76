/**
 * The one place Office's callback style becomes promises. Every Office.js call in the add-in goes
 * through `officeCall`, so a failed AsyncResult (or a synchronous throw inside the host) is always a
 * typed `OfficeCallError` the caller can catch — never a silent callback that is never invoked.
 */

export class OfficeCallError extends Error {
  override readonly name = "OfficeCallError";
  constructor(
    readonly operation: string,
    readonly code: number | string | undefined,
    message: string,
  ) {
    super(`${operation} failed: ${message}`);
  }
}

/** Office.AsyncResult's documented shape: status ("succeeded" | "failed"), value, error. */
export function officeCall<T>(operation: string, invoke: (callback: (result: Office.AsyncResult<T>) => void) => void) {
  return new Promise<T>((resolve, reject) => {
    try {
      invoke((result) => {
        if (String(result.status) === "succeeded") resolve(result.value);
        else reject(new OfficeCallError(operation, result.error?.code, result.error?.message ?? "unknown error"));
      });
    } catch (error) {
      reject(new OfficeCallError(operation, undefined, error instanceof Error ? error.message : String(error)));
    }
  });
}

/** `officeCall` for the calls that answer no value (set, add, remove). */
export function officeAction(
  operation: string,
  invoke: (callback: (result: Office.AsyncResult<void>) => void) => void,
): Promise<undefined> {
  return officeCall<undefined>(
    operation,
    invoke as (callback: (result: Office.AsyncResult<undefined>) => void) => void,
  );
}
