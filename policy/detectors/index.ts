import type { PolicyPack } from "../pack/schema.js";
import type { Entity, EntityType, Recipient } from "../engine/types.js";
import { detectBankDetails } from "./bank-details.js";
import { findCustomIdentifiers } from "./custom-identifiers.js";
import { detectDatesOfBirth } from "./date-of-birth.js";
import { detectDrivingLicences } from "./driving-licence.js";
import { detectNhsNumbers } from "./nhs-number.js";
import { detectNiNumbers } from "./ni-number.js";
import { packFacts, type PackFacts } from "./pack-facts.js";
import { detectPassportNumbers } from "./passport-number.js";
import {
  findNames,
  subjectSetOffWords,
  wordsNamedIn,
  writtenAsName,
  type NameCandidate,
  type SetOffWord,
} from "./person-name.js";
import { detectPhoneNumbers } from "./phone-number.js";
import { detectPostalAddresses } from "./postal-address.js";
import { greetingLineEnd } from "./signature.js";
import { REPLY_PREFIX } from "../engine/normalize.js";
import { GROUP_ADDRESSEES } from "../data/etiquette/greetings.js";
import { LISTED_IN_ATTACHMENT, PUBLIC_TITLES, ROSTER_WORDS } from "../data/personal-data/lexicon.js";
import { segmentBodyAndHeaders, signatureStart, type HeaderSpan } from "../engine/segments.js";
import { detectSpecialCategory, TITLED, type Identification } from "./special-category.js";
import { hasPhrase, makeScan, overlaps, type Candidate, type Scan } from "./text.js";
import { detectUlns } from "./uln.js";
import { detectUpns } from "./upn.js";
import { inTextOrder } from "../engine/text-order.js";

export interface PersonalDataInput {
  readonly subject: string;
  /** The body's plain text, folded for matching (`Message.body.text`). */
  readonly bodyText: string;
  /** The sender's own signature block in `bodyText`; defaults to a sign-off found in the text. */
  readonly signature?: { readonly start: number; readonly end: number };
  /**
   * File names of the attachments. Entities found in them have location "attachments" and offsets
   * into `attachmentNames.join("\n")`.
   */
  readonly attachmentNames: readonly string[];
  /** The sender: their own name and signature block are not personal data to encrypt. */
  readonly from?: Recipient;
  /**
   * The reply and forward header blocks in `bodyText`, ascending (`Message.replyHeaders`); found in the
   * text when not given. A name on one is a correspondent's.
   */
  readonly replyHeaders?: readonly HeaderSpan[];
}

/** Identifiers that single a person out, so a sensitive detail elsewhere in the message is theirs. */
const IDENTIFYING = new Set<EntityType>([
  "nhs-number",
  "ni-number",
  "upn",
  "uln",
  "date-of-birth",
  "postal-address",
  "passport-number",
  "driving-licence",
]);

/**
 * Finds personal data in a draft's subject, body (plain text) and attachment names: identifiers
 * validated by their check digits, dates of birth (with birth context only), home addresses, phone
 * numbers, bank details, passport and driving-licence numbers, named people, and special-category
 * details about a named or identified person. Never reported: the school's own address and phones,
 * the sender's signature block, bare email addresses, numbers failing their checks, other dates.
 * Filtered by the pack's identifier types and confidence threshold. Pure; linear in the text.
 */
