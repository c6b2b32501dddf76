import { accessSync, constants } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** Debian's Chromium, the default when CHROMIUM_PATH is unset; scripts/ensure-chromium.sh installs it. */
export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

/** The browser the tests drive: CHROMIUM_PATH, or Debian's Chromium. Never a downloaded browser. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CHROMIUM_PATH?.trim();
  return fromEnv ? fromEnv : DEBIAN_CHROMIUM;
}

/** Thrown, with one line naming what to run, when there is no Chromium to launch. */
export class ChromiumMissingError extends Error {
  override readonly name = "ChromiumMissingError";
}

/**
 * Launches the tests' Chromium. The background-networking flags keep it from calling out on this
 * machine's closed network.
 */
export function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  try {
    accessSync(executablePath, constants.X_OK);
  } catch {
    return Promise.reject(
      new ChromiumMissingError(
        `No Chromium at ${executablePath}: run 'bash scripts/ensure-chromium.sh' (npm test runs it first) ` +
          "or set CHROMIUM_PATH to a Chromium binary.",
      ),
    );
  }
  return chromium.launch({
    executablePath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
