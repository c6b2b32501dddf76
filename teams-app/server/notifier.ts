import type { Client } from "@microsoft/microsoft-graph-client";
import type { Person } from "./directory/types.js";

/** Activity type the Teams app manifest declares under activities.activityTypes. */
export const ACTIVITY_TYPE = "policyAcknowledgementDue";

/** Body of POST /users/{id}/teamwork/sendActivityNotification (Graph v1.0). */
export interface ActivityNotification {
  readonly topic: { readonly source: "text"; readonly value: string; readonly webUrl: string };
  readonly activityType: string;
  readonly previewText: { readonly content: string };
  readonly templateParameters: readonly { readonly name: string; readonly value: string }[];
  readonly teamsAppId?: string;
}

export interface ActivityNotifier {
  notify(person: Person, notification: ActivityNotification): Promise<void>;
}

/** Sends Teams activity-feed notifications through Graph (app-only, TeamsActivity.Send.User). */
export class GraphActivityNotifier implements ActivityNotifier {
  constructor(private readonly client: Client) {}

  async notify(person: Person, notification: ActivityNotification): Promise<void> {
    await this.client
      .api(`/users/${encodeURIComponent(person.oid)}/teamwork/sendActivityNotification`)
      .post(notification);
  }
}

/** Development notifier: keeps what would have been sent, so the admin view can show it. */
export class RecordingNotifier implements ActivityNotifier {
  readonly sent: { person: Person; notification: ActivityNotification }[] = [];
  async notify(person: Person, notification: ActivityNotification): Promise<void> {
    this.sent.push({ person, notification });
  }
}

/** Teams deep link to the tab, used as the notification's target when the topic is text. */
export function tabDeepLink(teamsAppId: string | undefined, entityId: string, fallback: string): string {
  if (!teamsAppId) return fallback;
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${encodeURIComponent(entityId)}`;
}
