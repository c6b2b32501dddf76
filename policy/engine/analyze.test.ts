import { describe, expect, it } from "vitest";
import { loadPolicy } from "../pack/load.js";
import { analyzeDraft, formatMessage } from "./analyze.js";
import type { RuleModule } from "./types.js";

const pack = loadPolicy("st-john-payne");

function rule(
  id: string,
  check: RuleModule["check"],
  severity: RuleModule["meta"]["defaultSeverity"] = "nudge",
): RuleModule {
  return {
    meta: {
      id,
      category: "tone",
      defaultSeverity: severity,
      clause: "no-such-clause",
      fallbackCitation: { document: "Test", section: "1", quote: "Be kind." },
      docs: "test rule",
      messages: { hit: "Found {{what}} here." },
    },
    check,
  };
}

const draft = { subject: "Hello", body: "Dear all,\n\nThanks.\n\nKind regards,\nJo", bodyType: "text" as const };

describe("analyzeDraft", () => {
  it("formats findings from rule reports, with the fallback citation", () => {
    const analysis = analyzeDraft(draft, pack, {
      rules: [
        rule("t1", () => [
          { messageId: "hit", data: { what: "this" }, location: "body", spans: [{ start: 0, end: 4 }] },
        ]),
      ],
    });
    expect(analysis.findings).toEqual([
      {
        rule: "t1",
        category: "tone",
        severity: "nudge",
        message: "Found this here.",
        messageId: "hit",
        data: { what: "this" },
        policyRef: { section: "Test — 1", quote: "Be kind." },
        location: "body",
        spans: [{ start: 0, end: 4 }],
      },
    ]);
    expect(analysis.verdict).toBe("nudge");
  });

  it("runs a rule only for the packs it applies to", () => {
    const hit = rule("t1", () => [{ messageId: "hit", data: { what: "this" }, location: "body" }]);
    const onlyWhereGreetingsAreAsked = {
      ...hit,
      appliesTo: (school: typeof pack) => school.etiquette.greetingRequired,
    };
    // St John Payne asks for greetings; LT2 does not.
    expect(analyzeDraft(draft, pack, { rules: [onlyWhereGreetingsAreAsked] }).findings).toHaveLength(1);
    expect(analyzeDraft(draft, loadPolicy("lt2"), { rules: [onlyWhereGreetingsAreAsked] }).findings).toEqual([]);
  });

  it("is ok with no findings", () => {
    expect(analyzeDraft(draft, pack, { rules: [rule("t1", () => [])] }).verdict).toBe("ok");
  });

  it("a rule's raised severity makes the verdict block, and block findings sort first", () => {
    const analysis = analyzeDraft(draft, pack, {
      rules: [
        rule("a", () => [{ messageId: "hit", data: { what: "a" }, location: "body" }], "info"),
        rule("b", () => [{ messageId: "hit", data: { what: "b" }, location: "body", severity: "block" }]),
      ],
    });
    expect(analysis.findings.map((f) => f.severity)).toEqual(["block", "info"]);
    expect(analysis.verdict).toBe("block");
  });

  it("skips rules that are off and goes on when a rule throws, telling the caller", () => {
    const errors: string[] = [];
    const analysis = analyzeDraft(draft, pack, {
      rules: [
        rule("off", () => [{ messageId: "hit", location: "body" }], "off"),
        rule("boom", () => {
          throw new Error("bad rule");
        }),
        rule("fine", () => [{ messageId: "hit", data: { what: "c" }, location: "subject" }]),
        rule("unfilled", () => [{ messageId: "hit", location: "body" }]),
      ],
      onRuleError: (id) => errors.push(id),
    });
    // A message whose placeholder has no data is a rule bug: reported, never shown as "{{what}}".
    expect(errors).toEqual(["boom", "unfilled"]);
    expect(analysis.findings.map((f) => f.rule)).toEqual(["fine"]);
  });

  it("gives rules the HTML body as text, and the draft frozen", () => {
    let seen = "";
    let frozen = false;
    analyzeDraft({ ...draft, body: "<p>Dear all,</p><p>Fish &amp; chips</p>", bodyType: "html" }, pack, {
      rules: [
        rule("look", ({ bodyText, draft: given }) => {
          seen = bodyText;
          frozen = Object.isFrozen(given);
          return [];
        }),
      ],
    });
    expect(seen).toContain("Fish & chips");
    expect(seen).not.toContain("<p>");
    expect(frozen).toBe(true);
  });

  it("refuses an unknown message id", () => {
    expect(() =>
      formatMessage(
        rule("x", () => []),
        { messageId: "nope", location: "body" },
      ),
    ).toThrow(/no message/);
  });

  it("orders findings by severity, then by harm: personal data and tone before etiquette", () => {
    const ruleOf = (id: string, category: RuleModule["meta"]["category"]): RuleModule => {
      const base = rule(id, () => [{ messageId: "hit", data: { what: id }, location: "body" }]);
      return { ...base, meta: { ...base.meta, category } };
    };
    const analysis = analyzeDraft(draft, pack, {
      rules: [ruleOf("c", "closing"), ruleOf("p", "punctuation"), ruleOf("t", "tone"), ruleOf("d", "personal-data")],
    });
    expect(analysis.findings.map((f) => f.category)).toEqual(["personal-data", "tone", "punctuation", "closing"]);
  });

  it("maps spans found in folded text back to the draft's characters", () => {
    // "&#160;" and a zero-width space are folded away for matching; the span must still cover "AB".
    const body = "x\u200b\u00a0AB";
    let seen = "";
    const analysis = analyzeDraft({ ...draft, body }, pack, {
      rules: [
        rule("find", ({ bodyText }) => {
          seen = bodyText;
          const at = bodyText.indexOf("AB");
          return [{ messageId: "hit", data: { what: "AB" }, location: "body", spans: [{ start: at, end: at + 2 }] }];
        }),
      ],
    });
    expect(seen).toBe("x AB");
    const span = analysis.findings[0]?.spans?.[0];
    expect(span && body.slice(span.start, span.end)).toBe("AB");
  });

  it("orders every category at one severity as the harm ranking says", () => {
    // Data breaches, then words that hurt people, then recipients and attachments, then etiquette.
    const order: RuleModule["meta"]["category"][] = [
      "personal-data",
      "personal-data-in-subject",
      "tone",
      "recipients",
      "attachments",
      "commitment",
      "personal-use",
      "chain-mail",
      "shouting",
      "punctuation",
      "greeting",
      "closing",
      "disclaimer",
    ];
    const rules = [...order].reverse().map((category) => {
      const base = rule(category, () => [{ messageId: "hit", data: { what: category }, location: "body" }]);
      return { ...base, meta: { ...base.meta, category } };
    });
    expect(analyzeDraft(draft, pack, { rules }).findings.map((f) => f.category)).toEqual(order);
  });

  it.each([
    [["info"], "ok"],
    [["info", "nudge"], "nudge"],
    [["nudge", "block", "info"], "block"],
  ] as const)("the worst of %j gives the verdict %s", (severities, verdict) => {
    const rules = severities.map((severity, index) =>
      rule(`r${index}`, () => [{ messageId: "hit", data: { what: severity }, location: "body" }], severity),
    );
    const analysis = analyzeDraft(draft, pack, { rules });
    expect(analysis.verdict).toBe(verdict);
    expect(analysis.findings.map((f) => f.severity)).toEqual(
      [...severities].sort((a, b) => ["block", "nudge", "info"].indexOf(a) - ["block", "nudge", "info"].indexOf(b)),
    );
  });

  it("lets the school's severity for a rule win over the rule's own, and off silence it", () => {
    const report = () => [
      { messageId: "hit", data: { what: "x" }, location: "body" as const, severity: "block" as const },
    ];
    const school = { ...pack, rules: { ...pack.rules, a: "info", b: "off" } } as typeof pack;
    const analysis = analyzeDraft(draft, school, { rules: [rule("a", report), rule("b", report), rule("c", report)] });
    expect(analysis.findings.map((f) => [f.rule, f.severity])).toEqual([
      ["c", "block"],
      ["a", "info"],
    ]);
  });

  it("cites the school's own sentence for the rule's clause when the pack has one", () => {
    const cited = { ...rule("t", () => [{ messageId: "hit", data: { what: "x" }, location: "body" }]) };
    const withClause = { ...cited, meta: { ...cited.meta, clause: "shouting" } };
    const clause = pack.clauses.shouting;
    expect(clause).toBeDefined();
    const finding = analyzeDraft(draft, pack, { rules: [withClause] }).findings[0];
    expect(finding?.policyRef).toEqual({ section: `${clause?.document} — ${clause?.section}`, quote: clause?.quote });
  });

  it("cites the clause a report names over the rule's own", () => {
    const cited = rule("t", () => [{ messageId: "hit", data: { what: "x" }, location: "body", clause: "tone" }]);
    const withClause = { ...cited, meta: { ...cited.meta, clause: "shouting" } };
    const finding = analyzeDraft(draft, pack, { rules: [withClause] }).findings[0];
    // st-john-payne's tone clause: its eSafety Policy, "Sending e-Mails".
    expect(finding?.policyRef).toEqual({
      section: "eSafety Policy — Sending e-Mails",
      quote: "Read your email out loud to ensure the tone is that which you desire.",
    });
  });

  it("leaves out data and spans a report does not have, and keeps a fix", () => {
    const analysis = analyzeDraft(draft, pack, {
      rules: [
        rule("r", () => [
          {
            messageId: "hit",
            data: { what: "x" },
            location: "attachments",
            spans: [],
            fix: { kind: "remove-attachments", names: ["a.exe"] },
          },
        ]),
      ],
    });
    expect(analysis.findings[0]).not.toHaveProperty("spans");
    expect(analysis.findings[0]?.fix).toEqual({ kind: "remove-attachments", names: ["a.exe"] });
    const bare = analyzeDraft(draft, pack, {
      rules: [
        {
          ...rule("s", () => [{ messageId: "plain", location: "body" }]),
          meta: { ...rule("s", () => []).meta, messages: { plain: "Plain." } },
        },
      ],
    });
    expect(bare.findings[0]).not.toHaveProperty("data");
    expect(bare.findings[0]?.message).toBe("Plain.");
  });

  it("maps subject spans and a remove-subject-spans fix back to the draft's subject", () => {
    // The zero-width space is folded away: "Mia" is at 2 in the folded subject, 3 in the draft's.
    const subject = "Re\u200b Mia Patel";
    const analysis = analyzeDraft({ ...draft, subject }, pack, {
      rules: [
        rule("s", ({ message }) => {
          const at = message.subject.text.indexOf("Mia");
          const spans = [{ start: at, end: at + 3 }];
          return [
            {
              messageId: "hit",
              data: { what: "Mia" },
              location: "subject",
              spans,
              fix: { kind: "remove-subject-spans", spans },
            },
          ];
        }),
      ],
    });
    const finding = analysis.findings[0];
    expect(finding?.spans).toEqual([{ start: 4, end: 7 }]);
    expect(finding?.fix).toEqual({ kind: "remove-subject-spans", spans: [{ start: 4, end: 7 }] });
    expect(subject.slice(4, 7)).toBe("Mia");
  });

  it("gives personal data at the draft's offsets", () => {
    const body = "Dear Sam,\n\nHer\u00a0NHS\u200b number is 943 476 5919.\n\nJo";
    const analysis = analyzeDraft({ ...draft, body }, loadPolicy("delius"), { rules: [] });
    const nhs = analysis.personalData.find((entity) => entity.type === "nhs-number");
    expect(nhs && body.slice(nhs.start, nhs.end)).toBe("943 476 5919");
  });

  it("says when only part of a long body was read, and only then", () => {
    const body = `Dear all,\n${"The trip is on Friday.\n".repeat(100)}`;
    expect(analyzeDraft({ ...draft, body }, pack, { rules: [], maxBodyChars: 100 }).bodyTruncated).toBe(true);
    expect(analyzeDraft({ ...draft, body }, pack, { rules: [] })).not.toHaveProperty("bodyTruncated");
  });

  it("lets rules use their models unless told not to", () => {
    const seen: boolean[] = [];
    const look = rule("m", ({ models }) => {
      seen.push(models);
      return [];
    });
    analyzeDraft(draft, pack, { rules: [look] });
    analyzeDraft(draft, pack, { rules: [look], models: false });
    expect(seen).toEqual([true, false]);
  });

  it("goes on when a report cannot be formatted, without telling anyone if no one asked", () => {
    const analysis = analyzeDraft(draft, pack, {
      rules: [
        rule("bad", () => [{ messageId: "missing", location: "body" }]),
        rule("boom", () => {
          throw new Error("bad rule");
        }),
        rule("fine", () => [{ messageId: "hit", data: { what: "ok" }, location: "body" }]),
      ],
    });
    expect(analysis.findings.map((f) => f.rule)).toEqual(["fine"]);
  });

  it("analyses with the registered rules by default", () => {
    const analysis = analyzeDraft(
      { ...draft, body: "Dear all,\n\nWHY IS THE PRINTER ALWAYS BROKEN ON MONDAYS???\n\nThanks,\nJo" },
      pack,
    );
    expect(analysis.findings.map((f) => f.category)).toEqual(expect.arrayContaining(["shouting", "punctuation"]));
  });
});

