import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDraftJson } from "./check.js";

/** Spawns the real command, as a script or CI would. */
function check(args: readonly string[], stdin = "", env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "policy/cli/check.ts", ...args], {
    input: stdin,
    encoding: "utf8",
    env,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const plain = {
  subject: "Year 8 trip",
  body: "Dear colleagues,\n\nThe coach leaves at 8.30 on Friday.\n\nKind regards,\nMs Ellis",
  bodyType: "text",
  to: [{ name: "Staff", address: "staff@delius-school.sch.uk" }],
};

describe("check command", () => {
  it("stops quietly, exit 0, when the reader closes the pipe early (check --jsonl … | head)", () => {
    const dir = mkdtempSync(join(tmpdir(), "check-pipe-"));
    const file = join(dir, "drafts.jsonl");
    // 400 analyses fill the pipe's 64 kB buffer many times over before `head` has read its 10 bytes.
    writeFileSync(file, `${JSON.stringify(plain)}\n`.repeat(400));
    const result = spawnSync(
      "bash",
      [
        "-c",
        `set -o pipefail; "${process.execPath}" --import tsx policy/cli/check.ts --policy delius --jsonl "${file}" | head -c 10`,
      ],
      { encoding: "utf8" },
    );
    expect({ code: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({
      code: 0,
      stdout: '{"verdict"',
      stderr: "",
    });
  });

  it("analyses one draft from stdin and exits 0", () => {
    const result = check(["--policy", "delius"], JSON.stringify(plain));
    expect(result.code).toBe(0);
    const analysis = JSON.parse(result.stdout) as { verdict: string; findings: unknown[]; personalData: unknown[] };
    expect(["ok", "nudge", "block"]).toContain(analysis.verdict);
    expect(Array.isArray(analysis.findings)).toBe(true);
    expect(Array.isArray(analysis.personalData)).toBe(true);
  });

  it("reads a file and treats missing arrays as empty", () => {
    const dir = mkdtempSync(join(tmpdir(), "check-"));
    const file = join(dir, "draft.json");
    writeFileSync(file, JSON.stringify({ subject: "Hello", body: "Hi all", bodyType: "text" }));
    const result = check(["--policy", "lt2", file]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveProperty("verdict");
  });

  it("exits 2 with one line on stderr for invalid JSON", () => {
    const result = check(["--policy", "delius", "-"], "{not json");
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/invalid JSON/);
  });

  it.each([
    ["subject a number", { ...plain, subject: 42 }],
    ["bodyType unknown", { ...plain, bodyType: "rtf" }],
    ["to not an array", { ...plain, to: "parent@example.com" }],
    ["recipient without address", { ...plain, cc: [{ name: "No address" }] }],
    ["attachment size a string", { ...plain, attachments: [{ name: "a.pdf", size: "big" }] }],
  ])("exits 2 for a field of the wrong type: %s", (_label, draft) => {
    const result = check(["--policy", "delius"], JSON.stringify(draft));
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/invalid draft/);
  });

  // Said as a person would: what is missing or of the wrong type, by field path.
  it.each([
    [{}, "invalid draft: subject is required (a string); body is required (a string)"],
    [{ ...plain, subject: 42 }, "invalid draft: subject must be a string, not a number"],
    [{ ...plain, to: "parent@example.com" }, "invalid draft: to must be an array, not a string"],
    [{ ...plain, cc: [{ name: "No address" }] }, "invalid draft: cc.0.address is required (a string)"],
    [
      { ...plain, attachments: [{ name: "a.pdf", size: "big" }] },
      "invalid draft: attachments.0.size must be a number, not a string",
    ],
    [[plain], "invalid draft: the draft must be an object, not an array"],
    [null, "invalid draft: the draft must be an object, not null"],
    [{ ...plain, bodyType: "rtf" }, 'invalid draft: bodyType: Invalid option: expected one of "text"|"html"'],
  ])("describes %j as %j", (draft, message) => {
    expect(() => parseDraftJson(JSON.stringify(draft))).toThrow(message);
  });

  it("exits 2 with the pack error on one line for an unknown policy", () => {
    const result = check(["--policy", "no-such-school"], JSON.stringify(plain));
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/no-such-school/);
    // What to type instead, without the pack error's list punctuation (a new user's report).
    expect(result.stderr).toBe(
      "check: cannot load the policy no-such-school: no such preset or file (the presets: st-dunstans, palfrey, lt2, delius, st-john-payne)\n",
    );
  });

  it("exits 2 without --policy, saying it is required and what it takes", () => {
    const result = check([], JSON.stringify(plain));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^check: --policy is required: a preset \(st-dunstans, palfrey, lt2, delius, st-john-payne\)/,
    );
    // The same usage line as --help, with every option (a new user's trial missed --text in it).
    expect(result.stderr).toContain("usage: check --policy <preset-id | pack.json> [--jsonl | --text] [FILE | -]");
  });

  it("reads a draft without bodyType as plain text", () => {
    const { bodyType: _omitted, ...withoutType } = plain;
    expect(parseDraftJson(JSON.stringify(withoutType)).bodyType).toBe("text");
    expect(check(["--policy", "delius"], JSON.stringify(withoutType)).code).toBe(0);
  });

  it("writes one analysis per JSONL line, in order, with an error record for a bad line", () => {
    const shouting = { ...plain, body: "Dear all,\n\nPLEASE STOP LEAVING THE STAFFROOM IN THIS STATE.\n\nThanks,\nJo" };
    const input = [JSON.stringify(plain), "{oops", JSON.stringify({ ...plain, to: 3 }), JSON.stringify(shouting)].join(
      "\n",
    );
    const result = check(["--policy", "delius", "--jsonl"], input + "\n");
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toHaveProperty("verdict");
    expect(lines[1]?.error).toMatch(/invalid JSON/);
    expect(lines[2]?.error).toMatch(/to/);
    expect(lines[3]).toHaveProperty("verdict");
  });
});

