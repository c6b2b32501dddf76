/**
 * The slice of Office.MessageCompose the add-in uses. Functions take it as a parameter (no global
 * singleton), so the launch-event runtime, the task pane, the harness and office-addin-mock can all
 * pass their own item.
 */
export type ComposeItem = Pick<
  Office.MessageCompose,
  "subject" | "body" | "to" | "cc" | "bcc" | "from" | "getAttachmentsAsync" | "removeAttachmentAsync"
> &
  Partial<
    Pick<
      Office.MessageCompose,
      "notificationMessages" | "sessionData" | "internetHeaders" | "sensitivityLabel" | "getInitializationContextAsync"
    >
  >;

/** `Office.context.requirements.isSetSupported`, passed in so callers can degrade per host. */
export type RequirementCheck = (name: string, minVersion: string) => boolean;

export function requirementCheckFrom(office: typeof Office | undefined): RequirementCheck {
  return (name, minVersion) => {
    try {
      return Boolean(office?.context?.requirements?.isSetSupported(name, minVersion));
    } catch {
      return false;
    }
  };
}
