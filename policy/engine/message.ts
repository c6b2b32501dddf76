/**
 * The one model of a message every rule and detector reads, computed once per analysis: the subject and
 * body as folded text views (offsets map back to the draft), the body's segments (who wrote what), the
 * sender's own words, and the recipients classified as Outlook reports them.
 */
import type { PolicyPack } from "../pack/schema.js";
import { isOnDomain } from "../pack/validators.js";
import { squashSpaces } from "./disclaimer.js";
import { htmlToStructuredText } from "./html-to-text.js";
import { foldForMatching, type TextView } from "./normalize.js";
import { segmentBodyAndHeaders, type HeaderSpan, type Segment } from "./segments.js";
import type { Draft, Recipient } from "./types.js";

/** Where a recipient stands: inside the school, outside it, or not checkable (a contact group, no address). */
export type RecipientStanding = "internal" | "external" | "unknown";

export interface ClassifiedRecipient {
  readonly recipient: Recipient;
  readonly field: "to" | "cc" | "bcc";
  readonly standing: RecipientStanding;
  /** Why, in a few words, for the task pane: "X500 address", "recipientType user", "domain", … */
  readonly reason: string;
}

export interface Message {
  /** The body as plain text (HTML converted); findings' body spans index into it. */
  readonly bodyText: string;
  /** True when only the first part of a very long body was read (see `buildMessage`'s `maxBodyChars`). */
  readonly bodyTruncated: boolean;
  /** The subject and body folded for matching; `toSource` maps offsets back to `draft.subject` / `bodyText`. */
  readonly subject: TextView;
  readonly body: TextView;
  /** Segments of `body.text` in order, covering it exactly once. */
  readonly segments: readonly Segment[];
  /** The reply and forward header blocks in `body.text`, ascending (`segmentBodyAndHeaders`). */
  readonly replyHeaders: readonly HeaderSpan[];
  /**
   * `body.text` with everything but the sender's own new words blanked (newlines kept): same length, so
   * offsets stay valid. Etiquette and tone rules read this.
   */
  readonly own: string;
  /** As `own`, plus forwarded messages (a chain letter being forwarded is the sender's responsibility). */
  readonly ownAndForwarded: string;
  /** `own` plus the sign-off block: the closing rule reads the sign-off. */
  readonly ownWithSignOff: string;
  /** The sender's own signature block in `body.text` ([start, end)), empty when none. */
  readonly signature: { readonly start: number; readonly end: number };
  readonly recipients: readonly ClassifiedRecipient[];
}

/**
 * An Exchange X500 address (a legacyExchangeDN such as "/o=ExchangeLabs/ou=…/cn=Recipients/cn=…", with or
 * without an "X500:" or "EX:" prefix, or its "IMCEAEX-" encapsulation) names a mailbox in the tenant's own
 * directory. One definition for the add-in and the sweep.
 */
export function isX500(address: string): boolean {
  const text = address.trim().toLowerCase();
  return (
    text.startsWith("/o=") || text.startsWith("x500:/o=") || text.startsWith("imceaex-") || text.startsWith("ex:/o=")
  );
}

/** The domain of an address, lower case; "" for an address without "@" (X500, contact groups). */
export function domainOf(address: string): string {
  const at = address.lastIndexOf("@");
  return at === -1
    ? ""
    : address
        .slice(at + 1)
        .trim()
        .toLowerCase();
}

/** Is a lower-case domain one of the school's, or a subdomain of one? */
export function isSchoolDomain(domain: string, pack: PolicyPack): boolean {
  return domain.length > 0 && pack.school.emailDomains.some((own) => isOnDomain(domain, own));
}

/**
 * Classifies one recipient as Office.js gives it. `recipientType` (Office.MailboxEnums.RecipientType):
 * "user" is a mailbox on the organisation's Exchange server and "distributionList" an Exchange group, so
 * both are inside the school; "externalUser" and "other" (and a missing type: the CLI, older clients) are
 * judged by domain. An address with no "@" is an X500 address (internal) when it starts "/o=", otherwise
 * an entry Outlook could not resolve (a personal contact group): it cannot be checked.
 */
