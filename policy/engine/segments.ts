/**
 * Who wrote which part of a body. Splits the plain text of a draft into the sender's own new words, their
 * sign-off and signature block, and each quoted earlier message or forwarded message with its own sender.
 * Formats recognised (each from the clients' real output; see segments.test.ts):
 *  - Outlook desktop, web and new Outlook header blocks "From: … Sent: … To: … Subject: …" in English,
 *    French, German, Spanish, Italian, Dutch, Portuguese and Welsh display languages (a "From:" line with a
 *    "Sent:"/"Date:" line and a "To:" or "Subject:" line among the next six lines);
 *  - "-----Original Message-----" and its translations, Outlook's "________________________________" rule;
 *  - Gmail, Apple Mail and Thunderbird "On <date>, <name> wrote:" (also wrapped over two lines, and "Le … a
 *    écrit :", "Am … schrieb …:");
 *  - ">"-quoted lines (each such line is quoted; inline answers between them stay the sender's own);
 *  - forwards: "---------- Forwarded message ---------", "Begin forwarded message:", "-------- Forwarded
 *    Message --------", and an Outlook header block under a "FW:"/"Fwd:" subject;
 *  - HTML quote containers recorded by `htmlToStructuredText` (divRplyFwdMsg, gmail_quote, cite, …).
 * Linear: each line is looked at a bounded number of times.
 */
import { CLOSINGS } from "../data/etiquette/closings.js";

export type SegmentKind = "own" | "signature" | "quoted" | "forwarded";

export interface Segment {
  readonly kind: SegmentKind;
  /** Offsets into the text segmented, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** For quoted and forwarded segments: the earlier message's sender as its header gives it. */
  readonly sender?: string;
}

/** A reply or forward header block in the text ([start, end) offsets): "From: … Sent: … To: …", "On …, X wrote:". */
export interface HeaderSpan {
  readonly start: number;
  readonly end: number;
}

export interface SegmentOptions {
  /** Offsets where HTML quote containers open (ascending), from `htmlToStructuredText`. */
  readonly quoteStarts?: readonly number[];
  /** The draft's subject: "FW:"/"Fwd:" makes an Outlook header block a forward. */
  readonly subject?: string;
  /** The sender's display name: their name opening a line near the end starts their signature. */
  readonly fromName?: string;
}

const FROM_LABELS = ["from", "de", "von", "van", "da", "oddi wrth", "från", "fra"];
const SENT_LABELS = [
  "sent",
  "date",
  "envoyé",
  "gesendet",
  "datum",
  "enviado",
  "fecha",
  "inviato",
  "data",
  "verzonden",
  "anfonwyd",
  "skickat",
  "sendt",
];
const TO_LABELS = ["to", "à", "an", "aan", "para", "a", "at", "till", "til"];
const CC_LABELS = ["cc", "bcc", "kopie", "cco", "cci"];
const SUBJECT_LABELS = [
  "subject",
  "objet",
  "betreff",
  "asunto",
  "oggetto",
  "onderwerp",
  "assunto",
  "pwnc",
  "ämne",
  "emne",
];
const SEPARATOR_LINES = [
  /^-{2,} ?(?:original message|ursprüngliche nachricht|message d'origine|mensaje original|messaggio originale|oorspronkelijk bericht|mensagem original|neges wreiddiol) ?-{2,}$/,
];
const FORWARD_LINES = [
  /^-{2,} ?(?:forwarded message|forwarded message follows|weitergeleitete nachricht|message transféré|mensaje reenviado|messaggio inoltrato|doorgestuurd bericht) ?-{2,}$/,
  /^-{2,} ?forwarded message ?-{2,}$/,
  /^begin forwarded message:?$/,
  /^start of forwarded message:?$/,
  /^-{2,} ?forwarded by .{1,80}-{2,}$/,
];
const WROTE_LINE =
  /^(?:on|le|am|el|il|op|em) .{4,200}(?:wrote|a écrit|schrieb|escribió|ha scritto|schreef|escreveu) ?:$/;
const UNDERSCORE_RULE = /^_{20,}$/;
const HEADER_LABELS = [FROM_LABELS, SENT_LABELS, TO_LABELS, CC_LABELS, SUBJECT_LABELS];

interface Line {
  readonly start: number;
  readonly end: number;
  /** Trimmed, lower case. */
  readonly lower: string;
  /** The label before a colon in its first 15 characters ("from", "sent", "de"), bold stars out; or "". */
  readonly label: string;
  /** What follows that label, trimmed ("" with no label). */
  readonly value: string;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    const lower = text
      .slice(start, Math.min(end, start + 400))
      .trim()
      .toLowerCase();
    // Read once per line, as a header block reads each line up to 18 times: "From: Kerry Lane <…>",
    // "*From:* …" (Outlook's bold), "De : …" (French puts a space before the colon).
    const star = lower.charAt(0) === "*" ? 1 : 0;
    const colon = lower.indexOf(":", star);
    const raw = colon > star && colon <= star + 14 ? lower.slice(star, colon) : "";
    // A regex only where Outlook's bold stars are.
    const label = (raw.indexOf("*") === -1 ? raw : raw.replace(/\*/g, "")).trim();
    const value =
      label === ""
        ? ""
        : lower
            .slice(colon + 1)
            .replace(/^\*/, "")
            .trim();
    lines.push({ start, end, lower, label, value });
    start = end + 1;
  }
  return lines;
}

