import { defaultCitation, defineRule } from "../define.js";
import { ASIDE_OPENERS, NOT_A_LABEL_AFTER } from "../../data/personal-use/markers.js";
import { PERSONAL_SIGNS, SCHOOL_BUSINESS, STAFF_WORK, type PersonalUseKind } from "../../data/personal-use/topics.js";
import { findAll, phrasePattern } from "../text.js";
import { domainOf, isSchoolDomain } from "../../engine/message.js";
import { REPLY_PREFIX } from "../../engine/normalize.js";
import { personalUseModel } from "../../data/models/personal-use.js";
import { probabilityWith } from "../../model/text-classifier.js";
import { personalUseContext } from "./context.js";
import { chainMailIn } from "../tone/chain-mail.js";
import type { Message } from "../../engine/message.js";
import type { PolicyPack } from "../../pack/schema.js";

/** A paragraph opening with one of `ASIDE_OPENERS`, then a break ("PS I'm", "Also - the", "btw,"). */
const ASIDE_OPENER = new RegExp(
  `^\\s*(?:${ASIDE_OPENERS.map((opener) => opener.replace(".", "\\.")).join("|")})\\b[.:,!\\s-]`,
  "i",
);
const SIGN_PATTERN = phrasePattern(PERSONAL_SIGNS.map((sign) => sign.phrase));
const SIGN_BY_PHRASE = new Map(PERSONAL_SIGNS.map((sign) => [sign.phrase, sign]));
const STAFF_WORK_PHRASES = STAFF_WORK.map((entry) => entry.phrase);
const BUSINESS = phrasePattern([...SCHOOL_BUSINESS, ...STAFF_WORK_PHRASES]);
/**
 * What a member of staff gives as the reason for an absence or a leave request (a sick child, a funeral,
 * a wedding, a holiday, moving house): not personal use when the mail is about the absence itself.
 */
const ABSENCE_REASONS: readonly PersonalUseKind[] = ["family", "wedding", "holiday", "house-move", "social"];
const PRICE_PER_UNIT =
  /£\s?\d[\d,.]*\s?(?:each|ono|o\.n\.o|pcm|per (?:walk|session|hour|lesson|class|basket|bag|night|week|month|person|head|mile)|an hour|a (?:walk|session|lesson|class|basket|bag|night|week|month|mile|head))(?![a-z])/i;
/**
 * The sender's own business, by whatever name ("I run a small photography business", "my little candle
 * business", "I've set up a cake company"), not a subject taught ("my Year 10 business studies group").
 */
const OWN_BUSINESS =
  /\b(?:my|i run a|i've started a|i have a|i've set up a|i set up a) (?:[a-z]+ ){0,2}(?:business|company)\b(?! stud)/i;
const MONEY_BETWEEN_US =
  /\b(?:owe (?:you|u)|yours for|(?:sent|transfer(?:red)?) (?:you|u)(?: the)?|pay (?:you|u) back(?: the)?) £\s?\d/i;

/**
 * Signs this strong are not vetoed by the model's doubt: a private tutoring business advertised with its
 * prices, or a family shop's products, outweigh the school words around them (on the development set
 * every draft vetoed at 5 or more was personal; at 3 and 4, nine in thirteen were school business).
 */
const OVERWHELMING_SIGNS = 5;

/**
 * A body of more paragraphs than this is scored only as a whole (see `scorePersonalUse`): each paragraph
 * is searched again, and a reply's own words rarely run to more.
 */
const MOST_PARAGRAPHS = 30;

/** Kinds whose costs people share ("£95 each" for the hen do, the villa, the meal). */
const SHARED_COSTS: readonly PersonalUseKind[] = ["wedding", "holiday", "social"];

/**
 * The subject carries the label as a label: at the start ("Personal: …", "Personal - …", "PERSONAL …")
 * or bracketed ("[Personal]", "(personal)"), never as in "Personal development plan".
 */
