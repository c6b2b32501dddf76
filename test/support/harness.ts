import type { Page } from "playwright-core";

/**
 * Presses Send in the compose harness (addin/harness) and waits until the send handler has answered:
 * "Sent.", "Not sent yet." or a handler failure. Returns the options the handler completed the event
 * with (`allowEvent`, `errorMessage`, `sendModeOverride`…), as the harness's stand-in recorded them.
 */
export async function sendFromHarness(page: Page): Promise<Record<string, unknown> | undefined> {
  await page.locator("#h-send").click();
  await page.waitForFunction(() => {
    const status = document.getElementById("h-status")?.textContent ?? "";
    return status === "Sent." || status === "Not sent yet." || status.startsWith("Send handler failed");
  });
  return page.evaluate(
    () =>
      (window as unknown as { spgHarness: { lastSmartAlert?: { options?: Record<string, unknown> } } }).spgHarness
        .lastSmartAlert?.options,
  );
}
