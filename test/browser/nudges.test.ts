import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, type Frame, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlayground, type Playground } from "../../scripts/start.js";
import { launchChromium } from "../support/chromium.js";
import { sendFromHarness } from "../support/harness.js";

/** Ten parents in To: the packs flag ten or more outside addresses visible to each other. */
const TEN_PARENTS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"].map(
  (n, i) =>
    `p.${n}@${["gmail.com", "hotmail.co.uk", "yahoo.co.uk", "outlook.com", "icloud.com"][i % 5] ?? "gmail.com"}`,
);

/**
 * Issue 12, "Fewer, truer nudges", in the playground as `npm start` serves it (St John Payne's pack, the
 * real launchevent.js and task pane in the compose harness, Debian's Chromium): each fault the issue
 * reports, shown fixed. Screenshots are kept in test-results/nudges/.
 */
const SHOTS = "test-results/nudges";
const DOMAIN = "st-john-payne.sch.uk";
const distDir = mkdtempSync(join(tmpdir(), "spg-nudges-"));
let playground: Playground;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  playground = await startPlayground({ port: 0, https: false, policy: "st-john-payne", distDir, log: () => undefined });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await playground?.close();
  rmSync(distDir, { recursive: true, force: true });
});

interface HarnessDraft {
  from?: string;
  subject: string;
  body: string;
  to: string[];
  cc?: string[];
  bcc?: string[];
  attachments?: { name: string; size: number }[];
}

interface HarnessState {
  subject: string;
  body: { content: string };
  to: { emailAddress: string }[];
  cc: { emailAddress: string }[];
  bcc: { emailAddress: string }[];
}

