import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { PRESET_IDS, presetPath, type PresetId } from "../presets/index.js";
import { havePolicyTexts, policyText as policyTextOf, quotedInOrder, squash } from "../../test/support/policy-texts.js";
import { loadPolicy } from "./load.js";
import { CLAUSE_KEYS } from "../rules/define.js";
import type { PolicyPack } from "./schema.js";

const DOCUMENTS_DIR = fileURLToPath(new URL("../documents/", import.meta.url));

const packs = new Map(PRESET_IDS.map((id) => [id, loadPolicy(id)] as const));
const pack = (id: PresetId): PolicyPack => packs.get(id) as PolicyPack;

/** Reads a dotted path; a `*` segment maps over an array. */
function valueAt(root: unknown, path: string): unknown {
  const [head, ...rest] = path.split(".");
  if (head === undefined || head === "") return root;
  if (head === "*") return (root as unknown[]).map((item) => valueAt(item, rest.join(".")));
  const child = root !== null && typeof root === "object" ? (root as Record<string, unknown>)[head] : undefined;
  return rest.length === 0 ? child : valueAt(child, rest.join("."));
}

function isDeeplyFrozen(value: unknown): boolean {
  if (value === null || typeof value !== "object") return true;
  return Object.isFrozen(value) && Object.values(value).every(isDeeplyFrozen);
}

interface FoundCitation {
  at: string;
  document: string;
  section: string;
  quote: string;
}

/** Every {document, section, quote} object anywhere in the pack, with where it sits. */
function citationsIn(value: unknown, at = ""): FoundCitation[] {
  if (value === null || typeof value !== "object") return [];
  const record = value as Record<string, unknown>;
  if (typeof record.quote === "string" && typeof record.section === "string" && typeof record.document === "string") {
    return [{ at, document: record.document, section: record.section, quote: record.quote }];
  }
  return Object.entries(record).flatMap(([key, child]) => citationsIn(child, at ? `${at}.${key}` : key));
}

/**
 * The text a policy document claims to quote: every paragraph and list item, less our own additions
 * (headings, the bold title line, italic notes, rules) and less words in [square brackets], which mark
 * our substitutions (a role in place of a person's name, an ellipsis).
 */
function outsideBrackets(line: string): string[] {
  const parts: string[] = [];
  let rest = line;
  for (let open = rest.indexOf("["); open >= 0; open = rest.indexOf("[")) {
    const close = rest.indexOf("]", open);
    if (close < 0) break;
    parts.push(rest.slice(0, open));
    rest = rest.slice(close + 1);
  }
  return [...parts, rest];
}

function quotedFragments(markdown: string): string[] {
  return markdown
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && line !== "---" && !line.startsWith("#") && !line.startsWith("**"))
    .filter((line) => !(line.startsWith("*") && line.endsWith("*")))
    .map((line) => line.replace(/^- /, ""))
    .flatMap(outsideBrackets)
    .map(squash)
    .filter((fragment) => fragment.length > 1);
}

describe("quotedInOrder (the citation check's reading of ' … ')", () => {
  const text = "Staff must not: forward chain letters; gamble online; share passwords.";
  it.each([
    ["one verbatim passage", "gamble online", true],
    ["a lead-in, then its item", "Staff must not: … share passwords.", true],
    ["the item before its lead-in", "share passwords. … Staff must not:", false],
    ["a passage the policy does not hold", "Staff must not: … sell cars", false],
  ])("%s", (_label, quote, expected) => {
    expect(quotedInOrder(text, quote)).toBe(expected);
  });
});

