/**
 * Properties of the message model (issue 10), on random drafts:
 *  - appending quoted history that shouts, swears and uses "!!!" (in any client's format) changes no
 *    tone or etiquette finding: those rules judge the sender's own words only;
 *  - inserting &#160;, zero-width characters or table markup inside an identifier changes no
 *    personal-data finding: detectors read folded text, cells as words.
 * PROPERTY_RUNS sets the number of runs (default 2,000 / 10 per property here, as CI runs them).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeDraft } from "../../policy/engine/analyze.js";
import type { Analysis } from "../../policy/engine/types.js";
import { loadPolicy } from "../../policy/pack/load.js";

const RUNS = Math.max(50, Math.floor(Number(process.env["PROPERTY_RUNS"] ?? 2000) / 10));
const pack = loadPolicy("st-john-payne");
const JUDGED_ON_OWN_WORDS = new Set([
  "tone",
  "shouting",
  "punctuation",
  "greeting",
  "closing",
  "commitment",
  "personal-use",
]);

const ownSentences = fc.constantFrom(
  "Thank you for your email, I have looked into it.",
  "I would be happy to meet you on Thursday after school.",
  "The trip letter is attached; please return the slip by Friday.",
  "Sorry for the delay in replying.",
  "Could you send me the updated register when you have a moment?",
);
const hostileQuoted = fc.constantFrom(
  "THIS IS COMPLETELY UNACCEPTABLE AND I WANT AN ANSWER TODAY!!!",
  "Frankly whoever set this homework is incompetent and useless.",
  "Do you actually read your emails??? You will regret ignoring me.",
  "This school is a f***ing joke.",
);
const sender = fc.constantFrom("Kerry Lane <kerry.lane@example.com>", "Sam Patel <sam@example.org>");

/** The quoted history as each client writes it, in plain text or HTML. */
const history = fc
  .tuple(
    fc.constantFrom("outlook", "original", "gmail", "gt", "forward", "html-outlook", "html-gmail", "html-apple"),
    sender,
    fc.array(hostileQuoted, { minLength: 1, maxLength: 3 }),
  )
  .map(([format, who, lines]) => {
    const words = lines.join("\n");
    switch (format) {
      case "outlook":
        return {
          text: `From: ${who}\nSent: 11 March 2025 21:14\nTo: Jo Hart\nSubject: Homework\n\n${words}`,
          html: false,
        };
      case "original":
        return { text: `-----Original Message-----\nFrom: ${who}\nSent: Tuesday\n\n${words}`, html: false };
      case "gmail":
        return { text: `On Tue, 11 Mar 2025 at 21:14, ${who} wrote:\n\n${words}`, html: false };
      case "gt":
        return {
          text: `On Tue, 11 Mar 2025 at 21:14, ${who} wrote:\n${lines.map((line) => `> ${line}`).join("\n")}`,
          html: false,
        };
      case "forward":
        return { text: `From: ${who}\nSent: 11 March 2025\nTo: Jo Hart\nSubject: Homework\n\n${words}`, html: false };
      case "html-outlook":
        return {
          text: `<div id="appendonsend"></div><hr style="display:inline-block;width:98%"><div id="divRplyFwdMsg"><b>From:</b> ${who.replace("<", "&lt;").replace(">", "&gt;")}<br><b>Sent:</b> 11 March 2025<br><b>To:</b> Jo Hart<br><b>Subject:</b> Homework</div><div>${lines.map((line) => `<p>${line}</p>`).join("")}</div>`,
          html: true,
        };
      case "html-gmail":
        return {
          text: `<div class="gmail_quote"><div class="gmail_attr">On Tue, 11 Mar 2025 at 21:14 Kerry Lane wrote:<br></div><blockquote class="gmail_quote">${lines.join("<br>")}</blockquote></div>`,
          html: true,
        };
      default:
        return {
          text: `<div><blockquote type="cite">${lines.map((line) => `<div>${line}</div>`).join("")}</blockquote></div>`,
          html: true,
        };
    }
  });