export function detectPersonalData(input: PersonalDataInput, pack: PolicyPack): Entity[] {
  const facts = packFacts(pack);
  const names = input.attachmentNames.join("\n");
  const bodyEnd = input.bodyText.length;
  const signature = input.signature ?? {
    start: signatureStart(input.bodyText, bodyEnd, input.from?.name),
    end: bodyEnd,
  };
  // Stryker disable next-line ObjectLiteral: with no start and end no offset is in the signature, as with an empty one
  const none = (text: string) => ({ start: text.length, end: text.length });
  const scans: Scan[] = [
    makeScan(input.subject, "subject", none(input.subject), 0),
    makeScan(input.bodyText, "body", signature, greetingLineEnd(input.bodyText)),
    // "Ashdown_Oliver_EHCP.pdf" reads as words (`makeScan`).
    makeScan(names, "attachments", none(names), 0),
  ];

  // Stryker disable next-line ArrayDeclaration: only for an empty text, where a non-candidate entry has no type the pack allows and no special-category pass runs
  const found = scans.map((scan) => (scan.text.length === 0 ? [] : detectIdentifiers(scan, facts)));
  // A subject or a file name is too short to say what its ten digits are ("Ruby Ashcroft 999 186 0916"):
  // a number passing the NHS check there is an NHS number when the body speaks of one ("this is the NHS
  // number for Ruby"), as a reader of the whole message takes it. Only "NHS" itself, not the wider context
  // words ("GP", "red book"): an order number in a subject is not made one by a GP named in the body.
  let bodySaysNhs: boolean | undefined;
  for (const index of [0, 2]) {
    const candidates = found[index] as Candidate[];
    candidates.forEach((candidate, at) => {
      if (candidate.type !== "nhs-number" || candidate.confidence !== 0.5) return;
      if ((bodySaysNhs ??= hasPhrase((scans[1] as Scan).lower, ["nhs"])))
        candidates[at] = { ...candidate, confidence: 0.9 };
    });
  }
  // The body first: a one-word subject name counts only if the body names the same person, or writes
  // the word as a name ("to see Rory").
  const bodyScan = scans[1] as Scan;
  const replyHeaders = input.replyHeaders ?? segmentBodyAndHeaders(input.bodyText).headers;
  const inReplyHeader = (scan: Scan, at: number) => scan.location === "body" && withinSpan(replyHeaders, at);
  // A word the subject sets off ("reece 10H", "Jenny") is a name where the body writes it as a person.
  // A subject written without capitals ("ayaan (3S) autism") gives no sign of which words are names.
  // "Re:" and "Fwd:" are the mail program's capitals, not the sender's.
  const subjectInLowerCase = !/\b[A-Z][a-z]/.test(input.subject.replace(REPLY_PREFIX, ""));
  const setOffWords = subjectSetOffWords(input.subject, true).filter(
    (entry) => subjectInLowerCase || entry.word[0] !== entry.lower[0],
  );
  // Lower-case words of the names found so far: the body's, then the subject's (a file name is read last,
  // and "FSM_award_Williams.pdf" is the "leo williams" of the subject).
  const nameWords = new Set<string>();
  const findAndNote = (scan: Scan, namedElsewhere?: (word: string) => boolean, confirmed?: readonly SetOffWord[]) => {
    // Stryker disable next-line ArrayDeclaration: only for an empty text, where a non-candidate entry has no type the pack allows and no special-category pass runs
    const found = scan.text.length === 0 ? [] : findNames(scan, namedElsewhere, confirmed);
    addWordsOfNames(scan, found, nameWords);
    return found;
  };
  const bodyPeople = findAndNote(bodyScan, undefined, setOffWords);
  // Does the body write this subject word as a person on their own ("reece has been late…", "kacper's dad
  // says…", "KB (Class 3) is now on…"), not as whom the mail greets or whom to contact? Read in place: a
  // body of thousands of names slices none of them.
  const confirmedInBody = (word: string) =>
    bodyPeople.some(
      (name) =>
        !name.staff &&
        !name.addressee &&
        name.end - name.start === word.length &&
        bodyScan.lower.startsWith(word, name.start),
    );
  // A lower-case word is never "written as a name"; the body must find it as a person.
  const namedElsewhere = (word: string) =>
    nameWords.has(word.toLowerCase()) ||
    (word !== word.toLowerCase() && word !== word.toUpperCase() && writtenAsName(bodyScan.text, word));
  const subjectScan = scans[0] as Scan;
  const subjectPeople = findAndNote(subjectScan, namedElsewhere);
  // A run-on first word the body writes as a person (see `SetOffWord.runOn`) is whom the subject names.
  for (const name of wordsNamedIn(
    subjectScan,
    new Set(setOffWords.filter((entry) => entry.runOn && confirmedInBody(entry.lower)).map((entry) => entry.lower)),
  ))
    if (!subjectPeople.some((known) => overlaps(known, name.start, name.end))) subjectPeople.push(name);
  // A surname or initials heading the subject ("Begum - hearing aid", "JT – CP concern") above a body that
  // names someone by their given name ("Ruqayyah's hearing aid has stopped working") is that person: staff
  // write a pupil's name one way in the subject and another in the body. Not a word the body writes too, in
  // any case ("Census - ethnicity" above "the census return", "Oak - nits letter" above "the boy in Oak"):
  // that is the subject's topic, or a name the body confirms itself. Development part BI; without the body
  // naming someone, five false alarms for one more found.
  if (bodyPeople.some((name) => !name.staff && !name.addressee))
    for (const entry of setOffWords)
      // (A word the subject's names already hold is one the body writes, so it is never pushed twice.)
      if (entry.heading && !hasPhrase(bodyScan.lower, [entry.lower]))
        subjectPeople.push({
          type: "person-name",
          start: entry.start,
          end: entry.start + entry.word.length,
          confidence: 0.5,
          full: false,
          staff: false,
          addressee: false,
        });
  const people = [subjectPeople, bodyPeople, findAndNote(scans[2] as Scan, namedElsewhere)];
  // The sender signing with title and surname ("Miss Shah" from Priya Shah) is not whom the mail is about,
  // even where the signature block was not recognised.
  // Stryker disable next-line StringLiteral: with no sender any other text is no name's last word; split always returns a part, so pop() is never undefined
  const senderSurname = (input.from?.name ?? "").trim().toLowerCase().split(/\s+/).pop() as string;
  // Body only: a subject naming someone with the sender's surname is about them (a teacher's own child).
  const isSender = (scan: Scan, name: NameCandidate) =>
    scan.location === "body" &&
    // Stryker disable next-line ConditionalExpression: every body name's last word has two letters or more, so a shorter surname never equals one
    senderSurname.length > 1 &&
    // The name's last word, read in place: a body of thousands of names slices none of them.
    endsWithWordOf(scan.lower, name, senderSurname);
  // The words of the people the body names in full ("Aleksandra Zielinska"; not someone described): a
  // subject writing one of them is about that person, in any case and anywhere in it.
  const fullNameWords = new Set<string>();
  addWordsOfNames(
    bodyScan,
    bodyPeople.filter((name) => name.full && !name.staff && !name.addressee && !isSender(bodyScan, name)),
    fullNameWords,
    3,
  );
  for (const name of wordsNamedIn(subjectScan, fullNameWords))
    if (!subjectPeople.some((known) => overlaps(known, name.start, name.end))) subjectPeople.push(name);
  // In a subject, a member of staff named with their role is what the subject is about ("Mr Greaves
  // (caretaker) - off sick"), not whom to contact. A name in a reply's header is a correspondent's.
  const aboutSomeoneIn = (scan: Scan, name: NameCandidate) =>
    name.full &&
    !inReplyHeader(scan, name.start) &&
    !name.addressee &&
    (scan.location === "subject" || !name.staff) &&
    !isSender(scan, name) &&
    !PUBLIC_TITLE_BEFORE.test(scan.text.slice(Math.max(0, name.start - 12), name.start));
  // A given name the subject sets off and the body writes as a person ("reece 10H" above "reece has been
  // late…", "New starter - Ahmad" above "Ahmad (Year 8) starts…") is whom the whole mail is about, as a
  // full name is: a detail further down the body is theirs ("…his brother is tagged").
  const subjectsPerson = setOffWords.some((entry) => confirmedInBody(entry.lower));
  // A body saying an attached file lists pupils by name or identifier (`LISTED_IN_ATTACHMENT`).
  const listAttached = names.length > 0 && hasPhrase(bodyScan.lower, LISTED_IN_ATTACHMENT);
  const identifiedIn = scans.map(
    (scan, index) =>
      (scan !== scans[0] && listAttached) ||
      (scan === bodyScan && subjectsPerson) ||
      (people[index] as NameCandidate[]).some((name) => aboutSomeoneIn(scan, name)) ||
      (found[index] as Candidate[]).some(
        (entity) => IDENTIFYING.has(entity.type) && entity.confidence >= facts.threshold,
      ) ||
      (facts.customIdentifiers.length > 0 && findCustomIdentifiers(scan, facts.customIdentifiers).length > 0) ||
      (scan.location === "attachments" && hasPhrase(scan.lower, ROSTER_WORDS)),
  );
  // The body is read with the whole message (a subject naming the pupil makes "He has an EHCP" theirs);
  // a subject or file name is seen on its own in lists and notifications, so it must name someone itself.
  const identifiedAnywhere = identifiedIn.some(Boolean);

  // A notice to a group ("Dear all,") whose subject names nobody: see `Identification.groupNotice`.
  const groupNotice =
    identifiedIn[0] !== true && !subjectsPerson && GROUP_GREETING.test(bodyScan.lower.slice(0, bodyScan.greetingEnd));
  const entities: Entity[] = [];
  scans.forEach((scan, index) => {
    const candidates = found[index] as Candidate[];
    const named = people[index] as NameCandidate[];
    const noticeToGroup = scan === bodyScan && groupNotice;
    const who: Identification = {
      // In a notice to a group, "Mr", "Mrs", "Dr" mark the adults the notice names as its contacts
      // ("hand medication to Mrs Watts", "speak to Mrs Khan"), not whom a detail is about.
      fullNames: named
        .filter(
          (name) =>
            aboutSomeoneIn(scan, name) && !(noticeToGroup && TITLED.test(scan.text.slice(name.start, name.end))),
        )
        .map((name) => name.start),
      givenNames: named
        .filter((name) => isGivenNameAlone(name) && !inReplyHeader(scan, name.start))
        .map((name) => name.start),
      identified: scan.location === "body" ? identifiedAnywhere : identifiedIn[index] === true,
      groupNotice: noticeToGroup,
    };
    if (scan.text.length > 0) detectSpecialCategory(scan, facts.sensitiveTerms, who, candidates);
    // A name is a candidate as it is (its extra fields are not copied into the entity below).
    for (const name of named) candidates.push(name);
    inTextOrder(candidates);
    for (const candidate of candidates) {
      if (!facts.allowed.has(candidate.type) || candidate.confidence < facts.threshold) continue;
      entities.push({
        type: candidate.type,
        location: scan.location,
        start: candidate.start,
        end: candidate.end,
        confidence: candidate.confidence,
      });
    }
  });
  return entities;
}

