import { describe, expect, it } from "vitest";
import { loadPolicy } from "../../policy/pack/load.js";
import { PRESET_IDS } from "../../policy/presets/index.js";
import { CLAUSE_KEYS } from "../../policy/rules/define.js";
import { delegation } from "./delegation.js";
import { checkRemediation, checks, checkTitle, GRAPH_BLIND_SPOTS, MAILBOX_CHECK } from "./index.js";
import { stJohnPayne } from "./test-context.js";
import { policyRefFor, type SweepCheckMeta, type SweepClauseKey } from "./types.js";

/** Like ESLint's check-rules: every sweep check is registered, named for people and cites the school's policy. */
describe("sweep check registry", () => {
  it("lists every check once, in id order", () => {
    const ids = checks.map((check) => check.meta.id);
    expect(ids).toEqual(["delegation", "external-forwarding", "out-of-office", "out-of-office-content"]);
  });

  it.each([
    [
      "delegation",
      "Someone covering their calendar while away",
      ["Calendars.ReadBasic", "User.Read.All"],
      "delegation",
      // The calendar alone, never FullAccess to an absent colleague's mail (an IT admin's trial).
      /Delegate Access.*Add-MailboxFolderPermission -Identity <them>:\\Calendar .*-SharingPermissionFlags Delegate\)\. Not FullAccess/,
    ],
    [
      "external-forwarding",
      "Inbox rules forwarding mail outside the school",
      ["MailboxSettings.Read"],
      "forwarding",
      /Get-InboxRule .*Disable-InboxRule/,
    ],
    [
      "out-of-office",
      "Automatic replies while away",
      ["MailboxSettings.Read", "Calendars.ReadBasic"],
      "out-of-office",
      // The admin's own way too, for someone already away (an IT admin's trial).
      /Automatic Replies.*admin centre.*Set-MailboxAutoReplyConfiguration -Identity/,
    ],
    [
      "out-of-office-content",
      "Personal or internal details in automatic replies",
      ["MailboxSettings.Read"],
      null,
      /rewrite the automatic reply/,
    ],
  ])(
    "%s: plain-English title, least-privilege permissions, a clause the pack has (or our guidance), remediation naming the place",
    (id, title, permissions, clause, remediation) => {
      const check = checks.find((candidate) => candidate.meta.id === id);
      expect(check?.meta.title).toBe(title);
      expect(checkTitle(id as never)).toBe(title);
      expect(check?.meta.permissions).toEqual(permissions);
      expect(check?.meta.clause).toBe(clause);
      if (clause === null) expect(check?.meta.guidance?.length).toBeGreaterThan(80);
      else expect(stJohnPayne.clauses[clause]).toBeDefined();
      expect(check?.meta.remediation).toMatch(remediation);
      expect(checkRemediation(id as never)).toBe(check?.meta.remediation);
      expect(check?.meta.docs.length).toBeGreaterThan(80);
    },
  );

  it("names the whole-mailbox check too, and falls back to the id for anything unknown", () => {
    expect(checkTitle("mailbox")).toBe("Mailbox could be read");
    expect(checkRemediation("mailbox")).toBe(MAILBOX_CHECK.remediation);
    expect(MAILBOX_CHECK.remediation).toMatch(/Exchange admin centre → Recipients → Mailboxes.*RBAC/);
    expect(MAILBOX_CHECK.policyRef.quote).toMatch(/not evaluated, never passed/);
    expect(checkTitle("no-such-check" as never)).toBe("no-such-check");
    expect(checkRemediation("no-such-check" as never)).toBe("");
  });

  it("says once what Graph cannot see, with read-only Exchange Online PowerShell", () => {
    expect(GRAPH_BLIND_SPOTS.map((spot) => spot.what)).toEqual([
      expect.stringMatching(
        /^Mailbox delegation \(FullAccess, SendAs, Send on Behalf\) is not visible to Microsoft Graph/,
      ) as unknown,
      expect.stringMatching(
        /^Forwarding set on the whole mailbox .* is not visible to Microsoft Graph: only inbox rules were checked\.$/,
      ) as unknown,
    ]);
    const commands = GRAPH_BLIND_SPOTS.flatMap((spot) => spot.commands).join("\n");
    for (const cmdlet of [
      "Get-EXOMailboxPermission",
      "Get-EXORecipientPermission",
      "GrantSendOnBehalfTo",
      "ForwardingSmtpAddress",
      "ForwardingAddress",
    ])
      expect(commands).toContain(cmdlet);
    expect(commands).not.toMatch(/\b(?:Set|Remove|Add|Disable)-/);
    expect(delegation.meta.docs).toMatch(/a missing one is a warning/);
  });
});

