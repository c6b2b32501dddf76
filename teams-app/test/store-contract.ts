import { describe, expect, it } from "vitest";
import type { AcknowledgementInput } from "../server/store/record.js";
import type { AcknowledgementStore } from "../server/store/types.js";

/**
 * The contract every acknowledgement store keeps; run against SQLite and against the SharePoint
 * store (through the Graph stand-in). `tamper` edits one stored record's full name behind the
 * store's back, as a database or site owner could.
 */
export interface StoreHarness {
  readonly store: AcknowledgementStore;
  tamper(seq: number, fullName: string): Promise<void>;
}

const TID = "9f3c1a52-6d1e-4c0b-9a57-3e2b8d7c1f00";
const input = (oid: string, change: Partial<AcknowledgementInput> = {}): AcknowledgementInput => ({
  tid: TID,
  oid,
  upn: `${oid.slice(0, 4)}@school.invalid`,
  displayName: `Person ${oid.slice(0, 4)}`,
  fullName: `Person ${oid.slice(0, 4)}`,
  nameMatch: true,
  policyId: "acceptable-use",
  version: "1",
  textHash: "a".repeat(64),
  ...change,
});

export function storeContract(name: string, open: () => Promise<StoreHarness & { dispose(): Promise<void> }>): void {
  describe(`${name} store contract`, () => {
    it("appends chained records and reads them back by person and in full", async () => {
      const harness = await open();
      try {
        const { store } = harness;
        const first = await store.append(input("aaaa-1"));
        const second = await store.append(input("bbbb-2", { fullName: 'O\'Brien "Bob" <b>' }));
        const third = await store.append(input("aaaa-1", { policyId: "visitor-code" }));
        expect([first.created, second.created, third.created]).toEqual([true, true, true]);
        expect(first.record.seq).toBe(1);
        expect(first.record.prevHash).toBe("0".repeat(64));
        expect(second.record.prevHash).toBe(first.record.hash);
        expect(third.record.prevHash).toBe(second.record.hash);
        expect(await store.listForUser(TID, "aaaa-1")).toEqual([first.record, third.record]);
        expect(await store.listForUser("other-tenant", "aaaa-1")).toEqual([]);
        expect(await store.listAll()).toEqual([first.record, second.record, third.record]);
        expect((await store.listAll())[1]?.fullName).toBe('O\'Brien "Bob" <b>');
      } finally {
        await harness.dispose();
      }
    });

    it("is idempotent for the same person, policy, version and text", async () => {
      const harness = await open();
      try {
        const first = await harness.store.append(input("cccc-3"));
        const again = await harness.store.append(input("cccc-3", { fullName: "Different" }));
        expect(again).toEqual({ record: first.record, created: false });
        const newVersion = await harness.store.append(input("cccc-3", { version: "2", textHash: "b".repeat(64) }));
        expect(newVersion.created).toBe(true);
        expect((await harness.store.listAll()).length).toBe(2);
      } finally {
        await harness.dispose();
      }
    });

    it("keeps one unbroken chain under concurrent appends", async () => {
      const harness = await open();
      try {
        const results = await Promise.all(
          Array.from({ length: 25 }, (_, index) => harness.store.append(input(`p-${index}`))),
        );
        expect(new Set(results.map((result) => result.record.seq)).size).toBe(25);
        const audit = await harness.store.verify();
        expect(audit).toMatchObject({ ok: true, records: 25, problems: [] });
        expect(audit.headHash).toBe(results.find((result) => result.record.seq === 25)?.record.hash);
      } finally {
        await harness.dispose();
      }
    });

    it("detects a record edited after it was written", async () => {
      const harness = await open();
      try {
        for (let index = 0; index < 4; index += 1) await harness.store.append(input(`t-${index}`));
        await harness.tamper(2, "Somebody Else");
        const audit = await harness.store.verify();
        expect(audit.ok).toBe(false);
        expect(audit.problems).toEqual([expect.objectContaining({ seq: 2, problem: "hash-mismatch" })]);
      } finally {
        await harness.dispose();
      }
    });

    it("verifies an empty store", async () => {
      const harness = await open();
      try {
        expect(await harness.store.verify()).toEqual({ ok: true, records: 0, headHash: "0".repeat(64), problems: [] });
      } finally {
        await harness.dispose();
      }
    });
  });
}
