import { fileURLToPath } from "node:url";

/** The seed schools' presets; each is a JSON pack in this folder, read from the school's own policy. */
export const PRESET_IDS = ["st-dunstans", "palfrey", "lt2", "delius", "st-john-payne"] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export function isPresetId(value: string): value is PresetId {
  return (PRESET_IDS as readonly string[]).includes(value);
}

export function presetPath(id: PresetId): string {
  return fileURLToPath(new URL(`./${id}.json`, import.meta.url));
}
