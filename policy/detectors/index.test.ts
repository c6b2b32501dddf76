import { describe, expect, it } from "vitest";
import {
  Rng,
  corruptTenDigits,
  mobileNumber,
  nhsNumber,
  niNumber,
  spacedNhs,
  upn,
} from "../../test/support/synthetic.js";
import { loadPolicy } from "../pack/load.js";
import { detectPersonalData, signatureStart } from "./index.js";

const pack = loadPolicy("delius");
const rng = new Rng(2025);

function typesIn(bodyText: string, subject = ""): string[] {
  return detectPersonalData({ subject, bodyText, attachmentNames: [] }, pack)
    .filter((entity) => entity.type !== "person-name")
    .map((entity) => `${entity.location}:${entity.type}`);
}

const nhs = nhsNumber(rng);
const mobile = mobileNumber(rng);

describe("detectPersonalData: must find", () => {
  it.each([
    ["a valid NHS number", `Her NHS number is ${spacedNhs(nhs)}.`, "body:nhs-number"],
    ["a valid UPN", `UPN ${upn(rng)} for the new starter.`, "body:upn"],
    ["a valid NI number", `NI number ${niNumber(rng)}.`, "body:ni-number"],
    ["a date with birth context", "Date of birth: 04/07/2016.", "body:date-of-birth"],
    ["a home address", "The new address is 14 Mill Lane, Leeds LS6 9XA.", "body:postal-address"],
    ["a parent's mobile", `Mum's number is ${mobile}, call her after 3.`, "body:phone-number"],
    ["a sort code", "Sort code 40-12-34, account 12345678.", "body:bank-details"],
    [
      "a named pupil with special-category details",
      "Oliver Ashdown has an EHCP and takes medication at lunch.",
      "body:special-category",
    ],
  ])("%s", (_label, text, expected) => {
    expect(typesIn(text)).toContain(expected);
  });

  it("reports subject entities in the subject", () => {
    expect(typesIn("", `NHS ${spacedNhs(nhs)}`)).toContain("subject:nhs-number");
  });

  it("offsets index the text", () => {
    const text = `Her NHS number is ${nhs}, thanks.`;
    const [entity] = detectPersonalData({ subject: "", bodyText: text, attachmentNames: [] }, pack).filter(
      (e) => e.type === "nhs-number",
    );
    expect(entity && text.slice(entity.start, entity.end)).toBe(nhs);
  });
});

describe("detectPersonalData: must not find", () => {
  it.each([
    ["a ten-digit order number failing the checksums", `Order number ${corruptTenDigits(rng)} has arrived.`],
    ["a date without birth context", "Parents' evening is on 12/03/2025."],
    ["the school's own address", "Send forms to Delius School, 1 Example Lane, Bradford BD3 9ZZ."],
    ["the school's own phone", "Call the office on 01632 960101."],
    ["acronyms without a named person", "The SENCO will review EHCP and SEN support; the DSL logs concerns on CPOMS."],
    [
      "a phone in the sender's signature",
      `See you then.\n\nKind regards,\nJo Ellis\nHead of Year 9\nMobile: ${mobile}`,
    ],
    ["a bare email address", "Email jo.ellis@delius-school.sch.uk with questions."],
  ])("%s", (_label, text) => {
    expect(typesIn(text)).toEqual([]);
  });

  // Acronyms match in capitals only, so the verb "send" is not SEND.
  it("the verb 'send' is not the SEND acronym", () => {
    expect(typesIn("Dear Oliver,\n\nPlease send the minutes to the office.")).toEqual([]);
  });

  // The addressee in the greeting is whom the mail is for, not whom it is about.
  it("a greeting by first name does not make SEN policy talk personal", () => {
    expect(typesIn("Dear Mrs Patel,\n\nOur SEN policy is on the website.")).toEqual([]);
    expect(
      typesIn("Hi Jack,\n\nThe SEN policy is due for review; the SENCO welcomes comments on EHCP support."),
    ).toEqual([]);
  });
});

describe("a first name beside a sensitive detail", () => {
  it("counts after the greeting", () => {
    expect(typesIn("Dear Mrs Patel,\n\nOliver has been diagnosed with ADHD.")).toEqual([
      "body:special-category",
      "body:special-category",
    ]);
  });
});

describe("signatureStart", () => {
  it("starts at the last short closing line", () => {
    const body = "Dear all,\n\nThe trip is on Friday.\n\nKind regards,\nJo Ellis";
    expect(body.slice(signatureStart(body))).toBe("Kind regards,\nJo Ellis");
  });

  it("is the text length when there is no closing", () => {
    expect(signatureStart("No closing here")).toBe("No closing here".length);
  });
});