export function classifyRecipient(
  recipient: Recipient,
  pack: PolicyPack,
): { standing: RecipientStanding; reason: string } {
  const address = recipient.address.trim();
  const type = recipient.recipientType;
  if (address.length === 0) return { standing: "unknown", reason: "no address" };
  if (isX500(address)) return { standing: "internal", reason: "Exchange X500 address" };
  if (address.indexOf("@") === -1) return { standing: "unknown", reason: "no e-mail address (a contact group?)" };
  if (isSchoolDomain(domainOf(address), pack)) return { standing: "internal", reason: "school domain" };
  if (type === "user" || type === "distributionList")
    return { standing: "internal", reason: `Outlook reports ${type}` };
  return { standing: "external", reason: "outside the school's domains" };
}

const FIELDS = ["to", "cc", "bcc"] as const;

/**
 * Builds the message model for a normalised draft. Linear in the size of the draft. With `maxBodyChars`,
 * only the body's first characters are read (HTML: at most four times as many characters of markup), cut at
 * a line break: the send-time pass must finish inside Outlook's budget whatever the sender pasted.
 */
export function buildMessage(draft: Draft, pack: PolicyPack, maxBodyChars = Infinity): Message {
  const source = draft.body.length > maxBodyChars * 4 ? draft.body.slice(0, maxBodyChars * 4) : draft.body;
  const structured =
    draft.bodyType === "html" ? htmlToStructuredText(source) : { text: source, quoteStarts: [] as number[] };
  const bodyText = cutAtLine(structured.text, maxBodyChars);
  const body = foldForMatching(bodyText);
  const subject = foldForMatching(draft.subject);
  const { segments, headers } = segmentBodyAndHeaders(body.text, {
    quoteStarts: structured.quoteStarts.map((at) => body.fromSource(at)),
    subject: subject.text,
    ...(draft.from?.name ? { fromName: draft.from.name } : {}),
  });
  const signatureSegment = segments.find((segment) => segment.kind === "signature");
  // A school that asks for no disclaimer has its send bundle built without the reading below (addin/build.ts
  // defines SPG_NO_DISCLAIMER for it): about 130 bytes of the 60 kB.
  const parts = process.env.SPG_NO_DISCLAIMER === "1" ? segments : disclaimerAsSignOff(segments, body, pack);
  const recipients: ClassifiedRecipient[] = [];
  const blankRuns = new Map<string, string>();
  for (const field of FIELDS) {
    for (const recipient of draft[field]) recipients.push({ recipient, field, ...classifyRecipient(recipient, pack) });
  }
  return {
    bodyText,
    bodyTruncated: bodyText.length < structured.text.length || source.length < draft.body.length,
    subject,
    body,
    segments: parts,
    replyHeaders: headers,
    own: masked(body.text, parts, ["own"], blankRuns),
    ownAndForwarded: masked(body.text, parts, ["own", "forwarded"], blankRuns),
    ownWithSignOff: masked(body.text, parts, ["own", "signature"], blankRuns),
    signature: signatureSegment
      ? { start: signatureSegment.start, end: signatureSegment.end }
      : { start: body.text.length, end: body.text.length },
    recipients,
  };
}

/**
 * `segments` with the school's disclaimer (the add-in's fix appends it) read as part of the sign-off, as a
 * signature is: it is the school's words, not the sender's. Read as theirs, its formal words outweighed a
 * colleague's gossip in the tone model, so adding it made a tone finding go (a new user's trial). Found by
 * its first 30 characters, folded, in the folded body; where a mail program reflowed them, missing-disclaimer
 * still finds it and here it stays among the sender's words, as before. Not flatMap: the send-time runtime
 * is ES2016.
 */
