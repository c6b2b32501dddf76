import { z } from "zod";
import { citationSchema } from "./citation.js";
import { AUDIENCES, IDENTIFIER_TYPES, PERSONAL_USE_KINDS, SENSITIVE_CATEGORIES, SEVERITIES } from "./vocabulary.js";
import { isValidDomain, isValidUkPostcode, regexSourceProblem } from "./validators.js";

/**
 * The per-school policy pack. Every field a school's policy is silent on has a default here,
 * documented with `.describe()`, so the generated JSON Schema shows admins what they inherit.
 * Each section may carry `sources`: the school's sentence each of its values rests on.
 */

const MB = 1024 * 1024;

const domain = z
  .string()
  .transform((value) => value.trim().toLowerCase())
  .refine(isValidDomain, { message: "must be a domain name such as school.org.uk" });

const emailAddress = z.email({ message: "must be an email address" }).transform((value) => value.toLowerCase());

const sourcesFor = <const K extends string>(keys: readonly [K, ...K[]]) =>
  z
    .partialRecord(z.enum(keys), citationSchema)
    .optional()
    .describe("The school's sentence behind each value, keyed by the field it justifies.");

const schoolSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,40}$/, { message: "must be a short lower-case id such as st-dunstans" })
      .describe("Short id, also the preset id."),
    name: z.string().min(1),
    emailDomains: z.array(domain).min(1).describe("The school's own (internal) mail domains."),
    address: z
      .object({
        lines: z.array(z.string().min(1)).min(1),
        postcode: z.string().refine(isValidUkPostcode, { message: "must be a UK postcode" }),
      })
      .strict()
      .describe("The school's own postal address: never treated as personal data."),
    phones: z
      .array(z.string().min(6))
      .default([])
      .describe("The school's own phone numbers: never treated as personal data."),
    policyOwner: z
      .object({ role: z.string().min(1), name: z.string().min(1).optional(), email: emailAddress.optional() })
      .strict(),
  })
  .strict();

const etiquetteKeys = [
  "greetingRequired",
  "closingRequired",
  "shouting",
  "punctuation",
  "tone",
  "maxRecipients",
  "disclaimer",
] as const;

const etiquetteSchema = z
  .object({
    greetingRequired: z
      .boolean()
      .default(false)
      .describe("A tip in the task pane when a message has no greeting (it never stops a send)."),
    closingRequired: z
      .boolean()
      .default(false)
      .describe("A tip in the task pane when a message has no closing (it never stops a send)."),
    shouting: z
      .object({
        minLetters: z
          .int()
          .min(3)
          .default(9)
          .describe("A run of capitals shorter than this many letters is never shouting."),
        maxCapitalRatio: z
          .number()
          .min(0.5)
          .max(1)
          .default(0.9)
          .describe("Share of capital letters in a sentence above which it reads as shouting."),
        acronyms: z
          .array(z.string().regex(/^[a-z0-9&]{2,12}$/i))
          .default([])
          .describe("School-specific acronyms to add to the built-in list (SEN, SENCO, EHCP, DSL...)."),
      })
      .strict()
      .prefault({}),
    punctuation: z
      .object({
        maxRepeated: z
          .int()
          .min(1)
          .default(2)
          .describe("Longest allowed run of ! or ?; a longer run is flagged (2 allows '!!' but not '!!!')."),
      })
      .strict()
      .prefault({}),
    maxRecipients: z
      .int()
      .min(1)
      .default(50)
      .describe("Nudge when a message goes to more recipients than this (need-to-know)."),
    disclaimer: z
      .object({
        required: z.boolean().default(false),
        text: z.string().default(""),
      })
      .strict()
      .prefault({})
      .refine((value) => !value.required || value.text.trim().length > 0, {
        message: "text is required when the disclaimer is required",
        path: ["text"],
      }),
    sources: sourcesFor(etiquetteKeys),
  })
  .strict();

const attachmentKeys = ["maxTotalBytes", "blockedExtensions", "sensitiveFileNames"] as const;

