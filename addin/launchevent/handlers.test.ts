import { describe, expect, it } from "vitest";
import { loadPolicy } from "../../policy/pack/load.js";
import { hashAddress } from "../../policy/rules/recipients/address-hash.js";
import { MIN_HISTORY } from "../../policy/rules/recipients/new-external-recipient.js";
import { createOfficeStandIn } from "../harness/office-stand-in.js";
import { requirementCheckFrom, type ComposeItem } from "../office/item.js";
import { showNudges, nudgesFor } from "../office/notifications.js";
import { readSentHistory, recordSentTo, SENT_HISTORY_KEY, type KeyValueStorage } from "../office/sent-history.js";
import { analyzeDraft } from "../../policy/engine/analyze.js";
import { applyFix } from "../../policy/engine/fix.js";
import { readDraft } from "../office/read.js";
import { writeFix } from "../office/write.js";
import { createHandlers, type LaunchEvent } from "./handlers.js";

const pack = loadPolicy("st-john-payne");

/** The add-in's device storage, as the browser gives it: a plain key/value store. */
function memoryStorage(): KeyValueStorage & { readonly data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value) };
}

function setUp() {
  const standIn = createOfficeStandIn({ internalDomains: pack.school.emailDomains, fireChangeEvents: false });
  const item = standIn.office.context.mailbox.item as unknown as ComposeItem;
  const storage = memoryStorage();
  const handlers = createHandlers({
    pack,
    item: () => item,
    supported: requirementCheckFrom(standIn.office as unknown as typeof Office),
    storage,
    log: () => undefined,
  });
  const run = (handler: (event: LaunchEvent) => Promise<void>) =>
    new Promise<Record<string, unknown> | undefined>((resolve) => {
      void handler({ completed: (options) => resolve(options as Record<string, unknown> | undefined) });
    });
  const banners = () => [...standIn.state.notifications.values()].map((details) => details.message);
  return { standIn, item, storage, handlers, run, banners };
}

const shouting = "Dear Mrs Khan,\n\nPLEASE SEND THE FORM BACK BY FRIDAY!!!\n\nKind regards,\nJo";
const courteous = "Dear Mrs Khan,\n\nPlease send the form back by Friday.\n\nKind regards,\nJo";

describe("banners in step with the analysis", () => {
  it("replaces the banners when the analysis changes and removes them when nothing is left", async () => {
    const { standIn, item, handlers, run, banners } = setUp();
    Object.assign(standIn.state, { subject: "Form", body: { type: "text", content: shouting } });
    standIn.setRecipients("to", ["ayesha.khan@gmail.com"]);
    await run(handlers.onComposeChange);
    expect(banners().length).toBeGreaterThan(0);

    // What the task pane does after a fix: re-read, re-analyse, show the new banners.
    standIn.state.body = { type: "text", content: courteous };
    const after = analyzeDraft({ subject: "Form", body: courteous, to: [{ address: "ayesha.khan@gmail.com" }] }, pack);
    await showNudges(item, nudgesFor(after, "pane"));
    expect(banners()).toEqual([]);
  });

  it("shows one banner per finding, at most three, replacing the old ones in place", async () => {
    const { item, banners } = setUp();
    const many = analyzeDraft({ subject: "FORM", body: shouting, to: [{ address: "a@gmail.com" }] }, pack);
    await showNudges(item, nudgesFor(many, "compose"));
    const first = banners();
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThanOrEqual(3);
    const fewer = { ...many, findings: many.findings.slice(0, 1) };
    await showNudges(item, nudgesFor(fewer, "pane"));
    expect(banners()).toHaveLength(Math.min(1, first.length));
  });

  it("brings stale banners in step at send: removed when the message goes", async () => {
    const { standIn, handlers, run, banners } = setUp();
    Object.assign(standIn.state, { subject: "Form", body: { type: "text", content: shouting } });
    standIn.setRecipients("to", ["ayesha.khan@gmail.com"]);
    await run(handlers.onComposeChange);
    expect(banners().length).toBeGreaterThan(0);
    // The body changed with no event (Outlook has none for the body); the send handler re-reads it.
    standIn.state.body = { type: "text", content: courteous };
    const decision = await run(handlers.onMessageSend);
    expect(decision).toEqual({ allowEvent: true });
    expect(banners()).toEqual([]);
  });
});