describe("analyzeDraft: chain mail", () => {
  const prayer =
    "This is a prayer chain for baby Isla Hinks who is very poorly in hospital with meningitis. Please say a prayer for her.";
  const toAllStaff = { to: [{ name: "All Staff", address: "allstaff@st-john-payne.sch.uk" }] };

  it("a chain letter's sick child is no one's personal data, but the letter is chain mail", () => {
    const analysis = analyzeDraft(
      {
        ...toAllStaff,
        subject: "FW: prayer chain",
        body: `${prayer} Then send this to 12 people. Do not break the chain.`,
      },
      pack,
    );
    const categories = analysis.findings.map((finding) => finding.category);
    expect(categories).toContain("chain-mail");
    expect(categories).not.toContain("personal-data");
    expect(analysis.personalData.filter((entity) => entity.type === "special-category")).toEqual([]);
  });

  it("the same words with nothing to pass on are someone's health", () => {
    const analysis = analyzeDraft({ ...toAllStaff, subject: "Isla", body: prayer }, pack);
    expect(analysis.findings.map((finding) => finding.category)).toContain("personal-data");
  });

  it("a home address in a chain letter is still someone's", () => {
    const analysis = analyzeDraft(
      {
        ...toAllStaff,
        subject: "FW: chain",
        body: "Send a postcard to 14 Mill Lane, Chelmsford CM2 9QX. Forward this to 10 people!",
      },
      pack,
    );
    expect(analysis.personalData.map((entity) => entity.type)).toContain("postal-address");
  });
});

