import { OfficeMockObject } from "office-addin-mock";
import { describe, expect, it } from "vitest";
import type { Draft } from "../../policy/engine/types.js";
import { OfficeCallError, officeCall } from "./async.js";
import type { ComposeItem } from "./item.js";
import { showNudges } from "./notifications.js";
import { readDraft } from "./read.js";
import { sessionStore } from "./session.js";
import { FixNotSupportedError, writeFix } from "./write.js";

type Done = (result: unknown) => void;
const ok = (value: unknown) => ({ status: "succeeded", value });
const failed = (message: string) => ({ status: "failed", value: undefined, error: { code: 9000, message } });
const later = (callback: Done, result: unknown) => setTimeout(() => callback(result), 0);
const last = (args: unknown[]) => args.filter((arg) => typeof arg === "function").pop() as Done;

/** Mock data in the shape of Office.MessageCompose; calls are recorded in `calls`. */
function mockItem(overrides: Record<string, unknown> = {}) {
  const calls: [string, ...unknown[]][] = [];
  const recipients = (field: string, list: unknown[]) => ({
    getAsync: (...args: unknown[]) => later(last(args), ok(list)),
    setAsync: (value: unknown, ...args: unknown[]) => {
      calls.push([`${field}.setAsync`, value]);
      later(last(args), ok(undefined));
    },
  });
  const data = {
    subject: {
      getAsync: (...args: unknown[]) => later(last(args), ok("Trip letter")),
      setAsync: (value: string, ...args: unknown[]) => {
        calls.push(["subject.setAsync", value]);
        later(last(args), ok(undefined));
      },
    },
    body: {
      getAsync: (coercion: string, ...args: unknown[]) => {
        calls.push(["body.getAsync", coercion]);
        later(last(args), ok(coercion === "html" ? "<p>Dear parents</p>" : "Dear parents"));
      },
      getTypeAsync: (...args: unknown[]) => later(last(args), ok("html")),
      setAsync: (value: string, options: unknown, ...args: unknown[]) => {
        calls.push(["body.setAsync", value, options]);
        later(last(args), ok(undefined));
      },
    },
    to: recipients("to", [
      { displayName: "Parent One", emailAddress: "p1@gmail.com", recipientType: "externalUser" },
      { displayName: "p2@gmail.com", emailAddress: "p2@gmail.com", recipientType: "externalUser" },
    ]),
    cc: recipients("cc", [{ displayName: "Head", emailAddress: "head@school.sch.uk", recipientType: "user" }]),
    bcc: recipients("bcc", []),
    from: {
      getAsync: (...args: unknown[]) => later(last(args), ok({ displayName: "Me", emailAddress: "me@school.sch.uk" })),
    },
    getAttachmentsAsync: (...args: unknown[]) =>
      later(last(args), ok([{ id: "a1", name: "list.xlsx", size: 2048, attachmentType: "file", isInline: false }])),
    removeAttachmentAsync: (id: string, ...args: unknown[]) => {
      calls.push(["removeAttachmentAsync", id]);
      later(last(args), ok(undefined));
    },
    sensitivityLabel: {
      getAsync: (...args: unknown[]) => later(last(args), ok("")),
      setAsync: (id: string, ...args: unknown[]) => {
        calls.push(["sensitivityLabel.setAsync", id]);
        later(last(args), ok(undefined));
      },
    },
    internetHeaders: {
      getAsync: (_names: string[], ...args: unknown[]) => later(last(args), ok({})),
      setAsync: (headers: unknown, ...args: unknown[]) => {
        calls.push(["internetHeaders.setAsync", headers]);
        later(last(args), ok(undefined));
      },
    },
    ...overrides,
  };
  const item = new OfficeMockObject(data, "outlook" as never) as unknown as ComposeItem;
  return { item, calls };
}

const all = () => true;
const none = () => false;