function disclaimerAsSignOff(segments: readonly Segment[], body: TextView, pack: PolicyPack): readonly Segment[] {
  const disclaimer = pack.etiquette.disclaimer;
  const opening = disclaimer.required ? squashSpaces(foldForMatching(disclaimer.text).lower).slice(0, 30) : "";
  const at = opening.length > 0 ? body.lower.indexOf(opening) : -1;
  if (at < 0) return segments;
  const parts: Segment[] = [];
  for (const segment of segments)
    if (segment.kind === "own" && segment.start <= at && at < segment.end)
      parts.push({ kind: "own", start: segment.start, end: at }, { kind: "signature", start: at, end: segment.end });
    else parts.push(segment);
  return parts;
}

function cutAtLine(text: string, max: number): string {
  if (text.length <= max) return text;
  const newline = text.lastIndexOf("\n", max);
  return text.slice(0, newline > max / 2 ? newline : max);
}

/** Runs of spaces by length, made once: quoted history repeats the same line lengths thousands of times. */
const BLANKS: string[] = [];
const blanks = (length: number): string => (BLANKS[length] ??= " ".repeat(length));

/**
 * text[start, end) with every character but the newlines made a space. Built by appending (V8 keeps it as
 * a rope until it is read), not as an array of lines joined: 1 MB of quoted headers is 130,000 lines, and
 * the array and its join took five times as long.
 */
function blanked(text: string, start: number, end: number): string {
  let out = "";
  for (let at = start; at <= end;) {
    const newline = text.indexOf("\n", at);
    // Stryker disable next-line EqualityOperator: a newline at `end` itself ends the line at `end` either way
    const lineEnd = newline === -1 || newline >= end ? end : newline;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: both branches make the same run of spaces; the test only picks the cached one
    out += "\n" + (lineEnd - at < 256 ? blanks(lineEnd - at) : " ".repeat(lineEnd - at));
    at = lineEnd + 1;
  }
  return out.slice(1);
}

/**
 * `text` with the characters of segments not of `kinds` replaced by spaces (newlines kept). `blankRuns`
 * holds the runs already blanked, by "start-end": the three views blank the same quoted history.
 */
function masked(
  text: string,
  segments: readonly Segment[],
  kinds: readonly Segment["kind"][],
  blankRuns: Map<string, string>,
): string {
  // Stryker disable next-line ArrowFunction: a short cut: with every segment kept, the run below slices the whole text too (segments cover it)
  if (segments.every((segment) => kinds.indexOf(segment.kind) !== -1)) return text;
  const parts: string[] = [];
  // Neighbouring segments kept (or blanked) alike are sliced as one run: 1 MB of forwarded headers is
  // tens of thousands of segments.
  let runStart = 0;
  // Stryker disable next-line BooleanLiteral: the first segment starts at 0 = runStart, so whichever way it switches the run nothing is flushed before it
  let runKept = true;
  let at = 0;
  const flush = (end: number) => {
    // Whole lines at a time: one replacement per character made 1 MB of quoted history cost 150 ms.
    if (runKept) return void parts.push(text.slice(runStart, end));
    const key = `${runStart}-${end}`;
    const blank = blankRuns.get(key) ?? blanked(text, runStart, end);
    blankRuns.set(key, blank);
    parts.push(blank);
  };
  for (const segment of segments) {
    const kept = kinds.indexOf(segment.kind) !== -1;
    if (segment.start !== at || kept !== runKept) {
      if (at > runStart) flush(at);
      runStart = segment.start;
      runKept = kept;
    }
    at = segment.end;
  }
  if (at > runStart) flush(at);
  return parts.join("");
}

/** The recipients outside the school (not the unknown ones: those are reported as such). */
export function externalOf(message: Message): readonly Recipient[] {
  return message.recipients.filter((entry) => entry.standing === "external").map((entry) => entry.recipient);
}
