import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { JSON_SCHEMA_PATH, buildJsonSchema } from "./write-json-schema.js";

interface JsonSchemaObject {
  required?: string[];
  properties?: Record<string, JsonSchemaObject>;
  additionalProperties?: unknown;
}

describe("policy-pack.schema.json", () => {
  const committed = readFileSync(JSON_SCHEMA_PATH, "utf8");
  const schema = JSON.parse(committed) as JsonSchemaObject;

  it("is what the zod schema generates today (run `npm run schema` after changing schema.ts)", async () => {
    expect(committed).toBe(await buildJsonSchema());
  });

  it("requires only what has no default, so a short pack completes cleanly in the editor", () => {
    expect(schema.required?.sort()).toEqual(["policyDocument", "schemaVersion", "school"].sort());
    expect(schema.properties?.etiquette?.required ?? []).toEqual([]);
    expect(schema.properties?.school?.required?.sort()).toEqual([
      "address",
      "emailDomains",
      "id",
      "name",
      "policyOwner",
    ]);
  });

  it("rejects unknown keys, like loadPolicy does", () => {
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties?.school?.additionalProperties).toBe(false);
  });
});