describe("officeCall", () => {
  it("resolves a succeeded AsyncResult with its value", async () => {
    await expect(
      officeCall<string>("x", (done) => done(ok("v") as unknown as Office.AsyncResult<string>)),
    ).resolves.toBe("v");
  });
  it("rejects a failed AsyncResult with a typed error naming the operation", async () => {
    const call = officeCall<string>("subject.getAsync", (done) =>
      done(failed("busy") as unknown as Office.AsyncResult<string>),
    );
    await expect(call).rejects.toBeInstanceOf(OfficeCallError);
    await expect(call).rejects.toThrow("subject.getAsync failed: busy");
  });
  it("turns a synchronous throw inside the host into a rejection", async () => {
    await expect(
      officeCall("body.getAsync", () => {
        throw new Error("item gone");
      }),
    ).rejects.toThrow("body.getAsync failed: item gone");
  });
});

describe("readDraft", () => {
  it("turns the compose item into a plain engine Draft, reading the body as text", async () => {
    const { item, calls } = mockItem();
    const { draft, recipientTypes, attachmentIds } = await readDraft(item, all);
    expect(draft).toEqual({
      subject: "Trip letter",
      body: "Dear parents",
      bodyType: "text",
      from: { address: "me@school.sch.uk", name: "Me" },
      to: [
        { name: "Parent One", address: "p1@gmail.com", recipientType: "externalUser" },
        { address: "p2@gmail.com", recipientType: "externalUser" },
      ],
      cc: [{ name: "Head", address: "head@school.sch.uk", recipientType: "user" }],
      bcc: [],
      attachments: [{ name: "list.xlsx", size: 2048, isInline: false }],
    } satisfies Draft);
    expect(recipientTypes).toEqual({
      "p1@gmail.com": "externalUser",
      "p2@gmail.com": "externalUser",
      "head@school.sch.uk": "user",
    });
    expect(attachmentIds).toEqual({ "list.xlsx": "a1" });
    expect(calls).toContainEqual(["body.getAsync", "text"]);
  });

  it("reads the sensitivity label only where Mailbox 1.13 is supported", async () => {
    const labelled = mockItem({
      sensitivityLabel: {
        getAsync: (...args: unknown[]) => later(last(args), ok("0f0e0d0c-1111-4222-8333-444455556666")),
      },
    });
    const mechanism = {
      kind: "sensitivity-label",
      labelId: "0f0e0d0c-1111-4222-8333-444455556666",
      labelName: "Encrypt",
    } as const;
    expect((await readDraft(labelled.item, all, mechanism)).draft.sensitivityLabelId).toBe(mechanism.labelId);
    expect((await readDraft(labelled.item, none, mechanism)).draft.sensitivityLabelId).toBeUndefined();
  });

  it("fails as a whole when a read fails (the send handler then fails open)", async () => {
    const { item } = mockItem({ subject: { getAsync: (...args: unknown[]) => later(last(args), failed("no item")) } });
    await expect(readDraft(item, all)).rejects.toThrow(OfficeCallError);
  });
});

