import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Title3,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { useMemo } from "react";
import type { Category, Finding, PolicyPack } from "../../policy/engine/types.js";
import { DEFAULT_CITATION_DOCUMENT } from "../../policy/rules/define.js";
import { CATEGORY_TITLES, byImportance, clip, summaryText } from "../core/present.js";
import type { ComposeItem, RequirementCheck } from "../office/item.js";
import { fixLabel } from "../../policy/engine/fix-label.js";
import { findingWords } from "../../policy/engine/finding-words.js";
import { useDraftCheck } from "./use-draft-check.js";

const useStyles = makeStyles({
  root: {
    padding: "12px 14px",
    display: "flex",
    flexDirection: "column",
    gap: "12px",
    minHeight: "100vh",
    boxSizing: "border-box",
  },
  group: { display: "flex", flexDirection: "column", gap: "8px", margin: 0, padding: 0, listStyleType: "none" },
  heading: { margin: "4px 0 0" },
  card: { display: "flex", flexDirection: "column", gap: "6px" },
  why: {
    margin: 0,
    paddingLeft: "10px",
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
  },
  row: { display: "flex", gap: "8px", alignItems: "center", flexWrap: "wrap" },
});

const SEVERITY_BADGE = {
  block: { text: "Must fix", color: "danger" },
  nudge: { text: "Check", color: "warning" },
  info: { text: "Tip", color: "informative" },
} as const;

export interface AppProps {
  readonly item: ComposeItem;
  readonly pack: PolicyPack;
  readonly supported: RequirementCheck;
  readonly dark: boolean;
  readonly openedFromSend: boolean;
}

export function App({ item, pack, supported, dark, openedFromSend }: AppProps) {
  const styles = useStyles();
  const check = useDraftCheck(item, pack, supported);
  const groups = useMemo(() => groupByCategory(check.analysis?.findings ?? []), [check.analysis]);
  const count = check.analysis?.findings.length ?? 0;
  // The words each finding points at, as `check --text` shows them (a new user's trial): at most three,
  // each clipped, so a long quoted passage does not fill the pane.
  const words = (finding: Finding) => {
    const found = check.texts ? findingWords(finding, check.texts) : [];
    if (found.length === 0) return null;
    const shown = found.slice(0, 3).map((text) => `“${clip(text.replace(/\s+/g, " "), 60)}”`);
    return (
      <Caption1 block>
        <strong>Found in the {finding.location}:</strong> {shown.join(", ")}
        {found.length > 3 ? ` and ${found.length - 3} more` : ""}
      </Caption1>
    );
  };

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      <main className={styles.root} aria-labelledby="spg-title">
        <header>
          <Title3 as="h1" id="spg-title">
            School Policy Guard
          </Title3>
          <Caption1 block>
            Checked on this device against {pack.school.name}&rsquo;s policy. Nothing is sent anywhere.
          </Caption1>
        </header>
        {openedFromSend && count > 0 ? (
          <MessageBar layout="multiline" intent="warning">
            <MessageBarBody>
              <MessageBarTitle>Your message was not sent yet.</MessageBarTitle>
              Fix what you can below, then press Send again.
            </MessageBarBody>
          </MessageBar>
        ) : null}
        <div role="status" aria-live="polite" data-testid="summary">
          {check.checking ? (
            <Spinner size="tiny" label="Checking your draft…" />
          ) : check.analysis ? (
            <Body1>{summaryText(check.analysis)}</Body1>
          ) : null}
        </div>
        {check.error ? (
          <MessageBar layout="multiline" intent="error">
            <MessageBarBody>
              <MessageBarTitle>Something went wrong.</MessageBarTitle>
              {check.error}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {groups.map(([category, findings]) => (
          <section key={category} aria-labelledby={`spg-cat-${category}`} data-category={category}>
            <Subtitle2 as="h2" id={`spg-cat-${category}`} className={styles.heading} block>
              {CATEGORY_TITLES[category]}
            </Subtitle2>
            <ul className={styles.group}>
              {findings.map((finding, index) => {
                const key = `${finding.rule}-${index}`;
                const badge = SEVERITY_BADGE[finding.severity];
                return (
                  <li key={key}>
                    <Card className={styles.card} data-rule={finding.rule} data-severity={finding.severity}>
                      <div className={styles.row}>
                        <Badge appearance="tint" color={badge.color}>
                          {badge.text}
                        </Badge>
                        <Body1>{finding.message}</Body1>
                      </div>
                      <blockquote className={styles.why}>
                        <Caption1 block>
                          {/* A rule's own fallback is our guidance, not a sentence of the school's (a new user's trial). */}
                          {finding.policyRef.section.startsWith(`${DEFAULT_CITATION_DOCUMENT} — `) ? (
                            <>
                              <strong>Why:</strong> your school&rsquo;s policy has no sentence on this; this
                              add-in&rsquo;s advice: &ldquo;{finding.policyRef.quote}&rdquo;
                            </>
                          ) : (
                            <>
                              <strong>Why:</strong> &ldquo;{finding.policyRef.quote}&rdquo; —{" "}
                              {finding.policyRef.section}
                              {finding.policyRef.note === undefined ? null : <> (note: {finding.policyRef.note})</>}
                            </>
                          )}
                        </Caption1>
                      </blockquote>
                      {words(finding)}
                      {finding.fix ? (
                        <div className={styles.row}>
                          <Button
                            appearance="primary"
                            size="small"
                            disabled={check.applying !== undefined}
                            onClick={() => finding.fix && void check.apply(finding.fix, key)}
                          >
                            {check.applying === key ? "Fixing…" : fixLabel(finding.fix)}
                          </Button>
                        </div>
                      ) : null}
                    </Card>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
        <div>
          <Button appearance="secondary" size="small" onClick={() => void check.recheck()}>
            Check again
          </Button>
        </div>
      </main>
    </FluentProvider>
  );
}

function groupByCategory(findings: readonly Finding[]): [Category, Finding[]][] {
  const groups = new Map<Category, Finding[]>();
  for (const finding of [...findings].sort(byImportance)) {
    const list = groups.get(finding.category) ?? [];
    list.push(finding);
    groups.set(finding.category, list);
  }
  return [...groups];
}