describe("the 'written to before' history", () => {
  it("records salted hashes of the recipients of a message let go, never the addresses", async () => {
    const { standIn, storage, handlers, run } = setUp();
    Object.assign(standIn.state, { subject: "Form", body: { type: "text", content: courteous } });
    standIn.setRecipients("to", ["ayesha.khan@gmail.com"]);
    await run(handlers.onMessageSend);
    const stored = storage.data.get(SENT_HISTORY_KEY) ?? "";
    expect(stored).not.toContain("khan");
    const history = readSentHistory(storage);
    expect(history?.hashes).toContain(hashAddress(history?.salt ?? "", "ayesha.khan@gmail.com"));
  });

  it("nudges at send when pupil data goes to an address never written to before", async () => {
    const { standIn, storage, handlers, run } = setUp();
    recordSentTo(
      Array.from({ length: MIN_HISTORY }, (_, i) => `parent${i}@gmail.com`).concat("kate.ashdown@gmail.com"),
      storage,
    );
    Object.assign(standIn.state, {
      subject: "Oliver",
      body: {
        type: "text",
        content: "Dear Mrs Ashdown,\n\nOliver Ashdown's epilepsy care plan is attached.\n\nKind regards,\nJo",
      },
    });
    standIn.setRecipients("to", ["kate.ashdwon@gmail.com"]);
    const decision = await run(handlers.onMessageSend);
    expect(decision?.allowEvent).toBe(false);
    const rules = (JSON.parse(String(decision?.contextData)) as { rules: string[] }).rules;
    expect(rules).toContain("new-external-recipient");
    standIn.setRecipients("to", ["kate.ashdown@gmail.com"]);
    standIn.state.sessionData.clear();
    const again = await run(handlers.onMessageSend);
    expect((JSON.parse(String(again?.contextData)) as { rules: string[] }).rules).not.toContain(
      "new-external-recipient",
    );
  });
});

describe("a fix applied through Office.js, as the task pane applies it", () => {
  /** The pane's apply: read, write the engine's fix through the Office edge, re-read, re-analyse, banners. */
  async function applyLikeThePane(item: ComposeItem, rule: string, supported: ReturnType<typeof requirementCheckFrom>) {
    const before = await readDraft(item, supported, pack.encryption.mechanism);
    const finding = analyzeDraft(before.draft, pack).findings.find((entry) => entry.rule === rule);
    if (!finding?.fix) throw new Error(`${rule} offers no fix`);
    await writeFix(
      item,
      finding.fix,
      before.draft,
      applyFix(before.draft, finding.fix),
      before.attachmentIds,
      supported,
    );
    const after = analyzeDraft((await readDraft(item, supported, pack.encryption.mechanism)).draft, pack);
    await showNudges(item, nudgesFor(after, "pane"));
    return after;
  }

  it("moves parents to Bcc, and the Bcc banner goes with the finding", async () => {
    const { standIn, item, handlers, run, banners } = setUp();
    const supported = requirementCheckFrom(standIn.office as unknown as typeof Office);
    Object.assign(standIn.state, { subject: "Trip", body: { type: "text", content: courteous } });
    standIn.setRecipients(
      "to",
      Array.from({ length: 10 }, (_, i) => `parent${i + 1}@gmail.com`),
    );
    await run(handlers.onComposeChange);
    expect(banners().some((message) => /Bcc/.test(message ?? ""))).toBe(true);
    const after = await applyLikeThePane(item, "external-recipients-visible", supported);
    expect(after.findings.map((finding) => finding.rule)).not.toContain("external-recipients-visible");
    expect(banners().some((message) => /Bcc/.test(message ?? ""))).toBe(false);
    expect(standIn.state.bcc).toHaveLength(10);
  });

  it("replaces an identifying subject with 'Confidential matter' and asks for confirmation of safe receipt", async () => {
    const { standIn, item } = setUp();
    const supported = requirementCheckFrom(standIn.office as unknown as typeof Office);
    Object.assign(standIn.state, {
      subject: "Ellie Thompson 7C - epilepsy care plan, DOB 14/03/2012",
      body: { type: "text", content: "Dear Ms Lee,\n\nPlease see the plan for Ellie's epilepsy.\n\nKind regards,\nJo" },
    });
    standIn.setRecipients("to", ["sam.lee@county.example.gov.uk"]);
    await applyLikeThePane(item, "personal-data-in-subject", supported);
    expect(standIn.state.subject).toBe("Confidential matter");
    const after = await applyLikeThePane(item, "unencrypted-personal-data", supported);
    expect(standIn.state.body.content).toContain("Please confirm that you have received this email safely.");
    // The step taken, only information stays (issue 11: always a finding where personal data goes out).
    const left = after.findings.filter((finding) => finding.rule === "unencrypted-personal-data");
    expect(left.map((finding) => [finding.messageId, finding.severity])).toEqual([["stepsTaken", "info"]]);
  });
});
