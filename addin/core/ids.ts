/**
 * Names shared with the manifest (manifests/): the task pane command and the launch-event handler
 * functions. Change them together.
 */
export const TASKPANE_COMMAND_ID = "SchoolPolicyGuard.OpenTaskPane";

export const HANDLER_NAMES = {
  compose: "onNewMessageComposeHandler",
  recipientsChanged: "onMessageRecipientsChangedHandler",
  attachmentsChanged: "onMessageAttachmentsChangedHandler",
  send: "onMessageSendHandler",
} as const;

/** Session data keys (per item, per add-in). */
export const SESSION_KEYS = { cache: "spg.analysis", failOpen: "spg.failOpen" } as const;