export function hasPersonalLabel(subject: string, label: string): boolean {
  const lower = subject.toLowerCase().trim();
  const wanted = label.toLowerCase();
  if (lower.indexOf(`[${wanted}]`) !== -1 || lower.indexOf(`(${wanted})`) !== -1) return true;
  const withoutPrefix = lower.replace(REPLY_PREFIX, "");
  if (withoutPrefix.indexOf(wanted) !== 0) return false;
  const rest = withoutPrefix.slice(wanted.length);
  if (rest.length === 0) return true;
  if (/^[a-z]/.test(rest)) return false;
  const nextWord = /^[\s:–-]*([a-z]+)/.exec(rest);
  return !(nextWord && NOT_A_LABEL_AFTER.indexOf(nextWord[1] as string) !== -1 && /^\s/.test(rest));
}

export interface PersonalUseVerdict {
  /** Total weight of distinct personal signs, less one per distinct sign of school business. */
  readonly score: number;
  /** The kinds of personal use seen, strongest first. */
  readonly kinds: readonly PersonalUseKind[];
  /** Scored on one paragraph, a personal aside in a work message (see `scorePersonalUse`). */
  readonly aside?: boolean;
  /** Money owed or paid between the two who write: never the school's, whatever the model reads. */
  readonly between?: boolean;
}

/**
 * How personal a message reads: distinct signs from `PERSONAL_SIGNS` in the subject and the sender's own
 * words, each counted once at its weight, less one per distinct sign of school business. Personal at 2.
 */
export function personalUseScore(subject: string, own: string): PersonalUseVerdict {
  // The personal-use rule and the recipient rules that leave personal mail alone ask about the same draft.
  if (lastScore !== undefined && lastScore.subject === subject && lastScore.own === own) return lastScore.verdict;
  const verdict = scorePersonalUse(subject, own);
  // Stryker disable next-line ObjectLiteral: an empty cache entry matches no later call, which then works the verdict out again (the same pure result)
  lastScore = { subject, own, verdict };
  return verdict;
}

let lastScore: { subject: string; own: string; verdict: PersonalUseVerdict } | undefined;

/**
 * The whole message's verdict, or that of one paragraph of it holding a plain sign (weight 2: "I'm
 * selling", "lottery syndicate") where that paragraph scores higher, or opens as an aside ("PS", "Oh and",
 * "Also -") and is personal itself: a personal aside in a work reply ("Oh and I'm selling our old
 * trampoline… £60") is personal mail whatever the work around it, whose signs of school business would
 * otherwise cancel it (development parts AI and AJ, a new user's trial). Weak signs alone are not an aside:
 * a hall let at "£28 per hour" with "public liability insurance" is the school's business. An absence the
 * message tells of anywhere still makes its reason none of this.
 */
function scorePersonalUse(subject: string, own: string): PersonalUseVerdict {
  const whole = scoreSigns(subject, own);
  let verdict: PersonalUseVerdict = whole;
  // An aside holds a plain sign, which the whole then holds too: most mail has none, and is not split.
  if (!whole.plain) return verdict;
  const paragraphs = own.split(/\n\s*\n/);
  // Stryker disable next-line EqualityOperator: the bound only keeps a body of thousands of paragraphs linear
  if (paragraphs.length > 1 && paragraphs.length <= MOST_PARAGRAPHS)
    for (const paragraph of paragraphs) {
      const aside = scoreSigns("", paragraph, whole.absenceTold);
      // Opened as an aside ("PS", "Oh and", "Also -"), it need only be personal itself; otherwise it must
      // outscore the whole (the work around it cancelling its signs).
      const opened = ASIDE_OPENER.test(paragraph) && aside.score >= 2;
      // An aside never lowers a verdict the whole message earns itself.
      if (aside.plain && (opened || aside.score > verdict.score))
        verdict = { ...(aside.score >= verdict.score ? aside : verdict), aside: true };
    }
  return verdict;
}

/**
 * `PersonalUseVerdict` of a subject and text, with whether it holds a plain sign (weight 2) and whether it
 * tells of an absence (or `absenceTold`, the whole message's answer, for a paragraph).
 */
