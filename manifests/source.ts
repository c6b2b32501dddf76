import { createHash } from "node:crypto";

/**
 * The one source of truth for School Policy Guard's manifests. `unified.ts` turns it into the unified
 * Microsoft 365 app manifest (Teams tab + Outlook add-in + activities); `xml.ts` into the add-in-only
 * XML manifest that Outlook on Mac and mobile still need. Nothing environment-specific lives here:
 * host, client id, app id and version come from `npm run manifest -- --host … --client-id …`.
 */

/** Handler and command ids shared with the add-in (addin/core/ids.ts). */
export const ADDIN_IDS = {
  taskPaneAction: "SchoolPolicyGuard.OpenTaskPane",
  onNewMessageCompose: "onNewMessageComposeHandler",
  onMessageRecipientsChanged: "onMessageRecipientsChangedHandler",
  onMessageAttachmentsChanged: "onMessageAttachmentsChangedHandler",
  onMessageSend: "onMessageSendHandler",
} as const;

/** The activity type the acknowledgement reminders send (teams-app reminders use the same id). */
export const REMINDER_ACTIVITY_TYPE = "policyAcknowledgementDue";

export const APP = {
  shortName: "Policy Guard",
  fullName: "School Policy Guard",
  shortDescription: "On-device nudges that help staff follow the school's e-mail and ICT policy.",
  fullDescription:
    "School Policy Guard checks e-mail drafts on your device against your school's own ICT and e-safety policy " +
    "(tone, personal data, recipients, attachments), lets staff, governors and visitors read and acknowledge the " +
    "acceptable-use agreement in Teams, and gives admins the evidence.",
  developer: {
    name: "School Policy Guard",
    websitePath: "/",
    privacyPath: "/privacy.html",
    termsPath: "/terms.html",
  },
  accentColor: "#1F5C99",
  /** Paths under the host where each surface is served (see scripts/start.ts and scripts/build.ts). */
  paths: {
    commands: "/addin/commands.html",
    launchEvent: "/addin/launchevent.js",
    taskPane: "/addin/taskpane.html",
    tab: "/index.html",
    icon16: "/assets/icon-16.png",
    icon32: "/assets/icon-32.png",
    icon64: "/assets/icon-64.png",
    icon80: "/assets/icon-80.png",
    icon128: "/assets/icon-128.png",
  },
} as const;

export interface ManifestOptions {
  /** https origin the add-in and tab are served from, e.g. https://policyguard.school.org.uk */
  readonly host: string;
  /** Entra app registration (client) id: SSO for the tab and the API audience. */
  readonly clientId: string;
  /** The app's own id (a GUID); by default the client id. */
  readonly appId?: string;
  /** Four-part for XML, three-part for unified. */
  readonly version: string;
}

/**
 * The id of the add-in-only (XML) manifest. It must differ from the unified app's id so that the
 * unified manifest can hide it where both are installed (extensions.alternates.hide); it is derived
 * from the app id (a name-based GUID, RFC 9562 version 5) so nobody has to keep a second id.
 */
export function xmlAddinId(appId: string): string {
  const hash = createHash("sha1").update(`school-policy-guard/xml-manifest/${appId.toLowerCase()}`).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function url(options: ManifestOptions, path: string): string {
  let host = options.host;
  while (host.endsWith("/")) host = host.slice(0, -1);
  return host + path;
}
