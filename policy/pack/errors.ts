/** Raised when a policy pack is missing, unreadable or invalid; lists every problem by field path. */
export class PolicyPackError extends Error {
  override readonly name = "PolicyPackError";
  constructor(
    readonly source: string,
    readonly problems: readonly { path: string; message: string }[],
  ) {
    super(
      `Invalid policy pack ${source}:\n` +
        problems.map((problem) => `  - ${problem.path}: ${problem.message}`).join("\n"),
    );
  }
}
