/**
 * HTML body → plain text, in one linear pass and without a DOM (Outlook's JavaScript-only runtime has
 * none). Block elements and <br> become line breaks, table cells are separated by a tab (a cell boundary
 * is a word boundary: "Date of birth" and "12/03/2015" must not run together), <style>/<script>/<head>,
 * comments (Word's conditional comments and VML among them) contribute no text, and character references
 * are decoded (named, decimal and hexadecimal). Body spans index into this text.
 *
 * The containers mail clients wrap quoted history in (Outlook's `divRplyFwdMsg` and `appendonsend`,
 * Gmail's `gmail_quote`, Apple Mail's and Thunderbird's `blockquote type="cite"`, `moz-cite-prefix`,
 * Yahoo's `yahoo_quoted`, new Outlook's reference-message container) are recorded as offsets into the
 * text, for the message model to split the sender's own words from what they reply to.
 */

const BLOCK_TAGS = new Set([
  "p",
  "div",
  "br",
  "li",
  "ul",
  "ol",
  "tr",
  "table",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "pre",
  "hr",
  "section",
  "article",
  "header",
  "footer",
]);
const SKIPPED_TAGS = new Set(["style", "script", "head", "title", "xml"]);

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  pound: "£",
  euro: "€",
  ndash: "–",
  mdash: "—",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  hellip: "…",
  copy: "©",
  shy: "\u00ad",
  zwnj: "\u200c",
  zwj: "\u200d",
  ensp: "\u2002",
  emsp: "\u2003",
  thinsp: "\u2009",
  bull: "•",
  middot: "·",
};

/** The plain text and where, in it, each quoted-history container opens (ascending offsets). */
export interface StructuredText {
  readonly text: string;
  readonly quoteStarts: readonly number[];
}

/** Attribute values that mark a quoted-history container, lower case, as clients write them. */
const QUOTE_MARKERS = [
  'id="divrplyfwdmsg"',
  "id=divrplyfwdmsg",
  'id="appendonsend"',
  "id=appendonsend",
  "gmail_quote",
  'type="cite"',
  "type=cite",
  "moz-cite-prefix",
  "yahoo_quoted",
  "mail-editor-reference-message-container",
  "outlookmessageheader",
];
const CELL_TAGS = new Set(["td", "th"]);

export function htmlToText(html: string): string {
  return htmlToStructuredText(html).text;
}

export function htmlToStructuredText(html: string): StructuredText {
  const quoteStarts: number[] = [];
  let out = "";
  let index = 0;
  const length = html.length;
  // Lower-cased once, lazily: searching for a skipped tag's end must not re-copy the body each time.
  let lower: string | undefined;
  // Stryker disable next-line BooleanLiteral: read only once out is non-empty, and whatever first makes it non-empty (text or a reference) sets it false
  let endsWithNewline = false;
  // Outlook and Word wrap each table cell's text in <p>: inside a cell a block breaks the line only
  // between two texts (held in cellBreak until text comes), so "Name<TAB>DOB" stays one row.
  let cellDepth = 0;
  let cellFresh = false;
  let cellBreak = false;
  while (index < length) {
    const char = html.charCodeAt(index);
    if (char === 60 /* < */ && startsTag(html, index + 1)) {
      if (html.startsWith("<!--", index)) {
        const commentEnd = html.indexOf("-->", index + 4);
        index = commentEnd === -1 ? length : commentEnd + 3;
        continue;
      }
      const close = html.indexOf(">", index + 1);
      if (close === -1) {
        // An unterminated tag at the end: nothing after it is text the sender wrote.
        break;
      }
      const name = tagName(html, index + 1, close);
      if (SKIPPED_TAGS.has(name) && html.charCodeAt(index + 1) !== 47 /* / */) {
        if (lower === undefined) lower = html.toLowerCase();
        const end = lower.indexOf(`</${name}`, close);
        const endClose = end === -1 ? -1 : html.indexOf(">", end);
        index = endClose === -1 ? length : endClose + 1;
        continue;
      }
      const opening = html.charCodeAt(index + 1) !== 47;
      // Tracked, not read back: indexing the output string would flatten it each time (quadratic).
      if (CELL_TAGS.has(name)) {
        cellBreak = false;
        if (opening) {
          cellDepth++;
          cellFresh = true;
          if (out.length > 0 && !endsWithNewline) out += "\t";
        } else if (cellDepth > 0) {
          cellDepth--;
        }
      } else if (BLOCK_TAGS.has(name) && cellDepth > 0 && name !== "tr") {
        if (!cellFresh) cellBreak = true;
      } else if (BLOCK_TAGS.has(name)) {
        // A row ends every cell in it (and mends a cell never closed).
        if (name === "tr") cellDepth = 0;
        cellBreak = false;
        if (out.length > 0 && !endsWithNewline) {
          out += "\n";
          endsWithNewline = true;
        }
      }
      if (opening && (name === "div" || name === "blockquote") && isQuoteContainer(html, index, close)) {
        quoteStarts.push(out.length);
      }
      index = close + 1;
      continue;
    }
    if (char === 38 /* & */) {
      // Looked for within a reference's longest length only: "&&&…" or "R&D" with no ";" must stay linear.
      const semicolon = semicolonWithin(html, index + 1, 12);
      if (semicolon !== -1) {
        const decoded = decodeEntity(html.slice(index + 1, semicolon));
        if (decoded !== undefined) {
          if (cellBreak) out += "\n";
          cellBreak = false;
          cellFresh = false;
          out += decoded;
          endsWithNewline = false;
          index = semicolon + 1;
          continue;
        }
      }
      if (cellBreak) out += "\n";
      cellBreak = false;
      cellFresh = false;
      out += "&";
      endsWithNewline = false;
      index++;
      continue;
    }
    // A run of plain text up to the next markup, copied at once. Source line breaks inside HTML are
    // layout, not text: they become spaces.
    let end = index + 1;
    while (end < length) {
      const code = html.charCodeAt(end);
      if (code === 60 || code === 38) break;
      end++;
    }
    const run = html.slice(index, end);
    // Layout whitespace between a cell's tags is no text of it.
    if (cellDepth === 0 || /\S/.test(run)) {
      if (cellBreak) out += "\n";
      cellBreak = false;
      cellFresh = false;
    }
    out += run.indexOf("\n") === -1 && run.indexOf("\r") === -1 ? run : run.replace(/[\r\n]/g, " ");
    endsWithNewline = false;
    index = end;
  }
  return { text: out, quoteStarts };
}