const attachmentsSchema = z
  .object({
    maxTotalBytes: z
      .int()
      .positive()
      .default(10 * MB)
      .describe("Largest total attachment size in bytes (default 10 MB, from St John Payne's policy)."),
    blockedExtensions: z
      .array(z.string().regex(/^[a-z0-9]{1,10}$/, { message: "must be a lower-case extension without the dot" }))
      // Executables and scripts, and Office files that carry macros: Microsoft's common attachments filter
      // (Defender for Office 365) blocks docm, ppam, vbe, wsf, wsh and xll by default; the other
      // macro-enabled types (xlsm, pptm, dotm, xltm, xlam, potm, ppsm) run the same VBA.
      .default([
        "exe",
        "bat",
        "cmd",
        "com",
        "msi",
        "scr",
        "ps1",
        "vbs",
        "vbe",
        "wsf",
        "wsh",
        "js",
        "jar",
        "hta",
        "lnk",
        "reg",
        "pif",
        "cpl",
        "docm",
        "dotm",
        "xlsm",
        "xltm",
        "xlam",
        "xll",
        "pptm",
        "potm",
        "ppam",
        "ppsm",
      ])
      .describe("File types never sent from school mail (executables, scripts and macro-enabled Office files)."),
    sensitiveFileNames: z
      .boolean()
      .default(true)
      .describe("Flag file names that reveal personal or sensitive data (e.g. 'J Smith EHCP.pdf')."),
    sources: sourcesFor(attachmentKeys),
  })
  .strict();

const forbiddenKindsSchema = z
  .array(z.enum(PERSONAL_USE_KINDS))
  .default([])
  .describe(
    "Kinds of personal use the school forbids even where it allows some (e.g. selling and advertising, gambling); a label does not make them allowed.",
  );

const personalUseSchema = z
  .discriminatedUnion("mode", [
    z
      .object({
        mode: z.literal("allowed-if-labelled"),
        label: z.string().min(1).default("Personal").describe("Text the subject must carry."),
        forbiddenKinds: forbiddenKindsSchema,
        sources: sourcesFor(["mode", "label", "forbiddenKinds"]),
      })
      .strict(),
    z.object({ mode: z.literal("prohibited"), sources: sourcesFor(["mode"]) }).strict(),
    z
      .object({
        mode: z.literal("allowed"),
        forbiddenKinds: forbiddenKindsSchema,
        sources: sourcesFor(["mode", "forbiddenKinds"]),
      })
      .strict(),
  ])
  .describe("Whether staff may send personal email from the school account.");

const customIdentifierSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/),
    label: z.string().min(1),
    pattern: z.string().min(1).max(200),
    flags: z
      .string()
      .regex(/^[gimu]*$/, { message: "only the flags g, i, m and u are allowed" })
      .default("g"),
  })
  .strict()
  .superRefine((value, ctx) => {
    const problem = regexSourceProblem(value.pattern, value.flags);
    if (problem) ctx.addIssue({ code: "custom", message: `invalid regular expression: ${problem}`, path: ["pattern"] });
  });

const personalDataKeys = ["identifiers", "sensitiveCategories", "blockInSubject"] as const;

const personalDataSchema = z
  .object({
    identifiers: z
      .array(z.enum(IDENTIFIER_TYPES))
      .default([...IDENTIFIER_TYPES])
      .describe("Identifier types to look for."),
    sensitiveCategories: z
      .array(z.enum(SENSITIVE_CATEGORIES))
      .default([...SENSITIVE_CATEGORIES])
      .describe("Special-category and sensitive details that make a named person's data personal data."),
    confidenceThreshold: z
      .number()
      .min(0)
      .max(1)
      .default(0.7)
      .describe("Entities below this confidence are not reported."),
    blockInSubject: z.boolean().default(true).describe("Flag personal data in the subject line."),
    customIdentifiers: z
      .array(customIdentifierSchema)
      .default([])
      .describe("Extra identifier patterns (e.g. the MIS admission number)."),
    sources: sourcesFor(personalDataKeys),
  })
  .strict();