function scoreSigns(
  subject: string,
  own: string,
  absenceTold?: boolean,
): PersonalUseVerdict & { readonly plain: boolean; readonly absenceTold: boolean } {
  let plain = false;
  // Subject and body searched apart (the body is the same string other rules search: one word index).
  const seen = new Map<string, number>();
  const kindWeight = new Map<PersonalUseKind, number>();
  // Signs of school business, found first: telling the school about an absence or its cover ("absent",
  // "compassionate leave", "cover work") makes the family, wedding or holiday it mentions its reason.
  const business = new Set(
    [...findAll(BUSINESS, subject), ...findAll(BUSINESS, own)].map((hit) =>
      hit.text.toLowerCase().replace(/\s+/g, " "),
    ),
  );
  const absence = absenceTold ?? STAFF_WORK_PHRASES.some((phrase) => business.has(phrase));
  for (const hit of [...findAll(SIGN_PATTERN, subject), ...findAll(SIGN_PATTERN, own)]) {
    const phrase = hit.text.toLowerCase().replace(/\s+/g, " ");
    const sign = SIGN_BY_PHRASE.get(phrase);
    if (sign === undefined || seen.has(phrase)) continue;
    if (absence && ABSENCE_REASONS.indexOf(sign.kind) !== -1) continue;
    plain ||= sign.weight > 1;
    seen.set(phrase, sign.weight);
    kindWeight.set(sign.kind, (kindWeight.get(sign.kind) ?? 0) + sign.weight);
  }
  // A price by the piece or the hour ("£900 each", "£10 per walk", "£8 a session", "£550 a month"): someone
  // selling or offering a service. One sign, as a school trip's "£5 each" also has one.
  // Beside a plain sign of a wedding, a holiday or a night out and no sign of selling, it is each one's
  // share of the cost ("the hen do is £95 each"): personal, but nothing sold.
  if (PRICE_PER_UNIT.test(own)) {
    // Stryker disable next-line StringLiteral: the key is only counted, and no sign phrase is "" any more than "£ per unit"
    seen.set("£ per unit", 1);
    const shared = kindWeight.has("selling")
      ? undefined
      : SHARED_COSTS.find((kind) => (kindWeight.get(kind) ?? 0) >= 2);
    const kind = shared ?? "selling";
    kindWeight.set(kind, (kindWeight.get(kind) ?? 0) + 1);
  }
  // Money owed or paid between the sender and whom they write to ("I still owe you £35 for the Arsenal
  // tickets", "sent you the £42"), or a thing offered them at a price ("it's yours for £40"): between two
  // people, not the school's (development parts AJ and AK).
  const money = MONEY_BETWEEN_US.exec(own);
  if (money !== null) {
    // Stryker disable next-line StringLiteral: the key is only counted, and no sign phrase is "£ between us"
    seen.set("£ between us", 2);
    plain = true;
    const kind = /^y/i.test(money[0]) ? "selling" : "finance";
    kindWeight.set(kind, (kindWeight.get(kind) ?? 0) + 2);
  }
  if (OWN_BUSINESS.test(own)) {
    // Stryker disable next-line StringLiteral: the key is only counted, and no sign phrase is "own business"
    seen.set("own business", 2);
    plain = true;
    kindWeight.set("side-business", (kindWeight.get("side-business") ?? 0) + 2);
  }
  let score = 0;
  for (const weight of seen.values()) score += weight;
  score -= business.size;
  return {
    score,
    kinds: [...kindWeight.entries()].sort((a, b) => b[1] - a[1]).map(([kind]) => kind),
    plain,
    absenceTold: absence,
    between: money !== null,
  };
}

/**
 * The personal-use model's probability that this message is plainly personal mail, whatever the school
 * allows (0–1). The personal-use rule asks, and so do the recipient rules that leave the sender's own
 * personal mail alone (a booking forwarded to their own Gmail is not school business leaving the school).
 * Worked out once per message.
 */
function personalProbability(message: Message, pack: PolicyPack): number {
  const known = modelProbabilities.get(message);
  if (known !== undefined) return known;
  const probability = probabilityWith(
    personalUseModel,
    personalUseContext(message, pack),
    message.subject.text,
    withColleagueAnswered(message, pack),
  );
  modelProbabilities.set(message, probability);
  return probability;
}

