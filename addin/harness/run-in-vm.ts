import vm from "node:vm";
import { createOfficeStandIn, type StandInOptions } from "./office-stand-in.js";

/**
 * Runs the built launchevent.js the way classic Outlook's JavaScript-only runtime does: a bare
 * context with the Office object and timers, no DOM (no window, no document), no module loader.
 */
export function runLaunchEventInVm(code: string, options: StandInOptions) {
  // Change events are fired explicitly by callers here, so a test or bench controls the cache.
  const standIn = createOfficeStandIn({ fireChangeEvents: false, ...options });
  const logged: string[] = [];
  const quietConsole = {
    log: () => undefined,
    warn: () => undefined,
    error: (...args: unknown[]) => logged.push(args.join(" ")),
  };
  const context = vm.createContext({ Office: standIn.office, console: quietConsole, setTimeout, clearTimeout });
  vm.runInContext(code, context, { filename: "launchevent.js" });
  const failOpen = () =>
    (context as { schoolPolicyGuardFailOpen?: { count: number; lastReason: string } }).schoolPolicyGuardFailOpen;
  return { standIn, context, logged, failOpen };
}
