import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { OfficeAddinManifest } from "office-addin-manifest";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { HANDLER_NAMES, TASKPANE_COMMAND_ID } from "../../addin/core/ids.js";
import { ACTIVITY_TYPE } from "../../teams-app/server/notifier.js";
import { ADDIN_IDS, REMINDER_ACTIVITY_TYPE, xmlAddinId, type ManifestOptions } from "../../manifests/source.js";
import { unifiedManifest } from "../../manifests/unified.js";
import { validateUnifiedManifest, validateXmlManifest } from "../../manifests/validate.js";
import { xmlManifest } from "../../manifests/xml.js";
import { localOnlyReasons, localOnlyWarning, manifestOptionsFromArgs } from "../../scripts/manifest.js";
import { buildAppPackage } from "../../scripts/package.js";

const options: ManifestOptions = {
  host: "https://policyguard.example.sch.uk",
  clientId: "6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
  version: "1.2.3",
};

type Json = Record<string, unknown>;
const clone = (value: Json): Json => structuredClone(value);

describe("unified manifest", () => {
  it("validates against the schema bundled in @microsoft/app-manifest", async () => {
    expect(await validateUnifiedManifest(unifiedManifest(options))).toEqual([]);
  });

  it.each([
    ["a missing id", (m: Json) => delete m.id, "must have required property 'id'"],
    ["a bad version", (m: Json) => (m.version = "one"), "/version"],
    [
      "an http page",
      (m: Json) => (((m.extensions as Json[])[0]!.runtimes as Json[])[0]!.code = { page: "http://x" }),
      "/extensions/0/runtimes/0/code/page",
    ],
    ["a long short name", (m: Json) => ((m.name as Json).short = "x".repeat(40)), "/name/short"],
  ])("names the field for %s", async (_label, breakIt, field) => {
    const manifest = clone(unifiedManifest(options));
    breakIt(manifest);
    const problems = await validateUnifiedManifest(manifest);
    expect(problems.join("\n")).toContain(field);
  });

  it("declares the add-in's handlers, the soft-blocking send event, the task pane and the reminder activity", () => {
    const manifest = unifiedManifest(options) as {
      extensions: {
        autoRunEvents: { events: { type: string; actionId: string; options?: { sendMode: string } }[] }[];
        runtimes: { actions: { id: string }[] }[];
      }[];
      activities: { activityTypes: { type: string }[] };
      webApplicationInfo: { id: string; resource: string };
    };
    const events = manifest.extensions[0]!.autoRunEvents[0]!.events;
    expect(events.map((event) => event.actionId).sort()).toEqual(Object.values(HANDLER_NAMES).sort());
    expect(events.find((event) => event.type === "messageSending")?.options?.sendMode).toBe("softBlock");
    const actions = manifest.extensions[0]!.runtimes.flatMap((runtime) => runtime.actions.map((action) => action.id));
    expect(actions).toContain(TASKPANE_COMMAND_ID);
    expect(ADDIN_IDS.taskPaneAction).toBe(TASKPANE_COMMAND_ID);
    expect(manifest.activities.activityTypes[0]!.type).toBe(ACTIVITY_TYPE);
    expect(REMINDER_ACTIVITY_TYPE).toBe(ACTIVITY_TYPE);
    expect(manifest.webApplicationInfo).toEqual({
      id: options.clientId,
      resource: `api://policyguard.example.sch.uk/${options.clientId}`,
    });
  });

  it("hides the XML add-in where both are installed and lets the admin centre generate one for Mac and mobile", () => {
    const extension = (unifiedManifest(options) as { extensions: { alternates: Json[] }[] }).extensions[0]!;
    const xmlId = xmlAddinId(options.clientId);
    expect(xmlId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(xmlId).not.toBe(options.clientId);
    expect(xmlAddinId(options.clientId.toUpperCase())).toBe(xmlId);
    expect(extension.alternates).toContainEqual({ hide: { customOfficeAddin: { officeAddinId: xmlId } } });
    expect(xmlManifest(options)).toContain(`<Id>${xmlId}</Id>`);
    const icons = extension.alternates.find((alternate) => "alternateIcons" in alternate)?.alternateIcons as {
      icon: { url: string };
      highResolutionIcon: { url: string };
    };
    expect(icons.icon.url).toBe("https://policyguard.example.sch.uk/assets/icon-64.png");
    expect(icons.highResolutionIcon.url).toBe("https://policyguard.example.sch.uk/assets/icon-128.png");
  });

  it("associates every handler it declares in the launch-event code", () => {
    const entry = readFileSync("addin/launchevent/entry.ts", "utf8");
    for (const key of Object.keys(HANDLER_NAMES))
      expect(entry).toContain(`Office.actions.associate(HANDLER_NAMES.${key}`);
  });
});

describe("XML manifest (Outlook on Mac and mobile)", () => {
  it("passes the offline checks and reads with office-addin-manifest", async () => {
    const xml = xmlManifest(options);
    expect(validateXmlManifest(xml)).toEqual([]);
    const file = join(mkdtempSync(join(tmpdir(), "spg-manifest-")), "manifest.xml");
    writeFileSync(file, xml);
    const info = await OfficeAddinManifest.readManifestFile(file);
    expect(info.id).toBe(xmlAddinId(options.clientId));
    expect(info.version).toBe("1.2.3.0");
    expect(info.displayName).toBe("School Policy Guard");
    expect(xml).toContain(
      `<LaunchEvent Type="OnMessageSend" FunctionName="${HANDLER_NAMES.send}" SendMode="SoftBlock"/>`,
    );
    expect(xml).toContain('<Override type="javascript" resid="JSRuntime.Url"/>');
  });

  it.each([
    ["Id", (xml: string) => xml.replace(/<Id>[^<]*<\/Id>/, "<Id>not-a-guid</Id>")],
    ["resid", (xml: string) => xml.replace('resid="TaskPane.Url"', 'resid="Missing.Url"')],
    ["DefaultValue", (xml: string) => xml.replace("https://policyguard", "http://policyguard")],
  ])("names %s when it is broken", (field, breakIt) => {
    expect(validateXmlManifest(breakIt(xmlManifest(options))).join("\n")).toContain(field);
  });
});

describe("app package", () => {
  it("zips the manifest with a 192×192 colour icon and a transparent white 32×32 outline icon", async () => {
    const dir = mkdtempSync(join(tmpdir(), "spg-package-"));
    const zipFile = await buildAppPackage(
      ["--host", options.host, "--client-id", options.clientId, "--out", dir],
      join(dir, "appPackage.zip"),
    );
    const files = unzipSync(new Uint8Array(readFileSync(zipFile)));
    expect(Object.keys(files).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    const colour = PNG.sync.read(Buffer.from(files["color.png"]!));
    expect([colour.width, colour.height]).toEqual([192, 192]);
    const outline = PNG.sync.read(Buffer.from(files["outline.png"]!));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let transparent = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = [outline.data[i], outline.data[i + 1], outline.data[i + 2], outline.data[i + 3]];
      if (a === 0) transparent++;
      else expect([r, g, b]).toEqual([255, 255, 255]);
    }
    expect(transparent).toBeGreaterThan(0);
    const manifest = JSON.parse(new TextDecoder().decode(files["manifest.json"])) as { id: string };
    expect(manifest.id).toBe(options.clientId);
  });

  it.each([
    [[], ["--host is https://localhost:3000", "--client-id is the all-zero placeholder"]],
    [
      ["--host", "https://127.0.0.1:8443", "--client-id", "7d3f2c1e-4b5a-4c6d-8e9f-0a1b2c3d4e5f"],
      ["--host is https://127.0.0.1:8443"],
    ],
    [["--host", "https://policyguard.example.org", "--client-id", "7d3f2c1e-4b5a-4c6d-8e9f-0a1b2c3d4e5f"], []],
    [["--host", "https://localhost.example.org"], ["--client-id is the all-zero placeholder"]],
  ])("with %j says it is for this machine only because %j", (args, reasons) => {
    expect(localOnlyReasons(args)).toEqual(reasons);
  });

  // A new user's trial: `npm run package -- --help` said "Unknown option '--help'" and exited 2.
  it("npm run package -- --help prints the usage and builds nothing", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/package.ts", "--help"], {
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^usage: npm run package -- /);
    expect(result.stdout).toContain("--client-id");
    expect(result.stdout).not.toContain("Wrote");
  }, 60_000);

  it("refuses a client id that is not a GUID", async () => {
    await expect(buildAppPackage(["--client-id", "abc"], join(tmpdir(), "never.zip"))).rejects.toThrow(/client id/);
  });

  // The message names the option, says what it wants and echoes what it got; `npm run build` shows the same.
  it.each([
    [
      ["--host", "http://x.example"],
      "--host must be an https:// URL such as https://policyguard.school.org.uk (got http://x.example)",
    ],
    [
      ["--host", "policyguard.school.org.uk"],
      "--host must be an https:// URL such as https://policyguard.school.org.uk (got policyguard.school.org.uk)",
    ],
    [
      ["--client-id", "my-app"],
      "--client-id must be the Entra app's client id, a GUID of 32 hex digits as 8-4-4-4-12 like 00000000-0000-0000-0000-000000000000 (got my-app)",
    ],
    [
      ["--client-id", "7d3f2c1e-4b5a-4c6d-8e9f-0a1b2c3d4e5"],
      "--client-id must be the Entra app's client id, a GUID of 32 hex digits as 8-4-4-4-12 like 00000000-0000-0000-0000-000000000000 (got 7d3f2c1e-4b5a-4c6d-8e9f-0a1b2c3d4e5)",
    ],
    [["--app-id", "7d3f2c1e4b5a4c6d8e9f0a1b2c3d4e5f"], "--app-id must be a GUID of 32 hex digits as 8-4-4-4-12"],
  ])("with %j refuses: %s", (args, message) => {
    expect(() => manifestOptionsFromArgs(args)).toThrow(message);
  });

  it("takes any GUID as the client id, as the manifests' schemas do, not only an RFC 9562 UUID", () => {
    expect(manifestOptionsFromArgs(["--client-id", "11111111-2222-3333-4444-555555555555"]).clientId).toBe(
      "11111111-2222-3333-4444-555555555555",
    );
  });

  it.each([
    [
      [],
      "build",
      "For sideloading on this machine only (--host is https://localhost:3000; --client-id is the all-zero placeholder). " +
        "For your tenant: npm run build -- --host https://<your site> --client-id <your Entra app's client id> (docs/deploy.md).",
    ],
    [
      ["--host", "https://policyguard.example.org", "--client-id", "7d3f2c1e-4b5a-4c6d-8e9f-0a1b2c3d4e5f"],
      "package",
      undefined,
    ],
    [
      ["--host", "https://policyguard.example.org"],
      "package",
      "The add-in will load from https://policyguard.example.org, but the Teams tab cannot sign anyone in (--client-id is the all-zero placeholder): " +
        "it needs your Entra app's client id. npm run package -- --host https://policyguard.example.org " +
        "--client-id <your Entra app's client id> (docs/deploy.md).",
    ],
    [
      ["--client-id", "7d3f2c1e-4b5a-4c6d-8e9f-0a1b2c3d4e5f"],
      "manifest",
      "For sideloading on this machine only (--host is https://localhost:3000). For your tenant: npm run manifest -- --host https://<your site> --client-id <your Entra app's client id> (docs/deploy.md).",
    ],
  ])("with %j, npm run %s warns %j", (args, command, warning) => {
    expect(localOnlyWarning(args, command)).toBe(warning);
  });
});
