import { describe, expect, it } from "vitest";
import { normalizeDraft } from "../../engine/draft.js";
import { buildMessage } from "../../engine/message.js";
import type { Recipient } from "../../engine/types.js";
import { loadPolicy } from "../../pack/load.js";
import { inThreadBetweenColleagues } from "./between-colleagues.js";

const pack = loadPolicy("st-john-payne");
const colleague = { name: "Ann Lee", address: "a.lee@st-john-payne.sch.uk" };
const parent = { name: "Sam Ode", address: "sam.ode@example.com" };
const QUOTED =
  "\n\nFrom: Ann Lee <a.lee@st-john-payne.sch.uk>\nSent: 4 March 2026 09:12\nTo: Jo Hart\nSubject: Rota\n\nCan we meet at 3.30?";
const FORWARDED =
  "\n\n---------- Forwarded message ---------\nFrom: Office <office@example.org>\nDate: Mon, 2 Mar 2026\nSubject: Trip\n\nThe coach leaves at 8.30.";

describe("inThreadBetweenColleagues", () => {
  it.each([
    ["an answer to a colleague above their message", "Yes, 3.30 is fine.", QUOTED, [colleague], true],
    ["a note forwarding a message to a colleague", "FYI, see below.", FORWARDED, [colleague], true],
    ["an answer to a parent above their message", "Yes, 3.30 is fine.", QUOTED, [parent], false],
    ["an answer copied to a parent", "Yes, 3.30 is fine.", QUOTED, [colleague, parent], false],
    ["a new message to a colleague", "Can we meet at 3.30?", "", [colleague], false],
    ["a reply with no recipients yet", "Yes, 3.30 is fine.", QUOTED, [], false],
  ] as const)("%s: %s", (_label, own, below, to: readonly Recipient[], expected) => {
    const draft = normalizeDraft({ subject: "RE: Rota", body: own + below, bodyType: "text", to: [...to] });
    expect(inThreadBetweenColleagues(buildMessage(draft, pack))).toBe(expected);
  });
});
