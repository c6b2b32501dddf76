import { defaultCitation, defineRule } from "../define.js";
import { PASSWORD_WORDS, SHARED_ACCESS_WORDS } from "../../data/passwords/words.js";
import type { Span } from "../../engine/types.js";
import { hasPhrase, windowBefore } from "../../detectors/text.js";

/**
 * A password word, up to four words naming what it opens ("for the SIMS account") and then "is", "was",
 * "=", ":" or a dash, or one of those alone, or nothing ("password Sunflower2019"), and the value: its
 * first run of characters that are not spaces or quotes, quoted or not (the last word of the match).
 * Outlook and Word turn typed quotes into curly ones; the engine's folding has already made them straight
 * (policy/engine/normalize.ts).
 */
const PASSWORD_GIVEN = new RegExp(
  `\\b(?:${PASSWORD_WORDS.join("|")})s?\\b(?:(?: (?:for|to|on|of)(?: [\\w'-]+){1,4}?)? ?(?:(?:is|was|=)\\b|[:=-]))? ?["']?\\w[^\\s"']*`,
  "gi",
);

/**
 * Does `value` (as written after "password is") look like a password rather than a word of the sentence
 * ("changed", "below", "12 characters")? Letters and digits together ("Bluebell22"), or a symbol inside
 * letters ("Tr!p#kx"; not a hyphen, an apostrophe or a full stop: "e-mails"), or a capital inside
 * ("BlueSky"); any value of four or more characters in quotes.
 */
export function looksLikePassword(value: string, quoted: boolean): boolean {
  // One closing mark ("Bluebell22."): a password rarely ends in one, a sentence often does.
  const text = value.replace(/[.,;:!?)]$/, "");
  // Not a web address or an e-mail address: a login, not its secret ("password reset: https://…").
  if (text.length < 4 || /[/@]/.test(text)) return false;
  if (quoted) return true;
  const letters = /[a-z]/i.test(text);
  return letters && (/\d/.test(text) || /[^\w'.-]/.test(text.slice(1, -1)) || /.[A-Z]/.test(text));
}

/** Spans of passwords given in `text` (the sender's own words of the body, or the subject). */
export function passwordsIn(text: string): Span[] {
  const spans: Span[] = [];
  const lower = text.toLowerCase();
  PASSWORD_GIVEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = PASSWORD_GIVEN.exec(text)) !== null) {
    const value = match[0].slice(match[0].lastIndexOf(" ") + 1);
    if (!looksLikePassword(value.replace(/^["']/, ""), /^["']/.test(value))) continue;
    if (hasPhrase(windowBefore(lower, match.index, 40), SHARED_ACCESS_WORDS)) continue;
    spans.push({ start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

/**
 * A password written out in a message: St John Payne ("not disclose any passwords provided to me by the
 * school"), Delius School ("must not share and must treat as confidential any passwords"), LT2, Palfrey
 * Infant School and St Dunstan's ("Passwords must be kept confidential and must not be made available to
 * anyone else"). Only where the school's pack has a `passwords` clause: a school whose policy is silent is
 * not judged by ours. The sender's own words only: a password in the quoted message being answered was
 * sent by someone else. A nudge, not a block: IT staff do send a new starter a first password, and the
 * prompt lets them.
 */
export default defineRule({
  meta: {
    id: "password-disclosed",
    category: "passwords",
    defaultSeverity: "nudge",
    clause: "passwords",
    // Never cited (the rule runs only where the pack has the clause); "E-mail" as other rules' fallbacks.
    fallbackCitation: defaultCitation("E-mail", "Keep passwords confidential: never send one by e-mail."),
    docs: "A password written out in the subject or in the sender's own words ('the SIMS password is Bluebell22').",
    messages: {
      given: "This gives away a password: give it in person instead.",
    },
  },
  appliesTo: (pack) => pack.clauses.passwords !== undefined,
  check({ message }) {
    const reports = [];
    const subject = passwordsIn(message.subject.text);
    if (subject.length > 0) reports.push({ messageId: "given", location: "subject" as const, spans: subject });
    const body = passwordsIn(message.own);
    if (body.length > 0) reports.push({ messageId: "given", location: "body" as const, spans: body });
    return reports;
  },
});
