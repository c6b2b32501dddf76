import type { Message } from "../../engine/message.js";

/**
 * Is this an answer or a forward in a thread between colleagues: every recipient inside the school, and a
 * quoted or forwarded message below the sender's words? Staff open "Yes, 3.30 is fine" and "FYI, see
 * below" without a greeting or a closing as a matter of course; the greeting and closing tips there were
 * noise two new users' trials met on every internal reply and forward. A reply to a parent, or anyone
 * outside the school, and a new message to a colleague are not.
 */
export function inThreadBetweenColleagues(message: Message): boolean {
  return (
    message.recipients.length > 0 &&
    message.recipients.every((entry) => entry.standing === "internal") &&
    message.segments.some((segment) => segment.kind === "quoted" || segment.kind === "forwarded")
  );
}
