import { readFileSync } from "node:fs";
import { parsePolicy } from "../../policy/pack/parse.js";
import { presetPath, type PresetId } from "../../policy/presets/index.js";
import type { PolicyPack } from "../../policy/pack/schema.js";

/** A preset with some sections replaced (one level deep), validated like any school's pack. */
export function packWith(id: PresetId, overrides: Record<string, Record<string, unknown>>): PolicyPack {
  const base = JSON.parse(readFileSync(presetPath(id), "utf8")) as Record<string, Record<string, unknown>>;
  const merged: Record<string, unknown> = { ...base };
  for (const [section, values] of Object.entries(overrides)) merged[section] = { ...base[section], ...values };
  return parsePolicy(merged, `${id} with overrides`);
}
