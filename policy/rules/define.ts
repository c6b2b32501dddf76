import type { Citation } from "../pack/citation.js";
import type { RuleModule } from "../engine/types.js";

/** Identity helper that checks a rule's shape at compile time and freezes it. */
export function defineRule<const R extends RuleModule>(rule: R): R {
  return Object.freeze(rule);
}

/** The document a rule's own fallback citation names: the task pane says it is our guidance, not the school's. */
export const DEFAULT_CITATION_DOCUMENT = "School Policy Guard defaults";

/**
 * Does a finding's `policyRef.section` ("document — section") cite our own defaults, not the school's policy?
 * One test for every surface that must say so (the task pane, the Smart Alert, `check --text`).
 */
export function citesDefaults(section: string): boolean {
  return section.split(" — ")[0] === DEFAULT_CITATION_DOCUMENT;
}

/** Cited only when a school's pack has no sentence of its own for the rule's clause. */
export function defaultCitation(section: string, quote: string): Citation {
  return { document: DEFAULT_CITATION_DOCUMENT, section, quote };
}

/**
 * Every clause key a pack may fill, and what its sentence must be about: the rules that may cite it
 * (a rule cites only a key listed for it, so a finding never quotes a sentence about something else)
 * or the sweep check that reads it. A pack maps each key to the school's own sentence on that topic.
 */
export const CLAUSE_KEYS = {
  "attachment-size": { about: "the size of attachments or of the whole message", rules: ["attachment-size"] },
  "blocked-attachment": {
    about: "executable or unsafe file types, viruses in attachments",
    rules: ["blocked-attachment"],
  },
  "sensitive-file-name": {
    about: "personal data revealed where it is not protected (file names, titles)",
    rules: ["sensitive-file-name"],
  },
  "chain-mail": { about: "chain letters, hoaxes, jokes forwarded on", rules: ["chain-mail"] },
  closing: { about: "closing a message courteously", rules: ["closing"] },
  commitment: { about: "contracts or commitments made by e-mail", rules: ["contractual-commitment"] },
  bcc: { about: "hiding external addresses from each other (Bcc)", rules: ["external-recipients-visible"] },
  greeting: { about: "opening a message with a courteous greeting", rules: ["greeting"] },
  tone: { about: "tone: courteous, not offensive or abusive", rules: ["hostile-wording"] },
  "lookalike-domain": {
    about: "checking the recipient's address or spoofed / suspicious mail",
    rules: ["lookalike-domain"],
  },
  disclaimer: { about: "the school's disclaimer on every e-mail", rules: ["missing-disclaimer"] },
  webmail: { about: "school business through personal e-mail accounts", rules: ["own-personal-webmail"] },
  "personal-data-in-subject": { about: "personal data in the subject line", rules: ["personal-data-in-subject"] },
  "personal-data": {
    about: "sending personal data by e-mail, outside the school",
    // Also cited by the subject rule where a pack has no clause for the subject, and by the encryption
    // rule for the steps to take (its reports' `clause`).
    rules: ["personal-data-to-external", "personal-data-in-subject", "unencrypted-personal-data"],
  },
  "personal-data-internal": {
    about: "care with personal data sent by e-mail inside the school (check addresses, fewest recipients)",
    rules: ["personal-data-internal"],
  },
  "personal-use": { about: "personal use of the school's e-mail", rules: ["personal-use"] },
  passwords: { about: "keeping passwords confidential, not giving them to anyone else", rules: ["password-disclosed"] },
  "own-details": {
    about: "staff not giving pupils their own personal contact details (mobile, personal e-mail, social media)",
    rules: ["own-contact-details"],
  },
  "personal-use-forbidden": {
    about: "kinds of personal use forbidden outright (personal business, advertising, financial interests)",
    rules: ["personal-use"],
  },
  "personal-use-gambling": { about: "gambling or betting on the school's systems", rules: ["personal-use"] },
  punctuation: { about: "repeated punctuation (!!! ???)", rules: ["punctuation"] },
  "required-cc": { about: "copying the head or line manager on external mail", rules: ["required-cc"] },
  shouting: { about: "writing in capital letters", rules: ["shouting"] },
  "too-many-recipients": { about: "sending only to those who need it", rules: ["too-many-recipients"] },
  encryption: { about: "encrypting or protecting personal data", rules: ["unencrypted-personal-data"] },
  "unchecked-recipients": {
    about: "keeping recipients' addresses private or checking recipients",
    rules: ["unchecked-recipients"],
  },
  "verify-recipient": {
    about: "verifying the recipient (the right person, the right address) before sending personal data",
    rules: ["misdirected-greeting", "new-external-recipient", "reply-all-external"],
  },
  "out-of-office": { about: "out-of-office replies when away (the sweep)", rules: [] },
  delegation: { about: "delegating a mailbox when away (the sweep)", rules: [] },
  forwarding: { about: "forwarding school mail outside (the sweep)", rules: [] },
} as const satisfies Readonly<Record<string, { readonly about: string; readonly rules: readonly string[] }>>;

export type ClauseKey = keyof typeof CLAUSE_KEYS;
