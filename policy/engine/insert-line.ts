import { segmentBodyAndHeaders } from "./segments.js";

/**
 * Where a reply's or a forward's earlier message begins in an HTML body: Outlook's reply header block
 * (`divRplyFwdMsg`, with the `<hr>` Outlook puts above it), its "-----Original Message-----" line, Gmail's
 * `gmail_quote`, Apple Mail's and Thunderbird's `<blockquote>`.
 */
const HTML_QUOTED =
  /<hr[^>]*>\s*<div[^>]*divRplyFwdMsg|<div[^>]*divRplyFwdMsg|-----\s*Original Message|<div[^>]*gmail_quote|<blockquote/i;

/**
 * `body` with a line of the sender's added at the end of their own words: above the message a reply quotes
 * or a forward carries, where the reader (and the engine, which reads the sender's own words) sees it, not
 * below the whole history (a new user's trial: "please confirm safe receipt" and the disclaimer landed
 * under the forwarded message, where they read as the quoted sender's). HTML: a paragraph before the quoted
 * block, else before `</body>`, else at the end; text: a paragraph before the first reply or forward
 * header, else at the end. `text` is plain; it is escaped for HTML here.
 */
export function bodyWithLine(body: string, bodyType: "text" | "html", text: string): string {
  if (bodyType === "html") {
    const paragraph = `<p>${escapeHtml(text).replace(/\n/g, "<br>")}</p>`;
    const quoted = HTML_QUOTED.exec(body);
    const at = quoted !== null ? quoted.index : body.search(/<\/body>/i);
    return at === -1 ? body + paragraph : body.slice(0, at) + paragraph + body.slice(at);
  }
  // The first reply or forward header, else a quoted tail ("> …" to the end); not a quote answered in line.
  const { segments, headers } = segmentBodyAndHeaders(body);
  const last = segments[segments.length - 1];
  const at =
    headers[0]?.start ??
    (last !== undefined && last.kind !== "own" && last.kind !== "signature" ? last.start : undefined);
  if (at === undefined) return `${body.trimEnd()}\n\n${text}`;
  return `${body.slice(0, at).trimEnd()}\n\n${text}\n\n${body.slice(at)}`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
