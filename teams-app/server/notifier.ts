import { GraphError, type Client } from "@microsoft/microsoft-graph-client";
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

/**
 * Sends Teams activity-feed notifications through Graph (app-only, TeamsActivity.Send.User).
 *
 * @throws Error whose message says, for the admin who pressed "Send reminders", why this person was not
 *   reached: Graph refuses (403) a recipient who does not have the Teams app installed ("The Teams app must be
 *   installed for the recipient, either personally, or in a team or chat they are part of": Microsoft Learn,
 *   "Send activity feed notifications to users in Microsoft Teams"), and answers 404 for an account that is
 *   gone; any other failure keeps Graph's own message. Throttling (429) is retried by the Graph client first.
 */
export class GraphActivityNotifier implements ActivityNotifier {
  constructor(private readonly client: Client) {}

  async notify(person: Person, notification: ActivityNotification): Promise<void> {
    try {
      await this.client
        .api(`/users/${encodeURIComponent(person.oid)}/teamwork/sendActivityNotification`)
        .post(notification);
    } catch (error) {
      throw new Error(notificationFailure(error), { cause: error });
    }
  }
}

/** The admin-facing reason a Graph activity notification failed (see GraphActivityNotifier). */
export function notificationFailure(error: unknown): string {
  const status = error instanceof GraphError ? error.statusCode : undefined;
  if (status === 403)
    return "Teams refused: the app is not installed for this person (install it for everyone with an app setup policy).";
  if (status === 404) return "No such account in Entra ID (has this person left?).";
  const message = error instanceof Error ? error.message : String(error);
  return status ? `Graph error ${status}: ${message}` : message;
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