const modelProbabilities = new WeakMap<Message, number>();

/** Does the personal-use model read this message as personal (at or above its threshold)? */
export function readsAsPersonal(message: Message, pack: PolicyPack): boolean {
  return personalProbability(message, pack) >= personalUseModel.threshold;
}

/**
 * Is the model sure this is work, whatever personal words it has (below its `vetoBelow`)? A school's
 * insurance renewal or its hall letting carries the words of personal finance or of selling; the
 * trainer sets the bar where no cross-validated personal draft falls below it.
 */
export function modelSureIsWork(message: Message, pack: PolicyPack): boolean {
  const veto = personalUseModel.vetoBelow;
  return veto !== undefined && personalProbability(message, pack) < veto;
}

/**
 * The personal-use verdict of a message that reads as plainly personal mail, whatever the school allows;
 * `undefined` for one that does not.
 */
function personalVerdict(message: Message, pack: PolicyPack, models: boolean): PersonalUseVerdict | undefined {
  // The whole subject: a reply to a friend about a car sale is personal whoever wrote the subject.
  const verdict = personalUseScore(message.subject.text, withColleagueAnswered(message, pack));
  // Written only to personal webmail (a friend, a seller), one personal sign is enough.
  const webmail = pack.recipients.personalWebmailDomains;
  const toWebmailOnly =
    message.recipients.length > 0 &&
    message.recipients.every((entry) => webmail.indexOf(domainOf(entry.recipient.address)) !== -1);
  const byModel = models && readsAsPersonal(message, pack);
  const bySigns =
    verdict.score >= (toWebmailOnly ? 1 : 2) &&
    // The model reads the whole message: the work around an aside is what makes it sure.
    (verdict.score >= OVERWHELMING_SIGNS ||
      verdict.aside === true ||
      // A side business or a wedding is never the school's, however school-like the mail around it (a
      // Head of Year signing an all-staff note about her Avon brochures: development AJ, +6 found; a hen
      // do's itinerary forwarded to a colleague: AL, +1; neither a false alarm). No other kind gained.
      verdict.kinds[0] === "side-business" ||
      verdict.kinds[0] === "wedding" ||
      // Money between the two who write (development AN: "I've sent you £8.50 for the Wagamama" to the
      // nurse's mailbox, which the model reads as work).
      verdict.between === true ||
      !(models && modelSureIsWork(message, pack)));
  return bySigns || byModel ? verdict : undefined;
}

/**
 * The sender's own words with the message they answer, when a colleague wrote it (its header gives a
 * school address, or none, as Outlook heads mail from inside the organisation): "Count me in for
 * Saturday" is personal as the answer to "parkrun this saturday anyone?". Same length as `message.own`.
 * A parent's or a supplier's message being answered is work, whatever it says (development parts AQ and
 * earlier: +23 personal drafts found, +3 false alarms; parents' and suppliers' messages cost 4 more).
 */
function withColleagueAnswered(message: Message, pack: PolicyPack): string {
  // Worked out once per message: the rule's verdict and the model's probability both read it.
  const known = withAnswered.get(message);
  if (known !== undefined) return known;
  const answered = message.segments.find((segment) => segment.kind === "quoted");
  const sender = answered?.sender ?? "";
  // "Joe Hartley <j.hartley@…>": the domain runs to the first character no domain holds.
  const fromOutside =
    sender.indexOf("@") !== -1 && !isSchoolDomain(DOMAIN_START.exec(domainOf(sender))?.[0] ?? "", pack);
  const text =
    answered === undefined || fromOutside
      ? message.own
      : message.own.slice(0, answered.start) +
        message.body.text.slice(answered.start, answered.end) +
        message.own.slice(answered.end);
  withAnswered.set(message, text);
  return text;
}

const withAnswered = new WeakMap<Message, string>();

/** The domain at the start of what follows an "@". */
const DOMAIN_START = /^[\w.-]+/;

/** The label a school's staff give personal mail (St Dunstan's and LT2: "labelled 'personal' in the subject header"). */
const PERSONAL_LABEL = "personal";

