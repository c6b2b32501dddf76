import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { deepFreeze, parsePolicy } from "../pack/parse.js";
import type { PolicyPack } from "../pack/schema.js";
import { isPresetId, presetPath, type PresetId } from "../presets/index.js";
import { analyzeDraft } from "./analyze.js";
import type { DraftInput } from "./draft.js";
import { htmlToText } from "./html-to-text.js";
import type { Fix, Location, RuleModule, Severity } from "./types.js";

/**
 * A small ESLint-RuleTester for policy rules: table-driven `valid` / `invalid` drafts. Like ESLint's,
 * it refuses duplicate cases, unknown message ids, an invalid case that expects nothing, and a rule
 * that mutates its input (the draft and pack are deep-frozen, so a write throws and is reported).
 * Test-only: it imports vitest and node:fs, so nothing in the send-time bundle may import it.
 */

/** A deep partial of the pack JSON, merged over a preset (arrays replace, objects merge). */
export type PackOverrides = { readonly [key: string]: unknown };

const DEFAULT_PRESET: PresetId = "st-john-payne";
const packCache = new Map<string, PolicyPack>();

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function mergeDeep(base: unknown, overrides: unknown): unknown {
  // A tagged union member (e.g. an encryption mechanism) replaces the old one rather than merging into it.
  if (!isPlainObject(base) || !isPlainObject(overrides) || "kind" in overrides) return overrides;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) merged[key] = mergeDeep(base[key], value);
  return merged;
}

/** A preset's pack, optionally with overrides, validated by the real parser (memoised). */
export function packFor(policy: string = DEFAULT_PRESET, overrides?: PackOverrides): PolicyPack {
  if (!isPresetId(policy)) throw new RuleTesterError(`unknown preset "${policy}"`);
  const key = policy + JSON.stringify(overrides ?? null);
  let pack = packCache.get(key);
  if (pack === undefined) {
    const json: unknown = JSON.parse(readFileSync(presetPath(policy), "utf8"));
    pack = parsePolicy(overrides === undefined ? json : mergeDeep(json, overrides), `${policy} (test)`);
    packCache.set(key, pack);
  }
  return pack;
}

export interface RuleTestCase {
  /** Shown as the test name; defaults to the subject and the start of the body. */
  readonly name?: string;
  readonly draft: DraftInput;
  /** The preset the case runs under; defaults to the table's, then st-john-payne. */
  readonly policy?: PresetId;
  /** A whole pack, or settings merged over the preset for this case (e.g. a smaller attachment limit). */
  readonly pack?: PolicyPack | PackOverrides;
  /**
   * False runs the rule with the trained models switched off, for a case about the rule's own logic (its
   * word lists and their arithmetic) that a retrained model must not make pass or fail. Default true.
   */
  readonly models?: boolean;
}

export interface ExpectedReport {
  readonly messageId: string;
  readonly location?: Location;
  /** The finding's severity after the pack is applied (info, nudge, block). */
  readonly severity?: Severity;
  /** Data the message template is filled with (each key given must match; others may be present). */
  readonly data?: Readonly<Record<string, string | number>>;
  /** The fix's kind ("prefix-subject", "move-to-bcc", …); `null` when the finding must carry no fix. */
  readonly fixKind?: Fix["kind"] | null;
  /** The text each span covers, in order, read from the subject or the converted body. */
  readonly spanTexts?: readonly string[];
}

export interface InvalidRuleTestCase extends RuleTestCase {
  readonly errors: readonly ExpectedReport[];
}

export interface RuleTestTable {
  /** The pack every case runs under unless it names its own; else `policy`, else st-john-payne. */
  readonly pack?: PolicyPack;
  readonly policy?: PresetId;
  readonly valid: readonly RuleTestCase[];
  readonly invalid: readonly InvalidRuleTestCase[];
}

export class RuleTesterError extends Error {
  override name = "RuleTesterError";
}

function caseKey(testCase: RuleTestCase): string {
  return JSON.stringify([testCase.draft, testCase.policy ?? null, testCase.pack ?? null, testCase.models ?? true]);
}

function caseName(testCase: RuleTestCase): string {
  if (testCase.name !== undefined) return testCase.name;
  const text = `${testCase.draft.subject ?? ""} | ${testCase.draft.body ?? ""}`.replace(/\s+/g, " ");
  return text.length > 70 ? text.slice(0, 70) + "…" : text;
}

