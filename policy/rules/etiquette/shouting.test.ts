import { describe, expect, it } from "vitest";
import { packFor, ruleTester } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import rule, { shoutingSpans } from "./shouting.js";

const body = (text: string) => ({ subject: "Year 5 trip", body: text, bodyType: "text" as const });

ruleTester(rule, {
  pack: loadPolicy("st-john-payne"),
  valid: [
    {
      name: "acronyms in capitals",
      draft: body("The SENCO, DSL and SLT will meet the PTA about EHCP and FSM at INSET."),
    },
    { name: "one emphasised word", draft: body("Please do NOT park in the staff car park on Friday.") },
    {
      name: "a parent's capitals cited in double quotation marks",
      draft: body('For the record, her email said "YOUR STAFF ARE USELESS AND I WANT A MEETING". I have replied.'),
    },
    { name: "a sign's words cited", draft: body('The "NO PARKING ON THE GRASS" signs are up by the gate.') },
    { name: "short capital heading", draft: body("AGENDA\nItem one: the GCSE results.") },
    // A line of its own in capitals, with no stop or comma, of six words or fewer: a heading, a name, an item.
    ...[
      "Notes from today.\n\nACTION POINTS\nJo to book the coach.",
      "PART B - MEDICINE AND DOSAGE\nTo be completed by the parent.",
      "Thanks,\nDR ANITA SHARMA\nSENCO",
      "Could you order these?\n6 x HB PENCILS (BOX OF 144)\n2 x A4 SUGAR PAPER",
      // A numbered item: its number's stop ends a sentence of its own.
      "Agenda below.\n1. APOLOGIES AND DECLARATIONS\n2. Matters arising",
    ].map((text) => ({ name: `a heading, a name or an item on its own line: ${text}`, draft: body(text) })),
    { name: "DfE and CPOMS mixed case", draft: body("Log it on CPOMS as the DfE guidance says.") },
    { name: "subject acronyms", draft: { subject: "SEN / EHCP / LAC update", body: "Hello", bodyType: "text" } },
    // Two words in capitals shout in a subject, but not letters against digits (codes) nor one word.
    ...[
      "KS4 ASDAN and BTEC moderation",
      "Minibus MOT - YK19 DLS",
      "URGENT: Y6 reports",
      "Re: THANK YOU",
      "FW: PLEASE READ",
    ].map((subject) => ({ name: `subject: ${subject}`, draft: { subject, body: "Hello", bodyType: "text" as const } })),
    // Default pack: 9 capitals at least, in words of two letters or more, and 90 % of the letters.
    { name: "eight capitals in words, ten with the one-letter words", draft: body("A DOG IN A BOX") },
    { name: "twelve capitals and two small letters, one a z", draft: body("QUIZ TOMORROW ok") },
    {
      name: "capitals at the start of every word",
      draft: body("Please Ask Mrs Ahmed, Mr Brown, Ms Clark And Dr Davies To Join Us"),
    },
    // Two words in capitals make no run; the mixed-case word's letters keep the sentence under 90 %.
    { name: "a mixed-case word spelt like an acronym counts", draft: body("THE Senco MUST SIGN these") },
    { name: "eight capitals in words and an apostrophe, which is not a capital", draft: body("I DON'T YELL") },
    { name: "two shouted words in a sentence are emphasis", draft: body("This is the LAST TIME I am asking.") },
    // Three are a run only with spaces between them: a list of a field's codes is not emphasis.
    ...["The post is 0.6 FTE, MPS/UPS plus SEN allowance.", "Headline KS2 figures: 74% EXS+ RWM, 21% GDS."].map(
      (text) => ({ name: `three codes with commas or slashes: ${text}`, draft: body(text) }),
    ),
    { name: "acronyms break a run", draft: body("Could the SENCO DSL and SLT TA team meet on Friday?") },
    { name: "four words in capitals with eight letters", draft: body("Please GO UP TO MY room.") },
    // Letters against digits are a code, not words (development: a driving licence number to an insurer).
    { name: "a driving licence number", draft: body("Licence: MORGA753116SM9IJ, issued 2019.") },
    {
      name: "a run in a 'sentence' of pasted data with no stop in 2,000 characters",
      draft: body(`${"data row ".repeat(230)}PLEASE STOP PARKING IN THE BAY ${"data row ".repeat(10)}`),
    },
  ],
  invalid: [
    {
      name: "a short line in capitals after a sentence on the same line is not a heading",
      draft: body("Noted. I AM NOT HAPPY ABOUT THIS\nThanks"),
      errors: [{ messageId: "bodyOne", location: "body", spanTexts: ["I AM NOT HAPPY ABOUT THIS"] }],
    },
    {
      name: "capitals outside a quotation still shout, at their offsets in the body",
      draft: body('I said "no". I AM NOT HAPPY ABOUT THIS AT ALL.'),
      errors: [{ messageId: "bodyOne", location: "body", spanTexts: ["I AM NOT HAPPY ABOUT THIS AT ALL"] }],
    },
    {
      name: "a run of words in capitals inside a sentence",
      draft: body("Can everyone PLEASE STOP PARKING IN THE BAY this week?"),
      errors: [
        {
          messageId: "bodyOne",
          location: "body",
          data: { count: 1 },
          spanTexts: ["PLEASE STOP PARKING IN THE BAY"],
        },
      ],
    },
    // Development parts AZ and BA: their writers, who saw only the label definitions, read three words in
    // capitals inside a sentence as shouting.
    ...[
      ["This is the VERY LAST TIME I am asking.", "VERY LAST TIME I"],
      ["Can I remind everyone please DO NOT PARK in front of the kitchen doors.", "DO NOT PARK"],
      ["The fire doors on the science block MUST BE KEPT closed at all times.", "MUST BE KEPT"],
    ].map(([text, shouted]) => ({
      name: `three words in capitals with spaces between them: ${shouted}`,
      draft: body(text as string),
      errors: [{ messageId: "bodyOne" as const, location: "body" as const, spanTexts: [shouted as string] }],
    })),
    // A short line of its own still shouts with a stop, or in a subject.
    {
      name: "a short line of capitals ending with a stop",
      draft: body("Hi all,\nSTOP PARKING ON THE GRASS!\nThanks"),
      errors: [{ messageId: "bodyOne", location: "body", spanTexts: ["STOP PARKING ON THE GRASS"] }],
    },
    {
      name: "a subject of six words in capitals",
      draft: { subject: "Y9 ASSEMBLY MOVED TO PERIOD TWO", body: "See below.", bodyType: "text" },
      errors: [{ messageId: "subject", location: "subject", spanTexts: ["Y9 ASSEMBLY MOVED TO PERIOD TWO"] }],
    },
    // Past three words a comma between them still shouts.
    {
      name: "four words in capitals with a comma among them",
      draft: body("Honestly YOU NEVER LISTEN, NOT EVER to anyone."),
      errors: [{ messageId: "bodyOne", location: "body", spanTexts: ["YOU NEVER LISTEN, NOT EVER"] }],
    },
    {
      name: "a run carried on by A (and not started by I)",
      draft: body("Honestly I HAVE TOLD YOU A HUNDRED TIMES already."),
      errors: [
        { messageId: "bodyOne", location: "body", data: { count: 1 }, spanTexts: ["HAVE TOLD YOU A HUNDRED TIMES"] },
      ],
    },
    {
      name: "whole sentence in capitals",
      draft: body("Dear Mr Brown,\nI HAVE ASKED YOU THREE TIMES TO SEND THE REPORT.\nRegards"),
      errors: [
        {
          messageId: "bodyOne",
          location: "body",
          data: { count: 1 },
          spanTexts: ["I HAVE ASKED YOU THREE TIMES TO SEND THE REPORT"],
        },
      ],
    },
    ...[
      ["THANK YOU", "THANK YOU"],
      ["WE WON!!!", "WE WON"],
      ["PLEASE READ - Momo challenge", "PLEASE READ"],
    ].map(([subject, shouted]) => ({
      name: `two words in capitals shout in a subject: ${subject}`,
      draft: { subject: subject as string, body: "See below.", bodyType: "text" as const },
      errors: [{ messageId: "subject", location: "subject" as const, spanTexts: [shouted as string] }],
    })),
    {
      name: "subject in capitals",
      draft: { subject: "READ THIS BEFORE TOMORROW MORNING", body: "See below.", bodyType: "text" },
      errors: [{ messageId: "subject", location: "subject", spanTexts: ["READ THIS BEFORE TOMORROW MORNING"] }],
    },
    {
      name: "exactly nine capitals, with an A",
      draft: body("ASK HER NOW"),
      errors: [{ messageId: "bodyOne", location: "body", data: { count: 1 }, spanTexts: ["ASK HER NOW"] }],
    },
    {
      name: "exactly nine capitals, with a Z",
      draft: body("QUIZ NOW ON"),
      errors: [{ messageId: "bodyOne", location: "body", data: { count: 1 }, spanTexts: ["QUIZ NOW ON"] }],
    },
    {
      name: "a short shouted order on its own (development: 'MOVE YOUR CAR')",
      draft: body("Whoever owns the blue Fiesta. MOVE YOUR CAR."),
      errors: [{ messageId: "bodyOne", location: "body", data: { count: 1 }, spanTexts: ["MOVE YOUR CAR"] }],
    },
    {
      name: "exactly 90 % of the letters",
      draft: body("PLEASE STOP SHOUTING ok"),
      errors: [{ messageId: "bodyOne", location: "body", data: { count: 1 }, spanTexts: ["PLEASE STOP SHOUTING ok"] }],
    },
    {
      name: "an apostrophe is not a letter",
      draft: body("YOU'RE SHOUTING AGAIN ok"),
      errors: [{ messageId: "bodyOne", location: "body", data: { count: 1 }, spanTexts: ["YOU'RE SHOUTING AGAIN ok"] }],
    },
    {
      name: "two shouted sentences in a row",
      draft: body("STOP DOING THIS AT ONCE! WHY IS NOBODY LISTENING?"),
      errors: [
        {
          messageId: "body",
          location: "body",
          data: { count: 2 },
          spanTexts: ["STOP DOING THIS AT ONCE", "WHY IS NOBODY LISTENING"],
        },
      ],
    },
    {
      name: "capitals with acronyms inside still shout",
      draft: body("THE SENCO NEEDS THESE FORMS BACK IMMEDIATELY"),
      errors: [
        {
          messageId: "bodyOne",
          location: "body",
          data: { count: 1 },
          spanTexts: ["THE SENCO NEEDS THESE FORMS BACK IMMEDIATELY"],
        },
      ],
    },
  ],
});

