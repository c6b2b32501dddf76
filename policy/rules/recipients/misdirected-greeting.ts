import { defaultCitation, defineRule } from "../define.js";
import { sensitiveEntities } from "../personal-data/sensitive.js";
import { greetedNames, nameFits, recipientWords } from "./recipient-names.js";

/**
 * Misdirected mail, the commonest personal-data breach schools report: the greeting names someone who is
 * not among the recipients ("Dear Mrs Khan" to sarah.jones@…), a sign that autocomplete picked the wrong
 * person. Only when every recipient in To/Cc can be told by name and none fits (short forms such as
 * "Sue" for Susan count), and the mail goes outside the school or carries personal data.
 */
export default defineRule({
  meta: {
    id: "misdirected-greeting",
    category: "recipients",
    defaultSeverity: "nudge",
    clause: "verify-recipient",
    fallbackCitation: defaultCitation(
      "E-mail",
      "Verify the details, including the accurate e-mail address, of any intended recipient.",
    ),
    docs: "The greeting names someone who is not among the recipients (autocomplete picked the wrong person?), on mail going outside or carrying personal data.",
    messages: {
      mismatch:
        "Your greeting is to {{greeted}}, but this goes to {{recipients}}. Check you picked the right address before sending.",
    },
  },
  check({ message, personalData }) {
    const greeting = greetedNames(message.own);
    if (greeting === undefined) return [];
    const visible = message.recipients.filter((entry) => entry.field !== "bcc");
    // No one visible: nothing below can speak (no recipient to tell by name).
    if (visible.length > 4) return [];
    // The harm is data reaching the wrong person: mail going outside, or carrying personal data.
    if (!visible.some((entry) => entry.standing === "external") && sensitiveEntities(personalData).length === 0)
      return [];
    // A contact group or an unresolved entry may hold the person greeted.
    if (visible.some((entry) => entry.standing === "unknown" || entry.recipient.recipientType === "distributionList"))
      return [];
    const words = visible.map(recipientWords);
    // Stryker disable next-line MethodExpression: with some but not all informative, the check below ("a recipient we cannot tell by name") returns [] too
    if (!words.some((entry) => entry.informative)) return [];
    // The person greeted may be anywhere among the recipients, Bcc included.
    const everyone = message.recipients.map(recipientWords);
    const fits = greeting.names.some((name) => everyone.some((entry) => nameFits(name, entry)));
    if (fits) return [];
    // A recipient we cannot tell by name (office@, initials) may be the person greeted.
    if (words.some((entry) => !entry.informative)) return [];
    // The name the sender knows them by, and the address to check ("Paul Jones (p.jones@…)").
    const recipients = visible
      .slice(0, 2)
      .map(({ recipient }) => (recipient.name ? `${recipient.name} (${recipient.address})` : recipient.address))
      .join(", ");
    const start = message.own.indexOf(greeting.line);
    return [
      {
        messageId: "mismatch",
        data: {
          greeted: greeting.addressed,
          recipients: visible.length > 2 ? `${recipients} and ${visible.length - 2} more` : recipients,
        },
        location: "body",
        ...(start === -1 ? {} : { spans: [{ start, end: start + greeting.line.length }] }),
      },
    ];
  },
});
