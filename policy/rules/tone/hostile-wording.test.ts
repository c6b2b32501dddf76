import { describe, expect, it } from "vitest";
import { ruleTester, runRule } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import rule, { hostileSpans } from "./hostile-wording.js";
import { predicts } from "../../model/text-classifier.js";
import { toneModel } from "../../data/models/tone.js";

const body = (text: string) => ({ subject: "Yesterday", body: text, bodyType: "text" as const });

ruleTester(rule, {
  pack: loadPolicy("st-john-payne"),
  valid: [
    // Development part AJ: a remark denied, or the sender's about themselves.
    ...[
      "One tablet in the morning wrapped in ham, he's not stupid.",
      "I'm an idiot, left my lanyard at home again. Can someone let me in?",
      "I felt like such a muppet at the meeting.",
      "She isn't lazy, she is exhausted.",
    ].map((text) => ({ name: `denied or about the sender: ${text}`, draft: body(text) })),
    { draft: body("Dear Tom, thank you for covering my class. Kind regards") },
    // The same words where nobody is talked down to.
    { name: "a grown-ups' race", draft: body("Year 6 will hand the relay baton to the grown-ups at sports day.") },
    // A thing is still the target where a place only says where it is.
    { name: "a thing in a place", draft: body("The printer in this building is useless.") },
    // Development parts AP and AQ: a playground marking, a transport escort.
    { name: "a number snake", draft: body("Could you quote for the number snake and the hopscotch?") },
    { name: "a passenger assistant", draft: body("He needs a passenger assistant on the taxi.") },
    { draft: body("The old printer is slow; IT are replacing it.") },
    { name: "a worksheet too hard for a class", draft: body("This worksheet is too complicated for a Year 3 class.") },
    { draft: body("I was disappointed with the outcome, and I'd like to talk it through.") },
    { name: "medical term", draft: body("Sam has a lazy eye and needs to sit near the front.") },
    {
      name: "a diabetes check",
      draft: body("Amara needs a finger prick test before lunch; her kit is in the office."),
    },
    { name: "frustration with a thing", draft: body("The photocopier is hopeless again, it jammed twice before 9.") },
    // "completely useless" about software is frustration with a thing (development part AF).
    { name: "a thing completely useless", draft: body("SIMS keeps crashing. It's completely useless today.") },
    {
      name: "a pupil's own feeling, reported",
      draft: body("His housemaster has noticed he is withdrawn and has said he feels hopeless."),
    },
    {
      name: "reported speech in a safeguarding note",
      draft: body('At break Jay called Sam a "useless idiot" and told him to "f*** off". I have logged it on CPOMS.'),
    },
    { name: "a medical term that contains a slur", draft: body("Lily has spastic quadriplegic cerebral palsy.") },
    {
      name: "a subject someone else wrote",
      draft: { subject: "RE: wtf happened", body: "See below.", bodyType: "text" },
    },
    { name: "a target in another paragraph", draft: body("The teacher was here.\n\nUseless.") },
    { name: "a thing before the insult, a person after it", draft: body("The printer is useless, the teacher said.") },
    { name: "a quoted phrase reported", draft: body('Mr Brown said the trip was "a joke".') },
    { name: "a letter and an asterisk in a formula", draft: body("Use A*B for the area of the rectangle.") },
    { name: "an insult word about the weather", draft: body("The weather is awful, so PE is in the hall.") },
    // Quotation marks in reported speech: straight, curly and single quotes; an apostrophe is not a mark.
    { name: "single quotes in reported speech", draft: body("Jay said Sam's brother is an 'idiot'.") },
    { name: "curly quotes in reported speech", draft: body("Jay called Sam an “idiot” at break.") },
    {
      name: "reported speech in a later sentence",
      draft: body('Thanks for the update. Jay called Sam an "idiot" at break.'),
    },
    {
      name: "the quote closing the sentence before is not counted in the next",
      draft: body('Sam said "no". Jay then called him an "idiot".'),
    },
    // The target must be in the same sentence: each sentence end cuts the search.
    { name: "target before a full stop", draft: body("Well done to the staff. Awful news about the alarm, though.") },
    {
      name: "target before a question mark",
      draft: body("Well done to the staff? Awful news about the alarm, though."),
    },
    {
      name: "target before an exclamation mark",
      draft: body("Well done to the staff! Awful news about the alarm, though."),
    },
    { name: "target before a semicolon", draft: body("Well done to the staff; awful news about the alarm, though.") },
    {
      name: "target before a paragraph break",
      draft: body("Well done to the staff\n\nAwful news about the alarm, though."),
    },
    {
      name: "a new sentence with no space after the stop",
      draft: body("Well done to the staff.Awful news about the alarm, though."),
    },
    { name: "a target in the next sentence", draft: body("What awful news. Teachers, please check the rota.") },
    {
      name: "target in the sentence before the last, which has no full stop",
      draft: body("Well done to the staff. Awful news about the alarm, though"),
    },
    {
      name: "an insult in a later sentence with no target before it or just after it",
      draft: body("Thank you all for coming to the meeting this morning. Awful news about the alarm for the children."),
    },
    // Six words before the insult at most, three after.
    { name: "a target seven words before", draft: body("The teacher in charge of the drama was useless.") },
    { name: "a target four words after", draft: body("Useless for the new teachers.") },
  ],
  invalid: [
    // Development part AY: a colleague talked down to, mock deference, a colleague called an airhead.
    ...[
      "Bless you for trying, Chloe. Maybe leave the timetable to the grown-ups next time.",
      "As per my last three emails, which you were far too busy and important to read, the list is due Friday.",
      "lol the new TA in Willow is a proper airhead.",
      // A new user's trial: a pupil called a brat, the target words further back than the six read.
      "that child is an absolute nightmare, a proper little brat",
      "With respect, you clearly haven't read the letter. Again.",
      // A new user's trial: a passive-aggressive reply to a parent.
      "Perhaps if you actually read my previous emails we would not need to keep having this conversation.",
    ].map((text) => ({ name: `talked down to: ${text}`, draft: body(text), errors: [{ messageId: "hostile" }] })),
    // A new user's trial: exasperation with a colleague, the sender's own state aimed at the reader, and an
    // order backed by going over their head.
    ...[
      "This is completely unacceptable and frankly I'm fed up with chasing you. Sort it out.",
      "Get them to me by 9am or I'm going straight to the Head.",
    ].map((text) => ({ name: `at a colleague: ${text}`, draft: body(text), errors: [{ messageId: "hostile" }] })),
    {
      name: "sarcasm about reading an email",
      draft: body("Are you actually capable of reading an email, or do I need to draw you a picture?"),
      errors: [{ messageId: "hostile" }],
    },
    {
      name: "an insult aimed at a person, without swearing",
      draft: body("Honestly her deputy is useless and never answers."),
      errors: [{ messageId: "hostile", location: "body", data: { kinds: "aimed at a person" } }],
    },
    // Development parts AR and AS: a threat, a parent's English mocked, sarcasm, contempt for a seller.
    ...[
      ["If you speak to her like that again you'll hear from us. Don't test me.", "Don't test me"],
      ["His English is about as good as my Polish. They should learn the language.", "learn the language"],
      ["Perhaps next time whoever takes them could try staying awake.", "try staying awake"],
      ["Avoid that woman on the selling page, she's a proper con artist.", "con artist"],
      // Development part AU: condescension aimed at colleagues.
      ["Let me explain this slowly, Ian.", "explain this slowly"],
      ["Clearly listening isn't your strong point, Craig.", "isn't your strong point"],
      // A teacher's trial: sarcasm at a colleague who missed a deadline.
      ["Thanks so much for getting your data in on time. Oh wait.", "Oh wait"],
      ["Oh brilliant, thanks for letting us all down again.", "letting us all down"],
      // Development part AV: mock thanks, a veiled threat, a parent talked down to.
      ["Thanks for finally turning up, Anna. Only six weeks late.", "Thanks for finally"],
      ["I have a long memory, and your contract comes up for renewal in July.", "I have a long memory"],
      ["Other parents seem to manage it, but I'll send the instructions again.", "Other parents seem to manage"],
    ].map(([text, span]) => ({
      name: `hostile: ${text}`,
      draft: body(text as string),
      errors: [{ messageId: "hostile", location: "body" as const, spanTexts: [span as string] }],
    })),
    {
      // Development parts AP and AQ: the place says where the people are, not whom.
      name: "people in a place",
      draft: body("Some people in this building are completely selfish."),
      errors: [{ messageId: "hostile", location: "body", spanTexts: ["selfish"] }],
    },
    {
      name: "a person-naming insult needs no target",
      draft: body("Absolute amateurs. Nobody knew where to go."),
      errors: [{ messageId: "hostile", location: "body", spanTexts: ["amateurs"] }],
    },
    ...[
      ["Oh well done Gareth. Another genius move, leaving the minibus on empty.", "Another genius"],
      ["tell him to grow a pair and speak to her himself", "grow a pair"],
      ["You looked seriously hot at the training yesterday.", "seriously hot"],
      ["I'm not f***ing doing it again.", "f***ing"],
      [
        "Well done Sherlock, it only took you three weeks to work out the boiler was off.",
        ["Well done Sherlock", "only took you"],
      ],
      ["Oh fantastic, another brilliant idea from the governors.", "another brilliant idea"],
      // Development part AM.
      ["Well done Craig on fixing the boiler - only took you three weeks.", "only took you"],
      ["Apparently this is too complicated for a man with two degrees.", "too complicated for a man"],
      ["Move it or I'll have it towed.", "or I'll have it"],
      [
        "Everyone's autistic these days, it's the fashionable excuse for bad parenting.",
        ["fashionable excuse", "bad parenting"],
      ],
    ].map(([text, span]) => ({
      name: `development AJ, AM: ${String(text)}`,
      draft: body(String(text)),
      errors: [
        { messageId: "hostile", location: "body" as const, spanTexts: typeof span === "string" ? [span] : span },
      ],
    })),
    {
      name: "mock praise: a medal for turning up",
      draft: body(
        "Well done, genius. Another lesson where half the class did nothing. I suppose you'll want a medal for turning up.",
      ),
      errors: [{ messageId: "hostile", location: "body", spanTexts: ["Well done, genius", "want a medal"] }],
    },
    {
      name: "sarcasm aimed at the reader",
      draft: body("Do you actually read your emails? I sent this three times."),
      errors: [{ messageId: "hostile", location: "body", data: { kinds: "sarcastic or contemptuous" } }],
    },
    {
      name: "masked swearing",
      draft: body("This f***ing rota again."),
      errors: [{ messageId: "hostile", location: "body", data: { kinds: "obscene" } }],
    },
    {
      name: "calls someone incompetent",
      draft: body("Frankly the new head of maths is incompetent."),
      errors: [{ messageId: "hostile", location: "body", data: { kinds: "calling someone incompetent" } }],
    },
    {
      name: "abusive",
      draft: body("Only an idiot would book the hall twice."),
      errors: [{ messageId: "hostile", location: "body", data: { kinds: "rude or contemptuous" } }],
    },
    // Anger at the reader is named as anger, not as a remark about someone.
    {
      name: "angry",
      draft: body("This is completely unacceptable and I am furious."),
      errors: [{ messageId: "hostile", location: "body", data: { kinds: "angry" }, spanTexts: ["I am furious"] }],
    },
    {
      name: "told to do their job: incompetent",
      draft: body("Are you actually serious?? Do your job for once."),
      errors: [
        {
          messageId: "hostile",
          location: "body",
          data: { kinds: "calling someone incompetent" },
          spanTexts: ["Do your job"],
        },
      ],
    },
    {
      name: "no idea, and told to sort it out",
      draft: body("You clearly have no idea what goes on in my classroom. Sort it out yourself."),
      errors: [
        {
          messageId: "hostile",
          location: "body",
          data: { kinds: "calling someone incompetent, rude or contemptuous" },
          spanTexts: ["You clearly have no idea", "Sort it out yourself"],
        },
      ],
    },
    {
      name: "a member of staff by their post, completely useless",
      draft: body("Frankly the new cover supervisor is completely useless."),
      errors: [
        { messageId: "hostile", location: "body", data: { kinds: "aimed at a person" }, spanTexts: ["useless"] },
      ],
    },
    {
      name: "threatening",
      draft: body("Fix it by Friday or else."),
      errors: [{ messageId: "hostile", location: "body", data: { kinds: "threatening" } }],
    },
    {
      name: "criticising another school",
      draft: body("Between us, that school is a joke and their teachers are useless."),
      errors: [{ messageId: "hostile", location: "body", data: { kinds: "criticising another school" } }],
    },
    {
      name: "masked swearing: sh*t",
      draft: body("The rota is sh*t again."),
      errors: [{ messageId: "hostile", location: "body", data: { kinds: "obscene" }, spanTexts: ["sh*t"] }],
    },
    {
      name: "masked swearing: b*stard",
      draft: body("He is a b*stard."),
      errors: [{ messageId: "hostile", location: "body", data: { kinds: "obscene" }, spanTexts: ["b*stard"] }],
    },
    {
      name: "masked swearing: c**t",
      draft: body("What a c**t."),
      errors: [{ messageId: "hostile", location: "body", data: { kinds: "obscene" }, spanTexts: ["c**t"] }],
    },
    {
      name: "masked swearing: tw@t",
      draft: body("What a tw@t."),
      errors: [{ messageId: "hostile", location: "body", data: { kinds: "obscene" }, spanTexts: ["tw@t"] }],
    },
    {
      name: "masked swearing: D*mn",
      draft: body("D*mn this printer."),
      errors: [{ messageId: "hostile", location: "body", data: { kinds: "obscene" }, spanTexts: ["D*mn"] }],
    },
    {
      name: "masked swearing: F###",
      draft: body("F### this rota."),
      errors: [{ messageId: "hostile", location: "body", data: { kinds: "obscene" }, spanTexts: ["F###"] }],
    },
    {
      name: "masked swearing: f%king",
      draft: body("This f%king rota."),
      errors: [{ messageId: "hostile", location: "body", data: { kinds: "obscene" }, spanTexts: ["f%king"] }],
    },
    {
      name: "an insult with its target before it in the sentence",
      draft: body("The teacher was useless."),
      errors: [
        { messageId: "hostile", location: "body", data: { kinds: "aimed at a person" }, spanTexts: ["useless"] },
      ],
    },
    {
      name: "two kinds in one sentence, each marked",
      draft: body("You are an idiot and incompetent."),
      errors: [
        {
          messageId: "hostile",
          location: "body",
          data: { kinds: "rude or contemptuous, calling someone incompetent" },
          spanTexts: ["idiot", "incompetent"],
        },
      ],
    },
    {
      name: "a discriminatory slur",
      draft: body("He is a retard."),
      errors: [{ messageId: "hostile", location: "body", data: { kinds: "discriminatory" } }],
    },
    {
      name: "derogatory and aimed at a person, both named",
      draft: body("She is a stupid cow."),
      errors: [{ messageId: "hostile", location: "body", data: { kinds: "derogatory, aimed at a person" } }],
    },
    {
      name: "a person-naming insult is aimed at a person",
      draft: body("Honestly, absolute amateurs."),
      errors: [
        { messageId: "hostile", location: "body", data: { kinds: "aimed at a person" }, spanTexts: ["amateurs"] },
      ],
    },
    {
      name: "words after the quotes of a reported sentence count",
      draft: body("He called me a 'cow' and he is an idiot."),
      errors: [
        { messageId: "hostile", location: "body", data: { kinds: "rude or contemptuous" }, spanTexts: ["idiot"] },
      ],
    },
    {
      name: "words after curly quotes of a reported sentence count",
      draft: body("Jay called Sam a “cow” and he is an idiot."),
      errors: [
        { messageId: "hostile", location: "body", data: { kinds: "rude or contemptuous" }, spanTexts: ["idiot"] },
      ],
    },
    {
      name: "scare quotes without a reporting verb are the sender's own",
      draft: body('The new deputy is a total "clown".'),
      errors: [{ messageId: "hostile", location: "body", data: { kinds: "aimed at a person" }, spanTexts: ["clown"] }],
    },
    {
      name: "criticising another school counts even when quoted",
      draft: body('A parent told me "that school is a joke".'),
      errors: [
        {
          messageId: "hostile",
          location: "body",
          data: { kinds: "criticising another school" },
          spanTexts: ["that school is a joke"],
        },
      ],
    },
    {
      name: "an exception phrase earlier leaves the offsets alone",
      draft: body("Amara has a finger prick test at ten. Her deputy is useless."),
      errors: [
        { messageId: "hostile", location: "body", data: { kinds: "aimed at a person" }, spanTexts: ["useless"] },
      ],
    },
    {
      name: "an insult in a later sentence, its target before it",
      draft: body("Thanks for this. Her deputy is useless."),
      errors: [
        { messageId: "hostile", location: "body", data: { kinds: "aimed at a person" }, spanTexts: ["useless"] },
      ],
    },
    {
      name: "an insult in a later sentence, its target just after it",
      draft: body("Thanks for coming. Useless teachers, the lot of them."),
      errors: [
        { messageId: "hostile", location: "body", data: { kinds: "aimed at a person" }, spanTexts: ["Useless"] },
      ],
    },
    {
      name: "a possessive names the target",
      draft: body("The deputy's plan is useless."),
      errors: [
        { messageId: "hostile", location: "body", data: { kinds: "aimed at a person" }, spanTexts: ["useless"] },
      ],
    },
    {
      name: "a two-word target whose first word is a thing",
      draft: body("Honestly, that lot are useless."),
      errors: [
        { messageId: "hostile", location: "body", data: { kinds: "aimed at a person" }, spanTexts: ["useless"] },
      ],
    },
    {
      name: "a target six words before",
      draft: body("The teacher in charge of drama was useless."),
      errors: [
        { messageId: "hostile", location: "body", data: { kinds: "aimed at a person" }, spanTexts: ["useless"] },
      ],
    },
    {
      name: "a target across a wrapped line",
      draft: body("I think those teachers\nare useless."),
      errors: [
        { messageId: "hostile", location: "body", data: { kinds: "aimed at a person" }, spanTexts: ["useless"] },
      ],
    },
    {
      name: "a phrase with two spaces in it",
      draft: body("Honestly, her deputy is a  joke."),
      errors: [
        { messageId: "hostile", location: "body", data: { kinds: "aimed at a person" }, spanTexts: ["a  joke"] },
      ],
    },
    {
      name: "masked swearing before a phrase, spans in text order",
      draft: body("What a f***ing idiot."),
      errors: [
        {
          messageId: "hostile",
          location: "body",
          data: { kinds: "rude or contemptuous, obscene" },
          spanTexts: ["f***ing", "idiot"],
        },
      ],
    },
    {
      name: "contempt in ordinary words, caught by the model",
      draft: body("I have had it with your constant excuses. Frankly you make me sick."),
      errors: [{ messageId: "likely", location: "body" }],
    },
    {
      name: "obscene in subject",
      draft: { subject: "wtf happened", body: "See below.", bodyType: "text" },
      errors: [{ messageId: "hostile", location: "subject", data: { kinds: "obscene" }, spanTexts: ["wtf"] }],
    },
  ],
});

