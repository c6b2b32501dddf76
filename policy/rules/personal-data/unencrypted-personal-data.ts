import { defaultCitation, defineRule } from "../define.js";
import { externalRecipients, isEncrypted } from "../../engine/draft.js";
import type { Message } from "../../engine/message.js";
import type { Draft, Entity, Recipient, RuleReport, Span } from "../../engine/types.js";
import type { PolicyPack } from "../../pack/schema.js";
import { contextTexts, describeEntities, listAddresses, personalWebmailOf, sensitiveEntities } from "./sensitive.js";

/**
 * The line the "ask for confirmation of safe receipt" fix adds. Office.js has no compose API to request a
 * read or delivery receipt on any client (internet headers are for the add-in's own x- headers), so a
 * line in the body is the one way that works everywhere.
 */
/** Where the school requires no encryption, its steps for sending personal data are what a finding cites. */
const STEPS = "personal-data";

export const CONFIRM_RECEIPT_LINE = "Please confirm that you have received this email safely.";
const ASKS_FOR_RECEIPT = /\bconfirm\b[^.\n]{1,40}\brecei(?:pt|ved)\b/i;

type SecureRoute = NonNullable<PolicyPack["encryption"]["secureRoute"]>;

/** True once the draft carries the school's named secure route (a label, tag or header). */
function routeApplied(draft: Draft, route: SecureRoute): boolean {
  switch (route.kind) {
    case "subject-tag":
      return draft.subject.toLowerCase().indexOf(route.tag.toLowerCase()) !== -1;
    case "sensitivity-label":
      return draft.sensitivityLabelId === route.labelId;
    case "header": {
      const headers = draft.headers ?? {};
      const name = Object.keys(headers).find((key) => key.toLowerCase() === route.name.toLowerCase());
      return name !== undefined && headers[name] === route.value;
    }
    // Stryker disable next-line ConditionalExpression,StringLiteral: without this case the switch ends and returns undefined, as falsy as false
    case "secure-portal":
      return false;
  }
}

function routeWords(route: Exclude<SecureRoute, { kind: "secure-portal" }>): string {
  return route.kind === "subject-tag"
    ? `the ${route.tag} tag`
    : route.kind === "sensitivity-label"
      ? `the "${route.labelName}" label`
      : "secure sending";
}

/**
 * Is every detail in an earlier message quoted below whose sender is each recipient outside the school
 * (found by address or display name in the quoted header)? Then the reply sends their own words back to
 * them: still a finding, as the data goes out again, but a tip in the pane, not a prompt at every reply
 * to a parent (two new users' trials).
 */
function onlyTheirOwnWords(found: readonly Entity[], message: Message, outside: readonly Recipient[]): boolean {
  return found.every((entity) =>
    message.segments.some(
      (segment) =>
        segment.kind === "quoted" &&
        entity.location === "body" &&
        segment.start <= entity.start &&
        entity.end <= segment.end &&
        outside.every((recipient) =>
          // A display name with a title ("Mrs Karen Doyle") against an attribution without one.
          [recipient.address, recipient.name?.replace(/^(?:mrs?|ms|miss|mx|dr)\.? /i, "")].some(
            (word) =>
              word !== undefined && word.length > 2 && (segment.sender ?? "").indexOf(word.toLowerCase()) !== -1,
          ),
        ),
    ),
  );
}

