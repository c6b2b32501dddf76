import { describe, expect, it } from "vitest";
import { htmlToStructuredText } from "./html-to-text.js";
import { foldForMatching } from "./normalize.js";
import { segmentBody, segmentBodyAndHeaders, signatureStart, type SegmentKind } from "./segments.js";

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

  // A new user's trial: "PS I'm selling my bike" below "Best wishes, Jo" was read as the signature.
  it.each([
    ["PS I'm selling my bike, £80 if anyone wants it", "PS I'm selling"],
    ["P.S. are you in for the syndicate?", "P.S. are you"],
    ["ps - the cot is yours for £40", "ps - the cot"],
    ["PPS: ignore the last bit", "PPS: ignore"],
  ])("a postscript below the sign-off is the sender's words again: %s", (postscript, opening) => {
    const body = `Hi Sam,\n\nThe reports are done.\n\nBest wishes,\nJo\n\n${postscript}\n\nOn Mon, Sam wrote:\n> Are the reports done?`;
    const { kinds, own, segments, text } = segmentsOf(body, "Re: reports");
    expect(kinds).toEqual(["own", "signature", "own", "quoted"]);
    expect(own).toContain(opening);
    const signature = segments.find((segment) => segment.kind === "signature");
    expect(signature && text.slice(signature.start, signature.end)).toBe("Best wishes,\nJo\n\n");
  });

  it.each(["PSHE lead: Mrs Ahmed", "PS5 club on Fridays"])("must not: '%s' under a name is the signature", (line) => {
    const { kinds, own } = segmentsOf(
      `Hi Sam,\n\nThe reports are done.\n\nBest wishes,\nJo Hart\n${line}`,
      "Re: reports",
    );
    expect(kinds).toEqual(["own", "signature"]);
    expect(own).not.toContain(line.slice(0, 4));
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

/** [kinds in order, sender of the first history segment] for an own line, then `history`. */
function historyOf(history: string, subject = "RE: Homework") {
  const text = `Noted, I will look into it.\n\n${history}\n\nTHE OLD MESSAGE`;
  const segments = segmentBody(text, { subject });
  return { kinds: segments.map((segment) => segment.kind), sender: segments[1]?.sender };
}

describe("segmentBody: Outlook header blocks in each display language", () => {
  // Outlook writes "From:", "Sent:", "To:", "Subject:" in the user's language; any From label with any
  // Sent label and a To or Subject label within the next lines is a header.
  it.each(["from", "de", "von", "van", "da", "oddi wrth", "från", "fra"])("From label %s", (label) => {
    expect(historyOf(`${label}: Kerry Lane\nSent: 11 March 2025\nTo: Jo Hart`)).toEqual({
      kinds: ["own", "quoted"],
      sender: "kerry lane",
    });
  });

  it.each([
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
  ])("Sent label %s", (label) => {
    expect(historyOf(`From: Kerry Lane\n${label}: 11 March 2025\nTo: Jo Hart`).kinds).toEqual(["own", "quoted"]);
  });

  it.each(["to", "à", "an", "aan", "para", "a", "at", "till", "til"])("To label %s", (label) => {
    expect(historyOf(`From: Kerry Lane\nSent: 11 March 2025\n${label}: Jo Hart`).kinds).toEqual(["own", "quoted"]);
  });

  it.each(["subject", "objet", "betreff", "asunto", "oggetto", "onderwerp", "assunto", "pwnc", "ämne", "emne"])(
    "Subject label %s",
    (label) => {
      expect(historyOf(`From: Kerry Lane\nSent: 11 March 2025\n${label}: Homework`).kinds).toEqual(["own", "quoted"]);
    },
  );

  it.each([
    ["without a Sent line", "From: Kerry Lane\nTo: Jo Hart\nSubject: Homework"],
    ["without a To or Subject line", "From: Kerry Lane\nSent: 11 March 2025\nCc: Sam"],
    ["with the Sent line seven lines down", "From: Kerry Lane\nTo: Jo Hart\nb\nc\nd\ne\nf\nSent: 11 March 2025"],
    ["with an unknown label", "Sender: Kerry Lane\nSent: 11 March 2025\nTo: Jo Hart"],
    ["with a label too long to be one", "A very long label here: Kerry\nSent: 11 March 2025\nTo: Jo Hart"],
  ])("not a header %s", (_what, block) => {
    expect(historyOf(block).kinds).toEqual(["own"]);
  });

  it("reads bold labels and the French space before the colon", () => {
    expect(historyOf("*From:* Kerry Lane\n*Sent:* 11 March 2025\n*To:* Jo Hart")).toEqual({
      kinds: ["own", "quoted"],
      sender: "kerry lane",
    });
    expect(historyOf("De : Kerry Lane\nEnvoyé : mardi 11 mars 2025\nÀ : Jo Hart").sender).toBe("kerry lane");
  });

  it("finds the Sent line six lines down, not seven", () => {
    expect(historyOf("From: Kerry Lane\nTo: Jo Hart\nb\nc\nd\ne\nSent: 11 March 2025").kinds).toEqual([
      "own",
      "quoted",
    ]);
  });
});

describe("segmentBody: separator, forward and attribution lines", () => {
  it.each([
    "-----Original Message-----",
    "----- Ursprüngliche Nachricht -----",
    "-----Message d'origine-----",
    "-----Mensaje original-----",
    "-----Messaggio originale-----",
    "-----Oorspronkelijk bericht-----",
    "-----Mensagem original-----",
    "-----Neges wreiddiol-----",
  ])("%s starts a quoted message, with the sender below it", (line) => {
    expect(historyOf(`${line}\nFrom: Kerry Lane\nSent: 11 March 2025`)).toEqual({
      kinds: ["own", "quoted"],
      sender: "kerry lane",
    });
  });

  it("an original-message line under a forward subject is a forward", () => {
    expect(historyOf("-----Original Message-----", "FW: Homework").kinds).toEqual(["own", "forwarded"]);
  });

  it.each([
    "---------- Forwarded message ---------",
    "-------- Forwarded Message --------",
    "----- Forwarded message follows -----",
    "---------- Weitergeleitete Nachricht ----------",
    "-------- Message transféré --------",
    "---------- Mensaje reenviado ----------",
    "---------- Messaggio inoltrato ----------",
    "---------- Doorgestuurd bericht ----------",
    "Begin forwarded message:",
    "Begin forwarded message",
    "Start of forwarded message:",
    "----- Forwarded by Jo Hart/School on 11/03/2025 -----",
  ])("%s starts a forwarded message", (line) => {
    expect(historyOf(`${line}\nFrom: Head <head@example.com>`, "Trip")).toEqual({
      kinds: ["own", "forwarded"],
      sender: "head <head@example.com>",
    });
  });

  it.each([
    [
      "Gmail",
      "On Tue, 11 Mar 2025 at 21:14, Kerry Lane <kerry@example.com> wrote:",
      "tue, 11 mar 2025 at 21:14, kerry lane <kerry@example.com>",
    ],
    ["French", "Le mar. 11 mars 2025 à 21:14, Kerry Lane a écrit :", "mar. 11 mars 2025 à 21:14, kerry lane"],
    // German and Dutch clients put the name after the verb ("Am … schrieb Kerry Lane:"), which the pattern
    // does not read; it reads the verb last, as here.
    ["German", "Am 11.03.2025 um 21:14 Kerry Lane schrieb:", "11.03.2025 um 21:14 kerry lane"],
    ["Spanish", "El mar, 11 mar 2025 a las 21:14, Kerry Lane escribió:", undefined],
    ["Italian", "Il giorno mar 11 mar 2025 alle ore 21:14 Kerry Lane ha scritto:", undefined],
    ["Dutch", "Op di 11 mrt 2025 om 21:14 Kerry Lane schreef:", undefined],
    ["Portuguese", "Em ter., 11 de mar. de 2025 às 21:14, Kerry Lane escreveu:", undefined],
  ])("a %s attribution line starts a quoted message", (_language, line, sender) => {
    const found = historyOf(line);
    expect(found.kinds).toEqual(["own", "quoted"]);
    if (sender !== undefined) expect(found.sender).toBe(sender);
  });

  it("an attribution Gmail wrapped over two lines", () => {
    expect(historyOf("On Tue, 11 Mar 2025 at 21:14, Kerry Lane <\nkerry@example.com> wrote:").kinds).toEqual([
      "own",
      "quoted",
    ]);
  });

  it.each([
    ["a sentence that says someone wrote", "As Kerry wrote: we need to talk"],
    ["an attribution too short to be one", "On it wrote:"],
    ["a rule of fewer than 20 underscores", "___________________\nFrom: Kerry Lane"],
    ["a dashed line that is not a separator", "----- Notes -----"],
  ])("not %s", (_what, line) => {
    expect(historyOf(line).kinds).toEqual(["own"]);
  });

  it("Outlook's underscore rule with a header block under it", () => {
    expect(historyOf("________________________________\nFrom: Kerry Lane\nSent: 11 March 2025\nTo: Jo Hart")).toEqual({
      kinds: ["own", "quoted"],
      sender: "kerry lane",
    });
    expect(historyOf("________________________________\nSee you then").kinds).toEqual(["own"]);
  });

  it.each(["FW: Trip", "Fwd: Trip", "TR: Sortie", "WG: Ausflug", "RV: Viaje", "I: Gita", "Doorst: Uitje", "fw : Trip"])(
    "under the subject %s an Outlook header block is a forward",
    (subject) => {
      expect(historyOf("From: Kerry Lane\nSent: 11 March 2025\nTo: Jo Hart", subject).kinds).toEqual([
        "own",
        "forwarded",
      ]);
    },
  );

  it.each(["RE: Trip", "Fwding the notes", "Info: trip"])("under the subject %s it is a reply", (subject) => {
    expect(historyOf("From: Kerry Lane\nSent: 11 March 2025\nTo: Jo Hart", subject).kinds).toEqual(["own", "quoted"]);
  });
});

describe("signatureStart", () => {
  it.each([
    ["Kind regards,\nJo", "Kind regards"],
    ["Thanks again!\nJo", "Thanks again"],
    ["Many thanks in advance\nJo", "Many thanks in advance"],
    ["Thanks, Jo", "Thanks, Jo"],
    ["Best\nJo", "Best"],
    ["Thanks so much.", "Thanks so much."],
    ["Thanks all", "Thanks all"],
    ["Thanks xx", "Thanks xx"],
  ])("a sign-off: %j", (signOff, startsWith) => {
    const text = `Dear all,\nThe trip is on Friday.\n${signOff}`;
    expect(text.slice(signatureStart(text, text.length))).toMatch(new RegExp(`^${startsWith}`));
  });

  it.each([
    ["a sentence starting with thanks", "Thanks for sorting Jack's EHCP, it is attached."],
    ["thanks with a full stop after a word", "Thanks, noted."],
    ["a longer line", "Kind regards to everyone who came to the fair on Saturday"],
    ["a word that starts like a closing", "Bestow the prizes on Friday."],
    ["Thanksgiving", "Thanksgiving is on Thursday"],
    ["thanks and two more words", "Thanks, Jo and Sam"],
  ])("not a sign-off: %s", (_what, line) => {
    const text = `Dear all,\nThe trip is on Friday.\n${line}`;
    expect(signatureStart(text, text.length)).toBe(text.length);
  });

  it("looks no further up than twelve lines above the end", () => {
    const near = `Dear all,\nKind regards\n${"line\n".repeat(10)}end`;
    expect(signatureStart(near, near.length)).toBe("Dear all,\n".length);
    const far = `Dear all,\nKind regards\n${"line\n".repeat(12)}end`;
    expect(signatureStart(far, far.length)).toBe(far.length);
  });

  it("looks no further up than 600 characters above the end", () => {
    const text = `Kind regards\n${"x".repeat(600)}`;
    expect(signatureStart(text, text.length)).toBe(text.length);
  });

  it("skips blank lines before the end", () => {
    const text = "Dear all,\nKind regards\nJo\n\n\n";
    expect(signatureStart(text, text.length)).toBe("Dear all,\n".length);
  });

  it("falls back to the sender's name opening a line near the end", () => {
    const text = "Dear all,\nThe trip is on Friday.\nJo Hart\nYear 3 teacher";
    expect(signatureStart(text, text.length, "Jo Hart")).toBe(text.indexOf("Jo Hart"));
    expect(signatureStart(text, text.length, " Jo Hart ")).toBe(text.indexOf("Jo Hart"));
    const midSentence = "Dear all,\nAs Jo Hart said, the trip is on Friday.";
    expect(signatureStart(midSentence, midSentence.length, "Jo Hart")).toBe(midSentence.length);
    expect(signatureStart("Jo\nThe trip.", 11, "Jo")).toBe(11); // two letters: too short to trust
    const atStart = "Jo Hart\nYear 3 teacher";
    expect(signatureStart(atStart, atStart.length, "Jo Hart")).toBe(0);
  });
});

describe("segmentBody: quoted lines, HTML containers and several earlier messages", () => {
  const parts = (text: string, options: Parameters<typeof segmentBody>[1] = {}) =>
    segmentBody(text, options).map((segment) => [segment.kind, text.slice(segment.start, segment.end), segment.sender]);

  it.each<[string, string, Parameters<typeof segmentBody>[1], unknown[]]>([
    // A new user's trial: a plain-text reply quoting its attribution with the message.
    [
      "'>' lines under a quoted attribution, which names their sender",
      "Thanks, passed on.\n\n> On 3 Dec 2026, Nadia Hussain wrote:\n> Zayn has a migraine.",
      {},
      [
        ["own", "Thanks, passed on.\n\n", undefined],
        ["quoted", "> On 3 Dec 2026, Nadia Hussain wrote:\n> Zayn has a migraine.", "3 dec 2026, nadia hussain"],
      ],
    ],
    [
      "'>' lines answered inline",
      "Noted below.\n> old line\nMy answer\n> another",
      {},
      [
        ["own", "Noted below.\n", undefined],
        ["quoted", "> old line\n", undefined],
        ["own", "My answer\n", undefined],
        ["quoted", "> another", undefined],
      ],
    ],
    [
      "'>' lines under a forward subject",
      "Noted below.\n> old line\nMy answer",
      { subject: "FW: x" },
      [
        ["own", "Noted below.\n", undefined],
        ["forwarded", "> old line\n", undefined],
        ["own", "My answer", undefined],
      ],
    ],
    [
      "an HTML container at the very start of a text",
      "Thanks, see below.",
      { quoteStarts: [0] },
      [["own", "Thanks, see below.", undefined]],
    ],
    ["an HTML container in an empty text", "   ", { quoteStarts: [0] }, [["quoted", "   ", undefined]]],
    [
      "an HTML container",
      "Noted.\nOld message here",
      { quoteStarts: [7] },
      [
        ["own", "Noted.\n", undefined],
        ["quoted", "Old message here", undefined],
      ],
    ],
    [
      "an HTML container under a forward subject",
      "Noted.\nOld message",
      { quoteStarts: [7], subject: "FW: trip" },
      [
        ["own", "Noted.\n", undefined],
        ["forwarded", "Old message", undefined],
      ],
    ],
    [
      "an HTML container opening above its header line",
      "Noted.\nQuoted intro\nFrom: Kerry Lane\nSent: 1 May\nTo: Jo\n\nOld one",
      { quoteStarts: [7] },
      [
        ["own", "Noted.\n", undefined],
        ["quoted", "Quoted intro\nFrom: Kerry Lane\nSent: 1 May\nTo: Jo\n\nOld one", "kerry lane"],
      ],
    ],
    [
      "two earlier messages, each with its sender",
      "Noted.\nFrom: Kerry Lane\nSent: 1 May\nTo: Jo\n\nOld one\nFrom: Sam Lee\nSent: 2 May\nTo: Kerry\n\nOlder one",
      {},
      [
        ["own", "Noted.\n", undefined],
        ["quoted", "From: Kerry Lane\nSent: 1 May\nTo: Jo\n\nOld one\n", "kerry lane"],
        ["quoted", "From: Sam Lee\nSent: 2 May\nTo: Kerry\n\nOlder one", "sam lee"],
      ],
    ],
  ])("%s", (_what, text, options, expected) => {
    expect(parts(text, options)).toEqual(expected);
  });
});

describe("segmentBody: the sender under a separator line", () => {
  const senderOf = (between: number) => {
    const filler = Array.from({ length: between }, (_, i) => `line ${i + 1}`).join("\n");
    const text = `Noted, I will look.\n\n-----Original Message-----\n${filler}\nFrom: Kerry Lane\n\nOld`;
    return segmentBody(text, { subject: "RE: x" }).map((segment) => [segment.kind, segment.sender]);
  };

  it("is read from a From line up to four lines below it", () => {
    expect(senderOf(3)).toEqual([
      ["own", undefined],
      ["quoted", "kerry lane"],
    ]);
  });

  it("not five", () => {
    expect(senderOf(4)).toEqual([
      ["own", undefined],
      ["quoted", undefined],
    ]);
  });
});

describe("segmentBody: header labels, edge by edge", () => {
  it.each<[string, string, { kinds: string[]; sender?: string }]>([
    [
      "a label padded so its colon is the 15th character",
      `From${" ".repeat(10)}: Kerry Lane\nSent: 11 March 2025\nTo: Jo Hart`,
      { kinds: ["own", "quoted"], sender: "kerry lane" },
    ],
    [
      "a label padded one space further",
      `From${" ".repeat(11)}: Kerry Lane\nSent: 11 March 2025\nTo: Jo Hart`,
      { kinds: ["own"] },
    ],
    [
      "a bold label padded so its colon is the 16th character, the 15th after the star",
      `*From${" ".repeat(10)}: Kerry Lane\nSent: 11 March 2025\nTo: Jo Hart`,
      { kinds: ["own", "quoted"], sender: "kerry lane" },
    ],
    [
      "a bold label with the colon after the star",
      "*From*: Kerry Lane\n*Sent*: 11 March 2025\n*To*: Jo Hart",
      { kinds: ["own", "quoted"], sender: "kerry lane" },
    ],
    [
      "stars inside the sender kept",
      "From: Kerry Lane *Head*\nSent: 11 March 2025\nTo: Jo Hart",
      { kinds: ["own", "quoted"], sender: "kerry lane *head*" },
    ],
    [
      "an indented separator line",
      "   -----Original Message-----\nFrom: Kerry Lane\nSent: 11 March 2025",
      { kinds: ["own", "quoted"], sender: "kerry lane" },
    ],
    [
      "an attribution with no space before 'wrote'",
      "On Tue, 11 Mar 2025, Kerry Lane<kerry@example.com>wrote:",
      { kinds: ["own", "quoted"], sender: "tue, 11 mar 2025, kerry lane<kerry@example.com>" },
    ],
    ["a Sent line above the From line", "Sent: 11 March 2025\nFrom: Kerry Lane\nTo: Jo Hart", { kinds: ["own"] }],
    // Only "On", "Le" and "Am" attributions are read across two lines.
    [
      "a Spanish attribution wrapped over two lines",
      "El 11 mar 2025 a las 21:14, Sam Lee <\nsam@example.com> escribió:",
      { kinds: ["own"] },
    ],
    [
      "a wrapped attribution whose first line is 200 characters",
      `${"On Tue, 11 Mar 2025 at 21:14, Kerry Lane ".padEnd(200, "x")}\nwrote:`,
      { kinds: ["own", "quoted"] },
    ],
    [
      "a wrapped attribution whose first line is 201 characters",
      `${"On Tue, 11 Mar 2025 at 21:14, Kerry Lane ".padEnd(201, "x")}\nwrote:`,
      { kinds: ["own"] },
    ],
    [
      "a wrapped attribution whose second line is 120 characters",
      `On Tue, Kerry Lane <\n${"k".repeat(112)}> wrote:`,
      { kinds: ["own", "quoted"] },
    ],
    [
      "a wrapped attribution whose second line is 121 characters",
      `On Tue, Kerry Lane <\n${"k".repeat(113)}> wrote:`,
      { kinds: ["own"] },
    ],
  ])("%s", (_what, block, expected) => {
    const found = historyOf(block);
    expect(found.kinds).toEqual(expected.kinds);
    if (expected.sender !== undefined) expect(found.sender).toBe(expected.sender);
  });

  it("does not read a From line above a separator as its sender", () => {
    const text = "Noted.\nFrom: the office\n-----Original Message-----\nSent: 1 May\n\nOld";
    expect(segmentBody(text, { subject: "RE: x" }).map((segment) => [segment.kind, segment.sender])).toEqual([
      ["own", undefined],
      ["quoted", undefined],
    ]);
  });

  it.each([
    ["an attribution-like last line", "Noted.\nOn Tuesday we go"],
    ["an underscore rule as the last line", `Noted.\n${"_".repeat(32)}`],
  ])("must not: %s is the sender's own", (_what, text) => {
    expect(segmentBody(text, { subject: "RE: x" })).toEqual([{ kind: "own", start: 0, end: text.length }]);
  });
});

describe("segmentBody: exact segments", () => {
  const parts = (text: string, options: Parameters<typeof segmentBody>[1] = {}) =>
    segmentBody(text, options).map((segment) => [segment.kind, text.slice(segment.start, segment.end), segment.sender]);
  const rule = "_".repeat(32);

  it.each<[string, string, Parameters<typeof segmentBody>[1], unknown[]]>([
    [
      "Outlook's underscore rule starts the quoted message",
      `Noted.\n${rule}\nFrom: Kerry Lane\nSent: 1 May\nTo: Jo\n\nOld`,
      {},
      [
        ["own", "Noted.\n", undefined],
        ["quoted", `${rule}\nFrom: Kerry Lane\nSent: 1 May\nTo: Jo\n\nOld`, "kerry lane"],
      ],
    ],
    [
      "Outlook's underscore rule under a forward subject",
      `Noted.\n${rule}\nFrom: Kerry Lane\nSent: 1 May\nTo: Jo\n\nOld`,
      { subject: "FW: trip" },
      [
        ["own", "Noted.\n", undefined],
        ["forwarded", `${rule}\nFrom: Kerry Lane\nSent: 1 May\nTo: Jo\n\nOld`, "kerry lane"],
      ],
    ],
    [
      "a '>' line first",
      "> old line\nMy answer",
      {},
      [
        ["quoted", "> old line\n", undefined],
        ["own", "My answer", undefined],
      ],
    ],
    [
      "an indented '>' line",
      "Noted.\n  > old line\nMy answer",
      {},
      [
        ["own", "Noted.\n", undefined],
        ["quoted", "  > old line\n", undefined],
        ["own", "My answer", undefined],
      ],
    ],
    [
      "'>' lines in the history below a sign-off",
      "My answer\nKind regards\nJo\n\nFrom: Kerry Lane\nSent: 1 May\nTo: Jo\n\n> old",
      {},
      [
        ["own", "My answer\n", undefined],
        ["signature", "Kind regards\nJo\n\n", undefined],
        ["quoted", "From: Kerry Lane\nSent: 1 May\nTo: Jo\n\n> old", "kerry lane"],
      ],
    ],
    ["a body of spaces, no options", "   ", undefined, [["own", "   ", undefined]]],
  ])("%s", (_what, text, options, expected) => {
    expect(parts(text, options)).toEqual(expected);
  });
});

describe("signatureStart: edges", () => {
  it("skips any number of blank lines before the end", () => {
    const text = `Dear all,\nKind regards\nJo${"\n".repeat(15)}`;
    expect(signatureStart(text, text.length)).toBe("Dear all,\n".length);
  });

  it("does not look at the thirteenth line above the end", () => {
    const text = `Dear all,\nKind regards\n${"line\n".repeat(11)}end`;
    expect(signatureStart(text, text.length)).toBe(text.length);
  });

  it("does not take a closing line that starts more than 600 characters above the end", () => {
    const text = `Kind regards\n${"x".repeat(590)}`;
    expect(signatureStart(text, text.length)).toBe(text.length);
  });

  it("takes a closing line that starts exactly 600 characters above the end", () => {
    const text = `ab\nKind regards\n${"x".repeat(587)}`;
    expect(signatureStart(text, text.length)).toBe(3);
  });

  it("reads an indented closing line", () => {
    const text = "Dear all,\nThe trip is on Friday.\n   Kind regards\nJo";
    expect(signatureStart(text, text.length)).toBe(text.indexOf("   Kind regards"));
  });

  it.each([
    ["thirty-nine characters", `Thanks, ${"A".repeat(31)}`, true],
    ["forty characters", `Thanks, ${"A".repeat(32)}`, false],
    ["thanks with an exclamation mark", "Thanks!", true],
    ["thanks with two exclamation marks", "Thanks!!", true],
    ["a space before the comma", "Thanks , Jo", true],
    ["thanks and a two-word name", "Thanks, Jo Hart", true],
    ["thanks and a two-word name with two spaces", "Thanks, Jo  Hart", true],
    ["a closing running into a word", "Thanksall", false],
    ["a closing word opening a remark with a comma later", "Best bit, honestly", false],
  ])("%s", (_what, line, signs) => {
    const text = `Dear all,\nThe trip is on Friday.\n${line}`;
    expect(signatureStart(text, text.length)).toBe(signs ? text.indexOf(line) : text.length);
  });

  it.each([
    ["not past the end of the sender's words", "Hi\nJo Hart", 2, 2],
    ["nowhere", "Dear all,\nThe trip.", 19, 19],
    ["opening the second line", "\nJo Hart", 8, 1],
    ["more than 600 characters above the end", `Jo Hart\n${"x".repeat(600)}`, 608, 608],
  ])("the sender's name %s", (_what, text, end, expected) => {
    expect(signatureStart(text, end, "Jo Hart")).toBe(expected);
  });
});

describe("segmentBodyAndHeaders: the header blocks", () => {
  const headersOf = (text: string) =>
    segmentBodyAndHeaders(text, { subject: "RE: Homework" }).headers.map((span) => text.slice(span.start, span.end));

  it.each<[string, string, string[]]>([
    [
      "an Outlook block, from its From: line to its Subject: line",
      `${REPLY}\nFrom: Kerry Lane <kerry.lane@example.com>\nSent: 11 March 2025 21:14\nTo: Jo Hart <j.hart@school.sch.uk>\nCc: Sam Ellis\nSubject: Homework\n\n${ANGRY}`,
      [
        "From: Kerry Lane <kerry.lane@example.com>\nSent: 11 March 2025 21:14\nTo: Jo Hart <j.hart@school.sch.uk>\nCc: Sam Ellis\nSubject: Homework",
      ],
    ],
    [
      "a Gmail attribution wrapped over two lines",
      `${REPLY}\nOn Tue, 11 Mar 2025 at 21:14, Kerry Lane <\nkerry.lane@example.com> wrote:\n> ${ANGRY}`,
      ["On Tue, 11 Mar 2025 at 21:14, Kerry Lane <\nkerry.lane@example.com> wrote:"],
    ],
    [
      "a forward line and the labelled lines below it",
      `FYI\n\n---------- Forwarded message ---------\nFrom: Kerry Lane <kerry.lane@example.com>\nDate: Tue, 11 Mar 2025\nSubject: Homework\nTo: Jo Hart\n\n${ANGRY}`,
      [
        "---------- Forwarded message ---------\nFrom: Kerry Lane <kerry.lane@example.com>\nDate: Tue, 11 Mar 2025\nSubject: Homework\nTo: Jo Hart",
      ],
    ],
  ])("%s", (_what, text, expected) => {
    expect(headersOf(text)).toEqual(expected);
  });

  it.each<[string, string]>([
    ["a sentence starting 'From:' in the sender's words", "From: next week the hall is closed.\nThanks"],
    ["a lone 'From:' line with no Sent: line below it", "Notes\nFrom: Kerry Lane\nHomework is late again."],
    ["'>'-quoted lines with no header among them", "> Can you check?\nYes, done."],
  ])("must not: %s", (_what, text) => {
    expect(headersOf(text)).toEqual([]);
  });
});