describe("presets", () => {
  it.each(PRESET_IDS)("%s loads, is deeply frozen and names itself", (id) => {
    const loaded = pack(id);
    expect(loaded.school.id).toBe(id);
    expect(isDeeplyFrozen(loaded)).toBe(true);
    expect(() => {
      (loaded.etiquette as { greetingRequired: boolean }).greetingRequired = true;
    }).toThrow(TypeError);
  });

  it.each(PRESET_IDS)("%s points editors at the committed JSON Schema", (id) => {
    const raw = JSON.parse(readFileSync(presetPath(id), "utf8")) as { $schema?: string };
    expect(raw.$schema).toBe("../pack/policy-pack.schema.json");
    expect(existsSync(fileURLToPath(new URL(raw.$schema ?? "", new URL(`file://${presetPath(id)}`))))).toBe(true);
  });

  // The differences the seed schools' policies make, as data: [preset, path, value, where it is cited].
  const differences: [PresetId, string, unknown, string | undefined][] = [
    ["palfrey", "personalUse.mode", "prohibited", "personalUse.sources.mode"],
    ["palfrey", "etiquette.disclaimer.required", true, "etiquette.sources.disclaimer"],
    ["lt2", "etiquette.disclaimer.required", true, "etiquette.sources.disclaimer"],
    ["st-dunstans", "etiquette.disclaimer.required", false, undefined],
    ["st-john-payne", "etiquette.disclaimer.required", false, undefined],
    ["st-dunstans", "personalUse.mode", "allowed-if-labelled", "personalUse.sources.mode"],
    ["st-dunstans", "personalUse.label", "personal", "personalUse.sources.label"],
    ["lt2", "personalUse.mode", "allowed-if-labelled", "personalUse.sources.mode"],
    ["lt2", "personalUse.label", "personal", "personalUse.sources.label"],
    ["delius", "personalUse.mode", "allowed", "personalUse.sources.mode"],
    ["delius", "encryption.required", true, "encryption.sources.required"],
    ["delius", "encryption.internalToo", true, "encryption.sources.internalToo"],
    ["delius", "encryption.mechanism.kind", "subject-tag", "encryption.sources.mechanism"],
    ["delius", "encryption.mechanism.tag", "[secure]", "encryption.sources.mechanism"],
    ["delius", "personalData.blockInSubject", true, "personalData.sources.blockInSubject"],
    ["st-dunstans", "encryption.required", false, undefined],
    ["palfrey", "encryption.required", false, undefined],
    ["lt2", "encryption.required", false, undefined],
    ["st-john-payne", "encryption.required", false, undefined],
    ["st-john-payne", "attachments.maxTotalBytes", 10 * 1024 * 1024, "attachments.sources.maxTotalBytes"],
    ["st-john-payne", "etiquette.greetingRequired", true, "etiquette.sources.greetingRequired"],
    ["st-john-payne", "etiquette.closingRequired", true, "etiquette.sources.closingRequired"],
    ["st-john-payne", "recipients.ccOnExternalToParents.required", true, "recipients.sources.ccOnExternalToParents"],
    ["st-john-payne", "recipients.ccOnExternalToParents.cc.*.address", ["headteacher@st-john-payne.sch.uk"], undefined],
    ["st-john-payne", "personalData.blockInSubject", true, "personalData.sources.blockInSubject"],
    ["st-john-payne", "absence.delegationRequired", true, "absence.sources.delegationRequired"],
    ["st-dunstans", "etiquette.greetingRequired", false, undefined],
    ["palfrey", "recipients.ccOnExternalToParents.required", false, undefined],
    ["st-dunstans", "absence.outOfOfficeRequired", true, "absence.sources.outOfOfficeAfterDays"],
    ["palfrey", "absence.outOfOfficeRequired", true, "absence.sources.outOfOfficeAfterDays"],
    ["lt2", "absence.outOfOfficeRequired", true, "absence.sources.outOfOfficeAfterDays"],
    ["st-john-payne", "absence.outOfOfficeRequired", true, "absence.sources.outOfOfficeAfterDays"],
    ["delius", "absence.outOfOfficeRequired", false, undefined],
    ["st-dunstans", "absence.outOfOfficeAfterDays", 1, "absence.sources.outOfOfficeAfterDays"],
    ["delius", "absence.delegationRequired", false, undefined],
    ["st-john-payne", "acknowledgements.audiences.*.audience", ["staff", "governors", "visitors"], undefined],
    ["st-dunstans", "acknowledgements.audiences.*.audience", ["staff"], "acknowledgements.sources.audiences"],
    ["lt2", "acknowledgements.audiences.*.audience", ["staff"], "acknowledgements.sources.audiences"],
    [
      "delius",
      "acknowledgements.audiences.*.audience",
      ["staff", "governors", "visitors", "contractors"],
      "acknowledgements.sources.audiences",
    ],
    ["delius", "acknowledgements.cadence.kind", "annual", "acknowledgements.sources.cadence"],
    ["st-dunstans", "acknowledgements.cadence.kind", "annual", "acknowledgements.sources.cadence"],
    ["lt2", "school.address.postcode", "CV23 0PD", undefined],
  ];

  it.each(differences)("%s: %s is %j", (id, path, expected, citedAt) => {
    expect(valueAt(pack(id), path)).toEqual(expected);
    if (citedAt) expect(valueAt(pack(id), citedAt)).toMatchObject({ quote: expect.any(String) as string });
  });

  it.each(PRESET_IDS)("%s: the silent settings keep the schema's defaults", (id) => {
    const loaded = pack(id);
    expect(loaded.etiquette.shouting).toEqual({ minLetters: 9, maxCapitalRatio: 0.9, acronyms: [] });
    expect(loaded.etiquette.punctuation.maxRepeated).toBe(2);
    expect(loaded.personalData.confidenceThreshold).toBe(0.7);
    expect(loaded.recipients.personalWebmailDomains).toContain("gmail.com");
    // St John Payne's pack sets one rule: its send bundle's room went to the password rule (docs/deploy.md).
    expect(loaded.rules).toEqual(id === "st-john-payne" ? { "unchecked-recipients": "info" } : {});
  });

  it.each(PRESET_IDS)("%s: each acknowledgement document matches its SHA-256", (id) => {
    const documents = pack(id).acknowledgements.documents;
    expect(documents.length).toBeGreaterThan(0);
    for (const document of documents) {
      const bytes = readFileSync(DOCUMENTS_DIR + document.file);
      expect(createHash("sha256").update(bytes).digest("hex"), document.file).toBe(document.sha256);
    }
  });

  describe.skipIf(!havePolicyTexts())(
    "citations are the school's own words (needs the policy texts in ../shared/policies)",
    () => {
      it.each(PRESET_IDS)("%s: every quote, section and document title is in its policy", (id) => {
        const policyText = policyTextOf(id);
        const lowerText = policyText.toLowerCase();
        const citations = citationsIn(pack(id));
        expect(citations.length).toBeGreaterThan(5);
        const missing = citations.flatMap((citation) => [
          ...(quotedInOrder(policyText, citation.quote) ? [] : [`${citation.at}: quote "${citation.quote}"`]),
          ...(lowerText.includes(squash(citation.section).toLowerCase())
            ? []
            : [`${citation.at}: section "${citation.section}"`]),
          ...(lowerText.includes(squash(citation.document).toLowerCase())
            ? []
            : [`${citation.at}: document "${citation.document}"`]),
        ]);
        expect(missing).toEqual([]);
      });

      it.each(PRESET_IDS)("%s: each acknowledgement document is in the school's own words", (id) => {
        const policyText = policyTextOf(id);
        for (const document of pack(id).acknowledgements.documents) {
          const fragments = quotedFragments(readFileSync(DOCUMENTS_DIR + document.file, "utf8"));
          expect(fragments.length, document.file).toBeGreaterThanOrEqual(3);
          expect(fragments.filter((fragment) => !policyText.includes(fragment))).toEqual([]);
        }
      });
    },
  );

  it.each(PRESET_IDS)("%s: clauses use only the keys rules and sweep checks cite", (id) => {
    expect(Object.keys(pack(id).clauses).filter((key) => !(key in CLAUSE_KEYS))).toEqual([]);
  });
});
