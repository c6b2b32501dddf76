import { describe, expect, it } from "vitest";
import { htmlToText } from "./html-to-text.js";

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