function judged(analysis: Analysis): string[] {
  return analysis.findings
    .filter((finding) => JUDGED_ON_OWN_WORDS.has(finding.category))
    .map((finding) => `${finding.rule}:${finding.messageId}`)
    .sort();
}

describe("message model properties", () => {
  it("appending hostile quoted history changes no tone or etiquette finding", () => {
    fc.assert(
      fc.property(fc.array(ownSentences, { minLength: 1, maxLength: 4 }), history, (sentences, quoted) => {
        const own = `Dear Mrs Lane,\n\n${sentences.join(" ")}\n\nKind regards\nJo Hart`;
        const base = {
          subject: "RE: Homework",
          from: { name: "Jo Hart", address: "j.hart@st-john-payne.sch.uk" },
          to: [{ name: "Kerry Lane", address: "kerry.lane@example.com" }],
          cc: [{ name: "Headteacher", address: "headteacher@st-john-payne.sch.uk" }],
        };
        const alone = quoted.html
          ? analyzeDraft(
              {
                ...base,
                body: own
                  .split("\n")
                  .map((line) => `<p>${line}</p>`)
                  .join(""),
                bodyType: "html",
              },
              pack,
            )
          : analyzeDraft({ ...base, body: own }, pack);
        const withHistory = quoted.html
          ? analyzeDraft(
              {
                ...base,
                body:
                  own
                    .split("\n")
                    .map((line) => `<p>${line}</p>`)
                    .join("") + quoted.text,
                bodyType: "html",
              },
              pack,
            )
          : analyzeDraft({ ...base, body: `${own}\n\n${quoted.text}` }, pack);
        expect(judged(withHistory)).toEqual(judged(alone));
      }),
      { numRuns: RUNS, seed: 10 },
    );
  });

  // Identifiers with context, "label value" as typed. How noise really arrives: Word and Outlook write a
  // space as &#160; or &nbsp;; zero-width characters and soft hyphens land anywhere (copied from PDFs and
  // web pages); a table puts the label and the value in cells of their own.
  const identifiers = fc.constantFrom(
    ["NHS number", "943 476 5919"],
    ["NI number", "JT 48 26 71 B"],
    ["date of birth", "04/06/2016"],
    ["home phone", "0161 496 0321"],
    ["postcode", "M14 5XY"],
  );
  const noise = fc.constantFrom("&#160;", "&nbsp;", "&#xA0;", "\u200b", "\u00ad", "\u2060", "cells");

  function noisy(label: string, value: string, inserted: string, seed: number): string {
    if (inserted === "cells") return `${label}</td><td>${value}`;
    if (inserted.charAt(0) === "&") return `${label}${inserted}${value.split(" ").join(inserted)}`;
    const at = 1 + (seed % (value.length - 1));
    return `${label} ${value.slice(0, at)}${inserted}${value.slice(at)}`;
  }

  it("inserting &#160;, zero-width characters or cell markup inside an identifier changes no personal-data finding", () => {
    fc.assert(
      fc.property(identifiers, noise, fc.nat(), ([label, value], inserted, seed) => {
        const base = {
          subject: "Amy Shaw",
          bodyType: "html" as const,
          from: { name: "Jo Hart", address: "j.hart@st-john-payne.sch.uk" },
          to: [{ name: "Sam Green", address: "s.green@st-john-payne.sch.uk" }],
        };
        const wrap = (text: string) =>
          `<table><tr><td>Amy Shaw's ${text}</td></tr></table><p>Kind regards</p><p>Jo Hart</p>`;
        const clean = analyzeDraft({ ...base, body: wrap(`${label} ${value}`) }, pack);
        const dirty = analyzeDraft({ ...base, body: wrap(noisy(label, value, inserted, seed)) }, pack);
        const types = (analysis: Analysis) => [...new Set(analysis.personalData.map((entity) => entity.type))].sort();
        const categories = (analysis: Analysis) =>
          analysis.findings
            .filter((finding) => finding.category.startsWith("personal-data"))
            .map((finding) => finding.rule)
            .sort();
        expect(types(dirty)).toEqual(types(clean));
        expect(categories(dirty)).toEqual(categories(clean));
      }),
      { numRuns: RUNS, seed: 11 },
    );
  });
});
