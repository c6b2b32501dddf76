import { CLOSINGS } from "../data/etiquette/closings.js";
import { segmentBodyAndHeaders } from "./segments.js";

/**
 * Where a reply's or a forward's earlier message begins in an HTML body: Outlook's reply header block
 * (`divRplyFwdMsg`, with the `<hr>` Outlook puts above it), its "-----Original Message-----" line, Gmail's
 * `gmail_quote`, Apple Mail's and Thunderbird's `<blockquote>`.
 */
const HTML_QUOTED =
  /<hr[^>]*>\s*<div[^>]*divRplyFwdMsg|<div[^>]*divRplyFwdMsg|-----\s*Original Message|<div[^>]*gmail_quote|<blockquote/i;

/**
 * `body` with a line of the sender's added at the end of their own words (or, `place` "before-sign-off",
 * above their sign-off: a request reads as part of the message, not a postscript under the signature, as a
 * trial found "Please confirm…" below "Kind regards, Rachel Green, SENCO"): above the message a reply quotes
 * or a forward carries, where the reader (and the engine, which reads the sender's own words) sees it, not
 * below the whole history (a new user's trial: "please confirm safe receipt" and the disclaimer landed
 * under the forwarded message, where they read as the quoted sender's). HTML: a paragraph before the quoted
 * block, else before `</body>`, else at the end; text: a paragraph before the first reply or forward
 * header, else at the end. `text` is plain; it is escaped for HTML here.
 */
export function bodyWithLine(
  body: string,
  bodyType: "text" | "html",
  text: string,
  place: "end" | "before-sign-off" = "end",
): string {
  if (bodyType === "html") {
    const paragraph = `<p>${escapeHtml(text).replace(/\n/g, "<br>")}</p>`;
    const quoted = HTML_QUOTED.exec(body);
    let at = quoted !== null ? quoted.index : body.search(/<\/body>/i);
    if (place === "before-sign-off") {
      // The last paragraph or block opening with a sign-off ("<p>Kind regards,") before the history.
      const own = at === -1 ? body : body.slice(0, at);
      let signOff = -1;
      for (const match of own.matchAll(htmlSignOff())) signOff = match.index;
      // Only below something the sender wrote: "<p>Thanks</p>" alone is the message, not its sign-off.
      if (signOff !== -1 && /<\/p>|<\/div>|<br/i.test(own.slice(0, signOff))) at = signOff;
    }
    return at === -1 ? body + paragraph : body.slice(0, at) + paragraph + body.slice(at);
  }
  // The first reply or forward header, else a quoted tail ("> …" to the end); not a quote answered in line.
  const { segments, headers } = segmentBodyAndHeaders(body);
  const last = segments[segments.length - 1];
  const history =
    headers[0]?.start ??
    (last !== undefined && last.kind !== "own" && last.kind !== "signature" ? last.start : undefined);
  // Before the sign-off and signature the segmenter finds ("Kind regards,\nRachel Green\nSENCO").
  const signOff =
    place === "before-sign-off"
      ? segments.find((segment) => segment.kind === "signature" && segment.start < (history ?? body.length))
      : undefined;
  const at = signOff?.start ?? history;
  if (at === undefined) return `${body.trimEnd()}\n\n${text}`;
  return `${body.slice(0, at).trimEnd()}\n\n${text}\n\n${body.slice(at)}`;
}

/**
 * Where a fix's line goes: the disclaimer under the signature (the end of the sender's words), a line the
 * sender adds (asking for safe receipt) above their sign-off. `applyFix` and the add-in's body write both
 * ask here, so the pane's preview and the draft written agree.
 */
export function placeOf(kind: "append-disclaimer" | "append-line"): "end" | "before-sign-off" {
  return kind === "append-line" ? "before-sign-off" : "end";
}

let HTML_SIGN_OFF: RegExp | undefined;

/**
 * A paragraph or block whose text opens with a sign-off, its tags and spaces skipped: "<p><b>Kind regards,".
 * Made on first use: a module-level `new RegExp` stayed in the send bundle, which never inserts a line.
 */
function htmlSignOff(): RegExp {
  return (HTML_SIGN_OFF ??= new RegExp(
    `<(?:p|div)\\b[^>]*>(?:\\s|&nbsp;|&#160;|<[^>]+>)*(?:${CLOSINGS.join("|")})\\b`,
    "gi",
  ));
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
