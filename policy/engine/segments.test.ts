import { describe, expect, it } from "vitest";
import { htmlToStructuredText } from "./html-to-text.js";
import { foldForMatching } from "./normalize.js";
import { segmentBody, type SegmentKind } from "./segments.js";

/** The kinds in order and the text of the first non-own segment's start, for a plain or HTML body. */
function segmentsOf(body: string, subject = "RE: Homework", html = false) {
  const structured = html ? htmlToStructuredText(body) : { text: body, quoteStarts: [] };
  const segments = segmentBody(structured.text, { quoteStarts: structured.quoteStarts, subject, fromName: "Jo Hart" });
  const own = segments
    .filter((segment) => segment.kind === "own")
    .map((segment) => structured.text.slice(segment.start, segment.end))
    .join("");
  return { kinds: segments.map((segment) => segment.kind), own, segments, text: structured.text };
}

const REPLY = "Dear Mrs Lane,\nThank you, I have looked into it.\nKind regards\nJo Hart\n";
const ANGRY = "THIS IS UNACCEPTABLE!!! Whoever set it is incompetent.";

// Each history block as the client writes it (plain text), and the kind it must be read as.
const PLAIN: readonly [string, string, SegmentKind][] = [
  [
    "Outlook desktop header block",
    `From: Kerry Lane <kerry.lane@example.com>\nSent: 11 March 2025 21:14\nTo: Jo Hart <j.hart@school.sch.uk>\nSubject: Homework\n\n${ANGRY}`,
    "quoted",
  ],
  [
    "Outlook in French",
    `De : Kerry Lane <kerry.lane@example.com>\nEnvoyé : mardi 11 mars 2025 21:14\nÀ : Jo Hart\nObjet : Devoirs\n\n${ANGRY}`,
    "quoted",
  ],
  ["Original Message separator", `-----Original Message-----\nFrom: Kerry Lane\nSent: Tuesday\n${ANGRY}`, "quoted"],
  [
    "Gmail attribution",
    `On Tue, 11 Mar 2025 at 21:14, Kerry Lane <kerry.lane@example.com> wrote:\n> ${ANGRY}`,
    "quoted",
  ],
  [
    "Gmail attribution wrapped over two lines",
    `On Tue, 11 Mar 2025 at 21:14, Kerry Lane <\nkerry.lane@example.com> wrote:\n> ${ANGRY}`,
    "quoted",
  ],
  [
    "Apple Mail attribution",
    `On 11 Mar 2025, at 21:14, Kerry Lane <kerry.lane@example.com> wrote:\n\n${ANGRY}`,
    "quoted",
  ],
  [
    "Gmail forward",
    `---------- Forwarded message ---------\nFrom: Kerry Lane <kerry.lane@example.com>\nDate: Tue, 11 Mar 2025\n\n${ANGRY}`,
    "forwarded",
  ],
  [
    "Apple Mail forward",
    `Begin forwarded message:\n\nFrom: Kerry Lane <kerry.lane@example.com>\nSubject: Homework\n\n${ANGRY}`,
    "forwarded",
  ],
];

describe("segmentBody: plain-text clients", () => {
  it.each(PLAIN)("%s: the history is %s, the reply above it is own", (_name, history, kind) => {
    const { kinds, own } = segmentsOf(`${REPLY}\n${history}`);
    expect(kinds).toContain(kind);
    expect(own).toContain("Thank you, I have looked into it.");
    expect(own).not.toContain("UNACCEPTABLE");
    // The sign-off is the sender's signature block, not their words.
    expect(kinds).toContain("signature");
  });

  it("an Outlook header block under an FW: subject is a forward", () => {
    const history = `From: Kerry Lane <kerry.lane@example.com>\nSent: 11 March 2025 21:14\nTo: Jo Hart\nSubject: Homework\n\n${ANGRY}`;
    expect(segmentsOf(`${REPLY}\n${history}`, "FW: Homework").kinds).toContain("forwarded");
  });

  it("'>'-quoted lines are quoted; an inline answer between them stays own", () => {
    const { own } = segmentsOf(
      "> Can you come on Thursday?\nYes, 4pm is fine.\n> WHY NOT FRIDAY???\nFriday is parents' evening.",
    );
    expect(own).toContain("Yes, 4pm is fine.");
    expect(own).toContain("Friday is parents' evening.");
    expect(own).not.toContain("WHY NOT FRIDAY");
  });

  it("a forwarded message below the sender's sign-off is content, not signature", () => {
    const body = `Please see below.\nKind regards\nJo Hart\n\n---------- Forwarded message ---------\nFrom: Dr A Khan\nDate: Mon\n\nAmy Shaw has epilepsy.`;
    const { segments, text } = segmentsOf(body, "Fwd: Amy");
    const signature = segments.find((segment) => segment.kind === "signature");
    expect(signature && text.slice(signature.start, signature.end)).not.toContain("epilepsy");
    expect(segments.at(-1)?.kind).toBe("forwarded");
  });

  it("must not: a sentence starting 'From:' or 'Thank you for your email.' is not a header or a sign-off", () => {
    const { kinds } = segmentsOf(
      "Dear all,\nFrom: Monday the canteen opens at 8.\nThank you for your email.\nThe trip is on.\n",
    );
    expect(kinds).toEqual(["own"]);
  });
});

