import type { Analysis } from "../../policy/engine/types.js";
import { TASKPANE_COMMAND_ID } from "../core/ids.js";
import { clip, composeNudgeMessages } from "../core/present.js";
import { officeAction } from "./async.js";
import type { ComposeItem } from "./item.js";

/** Documented limits: a message is at most 150 characters; an item shows at most 5 notifications. */
export const NOTIFICATION_MAX_CHARS = 150;
export const NOTIFICATION_MAX_COUNT = 5;
/** Ours: we never take more than three of the five slots (other add-ins and Outlook need some). */
export const OUR_NOTIFICATION_SLOTS = 3;
const KEY_PREFIX = "spg-finding-";

export interface Nudge {
  readonly message: string;
  /** Opens the task pane from the notification (InsightMessage); plain InformationalMessage otherwise. */
  readonly openPane?: { readonly commandId: string; readonly actionText: string; readonly contextData: unknown };
}

function detailsFor(nudge: Nudge): Office.NotificationMessageDetails {
  const message = clip(nudge.message, NOTIFICATION_MAX_CHARS);
  if (!nudge.openPane) {
    return {
      type: "informationalMessage" as Office.MailboxEnums.ItemNotificationMessageType,
      message,
      icon: "Icon.16x16",
      persistent: false,
    };
  }
  return {
    type: "insightMessage" as Office.MailboxEnums.ItemNotificationMessageType,
    message,
    icon: "Icon.16x16",
    actions: [
      {
        actionText: clip(nudge.openPane.actionText, 30),
        actionType: "showTaskPane" as Office.MailboxEnums.ActionType,
        commandId: nudge.openPane.commandId,
        contextData: nudge.openPane.contextData,
      },
    ],
  };
}

/**
 * The banners for an analysis: its few most important send-time findings, each opening the task pane.
 * Every surface that analyses the draft (the launch events and the task pane) shows these, so the
 * banners always match the latest analysis: replaced when it changes, removed when nothing is left.
 */
export function nudgesFor(analysis: Analysis, source: "compose" | "pane" | "send"): Nudge[] {
  const contextData = JSON.stringify({ source, rules: analysis.findings.map((finding) => finding.rule) });
  return composeNudgeMessages(analysis).map((message) => ({
    message,
    openPane: { commandId: TASKPANE_COMMAND_ID, actionText: "Review", contextData },
  }));
}

/** Shows our nudges in our fixed slots, replacing what we showed before and removing what is gone. */
export function showNudges(item: ComposeItem, nudges: readonly Nudge[]): Promise<void> {
  const messages = item.notificationMessages;
  let shown = Promise.resolve();
  if (!messages) return shown;
  // One slot after another, as Outlook applies them; a promise chain, not an async function (the send
  // bundle's budget: see analyseItem in addin/launchevent/handlers.ts).
  for (let slot = 0; slot < OUR_NOTIFICATION_SLOTS; slot++) {
    const key = `${KEY_PREFIX}${slot}`;
    const nudge = nudges[slot];
    shown = shown.then(() =>
      nudge
        ? officeAction("notificationMessages.replaceAsync", (done) =>
            messages.replaceAsync(key, detailsFor(nudge), done),
          )
        : // Removing a key that is not shown fails by design; that failure means "already gone".
          officeAction("notificationMessages.removeAsync", (done) => messages.removeAsync(key, done)).catch(
            () => undefined,
          ),
    );
  }
  return shown;
}
