import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { AppManifestUtils } from "@microsoft/app-manifest";
import { UNIFIED_MANIFEST_VERSION } from "./unified.js";

const require = createRequire(import.meta.url);

/** Validates the unified manifest against the schema bundled in @microsoft/app-manifest (never downloaded). */
export async function validateUnifiedManifest(manifest: Record<string, unknown>): Promise<string[]> {
  const schemaPath = require.resolve(
    `@microsoft/app-manifest/build/json-schemas/teams/v${UNIFIED_MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
  );
  const schema = JSON.parse(readFileSync(schemaPath, "utf8")) as Record<string, unknown>;
  const schemaProblems = await AppManifestUtils.validateAgainstSchema(manifest as never, schema as never);
  return [...schemaProblems, ...storeChecks(manifest)];
}

/**
 * What the Teams and Microsoft 365 store validation adds to the JSON schema (the bundled schema
 * leaves version and URL schemes open): a semantic version and https for every URL.
 */
function storeChecks(manifest: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (typeof manifest.version !== "string" || !/^\d+\.\d+\.\d+$/.test(manifest.version)) {
    problems.push("/version must be a version such as 1.0.0");
  }
  const visit = (value: unknown, path: string) => {
    if (typeof value === "string") {
      if (/^https?:\/\//i.test(value) && !value.startsWith("https://")) problems.push(`${path} must be an https URL`);
      return;
    }
    if (value !== null && typeof value === "object") {
      for (const [key, child] of Object.entries(value)) if (key !== "$schema") visit(child, `${path}/${key}`);
    }
  };
  visit(manifest, "");
  return problems;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The offline checks for the XML manifest (the full schema check needs Microsoft's web service):
 * well-formed enough to read, a GUID id, https URLs, length limits, every resid defined.
 */
export function validateXmlManifest(xml: string): string[] {
  const problems: string[] = [];
  const id = /<Id>([^<]*)<\/Id>/.exec(xml)?.[1] ?? "";
  if (!GUID.test(id)) problems.push(`Id: "${id}" is not a GUID`);
  if (!/^<\?xml [^>]*\?>\s*<OfficeApp /.test(xml)) problems.push("OfficeApp: missing XML declaration or root element");
  if (!/<Version>\d+\.\d+\.\d+\.\d+<\/Version>/.test(xml)) problems.push("Version: must have four numeric parts");
  for (const match of xml.matchAll(/DefaultValue="(https?:[^"]*)"/g)) {
    if (!(match[1] ?? "").startsWith("https://")) problems.push(`DefaultValue: ${match[1]} must be an https URL`);
  }
  const displayName = /<DisplayName DefaultValue="([^"]*)"/.exec(xml)?.[1] ?? "";
  if (displayName.length === 0 || displayName.length > 125) problems.push("DisplayName: 1 to 125 characters");
  const description = /<Description DefaultValue="([^"]*)"/.exec(xml)?.[1] ?? "";
  if (description.length === 0 || description.length > 250) problems.push("Description: 1 to 250 characters");
  const defined = new Set([...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((match) => match[1]));
  for (const match of xml.matchAll(/resid="([^"]+)"/g)) {
    if (!defined.has(match[1])) problems.push(`resid: "${match[1]}" is not defined in Resources`);
  }
  for (const match of xml.matchAll(/<bt:String id="([^"]+)" DefaultValue="([^"]*)"/g)) {
    const isShort = xml.indexOf("<bt:ShortStrings>") < match.index && match.index < xml.indexOf("</bt:ShortStrings>");
    if (isShort && (match[2] ?? "").length > 125) problems.push(`ShortStrings.${match[1]}: more than 125 characters`);
  }
  const opened = (xml.match(/<[a-z][^>]*[^/]>/gi) ?? []).filter((tag) => !tag.startsWith("<?")).length;
  const closed = (xml.match(/<\/[^>]+>/g) ?? []).length;
  if (opened !== closed) problems.push(`OfficeApp: ${opened} elements opened but ${closed} closed`);
  return problems;
}