async function open(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${playground.url}/addin/harness.html`);
  await page.locator("body[data-ready=true]").waitFor();
  return page;
}

function pane(page: Page): Frame {
  const frame = page.frame({ url: /harness-pane\.html/ });
  if (!frame) throw new Error("task pane not loaded");
  return frame;
}

async function load(page: Page, draft: HarnessDraft): Promise<void> {
  await page.evaluate(
    (value) => (window as unknown as { spgHarness: { loadDraft(d: unknown): void } }).spgHarness.loadDraft(value),
    draft,
  );
  // The pane re-checks on focus as well as on its 1.5 s poll.
  await pane(page)
    .evaluate(() => window.dispatchEvent(new Event("focus")))
    .catch(() => undefined);
}

function state(page: Page): Promise<HarnessState> {
  return page.evaluate(
    () =>
      JSON.parse(
        JSON.stringify(
          (window as unknown as { spgHarness: { standIn: { state: { notifications: unknown } } } }).spgHarness.standIn
            .state,
          (key, value: unknown) => (key === "notifications" || key === "sessionData" ? undefined : value),
        ),
      ) as HarnessState,
  );
}

const card = (page: Page, rule: string) => pane(page).locator(`[data-rule="${rule}"]`).first();
const summary = (page: Page) => pane(page).getByTestId("summary");
const banners = (page: Page) => page.locator("#h-notes .h-note");

async function waitForSummary(page: Page, text: RegExp): Promise<void> {
  await summary(page).filter({ hasText: text }).waitFor({ timeout: 10_000 });
}

const regards = "\n\nKind regards,\nA Teacher";

describe("issue 12: fewer, truer nudges, in the playground", () => {
  it("copies the Headteacher only on contentious or sensitive mail, and says why", async () => {
    const page = await open();
    await load(page, {
      subject: "Re: Homework",
      body: `Dear Mrs Example,\n\nThank you for letting me know. Zara can hand the homework in on Monday.${regards}`,
      to: ["ayesha.example@gmail.com"],
    });
    await waitForSummary(page, /No policy issues found|things? to check/);
    await page.waitForTimeout(1600); // one poll of the pane
    expect(await card(page, "required-cc").count()).toBe(0);

    await load(page, {
      subject: "Personal: Saturday",
      body: `Hi Sam,\n\nAre you still free on Saturday for the barbecue?\n\nSee you,\nAl`,
      to: ["sam.friend@hotmail.co.uk"],
    });
    await summary(page).waitFor();
    await page.waitForTimeout(1600); // one poll of the pane
    expect(await card(page, "required-cc").count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/1-routine-and-personal-no-cc.png` });

    await load(page, {
      subject: "Re: Detention",
      body: `Dear Mrs Example,\n\nI am sorry you feel the need to make a formal complaint about the detention. I will look into it.${regards}`,
      to: ["ayesha.example@gmail.com"],
    });
    await card(page, "required-cc").waitFor({ timeout: 10_000 });
    expect(await card(page, "required-cc").textContent()).toContain("it is about a complaint");
    await page.screenshot({ path: `${SHOTS}/2-complaint-copies-the-head.png` });
    await page.close();
  });

  it("quotes, for each finding, the school's sentence about what it checks", async () => {
    const page = await open();
    const ccSentence = "cc. the Headteacher";
    await load(page, {
      subject: "Year 4 trip",
      body: `Dear parents,\n\nThe coach leaves at 8.30.${regards}`,
      to: TEN_PARENTS,
    });
    await card(page, "external-recipients-visible").waitFor({ timeout: 10_000 });
    expect(await card(page, "external-recipients-visible").locator("blockquote").textContent()).not.toContain(
      ccSentence,
    );

    await load(page, {
      subject: "Minutes",
      body: `Dear Jack,\n\nThe minutes are attached.${regards}`,
      to: [`jack.example@st-j0hn-payne.sch.uk`],
      attachments: [{ name: "setup.exe", size: 40_000 }],
    });
    await card(page, "lookalike-domain").waitFor({ timeout: 10_000 });
    await card(page, "blocked-attachment").waitFor({ timeout: 10_000 });
    const lookalike = await card(page, "lookalike-domain").locator("blockquote").textContent();
    expect(lookalike).toContain("Verify the details, including accurate e-mail address");
    const executable = await card(page, "blocked-attachment").locator("blockquote").textContent();
    expect(executable).not.toContain("ten megabytes");
    expect(executable).toContain("checked for any viruses");
    await page.screenshot({ path: `${SHOTS}/3-citations-match.png` });
    await page.close();
  });

  it("removes the whole identifying phrase from the subject, and never says 'no issues' while data is left", async () => {
    const page = await open();
    await load(page, {
      subject: "Ellie Thompson 7C - epilepsy care plan, DOB 14/03/2012",
      body: `Dear colleagues,\n\nPlease see the attached plan.${regards}`,
      to: [`office@${DOMAIN}`],
    });
    const fix = card(page, "personal-data-in-subject").getByRole("button", { name: /Confidential matter/ });
    await fix.waitFor({ timeout: 10_000 });
    await fix.click();
    await card(page, "personal-data-in-subject").waitFor({ state: "detached", timeout: 10_000 });
    expect((await state(page)).subject).toBe("Confidential matter");
    await waitForSummary(page, /./);
    await page.screenshot({ path: `${SHOTS}/4-subject-fixed.png` });

    // Data left in the body: the pane does not say "No policy issues found".
    await load(page, {
      subject: "Confidential matter",
      body: `Dear colleagues,\n\nEllie Thompson's date of birth is 14/03/2012.${regards}`,
      to: [`office@${DOMAIN}`],
    });
    await summary(page).waitFor();
    await page.waitForTimeout(1600);
    expect(await summary(page).textContent()).not.toContain("No policy issues found");
    await page.close();
  });

  it("lists a furious reply to a parent before recipients and etiquette", async () => {
    const page = await open();
    await load(page, {
      subject: "Re: Zara",
      body: "Dear Mr and Mrs Example,\n\nFrankly your attitude is pathetic and you are clearly incompetent as parents!!!",
      // Both parents: heat aimed at one person gets the tone nudge alone, at two the Head's copy too.
      to: ["ayesha.example@gmail.com", "sam.example@hotmail.co.uk"],
    });
    await card(page, "hostile-wording").waitFor({ timeout: 10_000 });
    await card(page, "required-cc").waitFor({ timeout: 10_000 });
    const order = await pane(page)
      .locator("section[data-category]")
      .evaluateAll((sections) => sections.map((section) => section.getAttribute("data-category")));
    expect(order.indexOf("tone")).toBeLessThan(order.indexOf("recipients"));
    expect(order.indexOf("recipients")).toBeLessThan(order.indexOf("punctuation"));
    await page.screenshot({ path: `${SHOTS}/5-order.png` });
    await page.close();
  });

  it("leads the Smart Alert with the most important instruction in full and counts the rest", async () => {
    const page = await open();
    await load(page, {
      subject: "Re: Oliver",
      body: "Dear Mrs Example,\n\nOliver Example has an EHCP and a diagnosis of autism, and frankly your attitude is pathetic!!! I WILL NOT DISCUSS THIS AGAIN.\n\nJo",
      to: ["ayesha.example@gmail.com"],
    });
    const alert = await sendFromHarness(page);
    expect(alert).toMatchObject({ allowEvent: false });
    const text = String(alert?.errorMessage);
    expect(text.length).toBeLessThanOrEqual(500);
    expect(text).toContain("ask for confirmation of safe receipt.");
    expect(text).toMatch(/…and \d+ more in the pane\.$/);
    expect(await page.locator("#h-dialog-text").textContent()).toBe(text);
    await page.screenshot({ path: `${SHOTS}/6-smart-alert.png` });
    await page.close();
  });

  it("keeps the compose banners in step: gone once their fix is applied", async () => {
    const page = await open();
    await load(page, {
      subject: "Year 4 trip",
      body: `Dear parents,\n\nThe coach leaves at 8.30.${regards}`,
      to: TEN_PARENTS,
    });
    await banners(page).filter({ hasText: /Bcc/ }).first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: `${SHOTS}/7-banner-before.png` });
    const fix = card(page, "external-recipients-visible").getByRole("button", { name: /to Bcc/ });
    await fix.waitFor({ timeout: 10_000 });
    await fix.click();
    await card(page, "external-recipients-visible").waitFor({ state: "detached", timeout: 10_000 });
    await page.waitForFunction(
      () =>
        !Array.from(document.querySelectorAll("#h-notes .h-note")).some((note) => /Bcc/.test(note.textContent ?? "")),
      undefined,
      { timeout: 10_000 },
    );
    await page.screenshot({ path: `${SHOTS}/8-banner-after.png` });
    await page.close();
  });

  it("offers the school's own steps when its pack has no encryption mechanism", async () => {
    const page = await open();
    await load(page, {
      subject: "Referral",
      body: `Dear Ms Lee,\n\nOliver Example in Year 3 has an EHCP and a diagnosis of autism.${regards}`,
      to: ["sam.lee@county.example.gov.uk"],
    });
    const finding = card(page, "unencrypted-personal-data");
    await finding.waitFor({ timeout: 10_000 });
    expect(await finding.textContent()).toContain("ask for confirmation of safe receipt");
    await page.screenshot({ path: `${SHOTS}/9-no-encryption-steps.png` });
    await finding.getByRole("button", { name: /confirm/ }).click();
    // The step taken, the nudge goes; a line of information stays (issue 11: always a finding where
    // personal data goes out), with nothing left to click.
    const info = pane(page).locator('[data-rule="unencrypted-personal-data"][data-severity="info"]');
    await info.waitFor({ timeout: 10_000 });
    expect(await info.textContent()).toContain("You have asked for confirmation of safe receipt");
    expect(await pane(page).locator('[data-rule="unencrypted-personal-data"][data-severity="nudge"]').count()).toBe(0);
    expect((await state(page)).body.content).toContain("Please confirm that you have received this email safely.");
    await page.close();
  });

  it("catches a greeting to someone who is not among the recipients", async () => {
    const page = await open();
    await load(page, {
      subject: "Friday",
      body: `Dear Mrs Khan,\n\nThank you for your email about Friday.${regards}`,
      to: ["sarah.jones@gmail.com"],
    });
    await card(page, "misdirected-greeting").waitFor({ timeout: 10_000 });
    expect(await card(page, "misdirected-greeting").textContent()).toContain("sarah.jones@gmail.com");
    await page.screenshot({ path: `${SHOTS}/10-misdirected-greeting.png` });
    await page.close();
  });

  it("takes a note signed with the sender's own name, as the From line gives it, as closed", async () => {
    const page = await open();
    const note = { subject: "Minutes", body: "Hi Sam,\n\nThe minutes are attached.\n\nPriya", to: [`s.lee@${DOMAIN}`] };
    // Signed "Priya" while the harness's default sender is A Teacher: a closing is asked for.
    await load(page, note);
    await card(page, "closing").waitFor({ timeout: 10_000 });
    expect(await page.locator("#h-from").inputValue()).toBe(`A Teacher <a.teacher@${DOMAIN}>`);
    // Typed into the From line as a tester would, the sender is Priya Shah: her name closes the note.
    await page.locator("#h-from").fill(`Priya Shah <p.shah@${DOMAIN}>`);
    await page.locator("#h-from").press("Tab");
    await load(page, note);
    await card(page, "closing").waitFor({ state: "detached", timeout: 10_000 });
    expect(await pane(page).locator('[data-rule="closing"]').count()).toBe(0);
    await page.close();
  });
});
