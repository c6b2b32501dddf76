import { writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { format, resolveConfig } from "prettier";
import { z } from "zod";
import { policyPackSchema } from "./schema.js";

/** Where the committed JSON Schema lives; presets point at it with "$schema" so editors offer completion. */
export const JSON_SCHEMA_PATH = fileURLToPath(new URL("./policy-pack.schema.json", import.meta.url));

/**
 * The pack's JSON Schema, generated from the zod schema. `io: "input"` describes what an admin writes,
 * so fields with defaults stay optional; refinements zod cannot express (domain, postcode, regex
 * validity) are still enforced by loadPolicy.
 */
export async function buildJsonSchema(): Promise<string> {
  const schema = z.toJSONSchema(policyPackSchema, { io: "input", target: "draft-2020-12" });
  const document = {
    ...schema,
    title: "School Policy Guard policy pack",
    description: "One school's policy pack: what its ICT and e-safety policy says, as settings with citations.",
  };
  // Formatted as the repository's prettier config would, so `npm run format:check` and this agree.
  const options = (await resolveConfig(JSON_SCHEMA_PATH)) ?? {};
  return format(JSON.stringify(document), { ...options, filepath: JSON_SCHEMA_PATH });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(JSON_SCHEMA_PATH, await buildJsonSchema());
  console.log(`wrote ${JSON_SCHEMA_PATH}`);
}