/** Is `word` the last word of the name at [name.start, name.end) in `lower`? Read in place, no slice. */
function endsWithWordOf(lower: string, name: { readonly start: number; readonly end: number }, word: string): boolean {
  const at = name.end - word.length;
  return at >= name.start && lower.startsWith(word, at) && (at === name.start || /\s/.test(lower.charAt(at - 1)));
}

/** "PC ", "Imam ", "Sir " right before a name (`PUBLIC_TITLES`). */
const PUBLIC_TITLE_BEFORE = new RegExp(`(?:^|[^A-Za-z])(?:${PUBLIC_TITLES.join("|")})\\.? $`);
const GROUP_GREETING = new RegExp(`\\b(?:${GROUP_ADDRESSEES.join("|")})\\b`);

/** Is `at` inside one of `spans` (ascending by start)? Binary search: a body of 10,000 names asks 10,000 times. */
function withinSpan(spans: readonly HeaderSpan[], at: number): boolean {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((spans[middle] as HeaderSpan).start <= at) low = middle + 1;
    else high = middle;
  }
  const span = spans[low - 1];
  return span !== undefined && at < span.end;
}

/** A given name alone ("Oliver"), neither staff introduced by role nor the greeting's addressee. */
function isGivenNameAlone(name: NameCandidate): boolean {
  return !name.full && !name.staff && !name.addressee;
}