describe("segmentBody: HTML clients", () => {
  it("Outlook desktop and web: the divRplyFwdMsg block after an <hr>", () => {
    const html = `<div class=WordSection1><p class=MsoNormal>Dear Mrs Lane,<o:p></o:p></p><p class=MsoNormal>Thank you, I have looked into it.</p></div><div id="appendonsend"></div><hr style="display:inline-block;width:98%"><div id="divRplyFwdMsg" dir="ltr"><b>From:</b> Kerry Lane<br><b>Sent:</b> 11 March 2025<br><b>To:</b> Jo Hart<br><b>Subject:</b> Homework</div><div><p>${ANGRY}</p></div>`;
    const { own } = segmentsOf(html, "RE: Homework", true);
    expect(own).toContain("Thank you, I have looked into it.");
    expect(own).not.toContain("UNACCEPTABLE");
  });

  it("Gmail: the gmail_quote container", () => {
    const html = `<div dir="ltr">Thank you, I have looked into it.</div><br><div class="gmail_quote"><div class="gmail_attr">On Tue, 11 Mar 2025 at 21:14 Kerry Lane wrote:<br></div><blockquote class="gmail_quote">${ANGRY}</blockquote></div>`;
    expect(segmentsOf(html, "Re: Homework", true).own).not.toContain("UNACCEPTABLE");
  });

  it("Apple Mail: blockquote type=cite", () => {
    const html = `<div>Thank you, I have looked into it.</div><div><br><blockquote type="cite"><div>${ANGRY}</div></blockquote></div>`;
    expect(segmentsOf(html, "Re: Homework", true).own).not.toContain("UNACCEPTABLE");
  });

  it("must not: a bare <blockquote> used for indentation is the sender's own", () => {
    const html = `<p>Our motto:</p><blockquote>Learn, grow, belong.</blockquote><p>Jo</p>`;
    expect(segmentsOf(html, "Motto", true).own).toContain("Learn, grow, belong.");
  });
});

describe("htmlToStructuredText", () => {
  it("separates table cells so 'Date of birth' and the date are two words", () => {
    const { text } = htmlToStructuredText("<table><tr><td>Date of birth</td><td>04/06/2016</td></tr></table>");
    expect(text).toMatch(/Date of birth\s+04\/06\/2016/);
  });
  it("decodes decimal and hex references and drops conditional comments", () => {
    expect(htmlToStructuredText("a&#160;b&#xA0;c<!--[if gte mso 9]><xml>x</xml><![endif]-->").text).toBe(
      "a\u00a0b\u00a0c",
    );
  });
});

describe("foldForMatching", () => {
  it.each([
    ["non-breaking and narrow no-break spaces", "AB\u00a012\u202f34\u00a056\u00a0C", "AB 12 34 56 C"],
    ["zero-width characters and soft hyphens", "94\u200b3 47\u00ad6 5919", "943 476 5919"],
    ["full-width digits", "\uff19\uff14\uff13", "943"],
    ["Cyrillic look-alikes", "\u0410my \u0405haw", "Amy Shaw"],
    ["curly apostrophes", "Amy\u2019s", "Amy's"],
  ])("%s", (_name, source, folded) => {
    const view = foldForMatching(source);
    expect(view.text).toBe(folded);
    // Every folded span maps back onto the source characters it came from.
    expect(source.slice(view.toSource(0), view.toSource(view.text.length))).toBe(source);
  });
});
