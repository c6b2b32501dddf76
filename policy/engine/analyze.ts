import type { PolicyPack } from "../pack/schema.js";
import type { Citation } from "../pack/citation.js";
import { rules as registeredRules } from "../rules/registry.js";
import { detectPersonalData } from "../detectors/index.js";
import { isChainMail } from "../rules/tone/chain-mail.js";
import { normalizeDraft, type DraftInput } from "./draft.js";
import { buildMessage, type Message } from "./message.js";
import type { TextView } from "./normalize.js";
import type {
  Analysis,
  Category,
  Entity,
  Finding,
  Fix,
  RuleContext,
  RuleModule,
  RuleReport,
  Severity,
  Span,
} from "./types.js";

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 1, nudge: 2, block: 3 };
/**
 * Within a severity, what matters most comes first: data breaches, then words that hurt people, then
 * who it goes to and what is attached, then etiquette. Lower is earlier.
 */
const HARM_RANK: Readonly<Record<Category, number>> = {
  "personal-data": 0,
  "personal-data-in-subject": 1,
  tone: 2,
  recipients: 3,
  "pupil-contact": 3,
  passwords: 3,
  attachments: 4,
  commitment: 5,
  "personal-use": 6,
  "chain-mail": 7,
  shouting: 8,
  punctuation: 9,
  greeting: 10,
  closing: 11,
  disclaimer: 12,
};

export interface AnalyzeOptions {
  /** Rules to run instead of the registry (the rule tester runs one rule alone). */
  readonly rules?: readonly RuleModule[];
  /** Told when a rule throws; the analysis goes on without it (never get in the way by our fault). */
  readonly onRuleError?: (ruleId: string, error: unknown) => void;
  /**
   * Read at most this many characters of the body (default: all). The send handler sets it so a pasted
   * 10 MB body cannot hold Outlook past its budget (a synchronous analysis cannot be interrupted by a
   * timer); the analysis then says `bodyTruncated`, and the task pane, which has no budget, reads it all.
   */
  readonly maxBodyChars?: number;
  /** Let rules consult their trained models (default true); false measures the rules alone (ablation, training). */
  readonly models?: boolean;
}

/** Most severe first; at equal severity, most harmful first (HARM_RANK). The surfaces order by it too. */
export function byImportance(a: Finding, b: Finding): number {
  return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || HARM_RANK[a.category] - HARM_RANK[b.category];
}

/** Reads a draft against a school's pack and returns what the sender should be nudged about. */
export function analyzeDraft(input: DraftInput, pack: PolicyPack, options: AnalyzeOptions = {}): Analysis {
  const draft = normalizeDraft(input);
  const message = buildMessage(draft, pack, options.maxBodyChars);
  // Detectors read everything that will be sent (quoted and forwarded text goes out again), folded for
  // matching; only the sender's own signature block is left out.
  const detected = detectPersonalData(
    {
      subject: message.subject.text,
      bodyText: message.body.text,
      signature: message.signature,
      replyHeaders: message.replyHeaders,
      // File names use "_" for spaces ("Smith_Jo_EHCP.pdf"); same length, so offsets stay valid.
      attachmentNames: draft.attachments.map((file) => file.name.replace(/_/g, " ")),
      ...(draft.from ? { from: draft.from } : {}),
    },
    pack,
  );
  // A chain letter's sick baby or missing girl ("a prayer chain for baby Isla who is very poorly in
  // hospital") is the hoax's stock figure, not a pupil, parent or colleague whose details the school
  // holds: in chain mail the special-category details are left out. Identifiers (a home address, a
  // phone number) are still someone's. The chain-mail reading is asked for only when there is such a
  // detail to leave out: it is a fact about the message, whether or not the pack reports chain mail.
  const leftOutInChainMail = (entity: Entity): boolean =>
    entity.type === "special-category" && entity.location !== "attachments";
  const personalData =
    detected.some(leftOutInChainMail) && isChainMail(message)
      ? detected.filter((entity) => !leftOutInChainMail(entity))
      : detected;
  const context: RuleContext = {
    draft,
    pack,
    bodyText: message.body.text,
    message,
    personalData,
    models: options.models ?? true,
  };
  const findings: Finding[] = [];
  for (const rule of options.rules ?? registeredRules) {
    const configured = pack.rules[rule.meta.id] ?? rule.meta.defaultSeverity;
    if (configured === "off" || rule.appliesTo?.(pack) === false) continue;
    let reports: readonly RuleReport[];
    try {
      reports = rule.check(context);
    } catch (error) {
      options.onRuleError?.(rule.meta.id, error);
      continue;
    }
    for (const report of reports) {
      const severity = pack.rules[rule.meta.id] ?? report.severity ?? configured;
      // Stryker disable next-line StringLiteral: never "off" here: a rule the pack turns off was skipped above, and a report's own severity cannot be "off"
      if (severity === "off") continue;
      try {
        // In the send bundle (SPG_SEND_TIME) spans stay in the folded text: the handlers show messages and
        // never highlight or apply a fix (Smart Alerts can only prompt), and the pane analyses afresh.
        const source = process.env.SPG_SEND_TIME === "1" ? report : toSource(report, message);
        findings.push(toFinding(rule, source, severity, pack));
      } catch (error) {
        options.onRuleError?.(rule.meta.id, error);
      }
    }
  }
  // Stable: equal findings keep the registry's order.
  findings.sort(byImportance);
  const worst = findings[0]?.severity;
  // Info findings are tips for the task pane: they never stop or prompt a send.
  const verdict = worst === "block" ? "block" : worst === "nudge" ? "nudge" : "ok";
  return {
    verdict,
    findings,
    // The send handler keeps only the findings (addin/launchevent/handlers.ts, `compact`): its bundle is
    // built with SPG_SEND_TIME and leaves out mapping every entity back to the draft's own characters.
    personalData:
      process.env.SPG_SEND_TIME === "1" ? [] : personalData.map((entity) => entityToSource(entity, message)),
    ...(message.bodyTruncated ? { bodyTruncated: true } : {}),
  };
}