/**
 * Adds to `into` the words of each name, in lower case, of `shortest` letters or more; none for someone
 * described ("the boy in Oak", "your son", "a new arrival"): there "Oak" is a class, not a name.
 */
function addWordsOfNames(scan: Scan, names: readonly NameCandidate[], into: Set<string>, shortest = 0): void {
  // A name written again (a list or table of the same pupils) is split once.
  const seen = new Set<string>();
  for (const name of names) {
    // From the lower-case copy (same offsets): the callers want the words in lower case.
    const written = scan.lower.slice(name.start, name.end);
    if (seen.has(written)) continue;
    seen.add(written);
    const words = written.split(" ");
    if (!/^(?:the|your|our|a|an)$/.test(words[0] as string))
      for (const word of words) if (word.length >= shortest) into.add(word);
  }
}

/** Runs each identifier detector the pack asks for: one pass each over the text. */
function detectIdentifiers(scan: Scan, facts: PackFacts): Candidate[] {
  const out: Candidate[] = [];
  const wants = (type: EntityType) => facts.allowed.has(type);
  // Identifiers are made of digits: a text without any has none of them (subjects usually).
  const hasDigit = /\d/.test(scan.text);
  if (hasDigit) {
    if (wants("nhs-number")) detectNhsNumbers(scan, out);
    if (wants("uln")) detectUlns(scan, out);
    if (wants("ni-number")) detectNiNumbers(scan, out);
    if (wants("upn")) detectUpns(scan, out);
    if (wants("date-of-birth")) detectDatesOfBirth(scan, out);
    if (wants("postal-address")) detectPostalAddresses(scan, facts, out);
    if (wants("phone-number")) detectPhoneNumbers(scan, facts, out);
    if (wants("bank-details")) detectBankDetails(scan, out);
    if (wants("passport-number")) detectPassportNumbers(scan, out);
    if (wants("driving-licence")) detectDrivingLicences(scan, out);
  }
  return out;
}

export { greetingLineEnd };