function semicolonWithin(html: string, from: number, limit: number): number {
  const end = Math.min(html.length, from + limit);
  for (let at = from; at < end; at++) {
    const code = html.charCodeAt(at);
    if (code === 59) return at;
    // A reference is letters, digits and "#": anything else ends the search early.
    const letter = code | 32;
    // Stryker disable next-line UnaryOperator: +1 makes the caller decode html.slice(index + 1, 1), which is "" (no reference), as for -1
    if (!((letter >= 97 && letter <= 122) || (code >= 48 && code <= 57) || code === 35)) return -1;
  }
  // Stryker disable next-line UnaryOperator: +1 makes the caller decode html.slice(index + 1, 1), which is "" (no reference), as for -1
  return -1;
}

/** Does this opening tag carry one of the quoted-history markers? Reads only the tag itself. */
function isQuoteContainer(html: string, start: number, close: number): boolean {
  if (close - start > 600) return false;
  const tag = html.slice(start, close).toLowerCase();
  if (tag.indexOf("<blockquote") === 0 && tag.indexOf("gmail_quote") === -1 && tag.indexOf("cite") === -1) {
    // A bare <blockquote> is indentation as often as quoting; clients that quote mark it.
    return false;
  }
  for (const marker of QUOTE_MARKERS) if (tag.indexOf(marker) !== -1) return true;
  return false;
}

/** "<" opens markup only before a tag name, "/", "!" or "?": "a < b" is text. */
function startsTag(html: string, at: number): boolean {
  const code = html.charCodeAt(at);
  const letter = code | 32;
  return (letter >= 97 && letter <= 122) || code === 47 || code === 33 || code === 63;
}

function tagName(html: string, start: number, end: number): string {
  let from = start;
  if (html.charCodeAt(from) === 47) from++;
  let to = from;
  while (to < end) {
    const code = html.charCodeAt(to) | 32;
    const isNameChar = (code >= 97 && code <= 122) || (html.charCodeAt(to) >= 48 && html.charCodeAt(to) <= 57);
    if (!isNameChar) break;
    to++;
  }
  return html.slice(from, to).toLowerCase();
}

function decodeEntity(name: string): string | undefined {
  if (name.charCodeAt(0) === 35 /* # */) {
    const isHex = name[1] === "x" || name[1] === "X";
    const code = parseInt(name.slice(isHex ? 2 : 1), isHex ? 16 : 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
  }
  return NAMED_ENTITIES[name.toLowerCase()];
}
