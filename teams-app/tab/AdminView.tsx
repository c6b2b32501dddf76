import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableCellLayout,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import { formatDate, type Api, type AuditResult, type ReminderPreview, type ReminderResult } from "./api.js";
import { StatusBadge } from "./StaffView.js";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
});

type AdminData = Awaited<ReturnType<Api["adminStatus"]>>;

export function AdminView(props: { api: Api }) {
  const styles = useStyles();
  const [data, setData] = useState<AdminData | undefined>();
  const [notice, setNotice] = useState<{ intent: "success" | "error" | "warning"; text: string } | undefined>();
  const [audit, setAudit] = useState<AuditResult | undefined>();
  const [preview, setPreview] = useState<ReminderPreview | undefined>();
  const [sending, setSending] = useState(false);
  const [notReached, setNotReached] = useState<ReminderResult["failed"]>([]);

  const load = useCallback(async () => {
    try {
      setData(await props.api.adminStatus());
    } catch (reason) {
      setNotice({ intent: "error", text: (reason as Error).message });
    }
  }, [props.api]);
  useEffect(() => void load(), [load]);

  if (!data)
    return notice ? (
      <MessageBar layout="multiline" intent="error">
        <MessageBarBody>{notice.text}</MessageBarBody>
      </MessageBar>
    ) : (
      <Spinner label="Loading status…" />
    );
  const title = (id: string) => data.policies.find((policy) => policy.id === id)?.title ?? id;
  const outstanding = data.people.filter((person) => person.status === "due" || person.status === "overdue");

  async function download(blob: Blob, name: string) {
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = `${name}-${data?.generatedAt.slice(0, 10) ?? "export"}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  // Two steps: the server first says how many people would be reminded; nothing is sent until
  // the admin confirms that number.
  async function askReminders() {
    try {
      setNotice(undefined);
      setNotReached([]);
      setPreview(await props.api.previewReminders());
    } catch (reason) {
      setNotice({ intent: "error", text: (reason as Error).message });
    }
  }

  // The buttons stay disabled while Teams is being asked (a few hundred notifications take a while), so a
  // second press cannot start a second round; who was not reached is named, with Teams' reason.
  async function confirmReminders(confirm: string) {
    setSending(true);
    setNotReached([]);
    try {
      const result = await props.api.sendReminders(confirm);
      setPreview(undefined);
      setNotReached(result.failed);
      setNotice({
        intent: result.failed.length ? "warning" : "success",
        text: `Reminders sent to ${result.sent} of ${result.outstanding} outstanding acknowledgements (${result.people} people)${result.failed.length ? `; ${result.failed.length} not reached:` : "."}`,
      });
    } catch (reason) {
      setPreview(undefined);
      setNotice({ intent: "error", text: (reason as Error).message });
    } finally {
      setSending(false);
    }
  }
  const personName = (oid: string) => {
    const person = data.people.find((row) => row.oid === oid);
    return person ? `${person.displayName}${person.upn ? ` (${person.upn})` : ""}` : oid;
  };

  return (
    <>
      <section aria-labelledby="completion-heading">
        <h2 id="completion-heading">Completion by audience</h2>
        <Table aria-labelledby="completion-heading" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Audience</TableHeaderCell>
              <TableHeaderCell>Policy</TableHeaderCell>
              <TableHeaderCell>Acknowledged</TableHeaderCell>
              <TableHeaderCell>Due</TableHeaderCell>
              <TableHeaderCell>Overdue</TableHeaderCell>
              <TableHeaderCell>Completion</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.audiences.map((row) => (
              <TableRow key={`${row.audience}/${row.policyId}`} data-audience={row.audience}>
                <TableCell>
                  {row.audience} ({row.group})
                </TableCell>
                <TableCell>{title(row.policyId)}</TableCell>
                <TableCell>
                  {row.acknowledged} of {row.required}
                </TableCell>
                <TableCell>{row.due}</TableCell>
                <TableCell>{row.overdue}</TableCell>
                <TableCell>
                  <Field validationMessage={`${row.completion}%`} validationState="none">
                    <ProgressBar value={row.completion / 100} aria-label={`${row.audience} completion`} />
                  </Field>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading">Actions</h2>
        <div className={styles.actions}>
          <Button onClick={() => void props.api.exportCsv().then((blob) => download(blob, "acknowledgements"))}>
            Export CSV
          </Button>
          <Button onClick={() => void props.api.exportEvidence().then((blob) => download(blob, "evidence"))}>
            Export evidence
          </Button>
          <Button onClick={() => void askReminders()} disabled={outstanding.length === 0 || sending}>
            Send reminders ({outstanding.length})
          </Button>
          <Button onClick={() => void props.api.audit().then(setAudit)}>Check audit trail</Button>
          <Button appearance="subtle" onClick={() => void load()}>
            Refresh
          </Button>
        </div>
        {preview && (
          <MessageBar layout="multiline" intent="warning" data-testid="reminder-confirm">
            <MessageBarBody>
              Send a Teams reminder to {preview.people} {preview.people === 1 ? "person" : "people"} (
              {preview.notifications} outstanding acknowledgements)? Reminders can be sent once a day per policy.
            </MessageBarBody>
            <div className={styles.actions}>
              <Button
                appearance="primary"
                disabled={sending}
                icon={sending ? <Spinner size="tiny" /> : undefined}
                onClick={() => void confirmReminders(preview.confirm)}
              >
                {sending ? "Sending…" : `Send to ${preview.people} ${preview.people === 1 ? "person" : "people"}`}
              </Button>
              <Button disabled={sending} onClick={() => setPreview(undefined)}>
                Cancel
              </Button>
            </div>
          </MessageBar>
        )}
        {notice && (
          <MessageBar layout="multiline" intent={notice.intent} data-testid="admin-notice">
            <MessageBarBody>
              {notice.text}
              {notReached.length > 0 && (
                <ul data-testid="not-reached">
                  {notReached.map((row) => (
                    <li key={`${row.oid}/${row.policyId}`}>
                      {personName(row.oid)}, {title(row.policyId)}: {row.reason}
                    </li>
                  ))}
                </ul>
              )}
            </MessageBarBody>
          </MessageBar>
        )}
        {audit && (
          <MessageBar layout="multiline" intent={audit.ok ? "success" : "error"} data-testid="audit-result">
            <MessageBarBody>
              {audit.ok
                ? `Audit trail intact: ${audit.records} records, each chained to the one before.`
                : `Audit trail broken: ${audit.problems.map((problem) => `record ${problem.seq} (${problem.problem})`).join(", ")}.`}
            </MessageBarBody>
          </MessageBar>
        )}
      </section>
      <section aria-labelledby="outstanding-heading">
        <h2 id="outstanding-heading">Outstanding ({outstanding.length})</h2>
        <Table aria-labelledby="outstanding-heading" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>Audience</TableHeaderCell>
              <TableHeaderCell>Policy</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
              <TableHeaderCell>Due</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {outstanding.slice(0, 500).map((person) => (
              <TableRow key={`${person.oid}/${person.policyId}`}>
                <TableCell>
                  {/* Two people can share a name (or one name can sit in several audiences): the UPN, as
                      plain text in the cell, tells them apart on screen and to a screen reader. */}
                  <TableCellLayout description={person.upn || undefined}>{person.displayName}</TableCellLayout>
                </TableCell>
                <TableCell>{person.audiences.join(", ")}</TableCell>
                <TableCell>{title(person.policyId)}</TableCell>
                <TableCell>
                  <StatusBadge status={person.status} />
                </TableCell>
                <TableCell>{formatDate(person.dueDate)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
    </>
  );
}
