import { ADDIN_IDS, APP, url, xmlAddinId, type ManifestOptions } from "./source.js";

/**
 * The add-in-only XML manifest for Outlook on Mac and mobile (which do not load unified-manifest
 * add-ins), generated from the same source. Smart Alerts need VersionOverrides 1.1 and LaunchEvent.
 */
export function xmlManifest(options: ManifestOptions): string {
  const appId = xmlAddinId(options.appId ?? options.clientId);
  const origin = new URL(options.host).origin;
  const u = (path: string) => escapeXml(url(options, path));
  const image = (size: 16 | 32 | 80) => `<bt:Image id="Icon.${size}" DefaultValue="${u(APP.paths[`icon${size}`])}"/>`;
  const iconRefs = [16, 32, 80].map((size) => `<bt:Image size="${size}" resid="Icon.${size}"/>`).join("");
  const launchEvent = (type: string, handler: string, extra = "") =>
    `<LaunchEvent Type="${type}" FunctionName="${handler}"${extra}/>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<OfficeApp xmlns="http://schemas.microsoft.com/office/appforoffice/1.1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:bt="http://schemas.microsoft.com/office/officeappbasictypes/1.0" xmlns:mailappor="http://schemas.microsoft.com/office/mailappversionoverrides/1.0" xsi:type="MailApp">
  <Id>${escapeXml(appId)}</Id>
  <Version>${escapeXml(fourPartVersion(options.version))}</Version>
  <ProviderName>${escapeXml(APP.developer.name)}</ProviderName>
  <DefaultLocale>en-GB</DefaultLocale>
  <DisplayName DefaultValue="${escapeXml(APP.fullName)}"/>
  <Description DefaultValue="${escapeXml(APP.shortDescription)}"/>
  <IconUrl DefaultValue="${u(APP.paths.icon64)}"/>
  <HighResolutionIconUrl DefaultValue="${u(APP.paths.icon128)}"/>
  <SupportUrl DefaultValue="${u(APP.developer.websitePath)}"/>
  <AppDomains>
    <AppDomain>${escapeXml(origin)}</AppDomain>
  </AppDomains>
  <Hosts>
    <Host Name="Mailbox"/>
  </Hosts>
  <Requirements>
    <Sets>
      <Set Name="Mailbox" MinVersion="1.1"/>
    </Sets>
  </Requirements>
  <FormSettings>
    <Form xsi:type="ItemEdit">
      <DesktopSettings>
        <SourceLocation DefaultValue="${u(APP.paths.taskPane)}"/>
      </DesktopSettings>
    </Form>
  </FormSettings>
  <Permissions>ReadWriteItem</Permissions>
  <Rule xsi:type="RuleCollection" Mode="Or">
    <Rule xsi:type="ItemIs" ItemType="Message" FormType="Edit"/>
  </Rule>
  <DisableEntityHighlighting>false</DisableEntityHighlighting>
  <VersionOverrides xmlns="http://schemas.microsoft.com/office/mailappversionoverrides" xsi:type="VersionOverridesV1_0">
    <VersionOverrides xmlns="http://schemas.microsoft.com/office/mailappversionoverrides/1.1" xsi:type="VersionOverridesV1_1">
      <Requirements>
        <bt:Sets DefaultMinVersion="1.12">
          <bt:Set Name="Mailbox"/>
        </bt:Sets>
      </Requirements>
      <Hosts>
        <Host xsi:type="MailHost">
          <Runtimes>
            <Runtime resid="WebViewRuntime.Url">
              <Override type="javascript" resid="JSRuntime.Url"/>
            </Runtime>
          </Runtimes>
          <DesktopFormFactor>
            <FunctionFile resid="WebViewRuntime.Url"/>
            <ExtensionPoint xsi:type="MessageComposeCommandSurface">
              <OfficeTab id="TabDefault">
                <Group id="PolicyGuardGroup">
                  <Label resid="Group.Label"/>
                  <Control xsi:type="Button" id="PolicyGuardOpenPane">
                    <Label resid="TaskPaneButton.Label"/>
                    <Supertip>
                      <Title resid="TaskPaneButton.Label"/>
                      <Description resid="TaskPaneButton.Tooltip"/>
                    </Supertip>
                    <Icon>${iconRefs}</Icon>
                    <Action xsi:type="ShowTaskpane">
                      <SourceLocation resid="TaskPane.Url"/>
                    </Action>
                  </Control>
                </Group>
              </OfficeTab>
            </ExtensionPoint>
            <ExtensionPoint xsi:type="LaunchEvent">
              <LaunchEvents>
                ${launchEvent("OnNewMessageCompose", ADDIN_IDS.onNewMessageCompose)}
                ${launchEvent("OnMessageRecipientsChanged", ADDIN_IDS.onMessageRecipientsChanged)}
                ${launchEvent("OnMessageAttachmentsChanged", ADDIN_IDS.onMessageAttachmentsChanged)}
                ${launchEvent("OnMessageSend", ADDIN_IDS.onMessageSend, ' SendMode="SoftBlock"')}
              </LaunchEvents>
              <SourceLocation resid="WebViewRuntime.Url"/>
            </ExtensionPoint>
          </DesktopFormFactor>
        </Host>
      </Hosts>
      <Resources>
        <bt:Images>
          ${image(16)}
          ${image(32)}
          ${image(80)}
        </bt:Images>
        <bt:Urls>
          <bt:Url id="WebViewRuntime.Url" DefaultValue="${u(APP.paths.commands)}"/>
          <bt:Url id="JSRuntime.Url" DefaultValue="${u(APP.paths.launchEvent)}"/>
          <bt:Url id="TaskPane.Url" DefaultValue="${u(APP.paths.taskPane)}"/>
        </bt:Urls>
        <bt:ShortStrings>
          <bt:String id="Group.Label" DefaultValue="Policy Guard"/>
          <bt:String id="TaskPaneButton.Label" DefaultValue="Check policy"/>
        </bt:ShortStrings>
        <bt:LongStrings>
          <bt:String id="TaskPaneButton.Tooltip" DefaultValue="See what your school's e-mail policy says about this draft."/>
        </bt:LongStrings>
      </Resources>
    </VersionOverrides>
  </VersionOverrides>
</OfficeApp>
`;
}

function fourPartVersion(version: string): string {
  const parts = version.split(".");
  while (parts.length < 4) parts.push("0");
  return parts.slice(0, 4).join(".");
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