describe("hostile-wording: a pronoun after an insult begins the next clause, a noun there is its target", () => {
  const pack = loadPolicy("st-john-payne");
  const findings = (text: string) => runRule(rule, body(text), pack).findings;

  it.each([
    "Useless, you said to the teachers.",
    "Useless, he told the teachers.",
    "Useless, she told the teachers.",
    "Useless, they told the teachers.",
    "Useless, it said to the teachers.",
    "Useless, you're right, the teachers say.",
    "Useless, they're telling the teachers.",
    "Useless, them teachers said.",
    "Useless, him and the teachers said.",
    "Useless, her teachers said.",
  ])("%s", (text) => {
    expect(findings(text)).toEqual([]);
  });

  it("useless teachers", () => {
    expect(findings("Useless teachers, the lot of them.").map((finding) => finding.data?.kinds)).toEqual([
      "aimed at a person",
    ]);
  });
});

describe("hostile-wording: the model's guess leaves chain mail to the chain-mail rule", () => {
  const pack = loadPolicy("st-john-payne");
  const alarm = "Honestly, they are evil people and nobody can stop them.";

  it("the model alone reads the alarm as heated", () => {
    expect(predicts(toneModel, "Yesterday", alarm)).toBe(true);
    expect(runRule(rule, body(alarm), pack).findings.map((finding) => finding.messageId)).toEqual(["likely"]);
  });

  it("not when the mail is a chain letter (a hoax's alarm is the letter's, not the sender's)", () => {
    const chain = `${alarm} Forward this to everyone you know.`;
    expect(predicts(toneModel, "Yesterday", chain)).toBe(true);
    expect(runRule(rule, body(chain), pack).findings).toEqual([]);
  });
});