/** Runs the rule alone through the engine, rethrowing its errors instead of isolating them. */
export function runRule(rule: RuleModule, draft: DraftInput, pack: PolicyPack, models = true) {
  const frozenDraft = deepFreeze(structuredClone(draft));
  const before = JSON.stringify(frozenDraft);
  let thrown: unknown;
  const analysis = analyzeDraft(frozenDraft, pack, {
    rules: [rule],
    models,
    onRuleError: (_id, error) => {
      thrown = error;
    },
  });
  if (thrown !== undefined) {
    const reason = thrown instanceof TypeError ? " (did it mutate its frozen input?)" : "";
    throw new RuleTesterError(`rule "${rule.meta.id}" threw${reason}: ${String(thrown)}`);
  }
  if (JSON.stringify(frozenDraft) !== before) throw new RuleTesterError(`rule "${rule.meta.id}" mutated the draft`);
  return analysis;
}

/** Checks the table itself before any case runs (so a bad table fails loudly, not silently). */
export function validateTable(rule: RuleModule, table: RuleTestTable): void {
  const seen = new Set<string>();
  for (const testCase of [...table.valid, ...table.invalid]) {
    const key = caseKey(testCase);
    if (seen.has(key)) throw new RuleTesterError(`duplicate case: ${caseName(testCase)}`);
    seen.add(key);
  }
  for (const testCase of table.invalid) {
    if (testCase.errors.length === 0) {
      throw new RuleTesterError(`invalid case expects no finding: ${caseName(testCase)}`);
    }
    for (const expected of testCase.errors) {
      if (!(expected.messageId in rule.meta.messages)) {
        throw new RuleTesterError(`unknown message id "${expected.messageId}" for rule "${rule.meta.id}"`);
      }
    }
  }
}

/** A parsed pack is deep-frozen and names its school; anything else is a set of overrides. */
function isWholePack(value: PolicyPack | PackOverrides): value is PolicyPack {
  return Object.isFrozen(value) && isPlainObject(value.school) && "etiquette" in value;
}

function packOf(testCase: RuleTestCase, table: RuleTestTable): PolicyPack {
  if (testCase.pack !== undefined && isWholePack(testCase.pack)) return testCase.pack;
  if (testCase.policy === undefined && testCase.pack === undefined && table.pack !== undefined) return table.pack;
  return packFor(testCase.policy ?? table.policy ?? DEFAULT_PRESET, testCase.pack);
}

export function testRule(rule: RuleModule, table: RuleTestTable): void {
  validateTable(rule, table);
  describe(`rule ${rule.meta.id}`, () => {
    describe("valid", () => {
      for (const testCase of table.valid) {
        it(caseName(testCase), () => {
          const analysis = runRule(rule, testCase.draft, packOf(testCase, table), testCase.models);
          expect(analysis.findings.map((finding) => finding.message)).toEqual([]);
        });
      }
    });
    describe("invalid", () => {
      for (const testCase of table.invalid) {
        it(caseName(testCase), () => {
          const pack = packOf(testCase, table);
          const analysis = runRule(rule, testCase.draft, pack, testCase.models);
          expect(analysis.findings).toHaveLength(testCase.errors.length);
          testCase.errors.forEach((expected, index) => {
            const finding = analysis.findings[index];
            if (finding === undefined) return;
            // The message id itself, not a prefix of its text: five templates begin with a placeholder.
            expect(finding.messageId).toBe(expected.messageId);
            expect(finding.message, "a placeholder was left unfilled").not.toMatch(/\{\{\w+\}\}/);
            if (expected.severity !== undefined) expect(finding.severity).toBe(expected.severity);
            if (expected.data !== undefined) expect(finding.data ?? {}).toMatchObject(expected.data);
            if (expected.fixKind !== undefined) expect(finding.fix?.kind ?? null).toBe(expected.fixKind);
            if (expected.location !== undefined) expect(finding.location).toBe(expected.location);
            if (expected.spanTexts !== undefined) {
              const source = finding.location === "subject" ? (testCase.draft.subject ?? "") : bodyTextOf(testCase);
              expect((finding.spans ?? []).map((span) => source.slice(span.start, span.end))).toEqual(
                expected.spanTexts,
              );
            }
          });
        });
      }
    });
  });
}

function bodyTextOf(testCase: RuleTestCase): string {
  const body = testCase.draft.body ?? "";
  return testCase.draft.bodyType === "html" ? htmlToText(body) : body;
}

/** ESLint's name for the same thing. */
export const ruleTester = testRule;