function viewFor(location: string, message: Message): TextView | undefined {
  return location === "subject" ? message.subject : location === "body" ? message.body : undefined;
}

function spansToSource(spans: readonly Span[], view: TextView): Span[] {
  return spans.map((span) => ({ start: view.toSource(span.start), end: view.toSourceEnd(span.end) }));
}

/** Rules see folded text; the surfaces highlight and fix the draft's own characters. */
function toSource(report: RuleReport, message: Message): RuleReport {
  const view = viewFor(report.location, message);
  const fix: Fix | undefined =
    report.fix?.kind === "remove-subject-spans"
      ? { kind: "remove-subject-spans", spans: spansToSource(report.fix.spans, message.subject) }
      : report.fix;
  return {
    ...report,
    ...(view && report.spans ? { spans: spansToSource(report.spans, view) } : {}),
    ...(fix ? { fix } : {}),
  };
}

function entityToSource(entity: Entity, message: Message): Entity {
  const view = viewFor(entity.location, message);
  return view ? { ...entity, start: view.toSource(entity.start), end: view.toSourceEnd(entity.end) } : entity;
}

function toFinding(rule: RuleModule, report: RuleReport, severity: Severity, pack: PolicyPack): Finding {
  const citation = citationFor(rule, pack, report.clause);
  const policyRef = { section: `${citation.document} — ${citation.section}`, quote: citation.quote };
  return {
    rule: rule.meta.id,
    category: rule.meta.category,
    severity,
    message: formatMessage(rule, report),
    messageId: report.messageId,
    ...(report.data ? { data: report.data } : {}),
    // The send bundle's pack has no notes (addin/build.ts), so it leaves the branch out.
    policyRef:
      process.env.SPG_SEND_TIME === "1" || citation.note === undefined
        ? policyRef
        : { ...policyRef, note: citation.note },
    location: report.location,
    ...(report.spans && report.spans.length > 0 ? { spans: report.spans } : {}),
    ...(report.fix ? { fix: report.fix } : {}),
  };
}

/**
 * The school's own sentence for the report's clause (when the rule names one for this report), else for the
 * rule's clause, else the rule's documented fallback.
 */
export function citationFor(rule: RuleModule, pack: PolicyPack, clause?: string): Citation {
  return (
    (clause === undefined ? undefined : pack.clauses[clause]) ??
    pack.clauses[rule.meta.clause] ??
    rule.meta.fallbackCitation
  );
}

export function formatMessage(rule: RuleModule, report: RuleReport): string {
  const template = rule.meta.messages[report.messageId];
  if (template === undefined) throw new Error(`Rule ${rule.meta.id} has no message "${report.messageId}"`);
  return template.replace(/\{\{(\w+)\}\}/g, (_whole: string, key: string) => {
    const value = report.data?.[key];
    // A message with a placeholder left unfilled would show staff "{{count}}": a rule bug, caught by tests.
    if (value === undefined) throw new Error(`Rule ${rule.meta.id} message "${report.messageId}" lacks data "${key}"`);
    return String(value);
  });
}