describe("hostileSpans: the sender's own state aimed at the reader", () => {
  it("counts after 'I'm', which turns only an insult on the sender, and not after 'not'", () => {
    expect(hostileSpans("Frankly I'm fed up with chasing you.").kinds).toEqual(["abusive"]);
    expect(hostileSpans("I'm not fed up with you, I just need the reports.").spans).toEqual([]);
    expect(hostileSpans("I'm an idiot, I left my lanyard at home.").spans).toEqual([]);
  });
});

describe("hostileSpans: a body of insults (issue 10's hostile shape) is read in bounded time", () => {
  it("weighs the first 200 phrases, in text order, and no more", () => {
    const insults = "you useless ".repeat(1000);
    expect(hostileSpans(insults).spans).toHaveLength(200);
    // The 201st phrase is a threat, not weighed: the mail already reads as hostile 200 times over.
    expect(hostileSpans(`${"you useless ".repeat(200)}or else`).kinds).toEqual(["insult"]);
    expect(hostileSpans(`${"you useless ".repeat(199)}or else`).kinds).toEqual(["insult", "threatening"]);
  });

  it("reads an insult's target in its own sentence of a long body, from the words around it", () => {
    const filler = "and then we went over the marking scheme again for the third time ".repeat(20);
    // The sentence is some 1,300 characters long: the six words before the insult decide, not its start.
    expect(hostileSpans(`You said ${filler}and you are all so useless at it.`).kinds).toEqual(["insult"]);
    expect(hostileSpans(`You said ${filler}and the laminator is useless.`).kinds).toEqual([]);
    // Not a word of the next sentence: "teachers" after the full stop is no target of "useless".
    expect(hostileSpans(`${filler}and this login is useless. Teachers agree.`).kinds).toEqual([]);
  });
});

