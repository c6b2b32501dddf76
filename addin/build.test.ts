import { parse } from "acorn";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPolicy } from "../policy/pack/load.js";
import { transform } from "esbuild";
import {
  SEND_TIME_OMITTED,
  SEND_TIME_OMITTED_SCHOOL,
  buildAddin,
  infoOnlyRules,
  joinStringLists,
  citedAtSend,
  rulesOffForPack,
  sendTimePackFor,
  spreadWithObjectAssign,
  withoutUnreadBuiltInReads,
} from "./build.js";
import type { PolicyPack } from "../policy/pack/schema.js";
import { HANDLER_NAMES } from "./core/ids.js";
import { clauseInBrief } from "./core/present.js";
import { rules } from "../policy/rules/registry.js";
import { runLaunchEventInVm } from "./harness/run-in-vm.js";
import { PRESET_IDS } from "../policy/presets/index.js";
import { analyzeDraft } from "../policy/engine/analyze.js";
import type { DraftInput } from "../policy/engine/draft.js";

const outDir = mkdtempSync(join(tmpdir(), "spg-addin-"));
const pack = loadPolicy("st-john-payne");
let code = "";

beforeAll(async () => {
  await buildAddin({ outDir, policy: "st-john-payne" });
  code = readFileSync(join(outDir, "launchevent.js"), "utf8");
}, 60_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const domain = pack.school.emailDomains[0]!;
const cleanDraft = () => ({
  subject: "Staff meeting on Thursday",
  body: "Dear colleagues,\n\nThe staff meeting on Thursday will be in the library at 3.30pm.\n\nKind regards,\nA Teacher",
});

describe("dist/addin/launchevent.js", () => {
  it("is under 60 kB gzipped", () => {
    expect(gzipSync(code).length).toBeLessThan(60 * 1024);
  });

  // Each school's pack is embedded: the largest (LT2's) sets the budget, not the one built above.
  it.each(PRESET_IDS.filter((id) => id !== "st-john-payne"))(
    "is under 60 kB gzipped with %s's pack too",
    async (preset) => {
      const presetDir = mkdtempSync(join(tmpdir(), `spg-addin-${preset}-`));
      try {
        await buildAddin({ outDir: presetDir, policy: preset });
        expect(gzipSync(readFileSync(join(presetDir, "launchevent.js"), "utf8")).length).toBeLessThan(60 * 1024);
      } finally {
        rmSync(presetDir, { recursive: true, force: true });
      }
    },
    60_000,
  );

  it("embeds only the opening of the school's disclaimer, and still finds it missing or there", async () => {
    const palfrey = loadPolicy("palfrey");
    const disclaimer = palfrey.etiquette.disclaimer.text;
    const presetDir = mkdtempSync(join(tmpdir(), "spg-addin-palfrey-"));
    try {
      await buildAddin({ outDir: presetDir, policy: "palfrey" });
      const palfreyCode = readFileSync(join(presetDir, "launchevent.js"), "utf8");
      expect(palfreyCode).toContain(disclaimer.slice(0, 50));
      expect(palfreyCode).not.toContain(disclaimer.slice(-40));
      const send = async (body: string, to: string) => {
        const { standIn } = runLaunchEventInVm(palfreyCode, { internalDomains: palfrey.school.emailDomains });
        Object.assign(standIn.state, { subject: "Harvest festival", body: { type: "text", content: body } });
        standIn.setRecipients("to", [to]);
        return (await standIn.fire("OnMessageSend", HANDLER_NAMES.send)).options;
      };
      const parent = "a.example@gmail.com";
      const body = "Dear Mrs Example,\n\nThank you for helping at the harvest festival.\n\nKind regards,\nA Teacher";
      expect(String((await send(body, parent))?.errorMessage)).toMatch(/disclaimer/);
      expect(String((await send(`${body}\n\n${disclaimer}`, parent))?.errorMessage)).not.toMatch(/disclaimer/);
      // To colleagues only the pane asks, and the send is not stopped for it.
      expect(String((await send(body, `staff@${palfrey.school.emailDomains[0]!}`))?.errorMessage)).not.toMatch(
        /disclaimer/,
      );
    } finally {
      rmSync(presetDir, { recursive: true, force: true });
    }
  }, 60_000);

  it("prompts at send for a password in a mail under a school whose policy keeps passwords confidential", async () => {
    const delius = loadPolicy("delius");
    const presetDir = mkdtempSync(join(tmpdir(), "spg-addin-delius-"));
    try {
      await buildAddin({ outDir: presetDir, policy: "delius" });
      const deliusCode = readFileSync(join(presetDir, "launchevent.js"), "utf8");
      const send = async (body: string) => {
        const { standIn, failOpen } = runLaunchEventInVm(deliusCode, { internalDomains: delius.school.emailDomains });
        Object.assign(standIn.state, { subject: "Cover tomorrow", body: { type: "text", content: body } });
        standIn.setRecipients("to", [`office@${delius.school.emailDomains[0]!}`]);
        const sent = await standIn.fire("OnMessageSend", HANDLER_NAMES.send);
        expect(failOpen()?.count ?? 0).toBe(0);
        return sent.options;
      };
      const given = await send("Hi Pat,\n\nThe cover supervisor's SIMS password is Bluebell22.\n\nThanks,\nJo");
      expect(given).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser" });
      // The Smart Alert names the school's own section, not our defaults.
      expect(String(given?.errorMessage)).toMatch(/password.*Use of School ICT Equipment/s);
      expect(
        await send("Hi Pat,\n\nThe cover supervisor will need a SIMS login; IT will set one up.\n\nThanks,\nJo"),
      ).toEqual({
        allowEvent: true,
      });
    } finally {
      rmSync(presetDir, { recursive: true, force: true });
    }
  }, 60_000);

  it("leaves out the pack sections no add-in code reads, and reads none of them", () => {
    for (const section of [...SEND_TIME_OMITTED, ...SEND_TIME_OMITTED_SCHOOL]) {
      // esbuild keeps property names: a read of the section would show as ".absence", `absence:` in a
      // pattern, or `"$schema"` quoted.
      const name = section.replace("$", "\\$");
      expect(code).not.toMatch(new RegExp(`[.]${name}\\b|[{,]${name}:|["']${name}["']`));
    }
    // Nor where a setting or a model came from.
    expect(code).not.toContain("5-fold CV");
    expect(code).not.toMatch(/[{,]sources:|\.sources\b/);
    // Nor the sweep's clauses, which no rule cites.
    for (const key of ["out-of-office", "delegation", "forwarding"] as const) {
      expect(code).not.toContain(pack.clauses[key]?.quote.slice(0, 40) ?? "(no clause)");
    }
    // The Teams groups' ids are in the pack (the task pane keeps them), not here.
    for (const audience of pack.acknowledgements.audiences) expect(code).not.toContain(audience.group.id);
    expect(readFileSync(join(outDir, "taskpane.js"), "utf8")).toContain(pack.acknowledgements.audiences[0]!.group.id);
  });

  it("carries the rules' documentation and every quote empty, their messages and the clauses' sections whole", () => {
    for (const clause of Object.values(pack.clauses)) {
      if (clause.quote.length > 30)
        expect(code).not.toContain(clause.quote.slice(0, 30).replace(/[^\u0020-\u007E]/g, ""));
    }
    expect(code).toContain(pack.clauses.tone?.section ?? "(no tone clause)");
    // esbuild writes non-ASCII as \\u escapes: compare each text's longest run of plain ASCII.
    const longestRun = (text: string) => {
      let longest = "";
      let run = "";
      for (const char of text) {
        const code = char.charCodeAt(0);
        // Printable ASCII that esbuild writes as it is (not a quote, a backslash or "{").
        const plain = code >= 32 && code < 123 && char !== "'" && char !== '"' && char !== "\\";
        run = plain ? run + char : "";
        if (run.length > longest.length) longest = run;
      }
      return longest;
    };
    for (const rule of rules) {
      expect(longestRun(rule.meta.docs).length).toBeGreaterThan(20);
      expect(code).not.toContain(longestRun(rule.meta.docs));
      const sent = INFO_ONLY.indexOf(rule.meta.id) === -1 && rule.appliesTo?.(pack) !== false;
      for (const [id, message] of Object.entries(rule.meta.messages))
        if (sent && !INFO_ONLY_MESSAGES.includes(`${rule.meta.id}.${id}`)) expect(code).toContain(longestRun(message));
        else expect(code).not.toContain(longestRun(message));
      // Quotes are the task pane's to show: the Smart Alert names the clause's section only.
      expect(code).not.toContain(longestRun(rule.meta.fallbackCitation.quote));
    }
  });

  // The messages marked "Info only" in their rule's source: reported at info only, so empty at send.
  const INFO_ONLY_MESSAGES = [
    "personal-data-to-external.external",
    "unencrypted-personal-data.stepsTaken",
    "unencrypted-personal-data.routeTaken",
    "unchecked-recipients.unchecked",
  ];

  it("carries the messages only ever reported at info empty, unless the pack sets the rule's severity", async () => {
    const taskpane = readFileSync(join(outDir, "taskpane.js"), "utf8");
    const text = (key: string) => {
      const [ruleId, messageId] = key.split(".") as [string, string];
      return rules.find((rule) => rule.meta.id === ruleId)?.meta.messages[messageId] ?? "(no such message)";
    };
    for (const key of INFO_ONLY_MESSAGES) {
      expect(text(key), key).not.toBe("(no such message)");
      expect(taskpane, key).toContain(text(key).slice(-40));
      expect(code, key).not.toContain(text(key).slice(-40));
    }
    // A pack that sets the rule's severity could bring the message to a Smart Alert: it is kept.
    const presetDir = mkdtempSync(join(tmpdir(), "spg-addin-info-"));
    try {
      const packFile = join(presetDir, "pack.json");
      writeFileSync(packFile, JSON.stringify({ ...pack, rules: { "unencrypted-personal-data": "nudge" } }));
      await buildAddin({ outDir: presetDir, policy: packFile });
      const raised = readFileSync(join(presetDir, "launchevent.js"), "utf8");
      expect(raised).toContain(text("unencrypted-personal-data.stepsTaken").slice(-40));
      expect(raised).not.toContain(text("unchecked-recipients.unchecked").slice(-40));
    } finally {
      rmSync(presetDir, { recursive: true, force: true });
    }
  }, 60_000);

  // A message marked "Info only" must never reach a Smart Alert empty: each is raised here and is info.
  const nhs = "Oliver Grant's NHS number is 999 000 0018.";
  it.each<[string, string, DraftInput]>([
    [
      "personal-data-to-external.external",
      "delius",
      { subject: "Referral", body: nhs, to: [{ name: "MASH", address: "mash@council.example.gov.uk" }] },
    ],
    [
      "unencrypted-personal-data.stepsTaken",
      "st-john-payne",
      {
        subject: "Referral",
        body: `${nhs}\n\nPlease confirm receipt.`,
        to: [{ name: "MASH", address: "mash@council.example.gov.uk" }],
      },
    ],
    [
      "unchecked-recipients.unchecked",
      "st-john-payne",
      { subject: "Trip", body: "Hi", to: [{ name: "Jo Hart", address: "Jo Hart" }] },
    ],
  ])("%s is raised at info (%s)", (key, preset, draft) => {
    const raised = analyzeDraft(draft, loadPolicy(preset)).findings.filter(
      (finding) => `${finding.rule}.${finding.messageId}` === key,
    );
    expect(raised.map((finding) => finding.severity)).toEqual(["info"]);
  });

  // Info findings never stop or prompt a send: the rules that can report nothing else stay in the task pane.
  // A missing greeting or closing is a tip in the pane too: it never interrupts a send (an IT admin's trial).
  const DEFAULT_INFO_ONLY = ["closing", "greeting", "personal-data-internal", "too-many-recipients"];
  // St John Payne's pack also sets unchecked-recipients to info: its bundle's room went to passwords.
  const INFO_ONLY = [...DEFAULT_INFO_ONLY, "unchecked-recipients"];

  it("leaves out the rules that report only info, and keeps one whose default is info but that raises its own", async () => {
    expect(await infoOnlyRules(pack)).toEqual(INFO_ONLY);
    const taskpane = readFileSync(join(outDir, "taskpane.js"), "utf8");
    expect(taskpane).toContain("It stays inside the school, but check each address");
    expect(code).not.toContain("It stays inside the school, but check each address");
    // unchecked-recipients is info by default and nudges for a group of parents in To/Cc: kept where the
    // pack leaves it at its default.
    expect(code).not.toContain("looks like a group of parents");
    expect(await infoOnlyRules({ ...pack, rules: {} })).toEqual(DEFAULT_INFO_ONLY);
  });

  it.each<[string, PolicyPack["rules"], string[]]>([
    [
      "a rule the pack raises to nudge stays",
      { "too-many-recipients": "nudge" },
      ["closing", "greeting", "personal-data-internal"],
    ],
    ["a rule the pack sets to info goes", { "unchecked-recipients": "info" }, INFO_ONLY],
    ["a rule the pack turns off goes", { shouting: "off" }, [...DEFAULT_INFO_ONLY, "shouting"]],
  ])("info-only rules: %s", async (_what, overrides, expected) => {
    expect((await infoOnlyRules({ ...pack, rules: overrides })).sort()).toEqual(expected.sort());
  });

  it.each<[string, string[]]>([
    // St John Payne asks for greetings, closings and the Head in Cc, and no disclaimer.
    ["st-john-payne", ["missing-disclaimer"]],
    ["lt2", ["closing", "greeting", "required-cc"]],
    ["delius", ["closing", "greeting", "missing-disclaimer", "required-cc"]],
  ])("%s: leaves out the rules its pack turns off by its own settings", (preset, expected) => {
    expect(rulesOffForPack(loadPolicy(preset)).sort()).toEqual(expected);
  });

  it.each<[string, string, string[], boolean]>([
    ["a tip's clause, its rule left out", "greeting", ["greeting"], false],
    ["a clause whose rule is kept", "greeting", ["closing"], true],
    ["the sweep's clause (no rule cites it)", "out-of-office", [], false],
    ["a clause three rules may cite, one left out", "personal-data", ["unencrypted-personal-data"], true],
    [
      "a clause every citing rule of which is left out",
      "personal-data",
      ["personal-data-to-external", "personal-data-in-subject", "unencrypted-personal-data"],
      false,
    ],
    ["a key define.ts does not know", "not-a-clause", [], true],
  ])("citedAtSend: %s", (_what, key, leftOut, expected) => {
    expect(citedAtSend(key, new Set(leftOut))).toBe(expected);
  });

  // The generated corpus (every category, every preset's kinds of draft) read under each preset with the
  // whole pack and with the pack launchevent.js embeds: what the Smart Alert says and cites (the section
  // `clauseInBrief` names; the send-time pack carries no document) must not change.
  const corpusDrafts = readFileSync(join(import.meta.dirname, "../test/corpus/drafts.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((line) => (JSON.parse(line) as { draft: DraftInput }).draft);
  it.each(PRESET_IDS)(
    "%s: every finding that prompts or blocks at send names the same section with the send-time pack",
    async (id) => {
      const whole = loadPolicy(id);
      const leftOut = new Set([...(await infoOnlyRules(whole)), ...rulesOffForPack(whole)]);
      const atSend = sendTimePackFor(whole, leftOut) as PolicyPack;
      const prompting = (chosen: PolicyPack) =>
        corpusDrafts.flatMap((draft) =>
          analyzeDraft(draft, chosen)
            .findings.filter((finding) => finding.severity !== "info")
            .map((finding) => `${finding.rule}: ${clauseInBrief(finding)}`),
        );
      const withWhole = prompting(whole);
      expect(withWhole.length).toBeGreaterThan(100);
      expect(prompting(atSend)).toEqual(withWhole);
    },
    30_000,
  );

  it("leaves out the clauses only the tips cite (St John Payne: greeting, closing, internal personal data)", async () => {
    const leftOut = new Set([...(await infoOnlyRules(pack)), ...rulesOffForPack(pack)]);
    const kept = Object.keys((sendTimePackFor(pack, leftOut) as PolicyPack).clauses);
    for (const key of ["greeting", "closing", "personal-data-internal"]) {
      expect(Object.keys(pack.clauses)).toContain(key);
      expect(kept).not.toContain(key);
    }
    expect(kept).toEqual(expect.arrayContaining(["tone", "personal-data", "personal-use", "required-cc"]));
  });

  it("carries a rule its pack turns off only where another pack turns it on", () => {
    // St John Payne's bundle asks for the Head in Cc; its disclaimer rule (no disclaimer asked for) is not there.
    expect(code).toContain("The school asks you to copy");
    expect(code).not.toContain("standard disclaimer is missing");
  });

  it("parses as ES2016 (classic Outlook's JavaScript-only runtime before build 2403)", () => {
    expect(() => parse(code, { ecmaVersion: 2016, sourceType: "script" })).not.toThrow();
    // The check has teeth: ES2017 syntax is refused at this level.
    expect(() => parse("async function f() {}", { ecmaVersion: 2016, sourceType: "script" })).toThrow();
  });

  it("is self-contained: no import or require, no DOM", () => {
    expect(code).not.toMatch(/\bimport\s*\(|\brequire\(|^import /m);
    expect(code).not.toMatch(/\bdocument\.|\bwindow\./);
    // Nor Node's process: the build defines what the engine asks of it (NODE_ENV, SPG_NO_DISCLAIMER).
    expect(code).not.toMatch(/\bprocess\.env\b/);
  });

  it("sets class fields by assignment in the constructor, through no defineProperty helper", () => {
    // OfficeCallError's fields (async.ts), as the constructor's own assignments.
    expect(code).toMatch(/this\.operation=[\w$]+,this\.code=[\w$]+,this\.name="OfficeCallError"/);
    expect(code).not.toContain('(this,"operation",');
    // Nor the helpers' bindings of Object's methods, read by nothing (`withoutUnreadBuiltInReads`).
    expect(code).not.toMatch(/Object\.(?:defineProperty|getOwnPropertySymbols|getOwnPropertyDescriptors)\b/);
  });

  it("associates every handler in a bare context with only Office", () => {
    const { standIn } = runLaunchEventInVm(code, { internalDomains: pack.school.emailDomains });
    expect([...standIn.handlers.keys()].sort()).toEqual(Object.values(HANDLER_NAMES).sort());
  });

  it("lets a clean draft go, and caches the compose-time analysis for the send", async () => {
    const { standIn } = runLaunchEventInVm(code, { internalDomains: pack.school.emailDomains });
    Object.assign(standIn.state, { subject: cleanDraft().subject, body: { type: "text", content: cleanDraft().body } });
    standIn.setRecipients("to", [`staff@${domain}`]);
    for (const [event, handler] of [
      ["OnNewMessageCompose", HANDLER_NAMES.compose],
      ["OnMessageRecipientsChanged", HANDLER_NAMES.recipientsChanged],
      ["OnMessageAttachmentsChanged", HANDLER_NAMES.attachmentsChanged],
    ] as const) {
      const completed = await standIn.fire(event, handler);
      expect(completed.options).toBeUndefined();
    }
    expect(standIn.state.sessionData.get("spg.analysis")).toBeTruthy();
    const sent = await standIn.fire("OnMessageSend", HANDLER_NAMES.send);
    expect(sent.options).toEqual({ allowEvent: true });
  });

  it("prompts on nudges: parents visible to each other", async () => {
    const { standIn } = runLaunchEventInVm(code, { internalDomains: pack.school.emailDomains });
    Object.assign(standIn.state, { subject: "Year 4 trip", body: { type: "text", content: cleanDraft().body } });
    standIn.setRecipients(
      "to",
      Array.from({ length: 10 }, (_, i) => `parent${i + 1}@gmail.com`),
    );
    standIn.setRecipients("cc", ["headteacher@st-john-payne.sch.uk"]);
    await standIn.fire("OnMessageRecipientsChanged", HANDLER_NAMES.recipientsChanged);
    const notes = [...standIn.state.notifications.values()].map((details) => details.message);
    expect(notes.some((message) => /visible to each other/.test(message))).toBe(true);
    expect(notes.length).toBeLessThanOrEqual(3);
    const sent = await standIn.fire("OnMessageSend", HANDLER_NAMES.send);
    expect(sent.options).toMatchObject({ allowEvent: false, cancelLabel: "Review and fix" });
    expect(String(sent.options?.errorMessage).length).toBeLessThanOrEqual(500);
  });

  it("works without the post-ES2016 built-ins (classic Outlook's runtime before build 2403)", async () => {
    // ES2017 to ES2021 library calls, none supplied: esbuild's object-spread helper, which calls
    // Object.getOwnPropertyDescriptors, is Object.assign in the minified bundle (spreadWithObjectAssign).
    const withoutBuiltIns = [
      "Object.values",
      "Object.entries",
      "Object.fromEntries",
      "Object.getOwnPropertyDescriptors",
      "String.prototype.padStart",
      "String.prototype.padEnd",
      "String.prototype.trimStart",
      "String.prototype.trimEnd",
      "String.prototype.matchAll",
      "String.prototype.replaceAll",
      "Array.prototype.flat",
      "Array.prototype.flatMap",
      "Promise.prototype.finally",
    ];
    const { standIn, failOpen, context } = runLaunchEventInVm(code, {
      internalDomains: pack.school.emailDomains,
      withoutBuiltIns,
    });
    expect(vm.runInContext("typeof Object.getOwnPropertyDescriptors + typeof ''.trimEnd", context)).toBe(
      "undefinedundefined",
    );
    Object.assign(standIn.state, {
      subject: "Reports",
      body: {
        type: "text",
        content: "Dear all,\n\nTHE REPORTS MUST BE ON MY DESK BY FRIDAY MORNING.\n\nThanks,\nA Teacher",
      },
    });
    standIn.setRecipients("to", [`staff@${domain}`]);
    const sent = await standIn.fire("OnMessageSend", HANDLER_NAMES.send);
    expect(failOpen()?.count ?? 0).toBe(0);
    expect(sent.options).toMatchObject({ allowEvent: false });
    expect(String(sent.options?.errorMessage)).toMatch(/capital/i);
  });

  it("calls none of those built-ins, which a path the test above does not take could reach", () => {
    expect(code).not.toMatch(
      /\.(?:padStart|padEnd|trimStart|trimEnd|matchAll|replaceAll|flatMap|flat)\(|Object\.(?:values|entries|fromEntries)\b|\.finally\(/,
    );
  });

  it("reads an HTML draft as the text Outlook converts it to, and carries no HTML reader of its own", async () => {
    // The engine's reader is left out of the send bundle (`htmlReaderLeftOut`): its entity table is not there.
    expect(code).not.toMatch(/hellip/);
    const { standIn, failOpen } = runLaunchEventInVm(code, { internalDomains: pack.school.emailDomains });
    Object.assign(standIn.state, {
      subject: "Re: Year 4 trip",
      body: {
        type: "html",
        content: "<div>Dear parents,</div><div>THIS IS NOT GOOD ENOUGH AND I WANT ANSWERS NOW</div>",
      },
    });
    standIn.setRecipients("to", ["parent1@gmail.com"]);
    const sent = await standIn.fire("OnMessageSend", HANDLER_NAMES.send);
    expect(sent.options).toMatchObject({ allowEvent: false });
    expect(failOpen()).toMatchObject({ count: 0 });
  });

  it("fails open when reading the item throws, and counts it", async () => {
    const { standIn, failOpen, logged } = runLaunchEventInVm(code, { internalDomains: pack.school.emailDomains });
    standIn.faults.broken = true;
    const sent = await standIn.fire("OnMessageSend", HANDLER_NAMES.send);
    expect(sent.options).toEqual({ allowEvent: true });
    expect(failOpen()).toMatchObject({ count: 1 });
    expect(failOpen()?.lastReason).toMatch(/not available/);
    expect(logged.join("\n")).toMatch(/let the message go/);
  });

  it("fails open when the host never answers within the time budget", async () => {
    const { standIn, failOpen } = runLaunchEventInVm(code, { internalDomains: pack.school.emailDomains });
    standIn.faults.hang = true;
    const sent = await standIn.fire("OnMessageSend", HANDLER_NAMES.send);
    expect(sent.options).toEqual({ allowEvent: true });
    expect(sent.ms).toBeLessThan(4500);
    expect(failOpen()?.lastReason).toMatch(/budget/);
  });

  it("refuses to build with an invalid pack", async () => {
    await expect(buildAddin({ outDir, policy: join(outDir, "no-such-pack.json") })).rejects.toThrow(
      /no such preset or file/,
    );
  });
});

describe("spreadWithObjectAssign", () => {
  // What esbuild itself writes for the send bundle's target, minified: its helpers as they are, not a copy.
  const lowered = async (source: string) =>
    (await transform(source, { minify: true, target: "es2016", format: "iife", globalName: "spread" })).code;
  const run = (code: string) => {
    const context = vm.createContext({});
    vm.runInContext("delete Object.getOwnPropertyDescriptors;", context);
    return vm.runInContext(`${code};spread.f({ a: 1, b: { c: 2 } }, null)`, context) as unknown;
  };
  const SOURCE = "export const f = (x, y) => ({ ...x, ...y, d: 3, e: { ...x.b } });";

  it("gives the same objects as esbuild's helpers, with no ES2017 built-in", async () => {
    const code = await lowered(SOURCE);
    expect(code).toContain("getOwnPropertyDescriptors");
    expect(() => run(code)).toThrow(); // esbuild's own helpers need it
    const rewritten = spreadWithObjectAssign(code);
    expect(rewritten).toContain("Object.assign");
    expect(JSON.stringify(run(rewritten))).toBe('{"a":1,"b":{"c":2},"d":3,"e":{"c":2}}');
  });

  it("leaves code without a spread alone and refuses helpers it does not recognise", async () => {
    const plain = await lowered("export const f = (x) => x;");
    expect(spreadWithObjectAssign(plain)).toBe(plain);
    expect(() => spreadWithObjectAssign("var d=Object.getOwnPropertyDescriptors;")).toThrow(/spread helpers/);
  });
});

describe("withoutUnreadBuiltInReads", () => {
  it.each([
    [
      "a statement of reads of Object's methods",
      "f()}Object.defineProperty,Object.prototype.hasOwnProperty;var a=1",
      "f()}var a=1",
    ],
    ["one read after a semicolon", "a=1;Object.getOwnPropertySymbols;b=2", "a=1;b=2"],
    ["a read assigned is kept", "var a=Object.keys;", "var a=Object.keys;"],
    ["a read passed on is kept", "f(Object.keys);", "f(Object.keys);"],
    ["a call is kept", "a();Object.keys(b);", "a();Object.keys(b);"],
    ["a read in a longer sequence is kept", ";Object.keys,f();", ";Object.keys,f();"],
    ["another object's property of that name is kept", "a;x.Object.keys;", "a;x.Object.keys;"],
  ])("%s", (_what, code, expected) => {
    expect(withoutUnreadBuiltInReads(code)).toBe(expected);
  });
});

describe("joinStringLists", () => {
  const words = ["asthma", "autism", "adhd", "crohn's", 'say "hi"', "café", "", "epilepsy", "ehcp", "cin plan"];
  const decode = (joined: string, name: string): unknown => vm.runInNewContext(`${joined};${name}`);

  it("writes a list of three or more strings as one string the decoder splits on |, the same array", () => {
    const joined = joinStringLists(`var a=${JSON.stringify(words)};`);
    expect(joined).toContain(`__splitWords(${JSON.stringify(words.join("|"))})`);
    expect(decode(joined, "a")).toEqual(words);
  });

  it("writes a word that extends the last word written in full as ~ and its suffix", () => {
    const inflected = ["idiot", "idiots", "idiotic", "id", "moron", "morons", "more", "moronic"];
    const joined = joinStringLists(`var a=${JSON.stringify(inflected)};`);
    expect(joined).toContain('__splitWords("idiot|~s|~ic|id|moron|~s|more|moronic")');
    expect(decode(joined, "a")).toEqual(inflected);
  });

  it("leaves short lists, lists holding | or a word starting with ~, and lists of other values as they are", () => {
    const code = [
      `var a=${JSON.stringify(words.slice(0, 2))};`,
      `var b=${JSON.stringify([...words.slice(0, 9), "a|b"])};`,
      `var c=${JSON.stringify([...words.slice(0, 9), 1])};`,
      `var d=${JSON.stringify([...words.slice(0, 9), "~s"])};`,
    ].join("");
    expect(joinStringLists(code)).toBe(code);
  });

  it("rewrites lists inside other lists, calls and for-of heads", () => {
    const code = `var r=[];f([${JSON.stringify(words)},${JSON.stringify(words)}]);function f(x){r=x}for(const w of${JSON.stringify(words)})r.push(w);`;
    const joined = joinStringLists(code);
    expect(decode(joined, "r")).toEqual([words, words, ...words]);
  });
});
