import { ADDIN_IDS, APP, REMINDER_ACTIVITY_TYPE, url, xmlAddinId, type ManifestOptions } from "./source.js";

/** The newest schema @microsoft/app-manifest bundles (so tests validate offline) and Microsoft Learn documents. */
export const UNIFIED_MANIFEST_VERSION = "1.30";
export const UNIFIED_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${UNIFIED_MANIFEST_VERSION}/MicrosoftTeams.schema.json`;

/** The unified Microsoft 365 app manifest: personal tab, SSO, the Outlook add-in and the reminder activity. */
export function unifiedManifest(options: ManifestOptions): Record<string, unknown> {
  const appId = options.appId ?? options.clientId;
  const host = new URL(options.host).host;
  const icon = (size: 16 | 32 | 64 | 80) => ({ size, url: url(options, APP.paths[`icon${size}`]) });
  return {
    $schema: UNIFIED_SCHEMA_URL,
    manifestVersion: UNIFIED_MANIFEST_VERSION,
    version: options.version,
    id: appId,
    developer: {
      name: APP.developer.name,
      websiteUrl: url(options, APP.developer.websitePath),
      privacyUrl: url(options, APP.developer.privacyPath),
      termsOfUseUrl: url(options, APP.developer.termsPath),
    },
    name: { short: APP.shortName, full: APP.fullName },
    description: { short: APP.shortDescription, full: APP.fullDescription },
    icons: { color: "color.png", outline: "outline.png" },
    accentColor: APP.accentColor,
    staticTabs: [
      {
        entityId: "acknowledgements",
        name: "Policies",
        contentUrl: url(options, APP.paths.tab),
        websiteUrl: url(options, APP.paths.tab),
        scopes: ["personal"],
      },
    ],
    permissions: ["identity"],
    validDomains: [host],
    webApplicationInfo: { id: options.clientId, resource: `api://${host}/${options.clientId}` },
    authorization: {
      permissions: { resourceSpecific: [{ name: "MailboxItem.ReadWrite.User", type: "Delegated" }] },
    },
    activities: {
      activityTypes: [
        {
          type: REMINDER_ACTIVITY_TYPE,
          description: "A policy is waiting for your acknowledgement",
          templateText: "{policyTitle} is waiting for your acknowledgement (due {dueDate})",
        },
      ],
    },
    extensions: [
      {
        requirements: {
          scopes: ["mail"],
          capabilities: [{ name: "Mailbox", minVersion: "1.12" }],
        },
        alternates: [
          // Where both manifests are installed (Windows and web), show only this add-in, not the XML one.
          { hide: { customOfficeAddin: { officeAddinId: xmlAddinId(appId) } } },
          // With alternateIcons, the admin centre also generates an add-in-only manifest for Outlook on
          // Mac and mobile. The schema's size enum stops at 80, so the 128-pixel image is declared as 64.
          {
            alternateIcons: {
              icon: icon(64),
              highResolutionIcon: { size: 64, url: url(options, APP.paths.icon128) },
            },
          },
        ],
        runtimes: [
          {
            // Launch events and the send check: the HTML page serves web, new Outlook and Mac; classic
            // Windows runs the JavaScript file alone.
            id: "LaunchEventRuntime",
            type: "general",
            code: { page: url(options, APP.paths.commands), script: url(options, APP.paths.launchEvent) },
            lifetime: "short",
            actions: [
              { id: ADDIN_IDS.onNewMessageCompose, type: "executeFunction" },
              { id: ADDIN_IDS.onMessageRecipientsChanged, type: "executeFunction" },
              { id: ADDIN_IDS.onMessageAttachmentsChanged, type: "executeFunction" },
              { id: ADDIN_IDS.onMessageSend, type: "executeFunction" },
            ],
          },
          {
            id: "TaskPaneRuntime",
            type: "general",
            code: { page: url(options, APP.paths.taskPane) },
            lifetime: "long",
            actions: [{ id: ADDIN_IDS.taskPaneAction, type: "openPage", view: "findings", pinnable: true }],
          },
        ],
        ribbons: [
          {
            contexts: ["mailCompose"],
            tabs: [
              {
                builtInTabId: "TabDefault",
                groups: [
                  {
                    id: "PolicyGuardGroup",
                    label: "Policy Guard",
                    icons: [icon(16), icon(32), icon(80)],
                    controls: [
                      {
                        id: "PolicyGuardOpenPane",
                        type: "button",
                        label: "Check policy",
                        icons: [icon(16), icon(32), icon(80)],
                        supertip: {
                          title: "Check this e-mail",
                          description: "See what your school's e-mail policy says about this draft.",
                        },
                        actionId: ADDIN_IDS.taskPaneAction,
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
        autoRunEvents: [
          {
            requirements: { capabilities: [{ name: "Mailbox", minVersion: "1.12" }], scopes: ["mail"] },
            events: [
              { type: "newMessageComposeCreated", actionId: ADDIN_IDS.onNewMessageCompose },
              { type: "messageRecipientsChanged", actionId: ADDIN_IDS.onMessageRecipientsChanged },
              { type: "messageAttachmentsChanged", actionId: ADDIN_IDS.onMessageAttachmentsChanged },
              {
                type: "messageSending",
                actionId: ADDIN_IDS.onMessageSend,
                options: { sendMode: "softBlock" },
              },
            ],
          },
        ],
      },
    ],
  };
}
