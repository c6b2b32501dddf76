import { defaultCitation, defineRule } from "../define.js";
import { CLOSINGS } from "../../data/etiquette/closings.js";
import { nonEmptyLines } from "../text.js";
import { TITLES } from "../../data/personal-data/lexicon.js";
import { inThreadBetweenColleagues } from "./between-colleagues.js";

const startsWithClosing = (text: string): boolean => {
  const lower = text.toLowerCase();
  return CLOSINGS.some((closing) => lower.indexOf(closing) === 0);
};

/**
 * One of the last few lines of the sender's own text starts with a sign-off, or the last line ends with one
 * after its last sentence ("…due on Friday. Thanks, Mrs Hart", "DO NOT BE LATE!!! Kind regards, Jo"): a
 * one-line e-mail signs off on the same line.
 */
export function hasClosing(ownWithSignOff: string, senderName = ""): boolean {
  const lines = nonEmptyLines(ownWithSignOff).slice(-8);
  if (lines.some((line) => line.length <= 60 && startsWithClosing(line))) return true;
  const last = (lines[lines.length - 1] ?? "").trim();
  // A name and a kiss ("Lucy x", "Jo xx") signs off warmly between colleagues.
  if (SIGNED_WITH_A_KISS.test(last) || signedWithOwnName(last, senderName)) return true;
  const tail = /[.!?]\s+([^.!?]{1,40})$/.exec(last);
  return tail !== null && startsWithClosing(tail[1] as string);
}

const SIGNED_WITH_A_KISS = /^[a-z][\w'-]{0,20}(?: [a-z][\w'-]{0,20})? x{1,3}$/i;

/**
 * Is `line` the sender's own name as staff sign a short note: the given name ("Priya"), the whole name, the
 * initials ("PS") or a title and the surname ("Miss Hart")? `senderName` is the From display name ("Priya
 * Shah"); none, no match. A new user's trial: replies signed "Priya" and "Jo" were told to add a closing.
 */
export function signedWithOwnName(line: string, senderName: string): boolean {
  const words = senderName.trim().toLowerCase().split(/\s+/);
  const given = words[0] ?? "";
  const surname = words[words.length - 1] ?? "";
  const signed = line.toLowerCase().replace(/[.,!]$/, "");
  if (given === "" || signed === "") return false;
  return (
    signed === given ||
    signed === words.join(" ") ||
    (words.length > 1 && signed === words.map((word) => word.charAt(0)).join("")) ||
    TITLES.some((title) => signed === `${title.toLowerCase()} ${surname}`)
  );
}

export default defineRule({
  meta: {
    id: "closing",
    category: "closing",
    defaultSeverity: "info",
    clause: "closing",
    fallbackCitation: defaultCitation("E-mail etiquette", "Close an e-mail courteously."),
    docs: "Where the school asks for courteous closings, a message should end with one ('Kind regards', 'Best wishes').",
    messages: { missing: "Add a closing, such as 'Kind regards' or 'Best wishes'." },
  },
  appliesTo: (pack) => pack.etiquette.closingRequired,
  check({ draft, message }) {
    if (message.ownWithSignOff.trim().length === 0 || inThreadBetweenColleagues(message)) return [];
    return hasClosing(message.ownWithSignOff, draft.from?.name) ? [] : [{ messageId: "missing", location: "body" }];
  },
});