/**
 * What the finding says the message is about, as " about …" after "a personal email" (the leading space
 * included, so a message the model reads as personal with no sign of its topic names none rather than
 * guessing one: a new user saw "about a social arrangement" on a work note).
 */
const KIND_WORDS: Readonly<Record<PersonalUseKind, string>> = {
  selling: " about selling something",
  "side-business": " about a side business",
  gambling: " about betting or a sweepstake",
  finance: " about personal finance",
  "house-move": " about a house move",
  wedding: " about a wedding",
  holiday: " about a holiday",
  family: " about family matters",
  social: " about a social arrangement",
};

export default defineRule({
  meta: {
    id: "personal-use",
    category: "personal-use",
    defaultSeverity: "nudge",
    clause: "personal-use",
    fallbackCitation: defaultCitation(
      "Personal use",
      "Occasional personal e-mail is allowed when it is labelled 'Personal' in the subject.",
    ),
    docs: "A plainly personal message, judged on its content (selling, side businesses, betting, personal finance, house moves, weddings, holidays, family and social matters): without the school's label in the subject where personal mail must be labelled, at all where personal mail is prohibited, and for the kinds a school forbids outright (personal advertising, gambling) whatever the label.",
    messages: {
      unlabelled: "This looks like a personal email{{kind}}. Add '{{label}}' to the subject, as the school asks.",
      prohibited:
        "This looks like a personal email{{kind}}. The school's policy limits personal use of its email: please use a personal account.",
      forbiddenKind:
        "This looks like a personal email{{kind}}, which the school's policy does not allow on school email, labelled or not.",
    },
  },
  check({ pack, message, models }) {
    const personalUse = pack.personalUse;
    // Where the school forbids personal mail, the sender's own "Personal" label says what the message is,
    // whatever its words (development: Palfrey's "Personal - house sale" to an estate agent, "Personal -
    // school run tomorrow"; every labelled Palfrey draft is personal use, 9 of 68 were missed).
    const declared =
      personalUse.mode === "prohibited" && hasPersonalLabel(message.subject.text, PERSONAL_LABEL)
        ? { score: 0, kinds: [] }
        : undefined;
    const verdict = personalVerdict(message, pack, models) ?? declared;
    // Chain mail forwarded round the school is the chain-mail rule's: "Just got this from my sister,
    // forwarding to be safe" above a hoax to all staff is not family news (the corpus sample labels each
    // chain letter to colleagues chain mail, not personal use). Sent on to friends outside, it is both.
    const chainToColleagues =
      chainMailIn(message).body.length > 0 && message.recipients.every((entry) => entry.standing !== "external");
    if (verdict === undefined || chainToColleagues) return [];
    const first = verdict.kinds[0];
    const kind = first === undefined ? "" : KIND_WORDS[first];
    // Stryker disable next-line ArrayDeclaration: no kind is "Stryker was here" any more than it is in an empty list
    const forbidden = personalUse.mode === "prohibited" ? [] : personalUse.forbiddenKinds;
    const forbiddenKind = verdict.kinds.find((seen) => forbidden.indexOf(seen) !== -1);
    if (forbiddenKind !== undefined) {
      // The school's sentence forbidding this kind ("to participate in on-line gambling"), else the one
      // forbidding personal business: not the clause that allows personal use, which a new user saw quoted.
      const gambling = forbiddenKind === "gambling" && pack.clauses["personal-use-gambling"] !== undefined;
      return [
        {
          messageId: "forbiddenKind",
          data: { kind: KIND_WORDS[forbiddenKind] },
          location: "body",
          clause: gambling ? "personal-use-gambling" : "personal-use-forbidden",
        },
      ];
    }
    if (personalUse.mode === "allowed") return [];
    if (personalUse.mode === "prohibited") {
      return [{ messageId: "prohibited", data: { kind }, location: "body" }];
    }
    if (hasPersonalLabel(message.subject.text, personalUse.label)) return [];
    return [
      {
        messageId: "unlabelled",
        data: { label: personalUse.label, kind },
        location: "subject",
        fix: { kind: "prefix-subject", text: `${personalUse.label}:` },
      },
    ];
  },
});
