import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import { formatDate, type Api, type EvidenceRecord, type PolicySummary, type Status } from "./api.js";
import { PolicyReader } from "./PolicyReader.js";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: 0, listStyleType: "none" },
  item: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
});

const STATUS_TEXT: Record<Status, string> = {
  acknowledged: "Acknowledged",
  due: "Due",
  overdue: "Overdue",
  "not-required": "Not required",
};
const STATUS_COLOUR = {
  acknowledged: "success",
  due: "warning",
  overdue: "danger",
  "not-required": "informative",
} as const;

export function StatusBadge(props: { status: Status }) {
  return (
    <Badge appearance="tint" color={STATUS_COLOUR[props.status]} data-status={props.status}>
      {STATUS_TEXT[props.status]}
    </Badge>
  );
}

export function StaffView(props: { api: Api; userName: string }) {
  const styles = useStyles();
  const [policies, setPolicies] = useState<PolicySummary[] | undefined>();
  const [history, setHistory] = useState<EvidenceRecord[]>([]);
  const [reading, setReading] = useState<string | undefined>();
  const [confirmation, setConfirmation] = useState<EvidenceRecord | undefined>();
  const [error, setError] = useState<string | undefined>();

  const refresh = useCallback(async () => {
    try {
      const [mine, past] = await Promise.all([props.api.policies(), props.api.history()]);
      setPolicies(mine.policies);
      setHistory(past.records);
    } catch (reason) {
      setError((reason as Error).message);
    }
  }, [props.api]);

  useEffect(() => void refresh(), [refresh]);

  if (error)
    return (
      <MessageBar layout="multiline" intent="error">
        <MessageBarBody>{error}</MessageBarBody>
      </MessageBar>
    );
  if (!policies) return <Spinner label="Loading your policies…" />;
  const required = policies.filter((policy) => policy.status !== "not-required");

  return (
    <>
      {confirmation && (
        <MessageBar layout="multiline" intent="success" data-testid="confirmation">
          <MessageBarBody>
            <MessageBarTitle>Thank you</MessageBarTitle>
            You acknowledged{" "}
            {policies.find((policy) => policy.id === confirmation.policyId)?.title ??
              confirmation.policyId} version {confirmation.version} on {formatDate(confirmation.acknowledgedAt)}.
          </MessageBarBody>
        </MessageBar>
      )}
      <section aria-labelledby="owed-heading">
        <h2 id="owed-heading">Your policies</h2>
        {required.length === 0 ? (
          <p>There is nothing for you to acknowledge.</p>
        ) : (
          <ul className={styles.list}>
            {required.map((policy) => (
              <li key={policy.id} className={styles.item} data-policy={policy.id}>
                <strong>{policy.title}</strong>
                <span>version {policy.version}</span>
                <StatusBadge status={policy.status} />
                <span>
                  {policy.status === "acknowledged"
                    ? `Acknowledged ${formatDate(policy.acknowledgedAt)}; next due ${formatDate(policy.dueDate)}`
                    : `Due ${formatDate(policy.dueDate)}`}
                </span>
                {policy.status !== "acknowledged" && (
                  <Button
                    size="small"
                    onClick={() => {
                      setConfirmation(undefined);
                      setReading(policy.id);
                    }}
                  >
                    Read and acknowledge
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {reading && (
        <PolicyReader
          api={props.api}
          policyId={reading}
          userName={props.userName}
          onAcknowledged={(record) => {
            setConfirmation(record);
            setReading(undefined);
            void refresh();
          }}
        />
      )}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">Your history</h2>
        {history.length === 0 ? (
          <p>You have not acknowledged anything yet.</p>
        ) : (
          <Table aria-labelledby="history-heading" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Policy</TableHeaderCell>
                <TableHeaderCell>Version</TableHeaderCell>
                <TableHeaderCell>Signed as</TableHeaderCell>
                <TableHeaderCell>Date</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {history.map((record) => (
                <TableRow key={record.hash}>
                  <TableCell>
                    {policies.find((policy) => policy.id === record.policyId)?.title ?? record.policyId}
                  </TableCell>
                  <TableCell>{record.version}</TableCell>
                  <TableCell>{record.fullName}</TableCell>
                  <TableCell>{formatDate(record.acknowledgedAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </>
  );
}