const encryptionMechanismSchema = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("sensitivity-label"),
      labelId: z.uuid({ message: "must be the label's GUID" }),
      labelName: z.string().min(1),
    })
    .strict(),
  z
    .object({
      kind: z.literal("subject-tag"),
      tag: z.string().min(1).max(40).describe("Text the mail gateway acts on, e.g. [secure]."),
    })
    .strict(),
  z
    .object({
      kind: z.literal("header"),
      name: z
        .string()
        .regex(/^x-[a-z0-9-]{1,60}$/i, { message: "must be an x- internet header name" })
        .describe("Internet header the gateway acts on."),
      value: z.string().min(1).max(200),
    })
    .strict(),
]);

const securePortalSchema = z
  .object({
    kind: z.literal("secure-portal"),
    name: z.string().min(1).describe("What staff call it, e.g. 'the Egress portal' or 'the county's secure upload'."),
    address: z
      .string()
      .min(3)
      .max(300)
      .describe("The portal's web address or the e-mail address that routes mail through it."),
  })
  .strict();

const secureRouteSchema = z
  .discriminatedUnion("kind", [...encryptionMechanismSchema.options, securePortalSchema])
  .describe(
    "The route the school names for personal data where encryption is not required: a sensitivity label, a subject tag, a header, or a secure portal. Without one, the check offers the steps the policy gives instead (verify the address, fewer recipients, ask for confirmation of safe receipt).",
  );

const encryptionKeys = ["required", "internalToo", "mechanism", "secureRoute"] as const;

const encryptionSchema = z
  .object({
    required: z.boolean().default(false).describe("Personal or confidential information must go encrypted."),
    internalToo: z.boolean().default(false).describe("Encryption is needed for internal mail as well."),
    mechanism: encryptionMechanismSchema
      .default({ kind: "subject-tag", tag: "[secure]" })
      .describe("What the school's mail system acts on to encrypt a message."),
    secureRoute: secureRouteSchema.optional(),
    sources: sourcesFor(encryptionKeys),
  })
  .strict();

const recipientsKeys = ["bccThreshold", "trustedDomains", "personalWebmailDomains", "ccOnExternalToParents"] as const;

const recipientsSchema = z
  .object({
    // Nine: the corpus README's recipients label is "ten or more external addresses visible in To/Cc"; no
    // school's policy gives a number, and a school that wants fewer sets its own.
    bccThreshold: z
      .int()
      .min(1)
      .default(9)
      .describe("More external addresses than this visible in To/Cc should go in Bcc."),
    trustedDomains: z
      .array(domain)
      .default([])
      .describe("External partners' domains (local authority, trust, MIS supplier)."),
    pupilDomains: z
      .array(domain)
      .default([])
      .describe("Domains of pupils' mailboxes, where they are not a students./pupils. subdomain of the school's own."),
    personalWebmailDomains: z
      .array(domain)
      .default([
        "gmail.com",
        "googlemail.com",
        "hotmail.com",
        "hotmail.co.uk",
        "outlook.com",
        "live.com",
        "live.co.uk",
        "yahoo.com",
        "yahoo.co.uk",
        "icloud.com",
        "me.com",
        "aol.com",
        "btinternet.com",
        "sky.com",
        "virginmedia.com",
        "protonmail.com",
        "proton.me",
        "gmx.com",
        "mail.com",
      ])
      .describe("Personal webmail domains: parents use them; staff must not use them for school business."),
    ccOnExternalToParents: z
      .object({
        required: z.boolean().default(false),
        cc: z.array(z.object({ name: z.string().min(1).optional(), address: emailAddress }).strict()).default([]),
      })
      .strict()
      .prefault({})
      .refine((value) => !value.required || value.cc.length > 0, {
        message: "at least one address is needed when the Cc is required",
        path: ["cc"],
      })
      .describe("Copy the head or line manager on external mail to parents."),
    sources: sourcesFor(recipientsKeys),
  })
  .strict();

const documentSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{1,60}$/),
    title: z.string().min(1),
    version: z.string().min(1),
    effectiveDate: z.iso.date({ message: "must be a date as YYYY-MM-DD" }),
    file: z
      .string()
      .regex(/^[a-z0-9][a-z0-9./-]*\.md$/, { message: "must be a relative path to a .md file" })
      .refine((value) => !value.split("/").includes(".."), { message: "must not leave the documents folder" })
      .describe("Markdown file, relative to policy/documents/."),
    sha256: z
      .string()
      .regex(/^[a-f0-9]{64}$/, { message: "must be a lower-case hex SHA-256" })
      .describe("SHA-256 of the exact Markdown text."),
  })
  .strict();

const acknowledgementKeys = ["audiences", "cadence", "documents"] as const;

const acknowledgementsSchema = z
  .object({
    audiences: z
      .array(
        z
          .object({
            audience: z.enum(AUDIENCES),
            group: z
              .object({ id: z.uuid().optional(), name: z.string().min(1) })
              .strict()
              .describe("Entra group holding this audience."),
            documents: z.array(z.string().min(1)).min(1).describe("Ids of the documents this audience signs."),
          })
          .strict(),
      )
      .default([]),
    cadence: z
      .object({
        kind: z.literal("annual").default("annual"),
        dueMonthDay: z
          .string()
          .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: "must be MM-DD" })
          .default("09-30")
          .describe("Each year's acknowledgements fall due on this day (default: end of September)."),
        onNewVersion: z.boolean().default(true).describe("A new version must be acknowledged again."),
        graceDays: z.int().min(0).default(14).describe("Days after a new version before it is overdue."),
      })
      .strict()
      .prefault({}),
    documents: z.array(documentSchema).default([]),
    sources: sourcesFor(acknowledgementKeys),
  })
  .strict()
  .superRefine((value, ctx) => {
    const ids = new Set(value.documents.map((doc) => doc.id));
    value.audiences.forEach((audience, index) => {
      audience.documents.forEach((docId, docIndex) => {
        if (!ids.has(docId)) {
          ctx.addIssue({
            code: "custom",
            message: `unknown document id "${docId}"`,
            path: ["audiences", index, "documents", docIndex],
          });
        }
      });
    });
  });

const absenceKeys = ["outOfOfficeAfterDays", "delegationRequired"] as const;

const absenceSchema = z
  .object({
    outOfOfficeRequired: z.boolean().default(true),
    outOfOfficeAfterDays: z
      .number()
      .min(0)
      .default(1)
      .describe("An out-of-office reply is required when away more than this many working days."),
    delegationRequired: z.boolean().default(false).describe("Mail must be delegated while away."),
    lookAheadDays: z.int().min(0).max(90).default(14).describe("How far ahead the sweep looks for absences."),
    sources: sourcesFor(absenceKeys),
  })
  .strict();

export const policyPackSchema = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(1),
    school: schoolSchema,
    policyDocument: citationSchema
      .omit({ quote: true, section: true })
      .extend({ url: z.url().optional() })
      .strict()
      .describe("The school policy the pack is read from."),
    etiquette: etiquetteSchema.prefault({}),
    attachments: attachmentsSchema.prefault({}),
    personalUse: personalUseSchema.default({ mode: "allowed-if-labelled", label: "Personal", forbiddenKinds: [] }),
    personalData: personalDataSchema.prefault({}),
    encryption: encryptionSchema.prefault({}),
    recipients: recipientsSchema.prefault({}),
    acknowledgements: acknowledgementsSchema.prefault({}),
    absence: absenceSchema.prefault({}),
    clauses: z
      .record(z.string().regex(/^[a-z][a-z-]*$/), citationSchema)
      .default({})
      .describe("The school's sentence behind each topic a rule cites (tone, shouting, personal-data...)."),
    rules: z
      .record(z.string(), z.enum(SEVERITIES))
      .default({})
      .describe("Severity per rule id: off, info, nudge or block. Unset rules keep their default."),
  })
  .strict();

export type PolicyPackInput = z.input<typeof policyPackSchema>;
export type PolicyPackData = z.output<typeof policyPackSchema>;
export type PolicyPack = DeepReadonly<PolicyPackData>;
export type EncryptionMechanism = z.output<typeof encryptionMechanismSchema>;
export type SecureRoute = z.output<typeof secureRouteSchema>;
export type PolicyDocumentMeta = z.output<typeof documentSchema>;

export type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;