describe("shoutingSpans (default pack: 9 capitals, 90 % of letters)", () => {
  const pack = loadPolicy("st-john-payne");
  const spans = (text: string, usePack = pack) =>
    shoutingSpans(text, usePack).map((span) => text.slice(span.start, span.end));

  it.each([
    ["eight capitals", "IS IT DONE", []],
    ["nine capitals", "GET OUT NOW", ["GET OUT NOW"]],
    ["thirteen capitals", "THIS IS NOT OKAY", ["THIS IS NOT OKAY"]],
    ["19 of 21 letters in capitals", "ABCDEFGHIJ KLMNOPQRS ab", ["ABCDEFGHIJ KLMNOPQRS ab"]],
    ["13 of 15", "ABCDEF GHIJKLM ab", []],
    ["one-letter words do not count", "I AM A TUTOR", []],
    ["school acronyms do not count", "SENCO EHCP SEND PPA INSET", []],
    [
      "each sentence on its own, trimmed",
      "  STOP DOING THIS AT ONCE! fine. WHY IS NOBODY LISTENING?\nPLEASE READ THE EMAIL ",
      ["STOP DOING THIS AT ONCE", "WHY IS NOBODY LISTENING", "PLEASE READ THE EMAIL"],
    ],
  ])("%s", (_what, text, expected) => {
    expect(spans(text)).toEqual(expected);
  });

  it("the school's own acronyms do not count either", () => {
    const own = packFor("st-john-payne", { etiquette: { shouting: { acronyms: ["ABCDEFG", "hijklmn"] } } });
    expect(spans("ABCDEFG HIJKLMN", own)).toEqual([]);
    expect(spans("ABCDEFG HIJKLMN")).toEqual(["ABCDEFG HIJKLMN"]);
  });
});