describe("check with a labelled corpus line", () => {
  it("says the line is a corpus entry and how to check it, on one line, instead of listing missing keys", () => {
    // The shape of ../shared/corpus/sample.jsonl: the draft wrapped with its preset and labels.
    const line = JSON.stringify({ id: "s-001", preset: "delius", draft: plain, expect: { tone: false }, entities: [] });
    const result = check(["--policy", "delius", "--jsonl"], `${line}\n${JSON.stringify(plain)}\n`);
    expect(result.code).toBe(0);
    const [first, second] = result.stdout
      .trim()
      .split("\n")
      .map((text) => JSON.parse(text) as Record<string, unknown>);
    expect(first?.error).toMatch(/labelled corpus line/);
    expect(first?.error).toMatch(/"draft"/);
    expect(first?.error).not.toMatch(/subject/);
    expect(second).toHaveProperty("verdict");
  });

  it("exits 2 with the same message for one wrapped draft without --jsonl", () => {
    const result = check(["--policy", "delius"], JSON.stringify({ draft: plain, expect: {} }));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^check: a labelled corpus line/);
  });
});

describe("check run through npm from another folder", () => {
  // `npm run check` runs in the package's folder and sets INIT_CWD to where the user typed it (a new user's trial).
  it("reads a relative draft and pack path from that folder; a preset id stays a preset", () => {
    const folder = mkdtempSync(join(tmpdir(), "spg-check-cwd-"));
    writeFileSync(join(folder, "draft.json"), JSON.stringify({ subject: "TEST", body: "PLEASE READ THIS NOW" }));
    writeFileSync(join(folder, "my-school.json"), readFileSync("policy/presets/lt2.json", "utf8"));
    const env = { ...process.env, INIT_CWD: folder };
    for (const policy of ["./my-school.json", "lt2"]) {
      const result = check(["--policy", policy, "draft.json"], "", env);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ verdict: "nudge" });
    }
  });
});

describe("check --help (in process)", () => {
  it("prints the usage and a draft's shape, and exits 0; a draft in that shape is accepted", async () => {
    const { main, USAGE } = await import("./check.js");
    let printed = "";
    const code = main(
      ["--help"],
      () => "",
      (text) => (printed += text),
      () => undefined,
    );
    expect(code).toBe(0);
    expect(printed).toBe(USAGE);
    expect(USAGE).toContain("A draft needs subject and body; every other field is optional.");
    // What each verdict means to the sender (a new user's trial asked whether info is ever shown at send).
    expect(USAGE).toMatch(/info \(a tip in the task pane only,\s+never at send\)/);
    // Which addresses are the school's own (a new user's trial guessed from the policy document's website).
    expect(USAGE).toMatch(/^ {2}palfrey +palfrey-infant\.sch\.uk$/m);
    expect(USAGE).toMatch(/^ {2}delius +delius-school\.sch\.uk$/m);
    const least = /^ {2}(\{ "subject".*\})$/m.exec(USAGE)?.[1] ?? "";
    expect(parseDraftJson(least)).toMatchObject({ subject: "Year 8 trip", bodyType: "text" });
    // The example in the usage is a valid draft once its "..." body and comment are taken out.
    const example = JSON.parse(
      USAGE.slice(USAGE.indexOf("{\n"), USAGE.lastIndexOf("}") + 1).replace(' (or "html")', ""),
    ) as unknown;
    let analysis = "";
    const analysed = main(
      ["--policy", "st-john-payne"],
      () => JSON.stringify(example),
      (text) => (analysis += text),
      () => undefined,
    );
    expect(analysed).toBe(0);
    expect(JSON.parse(analysis)).toHaveProperty("findings");
  });
});

