import { describe, expect, it } from "vitest";
import { delegation, NOT_CHECKED } from "./delegation.js";
import { checkRemediation, checks, checkTitle, GRAPH_BLIND_SPOTS, MAILBOX_CHECK } from "./index.js";
import { stJohnPayne } from "./test-context.js";

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
      /Delegate Access/,
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
      /Automatic Replies/,
    ],
    [
      "out-of-office-content",
      "Personal or internal details in automatic replies",
      ["MailboxSettings.Read"],
      "personal-data",
      /rewrite the automatic reply/,
    ],
  ])(
    "%s: plain-English title, least-privilege permissions, a clause the pack has, remediation naming the place",
    (id, title, permissions, clause, remediation) => {
      const check = checks.find((candidate) => candidate.meta.id === id);
      expect(check?.meta.title).toBe(title);
      expect(checkTitle(id as never)).toBe(title);
      expect(check?.meta.permissions).toEqual(permissions);
      expect(check?.meta.clause).toBe(clause);
      expect(stJohnPayne.clauses[clause]).toBeDefined();
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
    expect(NOT_CHECKED).toMatch(
      /^Mailbox FullAccess, SendAs and Send on Behalf permissions and mailbox forwarding are not visible to Microsoft Graph and were not checked/,
    );
    expect(delegation.meta.docs).toMatch(/a missing one is a warning/);
  });
});
