import vm from "node:vm";
import { createOfficeStandIn, type StandInOptions } from "./office-stand-in.js";

/**
 * Runs the built launchevent.js the way classic Outlook's JavaScript-only runtime does: a bare
 * context with the Office object and timers, no DOM (no window, no document), no module loader.
 */
export interface VmOptions extends StandInOptions {
  /** Remove these post-ES2016 built-ins first (as in classic Outlook's older runtime), e.g. "Object.values". */
  readonly withoutBuiltIns?: readonly string[];
}

export function runLaunchEventInVm(code: string, options: VmOptions) {
  // Change events are fired explicitly by callers here, so a test or bench controls the cache.
  const standIn = createOfficeStandIn({ fireChangeEvents: false, ...options });
  const logged: string[] = [];
  const quietConsole = {
    log: () => undefined,
    warn: () => undefined,
    error: (...args: unknown[]) => logged.push(args.join(" ")),
  };
  const context = vm.createContext({ Office: standIn.office, console: quietConsole, setTimeout, clearTimeout });
  for (const path of options.withoutBuiltIns ?? []) vm.runInContext(`delete ${path};`, context);
  vm.runInContext(code, context, { filename: "launchevent.js" });
  const failOpen = () =>
    (context as { schoolPolicyGuardFailOpen?: { count: number; lastReason: string } }).schoolPolicyGuardFailOpen;
  return { standIn, context, logged, failOpen };
}
