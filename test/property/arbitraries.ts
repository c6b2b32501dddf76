/** fast-check arbitraries for drafts: random text plus adversarial pieces aimed at the detectors. */
import fc from "fast-check";
import type { DraftInput } from "../../policy/engine/draft.js";
import {
  Rng,
  childBirthDate,
  corruptTenDigits,
  ibanGb,
  mobileNumber,
  nhsNumber,
  niNumber,
  person,
  upn,
  uln,
} from "../support/synthetic.js";

const fromSeed = <T>(make: (rng: Rng) => T) => fc.integer().map((seed) => make(new Rng(seed)));

const identifierPiece = fc.oneof(
  fromSeed(nhsNumber),
  fromSeed(uln),
  fromSeed(upn),
  fromSeed((rng) => niNumber(rng)),
  fromSeed((rng) => ibanGb(rng)),
  fromSeed(mobileNumber),
  fromSeed(corruptTenDigits),
  fromSeed((rng) => `DOB ${childBirthDate(rng, true)}`),
  fromSeed((rng) => {
    const p = person(rng);
    return `${p.title} ${p.first} ${p.last} has an EHCP and sees the social worker`;
  }),
);

const runOf = (chars: string, max: number) =>
  fc.tuple(fc.constantFrom(...chars.split("")), fc.integer({ min: 1, max })).map(([char, n]) => char.repeat(n));

const adversarialPiece = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.stringMatching(/^[0-9 -]{1,400}$/),
  runOf("0123456789", 2000),
  runOf("ABCDEFGHIJKLMNOPQRSTUVWXYZ ", 2000),
  runOf("!?.,;:-", 2000),
  fc.constantFrom("😀", "👩‍👩‍👧", "\uD83D", "\uDE00", "\u200B", "\u00A0", "\r\n", "\n\n", "\t"),
  fc
    .integer({ min: 1, max: 200 })
    .map((depth) => "<div><p><b>".repeat(depth) + "text" + "</b></p></div>".repeat(depth)),
  fc.constantFrom(
    "<br>",
    "<p>",
    "</p>",
    "<script>alert(1)</script>",
    "<style>p{}</style>",
    "&amp;",
    "&#128512;",
    "&#x1F600;",
    "&nbsp;",
    "<!-- c -->",
    "<",
    ">",
    "&",
    "<a href='x'>",
    "&#99999999;",
  ),
  fc.constantFrom(
    "SEN",
    "SENCO",
    "EHCP",
    "DSL",
    "GCSE",
    "PLEASE READ THIS NOW",
    "Kind regards,",
    "Dear all,",
    "Personal:",
    "[secure]",
  ),
  identifierPiece,
);

const text = (maxPieces: number) =>
  fc.array(adversarialPiece, { maxLength: maxPieces }).map((pieces) => pieces.join(" "));

const address = fc.oneof(
  fc.emailAddress(),
  fc.string({ maxLength: 30 }),
  fc.constantFrom("parent@gmail.com", "head@st-john-payne.sch.uk", "x@st-j0hn-payne.sch.uk", "a@", "@b", ""),
);
const recipient = fc.record(
  { address, name: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }) },
  { requiredKeys: ["address"] },
);
const recipients = fc.array(recipient, { maxLength: 8 });
const attachment = fc.record(
  {
    name: fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom("setup.exe", "Oliver Ashdown SEN report.docx", ".", ""),
    ),
    size: fc.oneof(fc.nat(), fc.constant(50 * 1024 * 1024), fc.double({ min: 0, max: 1e9, noNaN: true })),
    contentType: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
    isInline: fc.option(fc.boolean(), { nil: undefined }),
  },
  { requiredKeys: ["name", "size"] },
);

export const adversarialDraft: fc.Arbitrary<DraftInput> = fc.record({
  subject: text(6),
  body: text(30),
  bodyType: fc.constantFrom("text" as const, "html" as const),
  from: fc.option(recipient, { nil: undefined }),
  to: recipients,
  cc: recipients,
  bcc: recipients,
  attachments: fc.array(attachment, { maxLength: 4 }),
});

/** Bodies of 100 kB to 1 MB: a random adversarial chunk repeated. */
export const bigDraft: fc.Arbitrary<DraftInput> = fc
  .tuple(adversarialDraft, fc.integer({ min: 100_000, max: 1_000_000 }))
  .map(([draft, size]) => {
    const chunk = (draft.body ?? "") + " Dear all, the GCSE results are in. NHS 943 476 5919. ";
    return { ...draft, body: chunk.repeat(Math.ceil(size / chunk.length)).slice(0, size) };
  });
