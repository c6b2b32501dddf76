import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadPolicy } from "../policy/pack/load.js";
import { parsePolicy } from "../policy/pack/parse.js";
import { PRESET_IDS, presetPath, type PresetId } from "../policy/presets/index.js";
import {
  formatLeftovers,
  main,
  parseSchoolPackArgs,
  presetLeftovers,
  SchoolPackError,
  SchoolPackUsageError,
  USAGE,
  writeSchoolPack,
} from "./school-pack.js";

const root = mkdtempSync(join(tmpdir(), "spg-school-pack-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const presets = PRESET_IDS.map((id) => loadPolicy(id));
type Json = Record<string, unknown>;
const presetJson = (id: PresetId): Json => JSON.parse(readFileSync(presetPath(id), "utf8")) as Json;

/** Hollowbrook's pack as its admin finishes it: St John Payne's with every school-specific value replaced. */
function hollowbrook(change: (pack: Json) => void = () => undefined): Json {
  const pack = presetJson("st-john-payne") as {
    school: Json;
    recipients: { ccOnExternalToParents: { cc: { address: string }[] } };
    acknowledgements: { audiences: { group: { id?: string } }[] };
    clauses: Record<string, { quote: string }>;
  };
  pack.school.id = "hollowbrook";
  pack.school.name = "Hollowbrook Primary";
  pack.school.address = { lines: ["Hollowbrook Primary", "2 Mill Lane", "Exampleton"], postcode: "CM2 9ZY" };
  pack.school.phones = ["01632 960777"];
  pack.school.emailDomains = ["hollowbrook.sch.uk"];
  pack.recipients.ccOnExternalToParents.cc = [{ address: "head@hollowbrook.sch.uk" }];
  pack.acknowledgements.audiences.forEach((audience, index) => {
    audience.group.id = `0b5e0c1a-1111-4222-8333-00000000000${index}`;
  });
  for (const [key, clause] of Object.entries(pack.clauses)) clause.quote = `Hollowbrook's own sentence on ${key}.`;
  const json = pack as unknown as Json;
  change(json);
  return json;
}

describe("presetLeftovers: the values a school's pack still shares with a preset", () => {
  it("none once every school-specific value is the school's own", () => {
    expect(presetLeftovers(parsePolicy(hollowbrook()), presets)).toEqual([]);
    expect(formatLeftovers([])).toBe("");
  });

  // [the value left, how it is left, the field named, the value shown, whose]
  const leftovers: [string, (pack: Json) => void, string, string, string][] = [
    [
      "the school's name",
      (pack) => ((pack.school as Json).name = "Palfrey Infant School"),
      "school.name",
      "Palfrey Infant School",
      "Palfrey Infant School",
    ],
    // An IT admin's trial: the privacy page printed the preset's address under the new name.
    [
      "the school's id",
      (pack) => ((pack.school as Json).id = "palfrey"),
      "school.id",
      "palfrey",
      "Palfrey Infant School",
    ],
    [
      "an address line",
      (pack) =>
        ((pack.school as Json).address = { lines: ["Hollowbrook Primary", "1 Example Road"], postcode: "CM2 9ZY" }),
      "school.address.lines[1]",
      "1 Example Road",
      "St Dunstan's Education Group",
    ],
    [
      "the postcode",
      (pack) => ((pack.school as Json).address = { lines: ["Hollowbrook Primary"], postcode: "WS1 9ZZ" }),
      "school.address.postcode",
      "WS1 9ZZ",
      "Palfrey Infant School",
    ],
    [
      "a switchboard",
      (pack) => ((pack.school as Json).phones = ["020 7946 0101"]),
      "school.phones[0]",
      "020 7946 0101",
      "St Dunstan's Education Group",
    ],
    [
      "a mail domain (the second)",
      (pack) => ((pack.school as Json).emailDomains = ["hollowbrook.sch.uk", "delius-school.sch.uk"]),
      "school.emailDomains[1]",
      "delius-school.sch.uk",
      "Delius School",
    ],
    [
      "the Head's Cc",
      (pack) => {
        (pack.school as Json).emailDomains = ["hollowbrook.sch.uk", "st-john-payne.sch.uk"];
        (pack.recipients as { ccOnExternalToParents: Json }).ccOnExternalToParents.cc = [
          { address: "headteacher@st-john-payne.sch.uk" },
        ];
      },
      "recipients.ccOnExternalToParents.cc[0].address",
      "headteacher@st-john-payne.sch.uk",
      "St John Payne School",
    ],
    [
      "an audience's Entra group id",
      (pack) => {
        const audiences = (pack.acknowledgements as { audiences: { group: Json }[] }).audiences;
        const governors = audiences[1];
        if (governors) governors.group.id = "8a91b000-cf2e-4e2b-8081-0e5e41846985";
      },
      "acknowledgements.audiences[1].group.id",
      "8a91b000-cf2e-4e2b-8081-0e5e41846985",
      "St John Payne School",
    ],
    [
      "a clause's quote",
      (pack) => {
        const clauses = pack.clauses as Record<string, Json>;
        const shouting = clauses.shouting;
        if (shouting)
          shouting.quote =
            "USING ALL CAPITAL LETTERS LOOKS AS IF YOU'RE SHOUTING this is not acceptable within an email.";
      },
      "clauses.shouting.quote",
      "USING ALL CAPITAL LETTERS LOOKS AS IF YOU'RE SHOUTING this is not acceptable within an email.",
      "St John Payne School",
    ],
    [
      "the disclaimer a preset made up (Palfrey's names Palfrey)",
      (pack) => {
        const palfrey = presetJson("palfrey") as { etiquette: { disclaimer: Json } };
        (pack.etiquette as Json).disclaimer = palfrey.etiquette.disclaimer;
      },
      "etiquette.disclaimer.text",
      (presetJson("palfrey") as { etiquette: { disclaimer: { text: string } } }).etiquette.disclaimer.text,
      "Palfrey Infant School",
    ],
    [
      "the placeholder encryption tag",
      (pack) => (pack.encryption = { required: true, mechanism: { kind: "subject-tag", tag: "[secure]" } }),
      "encryption.mechanism.tag",
      "[secure]",
      // Every preset's tag: the first in PRESET_IDS order is named.
      "St Dunstan's Education Group",
    ],
  ];

  it.each(leftovers)("names %s and whose it is", (_what, change, path, value, school) => {
    const found = presetLeftovers(parsePolicy(hollowbrook(change)), presets).map((leftover) => [
      leftover.path,
      leftover.value,
      leftover.school,
      leftover.step,
    ]);
    // A preset's Cc validates only beside the preset's domain (parsePolicy), which is then named too.
    expect(found.filter(([field]) => field !== "school.emailDomains[1]" || path === field)).toEqual([
      [path, value, school, 2],
    ]);
  });

  it("prints one line a field, naming the field, the value, the preset's school and the step", () => {
    const text = formatLeftovers(
      presetLeftovers(
        parsePolicy(
          hollowbrook((pack) => {
            (pack.school as Json).emailDomains = ["hollowbrook.sch.uk", "st-john-payne.sch.uk"];
            (pack.recipients as { ccOnExternalToParents: Json }).ccOnExternalToParents.cc = [
              { address: "headteacher@st-john-payne.sch.uk" },
            ];
          }),
        ),
        presets,
      ),
    );
    expect(text.split("\n")).toEqual([
      "Warning: 2 values are still a preset's; make them your school's before you deploy:",
      "  still St John Payne School's: school.emailDomains[1] (st-john-payne.sch.uk): your school's mail domain, docs/deploy.md step 2",
      "  still St John Payne School's: recipients.ccOnExternalToParents.cc[0].address (headteacher@st-john-payne.sch.uk): your Head's or the designated mailbox, docs/deploy.md step 2",
      "",
    ]);
  });

  it("a preset itself leaves everything: name, id, address, phones, domain, Cc, every group id and clause", () => {
    const found = presetLeftovers(loadPolicy("st-john-payne"), presets);
    const pack = loadPolicy("st-john-payne");
    expect(found.map((leftover) => leftover.path)).toEqual([
      "school.name",
      "school.id",
      ...pack.school.address.lines.map((_, index) => `school.address.lines[${index}]`),
      "school.address.postcode",
      ...pack.school.phones.map((_, index) => `school.phones[${index}]`),
      "school.emailDomains[0]",
      "recipients.ccOnExternalToParents.cc[0].address",
      ...pack.acknowledgements.audiences.map((_, index) => `acknowledgements.audiences[${index}].group.id`),
      ...Object.keys(pack.clauses).map((key) => `clauses.${key}.quote`),
    ]);
  });
});

describe("writeSchoolPack: the school's own pack is not overwritten by a preset", () => {
  const text = join(root, "aup.md");
  writeFileSync(text, "# Hollowbrook's agreement\n\nI will use school systems responsibly.\n");

  function hollowbrookFolder(name: string): string {
    const out = join(root, name);
    writeSchoolPack({ from: "st-john-payne", document: text, out });
    const pack = JSON.parse(readFileSync(join(out, "pack.json"), "utf8")) as Json;
    const edited = hollowbrook();
    edited.acknowledgements = pack.acknowledgements;
    writeFileSync(join(out, "pack.json"), JSON.stringify(edited, null, 2));
    return out;
  }

  it("refuses --from a preset over another school's pack, saying how to update or start again", () => {
    const out = hollowbrookFolder("refused");
    const before = readFileSync(join(out, "pack.json"), "utf8");
    expect(() => writeSchoolPack({ from: "st-john-payne", document: text, out })).toThrow(SchoolPackError);
    expect(() => writeSchoolPack({ from: "st-john-payne", out })).toThrow(
      `${join(out, "pack.json")} is already Hollowbrook Primary's pack, and --from st-john-payne is St John Payne School's: ` +
        `to update your pack, use --from ${join(out, "pack.json")}; to start again from st-john-payne, add --force.`,
    );
    expect(readFileSync(join(out, "pack.json"), "utf8")).toBe(before);
  });

  it("updates from the school's own pack, and starts again from the preset with --force", () => {
    const out = hollowbrookFolder("updated");
    writeSchoolPack({ from: join(out, "pack.json"), out });
    expect(loadPolicy(join(out, "pack.json")).school.name).toBe("Hollowbrook Primary");
    writeSchoolPack({ from: "st-john-payne", out, force: true });
    expect(loadPolicy(join(out, "pack.json")).school.name).toBe("St John Payne School");
  });

  it("rewrites a pack still of the preset's school (right after the first command)", () => {
    const out = join(root, "again");
    writeSchoolPack({ from: "st-john-payne", out });
    expect(() => writeSchoolPack({ from: "st-john-payne", out, version: "2025.2" })).not.toThrow();
  });
});

describe("writeSchoolPack: title, version and date without new text", () => {
  const first = loadPolicy("delius").acknowledgements.documents;

  it("sets them on the first document when --document is not given, and keeps its text", () => {
    const out = join(root, "no-text");
    writeSchoolPack({ from: "delius", out, title: "Our Agreement", version: "2025.2", effectiveDate: "2025-09-01" });
    const documents = loadPolicy(join(out, "pack.json")).acknowledgements.documents;
    expect(documents[0]).toMatchObject({
      title: "Our Agreement",
      version: "2025.2",
      effectiveDate: "2025-09-01",
      file: first[0]?.file,
      sha256: first[0]?.sha256,
    });
    expect(documents.slice(1)).toEqual(first.slice(1));
  });

  it("sets them on the document --document-id names, and names the documents there are when it is not one", () => {
    const pack = presetJson("st-john-payne");
    const { documents } = pack.acknowledgements as { documents: Json[] };
    documents.push({ ...documents[0], id: "visitors" });
    const source = join(root, "two-documents.json");
    writeFileSync(source, JSON.stringify(pack));
    const out = join(root, "two-documents");
    writeSchoolPack({ from: source, out, documentId: "visitors", version: "2025.3" });
    expect(loadPolicy(join(out, "pack.json")).acknowledgements.documents.map((doc) => [doc.id, doc.version])).toEqual([
      ["acceptable-use", "2024.1"],
      ["visitors", "2025.3"],
    ]);
    expect(() => writeSchoolPack({ from: source, out, documentId: "governors", version: "2025.3" })).toThrow(
      "The pack has no document governors (its documents: acceptable-use, visitors).",
    );
  });
});

describe("school-pack's command line", () => {
  it.each([
    [[], { from: "st-john-payne", out: "school" }],
    [
      ["--from", "school/pack.json", "--version", "2025.2", "--effective-date", "2025-09-01", "--title", "T"],
      { from: "school/pack.json", out: "school", version: "2025.2", effectiveDate: "2025-09-01", title: "T" },
    ],
    [
      ["--from=palfrey", "--document", "a.md", "--document-id", "aup", "--out", "ours", "--force"],
      { from: "palfrey", out: "ours", document: "a.md", documentId: "aup", force: true },
    ],
    [["--help"], "help"],
    [["-h"], "help"],
  ])("reads %j", (argv, expected) => {
    expect(parseSchoolPackArgs(argv)).toEqual(expected);
  });

  it.each([
    [["--bogus"], "unknown option --bogus"],
    [["--from", "palfrey", "--verison", "2025.1"], "unknown option --verison"],
    [["-x"], "unknown option -x"],
    [["--from"], "option '--from <value>' argument missing"],
    [["extra"], "unexpected argument 'extra'. This command does not take positional arguments"],
  ])("refuses %j in one line", (argv, message) => {
    expect(() => parseSchoolPackArgs(argv)).toThrow(SchoolPackUsageError);
    expect(() => parseSchoolPackArgs(argv)).toThrow(message);
  });

  it("the usage names every option, one line each", () => {
    for (const option of [
      "from",
      "document",
      "title",
      "version",
      "effective-date",
      "document-id",
      "out",
      "force",
      "help",
    ]) {
      expect(USAGE.split("\n").filter((line) => line.startsWith(`  --${option} `))).toHaveLength(1);
    }
  });

  it("main: exit 2, the option named in one line and the usage after it; --help exit 0", () => {
    const out: string[] = [];
    const err: string[] = [];
    expect(
      main(
        ["--nope"],
        (text) => out.push(text),
        (text) => err.push(text),
      ),
    ).toBe(2);
    expect(err.join("")).toBe(`school-pack: unknown option --nope\n${USAGE}`);
    expect(out).toEqual([]);
    expect(
      main(
        ["--help"],
        (text) => out.push(text),
        (text) => err.push(text),
      ),
    ).toBe(0);
    expect(out.join("")).toBe(USAGE);
  });

  it("main: writes, then warns about what is still the preset's; exit 1 with the reason when it cannot", () => {
    const out: string[] = [];
    const err: string[] = [];
    const folder = join(root, "main");
    expect(
      main(
        ["--from", "st-john-payne", "--out", folder],
        (text) => out.push(text),
        (text) => err.push(text),
      ),
    ).toBe(0);
    const lines = out.join("").split("\n");
    expect(lines[0]).toMatch(/^Wrote .*pack\.json and .*documents\/ \(pack valid/);
    expect(lines[1]).toMatch(/^Warning: \d+ values are still a preset's/);
    expect(lines).toContain(
      "  still St John Payne School's: recipients.ccOnExternalToParents.cc[0].address (headteacher@st-john-payne.sch.uk): your Head's or the designated mailbox, docs/deploy.md step 2",
    );
    expect(
      main(
        ["--from", "no-such-school", "--out", folder],
        () => undefined,
        (text) => err.push(text),
      ),
    ).toBe(1);
    expect(err.join("")).toBe("No preset or pack file no-such-school.\n");
  });

  // ERR_PARSE_ARGS_UNKNOWN_OPTION came out as a stack trace (a new user's trial): the real command, as typed.
  it("npx tsx scripts/school-pack.ts --help and an unknown option, as a child process", () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ["--import", "tsx", "scripts/school-pack.ts", ...args], {
        encoding: "utf8",
        timeout: 60_000,
      });
    const help = run("--help");
    expect([help.status, help.stdout, help.stderr]).toEqual([0, USAGE, ""]);
    const unknown = run("--verbose");
    expect([unknown.status, unknown.stdout, unknown.stderr]).toEqual([
      2,
      "",
      `school-pack: unknown option --verbose\n${USAGE}`,
    ]);
  }, 60_000);
});
