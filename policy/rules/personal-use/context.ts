import { domainOf } from "../../engine/draft.js";
import type { Message } from "../../engine/message.js";
import type { PolicyPack } from "../../pack/schema.js";
import { SCHOOL_BUSINESS, SCHOOL_LIFE_WORDS, STAFF_WORK } from "../../data/personal-use/topics.js";
import { findAll, phrasePattern } from "../text.js";
import { STAFF_TITLE_WORDS } from "../../data/personal-use/markers.js";

/**
 * Structure the personal-use model reads beside the words: whom the mail goes to and how the sender
 * speaks. A teacher booking an MOT, a hotel or a loan writes a short first-person note to a company;
 * school business to a supplier says "we", names pupils, classes or orders and often goes to a council,
 * another school or the NHS. Word features alone miss the first kind when no topic word is on a list
 * ("can I book the Corsa in on Saturday?"). Features start with "@" so they never collide with words.
 *
 * The signature block says who is writing: a job title or the school's name under the sender's name
 * ("@signed:as-staff") is someone writing for the school; a bare name ("@signed:name") or none says
 * nothing. With it the development set's leave-one-file-out F1 at p >= 0.75 went from 0.872 to 0.877.
 *
 * Shape: a list of feature names (presence features), e.g. ["@to:company", "@first-person", "@no-school-words"].
 */
export function personalUseContext(message: Message, pack: PolicyPack): string[] {
  const features: string[] = [];
  const webmail = pack.recipients.personalWebmailDomains;
  const external = message.recipients.filter((entry) => entry.standing === "external");
  const domains = external.map((entry) => domainOf(entry.recipient.address));
  const recipients = message.recipients;
  if (recipients.length > 0 && external.length === 0)
    features.push(recipients.length >= 10 ? "@to:all-staff" : "@to:colleagues");
  else if (external.length > 0 && domains.every((domain) => webmail.indexOf(domain) !== -1))
    features.push("@to:webmail");
  else if (domains.some(isPublicSector)) features.push("@to:public-sector");
  else if (external.length > 0) features.push("@to:company");
  const own = message.own;
  if (FIRST_PERSON.test(own)) features.push("@first-person");
  // Subject and body apart: the body's word index is the one the other rules already built (no copy of it).
  const schoolWords = findAll(SCHOOL_WORDS, message.subject.text).length + findAll(SCHOOL_WORDS, own).length;
  const school = schoolWords === 0 ? "@no-school-words" : schoolWords < 3 ? "@few-school-words" : "@school-words";
  features.push(school);
  // Whom and what together: nothing of school written to a colleague is a friend's note, to a company an
  // order, where either alone says little (a weight per feature cannot say "both").
  const to = features[0];
  if (to !== undefined && to.startsWith("@to:")) features.push(`${to}&${school.slice(1)}`);
  features.push(own.length < 400 ? "@short" : "@long");
  const signature = message.body.lower.slice(message.signature.start, message.signature.end);
  if (signature.trim() !== "")
    features.push(
      findAll(TITLE_WORDS, signature).length > 0 || signature.indexOf(pack.school.name.toLowerCase()) !== -1
        ? "@signed:as-staff"
        : "@signed:name",
    );
  return features;
}

/** I, my, me, I'm, I'll, I'd, I've: the sender speaking for themselves, not for the school ("we"). */
const FIRST_PERSON = /(?:^|[^a-z])(?:i|my|me|i'm|i'll|i'd|i've|myself)(?![a-z])/i;

const SCHOOL_WORDS = phrasePattern([
  ...SCHOOL_BUSINESS,
  ...STAFF_WORK.map((entry) => entry.phrase),
  ...SCHOOL_LIFE_WORDS,
]);

const TITLE_WORDS = phrasePattern(STAFF_TITLE_WORDS);

/** Domains of councils, schools, universities, the NHS and the police: school business goes there. */
function isPublicSector(domain: string): boolean {
  return /(?:^|\.)(?:sch|gov|ac|nhs|police|mod|parliament)\.uk$|(?:^|\.)nhs\.net$/.test(domain);
}
