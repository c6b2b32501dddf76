export class BudgetExceededError extends Error {
  override readonly name = "BudgetExceededError";
  constructor(readonly budgetMs: number) {
    super(`took longer than the ${budgetMs} ms budget`);
  }
}

/** Resolves with `work`, or rejects with BudgetExceededError once `budgetMs` has passed. */
export function withinBudget<T>(work: Promise<T>, budgetMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new BudgetExceededError(budgetMs)), budgetMs);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