describe("analyzeDraft: edges", () => {
  it("keeps entities inside the text where lower-casing lengthens a letter (fast-check's 'İ EHCP')", () => {
    // "İ".toLowerCase() is two characters; the detectors' lower-case copy must keep every offset.
    const analysis = analyzeDraft({ subject: "Oliver Ashdown", body: "\u0130 EHCP" }, pack);
    const ehcp = analysis.personalData.filter((entity) => entity.type === "special-category");
    expect(ehcp.map((entity) => [entity.location, entity.start, entity.end])).toEqual([["body", 2, 6]]);
  });

  it("never gives an entity an empty span where one character folds to several (fast-check's '㎯')", () => {
    // NFKC folds "㎯" to "rad∕s2"; whatever is found inside the expansion covers the "㎯" in the draft.
    const analysis = analyzeDraft({ subject: "\u33af", body: "" }, pack);
    for (const entity of analysis.personalData) {
      expect(entity.start).toBe(0);
      expect(entity.end).toBe(1);
    }
  });

  it("does not run a rule that is off by default, even one whose reports carry their own severity", () => {
    const errors: string[] = [];
    const analysis = analyzeDraft(draft, pack, {
      rules: [
        rule("quiet", () => [{ messageId: "hit", data: { what: "x" }, location: "body", severity: "block" }], "off"),
        rule(
          "quiet-boom",
          () => {
            throw new Error("never run");
          },
          "off",
        ),
      ],
      onRuleError: (id) => errors.push(id),
    });
    expect(analysis.findings).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("gives personal data in an attachment's name at the name's own offsets, '_' read as a space", () => {
    // The body starts with two zero width spaces: body offsets move, attachment offsets must not.
    const analysis = analyzeDraft(
      {
        ...draft,
        body: "\u200b\u200bDear Sam,\n\nSee attached.\n\nJo",
        attachments: [{ name: "NHS_943_476_5919.pdf", size: 1 }],
      },
      loadPolicy("delius"),
      { rules: [] },
    );
    const nhs = analysis.personalData.find((entity) => entity.type === "nhs-number");
    expect(nhs && [nhs.location, nhs.start, nhs.end]).toEqual(["attachments", 4, 16]);
  });
});

describe("analyzeDraft: the sender", () => {
  const body = "Dear Sam,\n\nMiss Shah has epilepsy and may be late.\n\nThanks";
  const types = (input: Parameters<typeof analyzeDraft>[0]) =>
    analyzeDraft(input, loadPolicy("delius"), { rules: [] }).personalData.map((entity) => entity.type);

  it("an identifiable person's health condition is special-category data", () => {
    expect(types({ subject: "Note", body })).toEqual(["person-name", "special-category"]);
  });

  it("must not: not when the person is the sender, by title and surname", () => {
    expect(types({ subject: "Note", body, from: { name: "Priya Shah", address: "p.shah@delius.sch.uk" } })).toEqual([
      "person-name",
    ]);
  });
});

describe("formatMessage", () => {
  it("names the rule, the message and the missing placeholder", () => {
    expect(() =>
      formatMessage(
        rule("r", () => []),
        { messageId: "hit", location: "body" },
      ),
    ).toThrow('Rule r message "hit" lacks data "what"');
  });

  it("fills each placeholder", () => {
    expect(
      formatMessage(
        rule("r", () => []),
        { messageId: "hit", location: "body", data: { what: 3 } },
      ),
    ).toBe("Found 3 here.");
  });
});
