import { defaultCitation, defineRule } from "../define.js";
import { CHAIN_MAIL_PHRASES } from "../../data/tone/phrases.js";
import { ALL_STAFF_NAMES, EVERYONE, HOAX_PHRASES, JOKE_WORDS, PASS_ON_VERBS } from "../../data/tone/chain-mail.js";
import { findAll, phrasePattern } from "../text.js";
import type { Message } from "../../engine/message.js";
import { inTextOrder } from "../../engine/text-order.js";
import type { Span } from "../../engine/types.js";

const PHRASES = phrasePattern([...CHAIN_MAIL_PHRASES, ...HOAX_PHRASES]);
const PASS_ON = phrasePattern(PASS_ON_VERBS);
const TO_EVERYONE = phrasePattern(EVERYONE);
const JOKE = phrasePattern(JOKE_WORDS);

/** A year or class named before a number: "Year 5 ", "Yr 6 ", "Y3 ", "Class 2 ". */
const YEAR_GROUP_BEFORE = /\b(?:year|yr|y|class) ?$/i;

/** "look(s/ed/ing) " just before a "forward to". */
const LOOK_BEFORE = /\blook(?:s|ed|ing)? $/i;

/** A staff distribution list's address: "staff@", "staff-junior@", "staff.prep@" (not "sitestaff@"). */
const STAFF_LIST_ADDRESS = /^staff(?:[-._][a-z0-9]+)*@/i;

/** Twelve or more recipients, or a list named for the whole staff (or a staff list's address). */
export function toAllStaff(message: Message): boolean {
  if (message.recipients.length >= 12) return true;
  return message.recipients.some((entry) => {
    if (STAFF_LIST_ADDRESS.test(entry.recipient.address)) return true;
    const name = `${entry.recipient.name ?? ""} ${entry.recipient.address}`.toLowerCase();
    return ALL_STAFF_NAMES.some((all) => name.indexOf(all) !== -1);
  });
}

/**
 * Where chain mail shows in `text`: a chain-letter or hoax phrase; a "pass it on" verb with "everyone"
 * (or "10 people") within 60 characters after it or, in the same clause, 40 before it; or, when the mail goes to all staff, a
 * joke.
 */
export function chainMailSpans(text: string, allStaff: boolean): Span[] {
  const spans: Span[] = findAll(PHRASES, text).map(({ start, end }) => ({ start, end }));
  // The lists are case-insensitive: searched in `text` itself, each once, so a 1 MB body stays linear.
  // "5 parents" is a number of people to send it on to, but "Year 5 parents" a year group (development AJ).
  const everyone = findAll(TO_EVERYONE, text).filter(
    (hit) => !(/^\d/.test(hit.text) && YEAR_GROUP_BEFORE.test(text.slice(Math.max(0, hit.start - 6), hit.start))),
  );
  let next = 0;
  for (const verb of findAll(PASS_ON, text)) {
    // "We look forward to seeing everyone" (development part BC): looking forward is not passing on.
    if (LOOK_BEFORE.test(text.slice(Math.max(0, verb.start - 8), verb.start))) continue;
    while ((everyone[next]?.start ?? Infinity) < verb.end) next++;
    const after = everyone[next];
    // "If everyone forwards this…", "for every person you forward this to": everybody just before the verb,
    // in the same clause ("Hi everyone, please forward this to Year 6" is a greeting, then a request).
    const before = everyone[next - 1];
    if (
      (after !== undefined && after.end <= verb.end + 60) ||
      (before !== undefined &&
        before.end <= verb.start &&
        before.end >= verb.start - 40 &&
        !/[,.;:!?\n]/.test(text.slice(before.end, verb.start)))
    )
      spans.push({ start: verb.start, end: verb.end });
  }
  if (allStaff) for (const joke of findAll(JOKE, text)) spans.push({ start: joke.start, end: joke.end });
  return inTextOrder(spans);
}

/**
 * Where chain mail shows in the body (offsets into `message.body.text`): in the sender's words and what
 * they forward, since passing a chain letter on is theirs to answer for; and where the sender's own words
 * pass on what they quote ("I've been sent this and it looks fun so passing it on"), in the quoted letter
 * too (a plain reply quoting one is not).
 */
function chainMailInBody(message: Message, allStaff: boolean): Span[] {
  const spans = chainMailSpans(message.ownAndForwarded, allStaff);
  return spans.length === 0 && findAll(PASS_ON, message.own).length > 0
    ? chainMailSpans(message.body.text, allStaff)
    : spans;
}

/**
 * Where chain mail shows in the subject and in the body (offsets into `message.subject.text` and
 * `message.body.text`), worked out once per message: this rule reports it, the tone rule leaves a hoax's
 * alarm to it, and the engine leaves a chain letter's special-category details out (`isChainMail`).
 */
export function chainMailIn(message: Message): { readonly subject: Span[]; readonly body: Span[] } {
  let found = chainMailByMessage.get(message);
  if (found === undefined) {
    const allStaff = toAllStaff(message);
    found = { subject: chainMailSpans(message.subject.text, allStaff), body: chainMailInBody(message, allStaff) };
    chainMailByMessage.set(message, found);
  }
  return found;
}

const chainMailByMessage = new WeakMap<Message, { readonly subject: Span[]; readonly body: Span[] }>();

/** Does the subject or the body read as chain mail (what this rule flags)? */
export function isChainMail(message: Message): boolean {
  const { subject, body } = chainMailIn(message);
  return subject.length > 0 || body.length > 0;
}

export default defineRule({
  meta: {
    id: "chain-mail",
    category: "chain-mail",
    defaultSeverity: "nudge",
    clause: "chain-mail",
    fallbackCitation: defaultCitation("E-mail etiquette", "Do not send or forward chain letters, jokes or junk mail."),
    docs: "Chain letters, hoax virus warnings, 'forward this to everyone' messages, and jokes sent to all staff.",
    messages: { chain: "This looks like chain mail or a joke to forward on. School email isn't for these." },
  },
  check({ message }) {
    const { subject, body } = chainMailIn(message);
    if (subject.length > 0) return [{ messageId: "chain", location: "subject", spans: subject }];
    return body.length === 0 ? [] : [{ messageId: "chain", location: "body", spans: body }];
  },
});