describe("writeFix", () => {
  const before: Draft = {
    subject: "Trip",
    body: "Dear parents",
    bodyType: "text",
    to: [{ address: "p1@gmail.com" }, { address: "p2@gmail.com" }],
    cc: [],
    bcc: [],
    attachments: [{ name: "list.xlsx", size: 2048 }],
  };

  it("writes only the fields the engine's fix changed", async () => {
    const { item, calls } = mockItem();
    const fixed: Draft = { ...before, to: [], bcc: before.to };
    await writeFix(item, { kind: "move-to-bcc", addresses: ["p1@gmail.com", "p2@gmail.com"] }, before, fixed, {}, all);
    expect(calls).toEqual([
      ["to.setAsync", []],
      [
        "bcc.setAsync",
        [
          { displayName: "p1@gmail.com", emailAddress: "p1@gmail.com" },
          { displayName: "p2@gmail.com", emailAddress: "p2@gmail.com" },
        ],
      ],
    ]);
  });

  it("appends the disclaimer to an HTML body as HTML, escaped", async () => {
    const { item, calls } = mockItem();
    await writeFix(item, { kind: "append-disclaimer", text: "Confidential <b>" }, before, before, {}, all);
    expect(calls).toContainEqual([
      "body.setAsync",
      "<p>Dear parents</p><p>Confidential &lt;b&gt;</p>",
      { coercionType: "html" },
    ]);
  });

  it("sets the sensitivity label, and refuses clearly where the host cannot", async () => {
    const mechanism = {
      kind: "sensitivity-label",
      labelId: "0f0e0d0c-1111-4222-8333-444455556666",
      labelName: "Encrypt",
    } as const;
    const { item, calls } = mockItem();
    await writeFix(item, { kind: "apply-encryption", mechanism }, before, before, {}, all);
    expect(calls).toContainEqual(["sensitivityLabel.setAsync", mechanism.labelId]);
    await expect(
      writeFix(item, { kind: "apply-encryption", mechanism }, before, before, {}, none),
    ).rejects.toBeInstanceOf(FixNotSupportedError);
  });

  it("sets the internet header the gateway acts on", async () => {
    const { item, calls } = mockItem();
    const mechanism = { kind: "header", name: "x-encrypt", value: "yes" } as const;
    await writeFix(item, { kind: "apply-encryption", mechanism }, before, before, {}, all);
    expect(calls).toContainEqual(["internetHeaders.setAsync", { "x-encrypt": "yes" }]);
  });

  it("removes attachments by the ids it read", async () => {
    const { item, calls } = mockItem();
    const fixed: Draft = { ...before, attachments: [] };
    await writeFix(
      item,
      { kind: "remove-attachments", names: ["list.xlsx"] },
      before,
      fixed,
      { "list.xlsx": "a1" },
      all,
    );
    expect(calls).toEqual([["removeAttachmentAsync", "a1"]]);
  });
});

describe("showNudges", () => {
  it("replaces our slots, clips to 150 characters and removes what is no longer needed", async () => {
    const shown = new Map<string, Office.NotificationMessageDetails>([["spg-finding-1", { message: "old" } as never]]);
    const { item } = mockItem({
      notificationMessages: {
        replaceAsync: (key: string, details: Office.NotificationMessageDetails, ...args: unknown[]) => {
          shown.set(key, details);
          later(last(args), ok(undefined));
        },
        removeAsync: (key: string, ...args: unknown[]) =>
          later(last(args), shown.delete(key) ? ok(undefined) : failed("key not found")),
      },
    });
    await showNudges(item, [
      { message: "x".repeat(200), openPane: { commandId: "cmd", actionText: "Review", contextData: { a: 1 } } },
    ]);
    expect([...shown.keys()]).toEqual(["spg-finding-0"]);
    const details = shown.get("spg-finding-0")!;
    expect(details.message.length).toBe(150);
    expect(details.type).toBe("insightMessage");
    expect(details.actions?.[0]).toMatchObject({ actionType: "showTaskPane", commandId: "cmd" });
  });
});

describe("sessionStore", () => {
  it("round-trips JSON through sessionData, and stores nothing where unsupported", async () => {
    const stored = new Map<string, string>();
    const { item } = mockItem({
      sessionData: {
        getAsync: (key: string, ...args: unknown[]) => later(last(args), ok(stored.get(key) ?? "")),
        setAsync: (key: string, value: string, ...args: unknown[]) => {
          stored.set(key, value);
          later(last(args), ok(undefined));
        },
      },
    });
    await sessionStore(item, all).set("k", { n: 1 });
    await expect(sessionStore(item, all).get("k")).resolves.toEqual({ n: 1 });
    await expect(sessionStore(item, all).get("missing")).resolves.toBeUndefined();
    await sessionStore(item, none).set("other", 1);
    expect(stored.has("other")).toBe(false);
  });
});