describe("hostileSpans: development parts BC's and BD's kinds without a swear word", () => {
  it.each([
    // 'A disgrace' needs a person or a school to be aimed at.

    ["You are a disgrace to this profession.", ["insult"]],
    ["Your behaviour at the meeting was disgraceful.", ["insult"]],
    ["His marking is a disgrace.", ["insult"]],
    ["That school is a disgrace.", ["insult"]],
    // Development part BC: frustration with a machine.
    ["The photocopier in the Prep staffroom is an absolute disgrace.", []],
    ["The state of the staffroom is disgraceful.", []],
    ["I'll just cancel my weekend then, shall I, since your planning matters more.", ["sarcastic"]],
    ["Seeing as you're clearly the only person in the building who knows anything about autism.", ["sarcastic"]],
    ["Women of a certain age like Bev just can't cope with new tech.", ["discriminatory"]],
    ["If I see your car there again I'll have it clamped.", ["threatening"]],
    // Look-alikes: a real offer, a plain question.
    ["Shall I book the hall then?", []],
    ["She is the only person who has the key to the hall.", []],
    // Development part BD.
    ["The new escort can barely speak English.", ["discriminatory"]],
    ["They'll send anyone straight off the boat as long as they're cheap.", ["discriminatory"]],
    ["Nobody has owned up. Typical of the cowards in this building.", ["insult"]],
    // Look-alikes: a trip's ferry, a pupil's progress in English.
    ["We got off the boat at Calais at nine.", []],
    ["Amir can now speak English with confidence.", []],
  ])("%s", (text, kinds) => {
    expect(hostileSpans(text).kinds).toEqual(kinds);
  });
});

// A new user's trial: the model's finding said "Parts of this read as…" and pointed at nothing.
describe("hostile-wording: the model's finding points at the sentences that weigh most", () => {
  const pack = loadPolicy("st-john-payne");
  const text =
    "Honestly I am SICK of this. I've told them a hundred times and NOBODY listens. If management won't back us up then what is the point?? Sort it out.";

  it("at most two whole sentences of the sender's own, each trimmed, in text order", () => {
    const [finding] = runRule(rule, body(text), pack).findings;
    expect(finding?.messageId).toBe("likely");
    const spans = finding?.spans ?? [];
    expect(spans.length).toBeGreaterThan(0);
    expect(spans.length).toBeLessThanOrEqual(2);
    const sentences = [
      "Honestly I am SICK of this.",
      "I've told them a hundred times and NOBODY listens.",
      "If management won't back us up then what is the point??",
      "Sort it out.",
    ];
    for (const span of spans) expect(sentences).toContain(text.slice(span.start, span.end));
    expect(spans.map((span) => span.start)).toEqual([...spans.map((span) => span.start)].sort((a, b) => a - b));
  });
});
