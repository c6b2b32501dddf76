/**
 * Why a message to parents or an outside organisation deserves the copy the school asks for "where
 * appropriate": a heated tone, a complaint, a named person's special-category details (safeguarding,
 * SEN, health…) or other personal data. Routine, courteous mail has none of these.
 */
import type { RuleContext } from "../../engine/types.js";
import hostileWording from "../tone/hostile-wording.js";
import { sensitiveEntities } from "../personal-data/sensitive.js";
import { findAll, ownSubject, phrasePattern } from "../text.js";
import { personalUseScore, readsAsPersonal } from "../personal-use/personal-use.js";

/** Words of a complaint or a dispute, in the sender's words or in the message being answered. */
export const COMPLAINT_PHRASES: readonly string[] = [
  "complaint",
  "complaints procedure",
  "formal complaint",
  "complain",
  "complained",
  "complaining",
  "grievance",
  "ombudsman",
  "solicitor",
  "solicitors",
  "legal action",
  "tribunal",
  "appeal against",
  "unacceptable",
  "deeply unhappy",
  "very unhappy",
  "extremely disappointed",
  "very disappointed",
  "not good enough",
  "disgraceful",
  "disgusted",
  // A new user's trial: a parent's "THIS IS A DISGRACE… I will be going to the governors and the papers".
  "disgrace",
  "going to the governors",
  "go to the governors",
  "going to the press",
  "go to the press",
  "going to ofsted",
];
const COMPLAINT = phrasePattern(COMPLAINT_PHRASES);
/** "No complaints", "not a complaint": the word without the dispute. */
const NOT_A_COMPLAINT = phrasePattern(["no complaints", "not a complaint", "no complaint"]);

export type Contention = "tone" | "complaint" | "special-category" | "personal-data";

export const CONTENTION_WORDS: Readonly<Record<Contention, string>> = {
  tone: "its wording reads as heated",
  complaint: "it is about a complaint",
  "special-category": "it concerns an identifiable person's safeguarding, SEN or health details",
  "personal-data": "it contains personal data",
};

function mentionsComplaint(text: string): boolean {
  const hits = findAll(COMPLAINT, text);
  if (hits.length === 0) return false;
  const negated = findAll(NOT_A_COMPLAINT, text);
  return hits.some((hit) => !negated.some((span) => hit.start >= span.start && hit.start < span.end));
}

/** The first reason (most serious first) the message is contentious or sensitive, if any. */
export function contentionOf(context: RuleContext): Contention | undefined {
  if (hostileWording.check(context).length > 0) return "tone";
  const sensitive = sensitiveEntities(context.personalData);
  if (sensitive.some((entity) => entity.type === "special-category")) return "special-category";
  // The whole body: replying courteously to a parent's complaint is still a complaint.
  if (mentionsComplaint(`${ownSubject(context.message.subject.lower)}\n${context.message.body.lower}`))
    return "complaint";
  if (sensitive.length > 0) return "personal-data";
  return undefined;
}

/**
 * Is this the sender's personal mail rather than school business: labelled personal, or reading as
 * personal by its signs (a dispute with a builder, a wedding booking) or to the personal-use model (a
 * booking forwarded to their own Gmail)? The school's rules for copying the Head or keeping business off
 * webmail are about its business.
 */
export function isPersonalMail(context: RuleContext): boolean {
  return (
    isLabelledPersonal(context) ||
    personalUseScore(context.message.subject.text, context.message.own).score >= 2 ||
    (context.models && readsAsPersonal(context.message, context.pack))
  );
}

/** True when the subject carries the school's "personal" label (mail the sender marked as personal). */
export function isLabelledPersonal(context: RuleContext): boolean {
  const personalUse = context.pack.personalUse;
  const label = (personalUse.mode === "allowed-if-labelled" ? personalUse.label : "personal").toLowerCase();
  const subject = context.message.subject.lower;
  const at = subject.indexOf(label);
  if (at === -1) return false;
  const before = subject.charAt(at - 1);
  const after = subject.charAt(at + label.length);
  return !/[a-z]/.test(before) && !/[a-z]/.test(after);
}