/** What follows the line's label, trimmed, if the label is one of `labels`. */
function labelled(line: Line, labels: readonly string[]): string | undefined {
  return labels.indexOf(line.label) !== -1 ? line.value : undefined;
}

interface Header {
  /** Line index where the header starts. */
  readonly line: number;
  /** Line index of the header's last line (its last "Sent:", "To:", "Cc:" or "Subject:" line; the "wrote:"). */
  readonly lastLine: number;
  readonly kind: "quoted" | "forwarded";
  readonly sender?: string;
}

/** Is line `i` the start of a quoted or forwarded message header? */
function headerAt(lines: readonly Line[], i: number, forwardSubject: boolean): Header | undefined {
  const line = lines[i];
  // Stryker disable next-line LogicalOperator: line is never undefined here (i < lines.length), and an empty line matches no header pattern or label
  if (line === undefined || line.lower.length === 0) return undefined;
  const lower = line.lower;
  for (const pattern of FORWARD_LINES)
    if (pattern.test(lower))
      return { line: i, lastLine: lastLabelled(lines, i), kind: "forwarded", ...senderBelow(lines, i) };
  for (const pattern of SEPARATOR_LINES)
    if (pattern.test(lower))
      return {
        line: i,
        lastLine: lastLabelled(lines, i),
        kind: forwardSubject ? "forwarded" : "quoted",
        ...senderBelow(lines, i),
      };
  if (UNDERSCORE_RULE.test(lower)) {
    const below = outlookBlockAt(lines, i + 1);
    if (below !== undefined)
      return {
        line: i,
        lastLine: lastLabelled(lines, i + 1),
        kind: forwardSubject ? "forwarded" : "quoted",
        sender: below,
      };
  }
  if (lower.length < 260) {
    const wrapped = !WROTE_LINE.test(lower) && wrappedWrote(lines, i);
    if (wrapped || WROTE_LINE.test(lower))
      return {
        line: i,
        lastLine: wrapped ? i + 1 : i,
        kind: "quoted",
        sender: wroteSender(lower),
      };
  }
  const sender = outlookBlockAt(lines, i);
  if (sender !== undefined)
    return { line: i, lastLine: lastLabelled(lines, i), kind: forwardSubject ? "forwarded" : "quoted", sender };
  return undefined;
}

/** Who an attribution line names ("on 3 dec 2026, nadia hussain wrote:" → "3 dec 2026, nadia hussain"). */
function wroteSender(lower: string): string {
  return lower.replace(/^\S+ /, "").replace(/ ?(?:wrote|a écrit|schrieb).*$/, "");
}

/** The last line among the six below line i that carries a header label (From, Sent, To, Cc, Subject); i when none. */
function lastLabelled(lines: readonly Line[], i: number): number {
  let last = i;
  for (let k = i + 1; k <= i + 6 && k < lines.length; k++) {
    const line = lines[k] as Line;
    if (HEADER_LABELS.some((labels) => labelled(line, labels) !== undefined)) last = k;
  }
  return last;
}

/** Gmail wraps long attributions: "On Tue, 4 Mar 2025 at 21:14, Kerry Lane <" / "kerry@…> wrote:". */
function wrappedWrote(lines: readonly Line[], i: number): boolean {
  const line = lines[i];
  const next = lines[i + 1];
  if (line === undefined || next === undefined) return false;
  if (!/^(?:on|le|am) /.test(line.lower) || line.lower.length > 200 || next.lower.length > 120) return false;
  return WROTE_LINE.test(`${line.lower} ${next.lower}`);
}

