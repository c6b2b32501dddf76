import type { PolicyPack } from "../../policy/engine/types.js";

/**
 * The bundles embed the pack already validated at build time (parsePolicy, defaults filled), so zod
 * stays out of the 60 kB send-time bundle; here it is only frozen, as parsePolicy would.
 */
export function freezePack(data: unknown): PolicyPack {
  const freeze = (value: unknown): void => {
    if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
      Object.freeze(value); // ES2016: no Object.values in classic Outlook's runtime
      for (const key of Object.keys(value)) freeze((value as Record<string, unknown>)[key]);
    }
  };
  freeze(data);
  return data as PolicyPack;
}
