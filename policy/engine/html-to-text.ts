/**
 * HTML body → plain text, in one linear pass and without a DOM (Outlook's JavaScript-only runtime has
 * none). Block elements and <br> become line breaks, <style>/<script>/<head> content is dropped and
 * the common character references are decoded. Body spans index into this text.
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
};

export function htmlToText(html: string): string {
  let out = "";
  let index = 0;
  const length = html.length;
  // Lower-cased once, lazily: searching for a skipped tag's end must not re-copy the body each time.
  let lower: string | undefined;
  let endsWithNewline = false;
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
      // Tracked, not read back: indexing the output string would flatten it each time (quadratic).
      if (BLOCK_TAGS.has(name) && out.length > 0 && !endsWithNewline) {
        out += "\n";
        endsWithNewline = true;
      }
      index = close + 1;
      continue;
    }
    if (char === 38 /* & */) {
      const semicolon = html.indexOf(";", index + 1);
      if (semicolon !== -1 && semicolon - index <= 10) {
        const decoded = decodeEntity(html.slice(index + 1, semicolon));
        if (decoded !== undefined) {
          out += decoded;
          endsWithNewline = false;
          index = semicolon + 1;
          continue;
        }
      }
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
    out += run.indexOf("\n") === -1 && run.indexOf("\r") === -1 ? run : run.replace(/[\r\n]/g, " ");
    endsWithNewline = false;
    index = end;
  }
  return out;
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
