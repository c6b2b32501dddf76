import { describe, expect, it } from "vitest";
import { htmlToStructuredText, htmlToText } from "./html-to-text.js";

describe("htmlToText", () => {
  it.each([
    ["paragraphs become lines", "<p>Dear all,</p><p>Thanks</p>", /^Dear all,\nThanks\n?$/],
    ["<br> becomes a line break", "Kind regards,<br>Jo", /^Kind regards,\nJo$/],
    ["character references are decoded", "Fish &amp; chips &pound;5&nbsp;each", /^Fish & chips £5 each$/],
    ["numeric references are decoded", "&#65;&#x42;", /^AB$/],
    [
      "script and style content is dropped",
      "<style>p{color:red}</style>Hi<script>alert(1)</script> there",
      /^Hi there$/,
    ],
    ["comments are dropped", "a<!-- hidden -->b", /^ab$/],
    ["a bare < is text", "a < b", /^a < b$/],
    ["source line breaks are spaces", "one\ntwo", /^one two$/],
    ["inline tags leave no trace", "<b>bold</b> and <i>italic</i>", /^bold and italic$/],
    ["unknown references stay as written", "&notareference; &", /&notareference; &/],
  ])("%s", (_label, html, expected) => {
    expect(htmlToText(html)).toMatch(expected);
  });

  it("keeps text of nested markup in order", () => {
    const html = "<div>" + "<div><p>".repeat(50) + "deep" + "</p></div>".repeat(50) + "</div>";
    expect(htmlToText(html).trim()).toBe("deep");
  });

  it("never produces more text than it was given (plus one break per tag)", () => {
    const html = "<p>a</p>".repeat(100);
    expect(htmlToText(html).length).toBeLessThanOrEqual(html.length);
  });
});

