import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadPolicy } from "../../policy/pack/load.js";
import { presetPath } from "../../policy/presets/index.js";
import { applicationPatch, SCOPE_ID } from "../../scripts/entra-app.js";
import { SchoolPackError, writeSchoolPack } from "../../scripts/school-pack.js";
import { MICROSOFT_HOST_CLIENTS } from "../../teams-app/server/auth.js";
import { CatalogueError, loadCatalogue } from "../../teams-app/server/catalogue.js";

const root = mkdtempSync(join(tmpdir(), "spg-registration-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the Entra app registration", () => {
  const clientId = "6a1f1d2e-1111-4222-8333-444455556666";
  const body = applicationPatch({ host: "https://policyguard.school.example", clientId }) as {
    identifierUris: string[];
    api: {
      requestedAccessTokenVersion: number;
      oauth2PermissionScopes: { id: string; value: string }[];
      preAuthorizedApplications: { appId: string; delegatedPermissionIds: string[] }[];
    };
    appRoles: { value: string; allowedMemberTypes: string[] }[];
    spa: { redirectUris: string[] };
  };

  it("has the Application ID URI the app package's webApplicationInfo.resource names", () => {
    expect(body.identifierUris).toEqual([`api://policyguard.school.example/${clientId}`]);
  });

  it("pre-authorises exactly the clients the API accepts callers from, for its one scope", () => {
    expect(body.api.oauth2PermissionScopes.map((scope) => [scope.id, scope.value])).toEqual([
      [SCOPE_ID, "access_as_user"],
    ]);
    expect(body.api.preAuthorizedApplications.map((app) => app.appId).sort()).toEqual(
      Object.keys(MICROSOFT_HOST_CLIENTS).sort(),
    );
    for (const app of body.api.preAuthorizedApplications) expect(app.delegatedPermissionIds).toEqual([SCOPE_ID]);
    expect(body.api.requestedAccessTokenVersion).toBe(2);
  });

  it("declares the PolicyAdmin role and the nested app authentication redirects", () => {
    expect(body.appRoles.map((role) => role.value)).toEqual(["PolicyAdmin"]);
    expect(body.spa.redirectUris).toEqual([
      "https://policyguard.school.example/index.html",
      "brk-multihub://policyguard.school.example",
    ]);
  });

  it("leaves the pre-authorised clients out of the first request, and refuses an http host", () => {
    expect(applicationPatch({ host: "https://a.example", clientId, preAuthorized: false })).not.toHaveProperty(
      "api.preAuthorizedApplications",
    );
    expect(() => applicationPatch({ host: "http://a.example", clientId })).toThrow(/https/);
  });
});

describe("the school's own pack and acceptable-use text", () => {
  it("puts the text in, sets its version and hash, and the service's checks accept it", () => {
    const text = join(root, "our-aup.md");
    writeFileSync(text, "# Our agreement\n\nI will use school systems responsibly.\n");
    const out = join(root, "school");
    const written = writeSchoolPack({
      from: "palfrey",
      document: text,
      version: "2025.1",
      effectiveDate: "2025-09-01",
      out,
    });
    const pack = loadPolicy(written.pack);
    expect(pack.acknowledgements.documents[0]).toMatchObject({
      file: "our-aup.md",
      version: "2025.1",
      effectiveDate: "2025-09-01",
    });

    // An edited text is refused by the service until the hashes are recomputed from the school's pack.
    writeFileSync(join(out, "documents/our-aup.md"), "# Our agreement\n\nEdited.\n");
    expect(() => loadCatalogue(loadPolicy(written.pack), written.documents)).toThrow(CatalogueError);
    const before = readFileSync(written.pack, "utf8");
    writeSchoolPack({ from: written.pack, out });
    expect(readFileSync(written.pack, "utf8")).not.toBe(before);
    expect(loadCatalogue(loadPolicy(written.pack), written.documents).documents.size).toBe(1);
    expect(() => writeSchoolPack({ from: "no-such-preset", out })).toThrow(SchoolPackError);
  });

  // A new user's trial: the pack README's route, a preset copied to a folder of the school's own.
  it("reads a copied preset's documents from the seed schools' folder, and names a document it cannot find", () => {
    const own = join(root, "copied");
    mkdirSync(own, { recursive: true });
    const preset = readFileSync(presetPath("st-dunstans"), "utf8");
    writeFileSync(join(own, "my-school.json"), preset);
    const written = writeSchoolPack({ from: join(own, "my-school.json"), out: join(own, "school") });
    expect(loadCatalogue(loadPolicy(written.pack), written.documents).documents.size).toBeGreaterThan(0);
    writeFileSync(join(own, "other.json"), preset.replace(/acceptable-use\.md/g, "not-there.md"));
    expect(() => writeSchoolPack({ from: join(own, "other.json"), out: join(own, "other") })).toThrow(
      /names the document .*not-there\.md/,
    );
  });
});
