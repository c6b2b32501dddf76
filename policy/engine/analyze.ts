import type { PolicyPack } from "../pack/schema.js";
import type { Citation } from "../pack/citation.js";
import { rules as registeredRules } from "../rules/registry.js";
import { detectPersonalData } from "../detectors/index.js";
import { normalizeDraft, type DraftInput } from "./draft.js";
import { htmlToText } from "./html-to-text.js";
import type { Analysis, Finding, RuleContext, RuleModule, RuleReport, Severity } from "./types.js";

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 1, nudge: 2, block: 3 };

export interface AnalyzeOptions {
  /** Rules to run instead of the registry (the rule tester runs one rule alone). */
  readonly rules?: readonly RuleModule[];
  /** Told when a rule throws; the analysis goes on without it (never get in the way by our fault). */
  readonly onRuleError?: (ruleId: string, error: unknown) => void;
}

/** Reads a draft against a school's pack and returns what the sender should be nudged about. */
export function analyzeDraft(input: DraftInput, pack: PolicyPack, options: AnalyzeOptions = {}): Analysis {
  const draft = normalizeDraft(input);
  const bodyText = draft.bodyType === "html" ? htmlToText(draft.body) : draft.body;
  const personalData = detectPersonalData(
    {
      subject: draft.subject,
      bodyText,
      // File names use "_" for spaces ("Smith_Jo_EHCP.pdf"); same length, so offsets stay valid.
      attachmentNames: draft.attachments.map((file) => file.name.replace(/_/g, " ")),
      ...(draft.from ? { from: draft.from } : {}),
    },
    pack,
  );
  const context: RuleContext = { draft, pack, bodyText, personalData };
  const findings: Finding[] = [];
  for (const rule of options.rules ?? registeredRules) {
    const configured = pack.rules[rule.meta.id] ?? rule.meta.defaultSeverity;
    if (configured === "off") continue;
    let reports: readonly RuleReport[];
    try {
      reports = rule.check(context);
    } catch (error) {
      options.onRuleError?.(rule.meta.id, error);
      continue;
    }
    for (const report of reports) {
      const severity = pack.rules[rule.meta.id] ?? report.severity ?? configured;
      if (severity === "off") continue;
      findings.push(toFinding(rule, report, severity, pack));
    }
  }
  findings.sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
  const worst = findings[0]?.severity;
  // Info findings are tips for the task pane: they never stop or prompt a send.
  const verdict = worst === "block" ? "block" : worst === "nudge" ? "nudge" : "ok";
  return { verdict, findings, personalData };
}

function toFinding(rule: RuleModule, report: RuleReport, severity: Severity, pack: PolicyPack): Finding {
  const citation = citationFor(rule, pack);
  return {
    rule: rule.meta.id,
    category: rule.meta.category,
    severity,
    message: formatMessage(rule, report),
    policyRef: { section: `${citation.document} — ${citation.section}`, quote: citation.quote },
    location: report.location,
    ...(report.spans && report.spans.length > 0 ? { spans: report.spans } : {}),
    ...(report.fix ? { fix: report.fix } : {}),
  };
}

/** The school's own sentence for the rule's clause, else the rule's documented fallback. */
export function citationFor(rule: RuleModule, pack: PolicyPack): Citation {
  return pack.clauses[rule.meta.clause] ?? rule.meta.fallbackCitation;
}

export function formatMessage(rule: RuleModule, report: RuleReport): string {
  const template = rule.meta.messages[report.messageId];
  if (template === undefined) throw new Error(`Rule ${rule.meta.id} has no message "${report.messageId}"`);
  return template.replace(/\{\{(\w+)\}\}/g, (whole: string, key: string) => {
    const value = report.data?.[key];
    return value === undefined ? whole : String(value);
  });
}
