import { z } from "zod";

/**
 * The Microsoft Graph v1.0 resource shapes the sweep reads, as documented on Microsoft Learn
 * (user, mailboxSettings, automaticRepliesSetting, event, calendarPermission, messageRule,
 * organization), as zod schemas: every answer is parsed before a check sees it, so one malformed
 * mailbox is reported as not evaluated instead of aborting the sweep. Graph sends null for unset
 * properties, so almost everything is nullable; unknown properties are kept and ignored.
 */
const text = z.string().nullish();

export const dateTimeTimeZoneSchema = z.object({ dateTime: z.string(), timeZone: text });
export type DateTimeTimeZone = z.infer<typeof dateTimeTimeZoneSchema>;

export const graphUserSchema = z.object({
  id: z.string().min(1),
  userPrincipalName: z.string().min(1),
  displayName: text,
  mail: text,
  accountEnabled: z.boolean().nullish(),
  /** "Member" or "Guest". */
  userType: text,
  /** "SMTP:primary@…", "smtp:alias@…", "X500:/o=…": lets X500 delegates be found in the directory. */
  proxyAddresses: z.array(z.string()).nullish(),
});
export type GraphUser = z.infer<typeof graphUserSchema>;

export const automaticRepliesSettingSchema = z.object({
  /** disabled | alwaysEnabled | scheduled (Graph's examples vary the case). */
  status: z.string(),
  /** none | contactsOnly | all */
  externalAudience: text,
  scheduledStartDateTime: dateTimeTimeZoneSchema.nullish(),
  scheduledEndDateTime: dateTimeTimeZoneSchema.nullish(),
  internalReplyMessage: text,
  externalReplyMessage: text,
});
export type AutomaticRepliesSetting = z.infer<typeof automaticRepliesSettingSchema>;

export const mailboxSettingsSchema = z.object({
  automaticRepliesSetting: automaticRepliesSettingSchema,
  timeZone: text,
  /** user | linked | shared | room | equipment | others */
  userPurpose: text,
});
export type MailboxSettings = z.infer<typeof mailboxSettingsSchema>;

export const calendarEventSchema = z.object({
  id: text,
  /** free | tentative | busy | oof | workingElsewhere | unknown, or null. */
  showAs: text,
  isAllDay: z.boolean().nullish(),
  isCancelled: z.boolean().nullish(),
  start: dateTimeTimeZoneSchema.nullish(),
  end: dateTimeTimeZoneSchema.nullish(),
});
export type CalendarEvent = z.infer<typeof calendarEventSchema>;

const emailAddressSchema = z.object({ name: text, address: text });
const recipientSchema = z.object({ emailAddress: emailAddressSchema.nullish() });

export const calendarPermissionSchema = z.object({
  id: text,
  emailAddress: emailAddressSchema.nullish(),
  isInsideOrganization: z.boolean().nullish(),
  isRemovable: z.boolean().nullish(),
  /** none | freeBusyRead | limitedRead | read | write | delegateWithoutPrivateEventAccess | delegateWithPrivateEventAccess | custom */
  role: text,
});
export type CalendarPermission = z.infer<typeof calendarPermissionSchema>;

export const messageRuleSchema = z.object({
  id: text,
  displayName: text,
  sequence: z.number().nullish(),
  isEnabled: z.boolean().nullish(),
  hasError: z.boolean().nullish(),
  isReadOnly: z.boolean().nullish(),
  actions: z
    .object({
      forwardTo: z.array(recipientSchema).nullish(),
      redirectTo: z.array(recipientSchema).nullish(),
      forwardAsAttachmentTo: z.array(recipientSchema).nullish(),
      moveToFolder: text,
      delete: z.boolean().nullish(),
    })
    .nullish(),
});
export type MessageRule = z.infer<typeof messageRuleSchema>;

export const organizationSchema = z.object({
  id: z.string(),
  displayName: text,
  verifiedDomains: z.array(z.object({ name: z.string(), isDefault: z.boolean().nullish() })).nullish(),
});
export type Organization = z.infer<typeof organizationSchema>;

export interface GraphCollection<T> {
  readonly value: readonly T[];
  readonly "@odata.nextLink"?: string;
}