/** Where the school requires no encryption: its named route, or the steps its policy gives instead. */
function considerReport(
  draft: Draft,
  bodyText: string,
  pack: PolicyPack,
  what: string,
  spans: readonly Span[],
  theirOwn: boolean,
): RuleReport[] {
  const route = pack.encryption.secureRoute;
  if (route === undefined) {
    // The school's steps already taken: still worth a line in the pane (always a finding where personal
    // data goes out), never a prompt.
    if (ASKS_FOR_RECEIPT.test(bodyText))
      return [{ messageId: "stepsTaken", data: { what }, location: "body", severity: "info", clause: STEPS }];
    // One personal account is named (a parent's Gmail, or a colleague's, which school business should not
    // use): a new user's trial found "going outside the school" said too little. To several, "check the
    // address" is not the point but who needs it (a second trial: one pupil's allergy and date of birth
    // to three families' webmail); they may as well be one pupil's two parents, so nothing more is said.
    const webmail = personalWebmailOf(externalRecipients(draft, pack), pack);
    return [
      {
        messageId: webmail.length === 1 ? "stepsWebmail" : "steps",
        data: { what, addresses: listAddresses(webmail) },
        location: "body",
        spans,
        fix: { kind: "append-line", text: CONFIRM_RECEIPT_LINE },
        clause: STEPS,
        ...(theirOwn ? { severity: "info" as const } : {}),
      },
    ];
  }
  if (routeApplied(draft, route))
    return [{ messageId: "routeTaken", data: { what }, location: "body", severity: "info" }];
  if (route.kind === "secure-portal") {
    return [
      { messageId: "portal", data: { what, portal: route.name, address: route.address }, location: "body", spans },
    ];
  }
  return [
    {
      messageId: "route",
      data: { what, mechanism: routeWords(route) },
      location: "body",
      spans,
      fix: { kind: "apply-encryption", mechanism: route },
    },
  ];
}

export default defineRule({
  meta: {
    id: "unencrypted-personal-data",
    category: "personal-data",
    defaultSeverity: "nudge",
    clause: "encryption",
    fallbackCitation: defaultCitation(
      "Data security",
      "Personal or confidential information sent by e-mail must be protected.",
    ),
    docs: "Personal data (identifiers, dates of birth, addresses, a named person with sensitive details) in a message that is not encrypted the way the school's mail system requires.",
    messages: {
      required: "This email contains {{what}}. The school requires it to go encrypted: apply {{mechanism}}.",
      steps:
        "This email contains {{what}} and is going outside the school. Check each address is right, send it only to those who need it, and ask for confirmation of safe receipt.",
      stepsWebmail:
        "This email contains {{what}} and goes to a personal email account ({{addresses}}). Check the address, and ask for confirmation of safe receipt.",
      route: "This email contains {{what}} and is going outside the school. Send it securely: apply {{mechanism}}.",
      portal:
        "This email contains {{what}} and is going outside the school. Share it through {{portal}} ({{address}}) rather than by email.",
      // Info only: reported at info, never at send (left out of launchevent.js).
      stepsTaken:
        "This email contains {{what}} and is going outside the school. You have asked for confirmation of safe receipt; check each address is right and that everyone copied needs it.",
      // Info only: reported at info, never at send (left out of launchevent.js).
      routeTaken:
        "This email contains {{what}} and is going outside the school by the school's secure route. Check each address is right.",
    },
  },
  check({ draft, pack, bodyText, personalData, message }) {
    const found = sensitiveEntities(personalData);
    if (found.length === 0 || isEncrypted(draft, pack)) return [];
    const outside = externalRecipients(draft, pack);
    const external = outside.length > 0;
    const recipients = draft.to.length + draft.cc.length + draft.bcc.length;
    const what = describeEntities(found, contextTexts({ draft, bodyText }));
    // The body's entities are the highlights: the engine maps each span back to the draft's text as a new object.
    const spans: readonly Span[] = found.filter((entity) => entity.location === "body");
    const encryption = pack.encryption;
    if (encryption.required && (external || encryption.internalToo || recipients === 0)) {
      const mechanism = encryption.mechanism;
      const mechanismWords =
        mechanism.kind === "subject-tag"
          ? `the ${mechanism.tag} tag`
          : mechanism.kind === "sensitivity-label"
            ? `the "${mechanism.labelName}" label`
            : "secure sending";
      return [
        {
          messageId: "required",
          data: { what, mechanism: mechanismWords },
          location: "body",
          spans,
          severity: "block",
          fix: { kind: "apply-encryption", mechanism },
        },
      ];
    }
    if (!encryption.required && external)
      return considerReport(draft, bodyText, pack, what, spans, onlyTheirOwnWords(found, message, outside));
    return [];
  },
});
