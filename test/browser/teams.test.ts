import { serve, type ServerType } from "@hono/node-server";
import { launchChromium } from "../support/chromium.js";
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../teams-app/server/app.js";
import { buildTeamsApp } from "../../teams-app/build.js";
import { readConfig } from "../../teams-app/server/config.js";
import { createServices, type Services } from "../../teams-app/server/services.js";
import { FIXTURE_DOCUMENTS, FIXTURE_PACK, tempDir } from "../../teams-app/test/helpers.js";
import { createGraphClient } from "../../teams-app/server/graph-client.js";
import { GraphActivityNotifier } from "../../teams-app/server/notifier.js";
import { startGraphStandIn, type GraphStandIn } from "../../teams-app/test/sharepoint-stand-in.js";

/** The Teams tab outside Teams, in Debian's Chromium, with the development sign-in. */
const AXE = readFileSync(fileURLToPath(import.meta.resolve("axe-core/axe.min.js")), "utf8");

let dir: ReturnType<typeof tempDir>;
let server: ServerType;
let services: Services;
let origin: string;
let browser: Browser;
let graph: GraphStandIn;
/** Staff whose Teams does not have the app, so Graph refuses their reminders (filled once the directory is read). */
const appNotInstalledFor: string[] = [];

beforeAll(async () => {
  dir = tempDir("spg-tab-");
  const staticDir = join(dir.path, "tab");
  await buildTeamsApp({ outDir: staticDir, minify: false });
  const config = readConfig({
    NODE_ENV: "development",
    DEV_SIGN_IN: "1",
    POLICY_PACK: FIXTURE_PACK,
    POLICY_DOCUMENTS_DIR: FIXTURE_DOCUMENTS,
    DATABASE_PATH: join(dir.path, "acks.db"),
    STATIC_DIR: staticDir,
    PORT: "0",
  });
  // Reminders go through the real Graph notifier to a stand-in of Graph, which refuses people without the app.
  graph = await startGraphStandIn({ appNotInstalledFor });
  const client = createGraphClient({
    baseUrl: graph.baseUrl,
    authProvider: { getAccessToken: async () => graph.token },
  });
  services = createServices(config, { notifier: new GraphActivityNotifier(client) });
  const staff = await services.directory.membersOf({ id: "11111111-1111-4111-8111-111111111111", name: "All Staff" });
  appNotInstalledFor.push(...staff.filter((person) => person.displayName === "Amara Ashdown").map((p) => p.oid));
  const app = createApp(config, services);
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await services?.store.close();
  await graph?.close();
  dir?.remove();
});

/**
 * The pages run with reduced motion (which Fluent UI honours: its transitions take 0.01 ms), so axe reads
 * settled colours: otherwise a button caught in its 100 ms hover or disabled-to-enabled transition
 * (#8083d1 behind white text) fails colour contrast on one machine and passes on the next.
 */
async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the tab's CSP (script-src 'self') rightly blocks inline tags.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: Document): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> };
      }
    ).axe;
    // Fluent UI's keyboard navigation (Tabster) adds <i tabindex="0" aria-hidden="true" data-tabster-dummy> focus
    // guards that hand focus straight on; axe's aria-hidden-focus cannot know that, so only those are excluded.
    const context = { include: [["html"]], exclude: [["[data-tabster-dummy]"]] };
    return (await axe.run(context as unknown as Document)).violations.map(
      (violation) => `${violation.id}: ${JSON.stringify(violation.nodes.map((node) => node.target))}`,
    );
  });
  return violations;
}

async function signIn(page: Page, persona: RegExp) {
  await page.goto(origin);
  await expect.poll(() => page.getByTestId("dev-banner").isVisible(), { timeout: 10_000 }).toBe(true);
  await page.getByRole("button", { name: persona }).click();
}

