import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
  Caption1,
} from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import Markdown from "react-markdown";
import { ApiError, formatDate, type Api, type EvidenceRecord, type PolicyText } from "./api.js";
import { agreeStep, nameMismatchMessage } from "./name-check.js";

const useStyles = makeStyles({
  document: {
    maxHeight: "50vh",
    overflowY: "auto",
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
    // The policy's own headings keep the browser's sizes; Fluent's 20px body line height made a heading
    // that wraps overlap itself (a governor's trial).
    "& h1": { lineHeight: "1.25" },
    "& h2": { lineHeight: "1.25" },
    "& h3": { lineHeight: "1.25" },
  },
  form: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    marginTop: tokens.spacingVerticalM,
    maxWidth: "420px",
  },
});

/**
 * Shows one policy as Markdown and takes the acknowledgement. react-markdown renders no raw HTML
 * (no rehype-raw), so a <script> or event handler in a document never reaches the page.
 */
export function PolicyReader(props: {
  api: Api;
  policyId: string;
  userName: string;
  onAcknowledged: (record: EvidenceRecord) => void;
}) {
  const styles = useStyles();
  const [policy, setPolicy] = useState<PolicyText | undefined>();
  const [readToEnd, setReadToEnd] = useState(false);
  const [fullName, setFullName] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [warnedFor, setWarnedFor] = useState<string | undefined>();
  const end = useRef<HTMLDivElement>(null);
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setPolicy(undefined);
    setReadToEnd(false);
    void props.api.policy(props.policyId).then(setPolicy, (reason: Error) => setError(reason.message));
  }, [props.api, props.policyId]);

  useEffect(() => {
    if (!policy || !end.current) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setReadToEnd(true);
      },
      { root: scroller.current, threshold: 1 },
    );
    observer.observe(end.current);
    return () => observer.disconnect();
  }, [policy]);

  if (!policy)
    return error ? (
      <MessageBar layout="multiline" intent="error">
        <MessageBarBody>{error}</MessageBarBody>
      </MessageBar>
    ) : null;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!policy) return;
    if (agreeStep(fullName, props.userName, warnedFor) === "warn") {
      setWarnedFor(fullName);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const { record } = await props.api.acknowledge({
        policyId: policy.id,
        version: policy.version,
        textHash: policy.textHash,
        fullName,
      });
      props.onAcknowledged(record);
    } catch (reason) {
      setError(
        reason instanceof ApiError && reason.status === 409
          ? "This policy has just been updated. Please read the new version."
          : (reason as Error).message,
      );
      if (reason instanceof ApiError && reason.status === 409) setPolicy(await props.api.policy(props.policyId));
    } finally {
      setBusy(false);
    }
  }

  const nameOk = fullName.trim().length > 0;
  // Shown only while the text is the one warned about: correcting the name clears it.
  const warned = warnedFor !== undefined && warnedFor === fullName;
  return (
    <section aria-labelledby="reader-heading">
      <h2 id="reader-heading">{policy.title}</h2>
      <Caption1 as="p">
        Version {policy.version}, in effect from {formatDate(policy.effectiveDate)}
      </Caption1>
      <div
        ref={scroller}
        className={styles.document}
        tabIndex={0}
        role="region"
        aria-label={`${policy.title} text`}
        data-testid="policy-text"
      >
        <Markdown>{policy.markdown}</Markdown>
        <div ref={end} data-testid="policy-end" style={{ height: 1 }} />
      </div>
      <form className={styles.form} onSubmit={(event) => void submit(event)}>
        <Field
          label="Type your full name to sign"
          required
          hint={readToEnd ? undefined : "Read the policy to the end to agree."}
          // Field ties the message to the input (aria-describedby) and announces it (role="alert").
          validationState={warned ? "warning" : "none"}
          validationMessage={warned ? nameMismatchMessage(props.userName) : undefined}
        >
          <Input
            value={fullName}
            onChange={(_event, data) => setFullName(data.value)}
            autoComplete="name"
            placeholder={props.userName}
          />
        </Field>
        <Button appearance="primary" type="submit" disabled={!readToEnd || !nameOk || busy}>
          {warned ? "Acknowledge anyway" : "I agree"}
        </Button>
        {error && (
          <MessageBar layout="multiline" intent="error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
      </form>
    </section>
  );
}