/** An Outlook header block starting at line i: returns its sender, or undefined. */
function outlookBlockAt(lines: readonly Line[], i: number): string | undefined {
  const first = lines[i];
  if (first === undefined) return undefined;
  const sender = labelled(first, FROM_LABELS);
  if (sender === undefined) return undefined;
  let sent = false;
  let addressed = false;
  for (let k = i + 1; k <= i + 6 && k < lines.length; k++) {
    const line = lines[k] as Line;
    if (labelled(line, SENT_LABELS) !== undefined) sent = true;
    if (labelled(line, TO_LABELS) !== undefined || labelled(line, SUBJECT_LABELS) !== undefined) addressed = true;
  }
  return sent && addressed ? sender : undefined;
}

function senderBelow(lines: readonly Line[], i: number): { sender?: string } {
  for (let k = i + 1; k <= i + 4 && k < lines.length; k++) {
    const sender = labelled(lines[k] as Line, FROM_LABELS);
    if (sender !== undefined) return { sender };
  }
  return {};
}

const FORWARD_SUBJECT = /^\s*(?:fw|fwd|tr|wg|rv|i|doorst)\s?:/i;

/**
 * Segments `text` (a plain-text body). Returns segments in order that cover the text exactly once;
 * `own` segments may be several when a ">"-quoted reply is answered inline.
 */
export function segmentBody(text: string, options: SegmentOptions = {}): Segment[] {
  return segmentBodyAndHeaders(text, options).segments;
}

/**
 * `segmentBody`'s segments, and the reply and forward header blocks it found (ascending, not overlapping):
 * a name on one is a correspondent's, not whom the message is about. A header quoted again inside ">"
 * lines ("> On 3 May, Jo Hart wrote:") is not among them: read there too, it moved no development or
 * held-out draft and cost 99 bytes of the send bundle.
 */
export function segmentBodyAndHeaders(
  text: string,
  options: SegmentOptions = {},
): { readonly segments: Segment[]; readonly headers: HeaderSpan[] } {
  const lines = linesOf(text);
  // Stryker disable next-line StringLiteral: with no subject, "" and Stryker's replacement text both fail FORWARD_SUBJECT
  const forwardSubject = FORWARD_SUBJECT.test(options.subject ?? "");
  const headers: Header[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = headerAt(lines, i, forwardSubject);
    if (header !== undefined) {
      headers.push(header);
      // A header block is several lines; do not find the same block again from its "Sent:" line.
      i += 1;
    }
  }
  // Where the quoted history starts: the first header or HTML quote container, whichever comes first.
  const firstHeaderAt = headers.length > 0 ? (lines[(headers[0] as Header).line] as Line).start : text.length;
  const htmlQuoteAt = (options.quoteStarts ?? []).find((at) => at > 0 || text.trim().length === 0) ?? text.length;
  const historyAt = Math.min(firstHeaderAt, htmlQuoteAt);

  const segments: Segment[] = [];
  // The sender's region: own words (with ">" lines as quoted), then the signature block.
  const signatureAt = signatureStart(text, historyAt, options.fromName);
  // A postscript below the sign-off is the sender's words again ("Best wishes, Jo" then "PS I'm selling
  // my bike, £80"): a new user's trial found such an aside read as the signature, and so never checked.
  POSTSCRIPT.lastIndex = signatureAt;
  const postscript = POSTSCRIPT.exec(text);
  const postscriptAt = postscript === null || postscript.index >= historyAt ? historyAt : postscript.index;
  // Under a "FW:" subject, ">"-quoted lines are the message being forwarded.
  const quotedKind = forwardSubject ? "forwarded" : "quoted";
  pushOwnWithQuotedLines(text, lines, 0, signatureAt, segments, quotedKind);
  if (signatureAt < postscriptAt) segments.push({ kind: "signature", start: signatureAt, end: postscriptAt });
  pushOwnWithQuotedLines(text, lines, postscriptAt, historyAt, segments, quotedKind);

  // The history: one segment per header from there on; text before the first header (an HTML container
  // opening above its header line) belongs to the first message.
  const inHistory = headers.filter((header) => (lines[header.line] as Line).start >= historyAt);
  const firstKind = inHistory[0]?.kind ?? (forwardSubject ? "forwarded" : "quoted");
  if (historyAt < text.length) {
    if (inHistory.length === 0) {
      segments.push({ kind: firstKind, start: historyAt, end: text.length });
    } else {
      inHistory.forEach((header, index) => {
        const start = index === 0 ? historyAt : (lines[header.line] as Line).start;
        const next = inHistory[index + 1];
        const end = next === undefined ? text.length : (lines[next.line] as Line).start;
        if (end > start) {
          segments.push({ kind: header.kind, start, end, ...(header.sender ? { sender: header.sender } : {}) });
        }
      });
    }
  }
  return { segments, headers: headerSpans(lines, headers) };
}