describe("check --text (in process)", () => {
  const run = async (args: readonly string[], draft: unknown) => {
    const { main } = await import("./check.js");
    let out = "";
    let err = "";
    const code = main(
      args,
      () => JSON.stringify(draft),
      (text) => (out += text),
      (text) => (err += text),
    );
    return { code, out, err };
  };

  // A new user's trial: one long line of JSON with character offsets was hard to read.
  it("reports the verdict, the school's sentence, the words the finding points at and its fix", async () => {
    const { code, out } = await run(["--policy", "st-john-payne", "--text"], {
      subject: "Jack Smith - EHCP review",
      body: "Dear Mrs Smith,\n\nThe review is on Friday.\n\nKind regards,\nJo Hart",
      to: [{ address: "sarah.smith@gmail.com" }],
    });
    expect(code).toBe(0);
    expect(out).toMatch(/^Verdict: block \(\d+ findings?\)\n/);
    expect(out).toContain("BLOCK personal-data-in-subject (personal-data-in-subject)");
    // St John Payne's own sentence, from its eSafety Policy.
    expect(out).toContain('"Do not identify such information in the subject line of any e-mail"');
    expect(out).toContain('In the subject: "EHCP"');
    expect(out).toContain("One-click fix: ");
    expect(out.endsWith("\n")).toBe(true);
  });

  // A new user's trial: an attachment finding printed `In the attachments: "", ""`, and the add-in's own
  // default read as the school's policy.
  it("shows the words of an attachment's name, and says when a sentence is the add-in's advice, not policy", async () => {
    const { out } = await run(["--policy", "st-john-payne", "--text"], {
      subject: "Lists",
      body: "Dear Jo,\n\nAttached.\n\nKind regards,\nSam Reed",
      attachments: [
        { name: "timetable.pdf", size: 1000 },
        { name: "SEN_register_FSM_Y7.xlsx", size: 1000 },
      ],
    });
    expect(out).toContain('In the attachments: "SEN", "FSM"');
    const chain = await run(["--policy", "st-john-payne", "--text"], {
      subject: "FW: Fwd: send this to everyone you know",
      body: "Forward this to 10 people within the hour or you will have bad luck!\n\nSam",
    });
    expect(chain.out).toContain("Not the school's policy: this add-in's advice (School Policy Guard defaults");
  });

  // A new user's trial: Palfrey's subject-line block cites a sentence on monitoring without saying why.
  it("says how the school's sentence is read where the pack notes it, and only there", async () => {
    const subject = {
      subject: "Tom Reid - EHCP review",
      body: "Dear Jo,\n\nDraft attached.\n\nKind regards,\nSam Reed",
    };
    const palfrey = await run(["--policy", "palfrey", "--text"], subject);
    expect(palfrey.out).toContain("   Note: The policy has no sentence on subject lines;");
    const stJohnPayne = await run(["--policy", "st-john-payne", "--text"], subject);
    expect(stJohnPayne.out).toContain('"Do not identify such information in the subject line of any e-mail"');
    expect(stJohnPayne.out).not.toContain("   Note:");
  });

  // A new user's trial: an HTML body's words were cut from its markup at the plain text's offsets ("r UPN is A123").
  it("shows the words of an HTML body, not pieces of its markup", async () => {
    const { out } = await run(["--policy", "delius", "--text"], {
      subject: "Review",
      bodyType: "html",
      body: '<html><body><p style="margin:0">Dear Jo,</p><p>Maisie Turner in 4B has autism and an EHCP.</p><p>Sam</p></body></html>',
      to: [{ address: "jo@example.com" }],
    });
    expect(out).toMatch(/In the body: "autism", "EHCP"|In the body: "EHCP", "autism"/);
  });

  // A new user's trial: {"attachment": [{"name": "a.exe"}]} was ignored and the draft passed, unexplained.
  it("warns of a field it does not read, and names the field meant", async () => {
    const { code, err } = await run(["--policy", "delius", "--text"], {
      subject: "Game",
      body: "Here it is.",
      attachment: [{ name: "game.exe", size: 1000 }],
      colour: "red",
    });
    expect(code).toBe(0);
    expect(err).toBe(
      'check: the draft\'s field "attachment" is not read (did you mean "attachments"?)\n' +
        'check: the draft\'s field "colour" is not read\n',
    );
    expect((await run(["--policy", "delius", "--text"], plain)).err).toBe("");
  });

  it("says when nothing was found", async () => {
    const { out } = await run(["--policy", "delius", "--text"], plain);
    expect(out.split("\n")[0]).toMatch(/^Verdict: (ok \(nothing found\)|nudge \(\d+ findings?\))$/);
  });

  it("refuses --text with --jsonl, on one line, exit 2", async () => {
    const { code, out, err } = await run(["--policy", "delius", "--text", "--jsonl"], plain);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toBe("check: --jsonl and --text do not go together: one draft per --text report\n");
  });
});
