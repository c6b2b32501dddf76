import type { Citation } from "../pack/citation.js";
import type { PolicyPack } from "../pack/schema.js";
import type { IdentifierType } from "../pack/vocabulary.js";
import type { Message } from "./message.js";

/** The contract of issue #3: other tools and tests rely on these shapes exactly. */

export interface Recipient {
  readonly name?: string;
  readonly address: string;
  /**
   * Office.js `EmailAddressDetails.recipientType` where the client gives it ("user", "distributionList",
   * "externalUser", "other"); absent from the CLI and from `from`.
   */
  readonly recipientType?: string;
}

export interface Attachment {
  readonly name: string;
  readonly size: number;
  readonly contentType?: string;
  readonly isInline?: boolean;
}

export interface Draft {
  readonly subject: string;
  readonly body: string;
  readonly bodyType: "text" | "html";
  readonly from?: Recipient;
  readonly to: readonly Recipient[];
  readonly cc: readonly Recipient[];
  readonly bcc: readonly Recipient[];
  readonly attachments: readonly Attachment[];
  /** Present once the school's encryption mechanism has been applied by a sensitivity label or header. */
  readonly sensitivityLabelId?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Optional, from the add-in only: salted SHA-256 hashes of the addresses this sender has written to
   * before (kept in the add-in's own storage on the device; see policy/rules/recipients/address-hash.ts).
   * Never addresses or content. Absent: the "never written to before" check does not run.
   */
  readonly sentBefore?: SentBefore;
}

/** Salted hashes of addresses sent to before (`hashAddress(salt, address)`, lower-case hex). */
export interface SentBefore {
  readonly salt: string;
  readonly hashes: readonly string[];
}

export const CATEGORIES = [
  "tone",
  "shouting",
  "punctuation",
  "greeting",
  "closing",
  "commitment",
  "chain-mail",
  "personal-use",
  "personal-data",
  "personal-data-in-subject",
  "recipients",
  "pupil-contact",
  "passwords",
  "attachments",
  "disclaimer",
] as const;
export type Category = (typeof CATEGORIES)[number];

export type Severity = "info" | "nudge" | "block";
export type Location = "subject" | "body" | "recipients" | "attachments";

export interface Span {
  readonly start: number;
  readonly end: number;
}

export type EntityType = IdentifierType | "special-category";

export interface Entity {
  readonly type: EntityType;
  readonly location: "subject" | "body" | "attachments";
  readonly start: number;
  readonly end: number;
  readonly confidence: number;
}

/** Fixes are data (textlint-style): the core describes them, the surface applies them. */
export type Fix =
  | { readonly kind: "prefix-subject"; readonly text: string }
  | { readonly kind: "apply-encryption"; readonly mechanism: PolicyPack["encryption"]["mechanism"] }
  | { readonly kind: "move-to-bcc"; readonly addresses: readonly string[] }
  | { readonly kind: "remove-subject-spans"; readonly spans: readonly Span[] }
  | { readonly kind: "append-disclaimer"; readonly text: string }
  | { readonly kind: "add-cc"; readonly recipients: readonly Recipient[] }
  | { readonly kind: "remove-attachments"; readonly names: readonly string[] }
  /** Replaces the whole subject with a neutral one the sender can edit ("Confidential matter"). */
  | { readonly kind: "replace-subject"; readonly text: string }
  /** Appends a line to the body (e.g. asking the recipient to confirm safe receipt). */
  | { readonly kind: "append-line"; readonly text: string };

export interface Finding {
  readonly rule: string;
  readonly category: Category;
  readonly severity: Severity;
  readonly message: string;
  /** The rule's message id and the data filling its template (ESLint-style), for the pane and the tests. */
  readonly messageId: string;
  readonly data?: Readonly<Record<string, string | number>>;
  /**
   * The school's sentence: "document — section", the quote, and the pack's note on how the sentence is read
   * where that is not plain (a policy with no sentence on subject lines cites why a subject is not private).
   * The send bundle's pack carries sections only (addin/build.ts), so a Smart Alert's findings have no note.
   */
  readonly policyRef: { readonly section: string; readonly quote: string; readonly note?: string };
  readonly location: Location;
  readonly spans?: readonly Span[];
  readonly fix?: Fix;
}

export interface Analysis {
  readonly verdict: "ok" | "nudge" | "block";
  readonly findings: readonly Finding[];
  readonly personalData: readonly Entity[];
  /** Present (true) when only the first part of a very long body was read: say so to the sender. */
  readonly bodyTruncated?: boolean;
}

export interface RuleMeta {
  readonly id: string;
  readonly category: Category;
  readonly defaultSeverity: Severity | "off";
  /** Key into the pack's `clauses` (or a section's `sources`) for the school's own sentence. */
  readonly clause: string;
  /** Cited when the school's pack has no sentence for the clause. */
  readonly fallbackCitation: Citation;
  readonly docs: string;
  readonly messages: Readonly<Record<string, string>>;
}

export type { Citation, PolicyPack };

/**
 * What a rule reports: a message id plus data (ESLint-style), where, and an optional fix. The engine
 * turns it into a Finding: formats the message, resolves severity from the pack and the school's
 * citation, so rules never repeat that work.
 */
export interface RuleReport {
  readonly messageId: string;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly location: Location;
  readonly spans?: readonly Span[];
  readonly fix?: Fix;
  /** A rule may raise its own default (e.g. block where the school demands encryption); the pack still wins. */
  readonly severity?: Severity;
  /**
   * The pack clause this report cites when it is not the rule's own: the school's steps for sending personal
   * data ("personal-data") where the finding asks for those steps, not its encryption sentence.
   */
  readonly clause?: string;
}

/** One policy rule (ESLint-style): its meta and a pure check over a frozen draft and the pack. */
export interface RuleModule {
  readonly meta: RuleMeta;
  /**
   * False where the school's pack turns this check off by its own settings (no greeting asked for, no Cc
   * required, no disclaimer): the engine does not run it, and the send bundle built for that pack leaves it
   * out (addin/build.ts). Absent: the rule applies to every pack.
   */
  readonly appliesTo?: (pack: PolicyPack) => boolean;
  readonly check: (context: RuleContext) => readonly RuleReport[];
}

/** What a rule's check receives. The engine owns its construction; rules only read it. */
export interface RuleContext {
  /** The draft as given, frozen. */
  readonly draft: Draft;
  readonly pack: PolicyPack;
  /**
   * The body as plain text (HTML converted once by the engine) and folded for matching (`message.body.text`);
   * body spans index into it and the engine maps them back to the draft's text.
   */
  readonly bodyText: string;
  /** The message model: folded subject and body, who wrote what, the sender's own words, recipients. */
  readonly message: Message;
  /**
   * Personal data found once per analysis by `detectPersonalData` (policy/detectors/), already
   * filtered by the pack's identifier types and confidence threshold; rules read it, never re-detect.
   */
  readonly personalData: readonly Entity[];
  /** Whether rules may consult their trained models (policy/model/); false in ablations and training. */
  readonly models: boolean;
}