/** The spans of `headers`, from each one's first line to its last. */
function headerSpans(lines: readonly Line[], headers: readonly Header[]): HeaderSpan[] {
  return headers.map((header) => ({
    start: (lines[header.line] as Line).start,
    end: (lines[header.lastLine] as Line).end,
  }));
}

function pushOwnWithQuotedLines(
  text: string,
  lines: readonly Line[],
  from: number,
  to: number,
  out: Segment[],
  quotedKind: "quoted" | "forwarded",
): void {
  let runStart = from;
  let runKind: SegmentKind = "own";
  let runSender: { sender?: string } = {};
  for (const line of lines) {
    if (line.start < from) continue;
    if (line.start >= to) break;
    const kind: SegmentKind = text.charCodeAt(line.start) === 62 || line.lower.charAt(0) === ">" ? quotedKind : "own";
    if (kind !== runKind) {
      if (line.start > runStart) out.push({ kind: runKind, start: runStart, end: line.start, ...runSender });
      runStart = line.start;
      runKind = kind;
      // A quote whose attribution is quoted with it ("> On 3 Dec 2026, Nadia Hussain wrote:", a plain-text
      // reply as a new user's trial wrote it) has that sender.
      const attribution = line.lower.replace(/^[> ]+/, "");
      runSender = kind !== "own" && WROTE_LINE.test(attribution) ? { sender: wroteSender(attribution) } : {};
    }
  }
  if (to > runStart) out.push({ kind: runKind, start: runStart, end: to, ...runSender });
}

/** A line opening a postscript: "PS", "P.S.", "ps -", "PPS:" (not "PSHE", nor a "PS5"). */
const POSTSCRIPT = /^[ \t]*p?p\.?s\.?(?=[\s:,-])/gim;

/** A signature block is short: a closing this far above the end of the sender's words is a line in the message. */
const MAX_SIGNATURE_LINES = 12;
const MAX_SIGNATURE_CHARS = 600;

/**
 * Where the sender's sign-off starts within [0, end): the last short closing line ("Kind regards,") within
 * the last few lines; failing that, the sender's own name opening a line near the end. `end` when none.
 */
export function signatureStart(text: string, end: number, fromName?: string): number {
  const floor = Math.max(0, end - MAX_SIGNATURE_CHARS);
  let cursor = end;
  // Blank lines between the sign-off and the quoted history do not count against the window.
  while (cursor > 0 && /\s/.test(text.charAt(cursor - 1))) cursor--;
  for (let lines = 0; lines < MAX_SIGNATURE_LINES && cursor > floor; lines++) {
    const lineStart = text.lastIndexOf("\n", cursor - 1) + 1;
    if (lineStart < floor) break;
    const line = text.slice(lineStart, cursor).trim().toLowerCase();
    if (line.length < 40 && isClosing(line)) return lineStart;
    if (lineStart === 0) break;
    cursor = lineStart - 1;
  }
  const name = fromName?.trim();
  if (name && name.length > 2) {
    const at = text.lastIndexOf(name, end - name.length);
    // The name must open its own line near the end: "…as Jo Ellis said" mid-sentence is not a signature.
    if (at !== -1 && at >= floor && (at === 0 || text.charAt(at - 1) === "\n")) return at;
  }
  return end;
}

/** What may follow a sign-off on its line and leave it a sign-off. */
const CLOSING_TAILS = ["again", "so much", "very much", "in advance", "all", "everyone", "a lot", "for now", "x", "xx"];

function isClosing(line: string): boolean {
  for (const closing of CLOSINGS) {
    if (line.indexOf(closing) !== 0) continue;
    const next = line.charCodeAt(closing.length);
    // "Best," or "Thanks" but not "Bestow…" or "Thanksgiving"; "Thanks for sorting Jack's EHCP" is a sentence.
    if (Number.isNaN(next)) return true;
    if ((next >= 97 && next <= 122) || (next >= 48 && next <= 57)) continue;
    const after = line.slice(closing.length);
    const rest = after.replace(/^[\s,.!-]+/, "");
    if (rest.length === 0) return true;
    // "Thanks, Jo" signs off with a name; "Thanks again" and "Many thanks in advance" are sign-offs too;
    // "Thanks for nothing!!!" and "Thank you for your email." are sentences.
    if (/^\s*,/.test(after) && rest.split(/\s+/).length <= 2 && !/[!?.]/.test(rest)) return true;
    let tailEnd = rest.length;
    while (tailEnd > 0 && " ,.!".indexOf(rest.charAt(tailEnd - 1)) !== -1) tailEnd--;
    if (CLOSING_TAILS.indexOf(rest.slice(0, tailEnd)) !== -1) return true;
  }
  return false;
}