describe("htmlToStructuredText: elements", () => {
  it.each(
    [
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
    ].map((tag) => [tag]),
  )("<%s> starts a new line", (tag) => {
    expect(htmlToText(`a<${tag}>b`)).toBe("a\nb");
    expect(htmlToText(`a<${tag.toUpperCase()}>b`)).toBe("a\nb");
  });

  it.each([["span"], ["b"], ["a"], ["font"], ["img"], ["td2"]])("<%s> is inline", (tag) => {
    expect(htmlToText(`a<${tag}>b</${tag}>c`)).toBe("abc");
  });

  it("closes a block with one line break, never two", () => {
    expect(htmlToText("<p>a</p><p>b</p>")).toBe("a\nb\n");
    expect(htmlToText("<div><p>a</p></div>b")).toBe("a\nb");
    expect(htmlToText("a<br/>b<br />c")).toBe("a\nb\nc");
  });

  it("starts a new line after a reference or a bare & too", () => {
    expect(htmlToText("<p>a</p>&amp;<p>b")).toBe("a\n&\nb");
    expect(htmlToText("<p>a</p>&<p>b")).toBe("a\n&\nb");
  });

  it("separates table cells with a tab, the first cell of a row with the line break", () => {
    const html = "<table><tr><th>Name</th><th>Date of birth</th></tr><tr><td>Mia</td><td>04/06/2016</td></tr></table>";
    expect(htmlToText(html)).toBe("Name\tDate of birth\nMia\t04/06/2016\n");
    expect(htmlToText("<td>a</td>")).toBe("a");
  });

  // Outlook and Word wrap each cell's text in <p class="MsoNormal">: a row must stay one line.
  it.each([
    [
      "paragraphs wrapping each cell",
      "<table><tr><td><p>Name</p></td><td><p>DOB</p></td></tr><tr><td><p>Mia</p></td><td><p>04/06/2016</p></td></tr></table><p>Thanks</p>",
      "Name\tDOB\nMia\t04/06/2016\nThanks\n",
    ],
    ["two paragraphs in one cell", "<table><tr><td><p>Hi Jo,</p><p>Second.</p></td></tr></table>", "Hi Jo,\nSecond.\n"],
    ["a line break in a cell", "<table><tr><td>12 Mill Lane<br>Leeds</td></tr></table>", "12 Mill Lane\nLeeds\n"],
    ["cells never closed", "<table><tr><td>a<td>b<tr><td>c<td>d</table><p>after</p>", "a\tb\nc\td\nafter"],
    [
      "a reference first in a cell",
      "<table><tr><td><p>&#160;Mia</p></td><td><p>&amp; Leo</p></td></tr></table>",
      "\u00a0Mia\t& Leo\n",
    ],
  ])("keeps a row on one line: %s", (_what, html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it.each([["style"], ["script"], ["head"], ["title"], ["xml"]])("drops what is inside <%s>", (tag) => {
    expect(htmlToText(`a<${tag}>hidden</${tag}>b`)).toBe("ab");
    expect(htmlToText(`a<${tag.toUpperCase()} type="x">hidden</${tag.toUpperCase()}>b`)).toBe("ab");
  });

  it("drops everything after a skipped element that is never closed", () => {
    expect(htmlToText("a<script>hidden")).toBe("a");
    expect(htmlToText("a<style>hidden</style")).toBe("a");
  });

  it("reads on after a stray closing tag of a skipped element", () => {
    expect(htmlToText("a</style>b")).toBe("ab");
  });

  it("treats < as text unless a tag name, /, ! or ? follows", () => {
    expect(htmlToText("a <3 b, 2<5")).toBe("a <3 b, 2<5");
    expect(htmlToText("<!DOCTYPE html><?xml version='1.0'?>a<Z>b")).toBe("ab");
    expect(htmlToText("a<b>b</b>")).toBe("ab");
  });

  it("stops at a tag left open at the end, and at an unclosed comment", () => {
    expect(htmlToText("Hello <b class=")).toBe("Hello ");
    expect(htmlToText("a<!-- b")).toBe("a");
    expect(htmlToText("a<!---->b")).toBe("ab");
  });

  it("turns source line breaks of either kind into spaces", () => {
    expect(htmlToText("one\r\ntwo\rthree")).toBe("one  two three");
    expect(htmlToText("a\rb")).toBe("a b");
    expect(htmlToText("a\nb")).toBe("a b");
  });
});

describe("htmlToStructuredText: character references", () => {
  // The HTML standard's named references, the ones mail bodies use.
  it.each([
    ["amp", "&"],
    ["lt", "<"],
    ["gt", ">"],
    ["quot", '"'],
    ["apos", "'"],
    ["nbsp", " "], // read as a plain space, as folding reads U+00A0
    ["pound", "\u00a3"],
    ["euro", "\u20ac"],
    ["ndash", "\u2013"],
    ["mdash", "\u2014"],
    ["lsquo", "\u2018"],
    ["rsquo", "\u2019"],
    ["ldquo", "\u201c"],
    ["rdquo", "\u201d"],
    ["hellip", "\u2026"],
    ["copy", "\u00a9"],
    ["shy", "\u00ad"],
    ["zwnj", "\u200c"],
    ["zwj", "\u200d"],
    ["ensp", "\u2002"],
    ["emsp", "\u2003"],
    ["thinsp", "\u2009"],
    ["bull", "\u2022"],
    ["middot", "\u00b7"],
  ])("&%s;", (name, char) => {
    expect(htmlToText(`a&${name};b`)).toBe(`a${char}b`);
  });

  it("reads named references in any case", () => {
    expect(htmlToText("&AMP; &Pound;")).toBe("& \u00a3");
  });

  it.each([
    ["decimal", "&#65;", "A"],
    ["hexadecimal", "&#x42;", "B"],
    ["hexadecimal with a capital X", "&#X43;", "C"],
    ["the last code point", "&#x10FFFF;", "\u{10ffff}"],
    ["an astral character", "&#128512;", "\u{1f600}"],
    ["eleven characters long", "&#x000000041;", "A"],
  ])("decodes a %s reference", (_name, html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it.each([
    ["zero", "&#0;"],
    ["past the last code point", "&#x110000;"],
    ["not a number", "&#xZZ;"],
    ["an empty number", "&#;"],
    ["twelve characters long", "&#x0000000041;"],
    ["an unknown name", "&bogus;"],
    ["no semicolon", "R&D and &amp"],
    ["a space inside", "&am p;"],
    ["a hyphen inside", "&am-p;"],
  ])("leaves %s as written", (_name, html) => {
    expect(htmlToText(html)).toBe(html);
  });
});

describe("htmlToStructuredText: where quoted history starts", () => {
  const reply = (container: string) => htmlToStructuredText(`<p>Thanks</p>${container}From: Kerry</div>`);

  it.each([
    ["Outlook's reply header", '<div id="divRplyFwdMsg">'],
    ["Outlook's reply header, unquoted", "<div id=divRplyFwdMsg dir=ltr>"],
    ["Outlook's appendonsend", '<div id="appendonsend">'],
    ["Outlook's appendonsend, unquoted", "<div id=appendonsend>"],
    ["Gmail", '<div class="gmail_quote">'],
    ["Thunderbird's cite prefix", '<div class="moz-cite-prefix">'],
    ["Yahoo", '<div class="yahoo_quoted">'],
    ["new Outlook", '<div id="mail-editor-reference-message-container">'],
    ["Outlook's message header", '<div class="OutlookMessageHeader">'],
  ])("%s", (_name, container) => {
    // "Thanks" and its line break: the history starts at 7.
    expect(reply(container)).toEqual({ text: "Thanks\nFrom: Kerry\n", quoteStarts: [7] });
  });

  it.each([
    ["Apple Mail's cited blockquote", '<blockquote type="cite">'],
    ["a cited blockquote, unquoted", "<blockquote type=cite>"],
    ["Gmail's blockquote", '<blockquote class="gmail_quote">'],
  ])("%s", (_name, container) => {
    expect(htmlToStructuredText(`<p>Thanks</p>${container}From: Kerry</blockquote>`).quoteStarts).toEqual([7]);
  });

  it.each([
    ["a bare blockquote (indentation)", "<blockquote>"],
    ["a blockquote citing nothing it marks", '<blockquote cite="https://example.org">'],
    ["a plain div", '<div class="WordSection1">'],
    ["a closing div", "</div>"],
  ])("not %s", (_name, container) => {
    expect(htmlToStructuredText(`<p>Thanks</p>${container}From: Kerry</div>`).quoteStarts).toEqual([]);
  });

  it("only on a div or blockquote", () => {
    expect(htmlToStructuredText('<p>Thanks</p><span class="gmail_quote">From: Kerry</span>').quoteStarts).toEqual([]);
  });

  it("reads a tag of up to 600 characters for the marker, no longer", () => {
    const tag = (length: number) => {
      const start = '<div class="gmail_quote" data-x="';
      return `${start}${"x".repeat(length - start.length - 1)}">`; // from "<" up to, not including, ">"
    };
    expect(reply(tag(600)).quoteStarts).toEqual([7]);
    expect(reply(tag(601)).quoteStarts).toEqual([]);
  });

  it("records every container, in order", () => {
    const html = '<p>a</p><div class="gmail_quote">b<div class="gmail_quote">c</div></div>';
    expect(htmlToStructuredText(html)).toEqual({ text: "a\nb\nc\n", quoteStarts: [2, 4] });
  });
});

describe("htmlToStructuredText: edges of comments, references and tag names", () => {
  it.each([
    ["a comment holding a '>'", "a<!-- x > y -->b", "ab"],
    ["a '-->' in the text before a comment", "x-->a<!-- y -->b", "x-->ab"],
    // A reference is letters, digits and '#' up to its ';': anything else before it leaves it as written.
    ["a space before the semicolon", "&#65 x;", "&#65 x;"],
    ["a letter beyond ASCII before the semicolon", "&#65\u00e9;", "&#65\u00e9;"],
    ["a brace before the semicolon", "&#65{;", "&#65{;"],
    ["a reference ending in the digit 9", "&#39;", "'"],
    ["a reference with the digit 0", "&#40;", "("],
    // '<' opens a tag only before an ASCII letter, '/', '!' or '?'.
    ["'<' before a tilde", "a <~ b > c", "a <~ b > c"],
    ["'<' before a letter beyond ASCII", "1 <\u00e9> 2", "1 <\u00e9> 2"],
    // A tag's name is its ASCII letters and digits: '<p~>' and '<p:x>' are paragraphs, 'h10' is no heading.
    ["a name ended by a tilde", "a<p~>b", "a\nb"],
    ["a name ended by a colon", "a<p:x>b", "a\nb"],
    ["a name running on with a digit 0", "a<h10>b", "ab"],
    ["an unknown element whose name starts like a skipped one (z)", "<xmlz>a</xmlz>b", "ab"],
    ["an unknown element whose name starts like a skipped one (9)", "<xml9>a</xml9>b", "ab"],
  ])("%s", (_name, html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it("looks for a marker in the tag itself, not elsewhere in the body", () => {
    const html = '<div>Mine</div><div class="gmail_quote">Old</div>';
    expect(htmlToStructuredText(html)).toEqual({ text: "Mine\nOld\n", quoteStarts: [5] });
  });

  it("reads a marker in capitals", () => {
    expect(htmlToStructuredText('<p>Thanks</p><DIV ID="divRplyFwdMsg">From: Kerry</DIV>').quoteStarts).toEqual([7]);
  });

  it.each([
    ["Outlook's reply header", '<blockquote id="divRplyFwdMsg">'],
    ["Yahoo's class", '<blockquote class="yahoo_quoted">'],
  ])("a blockquote counts only when Gmail or cite marks it, not with %s", (_name, container) => {
    expect(htmlToStructuredText(`<p>Thanks</p>${container}From: Kerry</blockquote>`).quoteStarts).toEqual([]);
  });
});