describe("Teams tab outside Teams (development sign-in)", () => {
  it("lets a member of staff read, agree and see the status change, with no script from the document", async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 560 }, reducedMotion: "reduce" });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(origin);
    await page.getByRole("button", { name: /Robin Staffwell/ }).waitFor();
    expect(await page.getByTestId("dev-banner").textContent()).toContain("Development sign-in");
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: /Robin Staffwell/ }).click();
    const item = page.locator('[data-policy="acceptable-use"]');
    await item.waitFor();
    expect(await item.locator("[data-status]").getAttribute("data-status")).toBe("overdue");
    await item.getByRole("button", { name: "Read and acknowledge" }).click();

    const text = page.getByTestId("policy-text");
    await text.getByRole("heading", { name: /Acceptable use agreement/ }).waitFor();
    // The document carries <script> and an onerror handler: neither reaches the DOM.
    expect(await text.locator("script").count()).toBe(0);
    expect(await page.locator("img[onerror]").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    expect(await page.title()).toBe("Policy acknowledgements");

    const agree = page.getByRole("button", { name: "I agree" });
    await page.getByLabel(/Type your full name/).fill("Robin Staffwell");
    expect(await agree.isDisabled()).toBe(true); // not yet read to the end
    expect(await axeViolations(page)).toEqual([]);
    await text.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect.poll(() => agree.isEnabled()).toBe(true);

    // Only a first name: told before anything is recorded, then corrected.
    const nameInput = page.getByLabel(/Type your full name/);
    await nameInput.fill("Robin");
    await agree.click();
    const warning = page.getByRole("alert");
    await warning.waitFor();
    expect(await warning.textContent()).toContain(
      "The name you typed doesn't match the name on your account (Robin Staffwell). " +
        "Type your full name as it appears, or acknowledge anyway.",
    );
    const describedBy = (await nameInput.getAttribute("aria-describedby")) ?? "";
    expect(describedBy.split(" ")).toContain(await warning.getAttribute("id"));
    expect(await page.getByRole("button", { name: "Acknowledge anyway" }).count()).toBe(1);
    expect(await page.getByTestId("confirmation").count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await nameInput.fill("Robin Staffwell");
    expect(await page.getByRole("alert").count()).toBe(0);
    await agree.click();

    const confirmation = page.getByTestId("confirmation");
    await confirmation.waitFor();
    const today = new Date().toLocaleDateString("en-GB", {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    expect(await confirmation.textContent()).toContain(`version 2026.1 on ${today}`);
    await expect.poll(() => item.locator("[data-status]").getAttribute("data-status")).toBe("acknowledged");
    expect(
      await page.getByRole("table", { name: "Your history" }).getByRole("cell", { name: "Robin Staffwell" }).count(),
    ).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows admins completion by audience, the outstanding list, export, reminders and the audit check", async () => {
    const context = await browser.newContext({
      acceptDownloads: true,
      viewport: { width: 1200, height: 900 },
      reducedMotion: "reduce",
    });
    const page = await context.newPage();
    await signIn(page, /Ada Admin/);
    await page.getByRole("tab", { name: "Administration" }).click();
    const staffRow = page.locator('[data-audience="staff"]');
    await staffRow.waitFor();
    expect(await staffRow.textContent()).toMatch(/1 of 26/); // the staff persona acknowledged in the test above
    expect(await page.getByRole("heading", { name: /Outstanding \(\d+\)/ }).count()).toBe(1);
    // The demo directory's first staff member, governor and visitor share a name: each row also shows
    // the person's UPN, as text a screen reader reads with the name.
    const outstanding = page.getByRole("table", { name: /Outstanding/ });
    const sameName = outstanding.getByRole("row").filter({ hasText: "Amara Ashdown" });
    expect(await sameName.count()).toBe(3);
    for (const upn of [
      "amara.ashdown.all-staff@school.invalid",
      "amara.ashdown.governors@school.invalid",
      "amara.ashdown.visitors@school.invalid",
    ]) {
      const cell = outstanding.getByRole("cell", { name: `Amara Ashdown ${upn}`, exact: true });
      expect(await cell.count()).toBe(1);
      expect(await cell.getByText(upn, { exact: true }).isVisible()).toBe(true);
    }
    expect(await axeViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export CSV" }).click(),
    ]);
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv.split("\r\n")[0]).toMatch(/^Name,UPN,Tenant ID,Object ID/);
    expect(csv).toContain("Robin Staffwell");

    const [evidence] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export evidence" }).click(),
    ]);
    const evidenceCsv = readFileSync((await evidence.path())!, "utf8");
    expect(evidenceCsv.split("\r\n")[0]).toMatch(/^School,Seq,Acknowledged at \(UTC\)/);
    expect(evidenceCsv).toContain("Robin Staffwell");

    // Reminders confirm first, saying how many people; nothing is sent before that.
    await page.getByRole("button", { name: /Send reminders/ }).click();
    const confirmBar = page.getByTestId("reminder-confirm");
    expect(await confirmBar.textContent()).toMatch(/Send a Teams reminder to \d+ people/);
    expect(await axeViolations(page)).toEqual([]);
    await confirmBar.getByRole("button", { name: /Send to \d+ people/ }).click();
    await expect.poll(() => page.getByTestId("admin-notice").textContent()).toMatch(/Reminders sent to \d+ of \d+/);
    // The one staff member whose Teams lacks the app is named, with the reason, not only counted.
    expect(await page.getByTestId("admin-notice").textContent()).toMatch(/; 1 not reached:/);
    expect(await page.getByTestId("not-reached").getByRole("listitem").allTextContents()).toEqual([
      "Amara Ashdown (amara.ashdown.all-staff@school.invalid), Acceptable use agreement: Teams refused: the app is not installed for this person (install it for everyone with an app setup policy).",
    ]);
    expect(graph.notifications.length).toBeGreaterThan(0);
    expect(graph.notifications.some((entry) => appNotInstalledFor.includes(entry.userId))).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    // Once a day per policy: the second round is refused with a clear message.
    await page.getByRole("button", { name: /Send reminders/ }).click();
    await expect.poll(() => page.getByTestId("admin-notice").textContent()).toMatch(/already sent; next allowed/);
    await page.getByRole("button", { name: "Check audit trail" }).click();
    expect(await page.getByTestId("audit-result").textContent()).toContain("Audit trail intact: 1 records");
    await context.close();
  });

  it("records a mismatched name only on a deliberate second press, as not matching", async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 560 }, reducedMotion: "reduce" });
    await signIn(page, /Vic Visitor/);
    const item = page.locator('[data-policy="visitor-code"]');
    await item.getByRole("button", { name: "Read and acknowledge" }).click();
    const text = page.getByTestId("policy-text");
    await text.getByRole("heading").first().waitFor();
    await text.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await page.getByLabel(/Type your full name/).fill("Vic");
    const agree = page.getByRole("button", { name: "I agree" });
    await expect.poll(() => agree.isEnabled()).toBe(true);
    await agree.click();
    expect(await page.getByRole("alert").textContent()).toContain("on your account (Vic Visitor)");
    expect(await page.getByTestId("confirmation").count()).toBe(0);
    await page.getByRole("button", { name: "Acknowledge anyway" }).click();
    await page.getByTestId("confirmation").waitFor();
    const records = await services.store.listAll();
    expect(records.find((record) => record.policyId === "visitor-code")).toMatchObject({
      displayName: "Vic Visitor",
      fullName: "Vic",
      nameMatch: false,
    });
    await page.close();
  });

  it("follows the theme: light, dark and high contrast", async () => {
    const page = await browser.newPage({ colorScheme: "light" });
    await signIn(page, /Gail Governor/);
    await page.locator('[data-policy="acceptable-use"]').waitFor();
    const provider = page.locator(".fui-FluentProvider").first();
    const background = () =>
      page.locator("main").evaluate((element) => getComputedStyle(element.parentElement!).backgroundColor);
    expect(await provider.getAttribute("data-theme")).toBe("light");
    const light = await background();
    await page.emulateMedia({ colorScheme: "dark" });
    await expect.poll(() => provider.getAttribute("data-theme")).toBe("dark");
    expect(await background()).not.toBe(light);
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ forcedColors: "active" });
    await expect.poll(() => provider.getAttribute("data-theme")).toBe("contrast");
    expect(await background()).toBe("rgb(0, 0, 0)");
    await page.close();
  });
});