describe("what a sweep finding cites", () => {
  it("cites only clause keys CLAUSE_KEYS reserves for the sweep, so no finding quotes a sentence about something else", () => {
    for (const { meta } of checks) {
      if (meta.clause === null) continue;
      expect(Object.keys(CLAUSE_KEYS), meta.id).toContain(meta.clause);
      expect(CLAUSE_KEYS[meta.clause].rules, meta.id).toEqual([]);
      expect(CLAUSE_KEYS[meta.clause].about, meta.id).toMatch(/\(the sweep\)$/);
    }
    // The same, at compile time: the add-in's personal-data clause is about sending an e-mail.
    // @ts-expect-error "personal-data" is cited by the add-in's rules, not reserved for the sweep.
    const sendingClause: SweepClauseKey = "personal-data";
    expect(CLAUSE_KEYS[sendingClause].rules).not.toEqual([]);
  });

  const meta = (over: Partial<SweepCheckMeta>): SweepCheckMeta =>
    ({ ...delegation.meta, guidance: undefined, ...over }) as SweepCheckMeta;
  const delius = loadPolicy("delius"); // has no delegation clause

  it.each([
    [
      "the school's sentence for the clause",
      meta({ clause: "delegation" }),
      stJohnPayne,
      {
        section: "eSafety Policy — Receiving e-Mails",
        quote:
          "Use the 'Delegation' facility within your e-mail software so that your e-mail can be handled by someone else while you are not at work (see the Network Team to enable this).",
      },
    ],
    [
      "the school's sentence over our guidance",
      meta({ clause: "delegation", guidance: "Ours." }),
      stJohnPayne,
      {
        section: "eSafety Policy — Receiving e-Mails",
        quote: expect.stringMatching(/^Use the 'Delegation'/) as unknown,
      },
    ],
    [
      "our guidance when the pack has no sentence for the clause",
      meta({ clause: "delegation", guidance: "Ours." }),
      delius,
      { section: "School Policy Guard defaults", quote: "Ours." },
    ],
    [
      "the check's docs when the pack has no sentence and the check no guidance",
      meta({ clause: "delegation", docs: "What the check does." }),
      delius,
      { section: "School Policy Guard defaults", quote: "What the check does." },
    ],
    [
      "our guidance when the check has no clause, whatever the pack has",
      meta({ clause: null, guidance: "Ours." }),
      stJohnPayne,
      { section: "School Policy Guard defaults", quote: "Ours." },
    ],
  ])("policyRefFor: %s", (_label, checkMeta, pack, expected) => {
    expect(policyRefFor(pack, checkMeta)).toEqual(expected);
  });

  // A new user's report: the reply-content finding quoted St John Payne's steps for sending an e-mail
  // ("Verify the details… Request confirmation of safe receipt"), which no automatic reply can follow.
  it.each(PRESET_IDS)("%s: the reply-content finding cites guidance about automatic replies", (id) => {
    const pack = loadPolicy(id);
    const check = checks.find((candidate) => candidate.meta.id === "out-of-office-content");
    if (!check) throw new Error("out-of-office-content is not registered");
    const ref = policyRefFor(pack, check.meta);
    expect(ref.section).toBe("School Policy Guard defaults");
    expect(ref.quote).toMatch(/^An automatic reply goes to whoever writes in/);
    expect(ref.quote).toMatch(/network paths, extensions/);
    expect(ref.quote).not.toMatch(/confirmation of safe receipt|intended recipient/i);
    expect(Object.values(pack.clauses).map((clause) => clause.quote)).not.toContain(ref.quote);
  });
});
