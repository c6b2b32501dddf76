/**
 * The Microsoft Graph v1.0 resource shapes the sweep reads, as documented on Microsoft Learn
 * (user, automaticRepliesSetting, event, calendarPermission, messageRule). The stand-in serves
 * exactly these; the checks read only these.
 */
export interface GraphUser {
  readonly id: string;
  readonly userPrincipalName: string;
  readonly displayName?: string;
  readonly mail?: string | null;
  readonly accountEnabled?: boolean;
  /** "Member" or "Guest". */
  readonly userType?: string | null;
}

export interface DateTimeTimeZone {
  readonly dateTime: string;
  readonly timeZone: string;
}

export interface AutomaticRepliesSetting {
  /** disabled | alwaysEnabled | scheduled (Graph's examples vary the case). */
  readonly status: string;
  /** none | contactsOnly | all */
  readonly externalAudience: string;
  readonly scheduledStartDateTime?: DateTimeTimeZone;
  readonly scheduledEndDateTime?: DateTimeTimeZone;
  readonly internalReplyMessage: string;
  readonly externalReplyMessage: string;
}

export interface CalendarEvent {
  readonly id?: string;
  /** free | tentative | busy | oof | workingElsewhere | unknown */
  readonly showAs: string;
  readonly isAllDay?: boolean;
  readonly start: DateTimeTimeZone;
  readonly end: DateTimeTimeZone;
}

export interface EmailAddress {
  readonly name?: string;
  readonly address: string;
}

export interface CalendarPermission {
  readonly id: string;
  readonly emailAddress: EmailAddress;
  readonly isInsideOrganization: boolean;
  readonly isRemovable: boolean;
  /** none | freeBusyRead | limitedRead | read | write | delegateWithoutPrivateEventAccess | delegateWithPrivateEventAccess | custom */
  readonly role: string;
  readonly allowedRoles?: readonly string[];
}

export interface MessageRule {
  readonly id: string;
  readonly displayName: string;
  readonly sequence?: number;
  readonly isEnabled: boolean;
  readonly hasError?: boolean;
  readonly isReadOnly?: boolean;
  readonly actions?: {
    readonly forwardTo?: readonly { readonly emailAddress: EmailAddress }[];
    readonly redirectTo?: readonly { readonly emailAddress: EmailAddress }[];
    readonly forwardAsAttachmentTo?: readonly { readonly emailAddress: EmailAddress }[];
    readonly moveToFolder?: string;
    readonly delete?: boolean;
  };
}

export interface GraphCollection<T> {
  readonly value: readonly T[];
  readonly "@odata.nextLink"?: string;
}
