import { parseArgs } from "node:util";
import { z } from "zod";
import { ADMIN_ROLE, MICROSOFT_HOST_CLIENTS } from "../teams-app/server/auth.js";

/**
 * The Entra app registration School Policy Guard needs, as the body of Microsoft Graph's
 * `PATCH /applications/{id}` (scripts/register-app.sh sends it with `az rest`): the Application ID
 * URI Teams SSO expects, the `access_as_user` scope with Microsoft's Teams, Outlook and Microsoft 365
 * clients pre-authorised (the same list the API accepts callers from), the PolicyAdmin app role, the
 * tab's SPA redirects for nested app authentication, and v2.0 access tokens.
 */

/** Fixed ids, so running the registration again updates the same scope and role instead of adding new ones. */
export const SCOPE_ID = "3f6b1c2e-5a4d-4e8f-9b0a-1c2d3e4f5a61";
export const ADMIN_ROLE_ID = "7d2e9a41-6b3c-4f5d-8e0a-2b3c4d5e6f72";

const optionsSchema = z.object({
  host: z.url({ protocol: /^https$/, message: "--host must be the service's https address" }),
  clientId: z.uuid({ message: "--client-id must be the app's client id (a GUID)" }),
});

/**
 * `preAuthorized: false` leaves out the pre-authorised clients: Entra refuses them in the same request
 * that creates the scope they name, so the script sends the body twice.
 */
export function applicationPatch(options: {
  host: string;
  clientId: string;
  preAuthorized?: boolean;
}): Record<string, unknown> {
  const { host, clientId } = optionsSchema.parse(options);
  const hostname = new URL(host).host;
  return {
    identifierUris: [`api://${hostname}/${clientId}`],
    api: {
      requestedAccessTokenVersion: 2,
      oauth2PermissionScopes: [
        {
          id: SCOPE_ID,
          value: "access_as_user",
          type: "User",
          isEnabled: true,
          adminConsentDisplayName: "Use School Policy Guard as you",
          adminConsentDescription: "Lets Teams and Outlook call School Policy Guard's API as the signed-in person.",
          userConsentDisplayName: "Use School Policy Guard as you",
          userConsentDescription: "Lets Teams and Outlook call School Policy Guard as you.",
        },
      ],
      ...(options.preAuthorized === false
        ? {}
        : {
            preAuthorizedApplications: Object.keys(MICROSOFT_HOST_CLIENTS).map((appId) => ({
              appId,
              delegatedPermissionIds: [SCOPE_ID],
            })),
          }),
    },
    appRoles: [
      {
        id: ADMIN_ROLE_ID,
        value: ADMIN_ROLE,
        displayName: "Policy administrator",
        description: "Sees who has acknowledged, exports the evidence and sends reminders.",
        allowedMemberTypes: ["User"],
        isEnabled: true,
      },
    ],
    spa: { redirectUris: [`${new URL(host).origin}/index.html`, `brk-multihub://${hostname}`] },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      host: { type: "string" },
      "client-id": { type: "string" },
      "without-preauthorized": { type: "boolean", default: false },
    },
  });
  try {
    const body = applicationPatch({
      host: values.host ?? "",
      clientId: values["client-id"] ?? "",
      preAuthorized: !values["without-preauthorized"],
    });
    console.log(JSON.stringify(body, null, 2));
  } catch (error) {
    const issues = error instanceof z.ZodError ? error.issues.map((issue) => issue.message).join("; ") : String(error);
    console.error(issues);
    process.exit(2);
  }
}
