import { UK_SCHOOL, formatLocalBound, formatLocalDate, toInstant, workingDays, type SchoolCalendar } from "./time.js";
import type { Absence } from "./absence.js";
import { isBlankHtml, plural, sameEnum, type CheckResult, type SweepCheck } from "./types.js";

export function describeAbsence(absence: Absence, calendar: SchoolCalendar = UK_SCHOOL): string {
  const from = formatLocalDate(absence.start, calendar.timeZone);
  const to = formatLocalDate(absence.end - 1, calendar.timeZone);
  const days = `${absence.workingDays} working day${absence.workingDays === 1 ? "" : "s"}`;
  return `Away ${from === to ? from : `${from} to ${to}`} (${days}, from the ${absence.sources.join(" and ")})`;
}

export const outOfOffice: SweepCheck = {
  meta: {
    id: "out-of-office",
    title: "Automatic replies while away",
    permissions: ["MailboxSettings.Read", "Calendars.ReadBasic"],
    clause: "out-of-office",
    remediation:
      "Ask them (or their line manager with delegate access) to turn on automatic replies in Outlook (File → Automatic Replies, or Settings → Mail → Automatic replies on the web) covering the whole absence, with an internal and an external message that send people to the school office. If they are already away, an admin can turn them on instead: Microsoft 365 admin centre → Users → Active users → the person → Mail → Automatic replies, or Exchange Online PowerShell: Set-MailboxAutoReplyConfiguration -Identity <them> -AutoReplyState Scheduled -StartTime <first day> -EndTime <day back> -InternalMessage <text> -ExternalMessage <text>.",
    docs: "Staff absent in the window for more than the pack's threshold of working days (calendar events shown as out of office, or the leave file) have automatic replies on for every remaining working day of the absence, with internal and, when outsiders get one, external messages.",
  },
  run({ pack, absence, replies, now, calendar }): CheckResult[] {
    if (!pack.absence.outOfOfficeRequired) return [];
    if (!absence.ok) return [{ status: "not-evaluated", detail: `Absence unknown: ${absence.reason}` }];
    if (!absence.value) return [];
    const away = describeAbsence(absence.value, calendar);
    if (!replies.ok) return [{ status: "not-evaluated", detail: `${away}; ${replies.reason}` }];
    const setting = replies.value;
    if (sameEnum(setting.status, "disabled"))
      return [{ status: "fail", detail: `${away}; automatic replies are off.` }];
    if (sameEnum(setting.status, "scheduled")) {
      let from: number;
      let until: number;
      try {
        from = setting.scheduledStartDateTime ? toInstant(setting.scheduledStartDateTime) : Infinity;
        until = setting.scheduledEndDateTime ? toInstant(setting.scheduledEndDateTime) : -Infinity;
      } catch (error) {
        return [
          {
            status: "not-evaluated",
            detail: `${away}; the automatic-reply schedule could not be read (${(error as Error).message}).`,
          },
        ];
      }
      // Only what is still ahead matters for an absence already under way.
      const start = Math.max(absence.value.start, Math.min(now, absence.value.end));
      const end = absence.value.end;
      const uncovered =
        workingDays(start, Math.min(from, end), calendar) + workingDays(Math.max(until, start), end, calendar);
      if (uncovered > 0) {
        const scheduled =
          Number.isFinite(from) && Number.isFinite(until)
            ? `${formatLocalBound(from, calendar.timeZone, "start")} to ${formatLocalBound(until, calendar.timeZone, "end")}`
            : "without dates";
        return [
          {
            status: "fail",
            detail: `${away}; automatic replies are scheduled ${scheduled}, leaving ${plural(uncovered, "working day")} uncovered.`,
          },
        ];
      }
    }
    const externalOn = !sameEnum(setting.externalAudience, "none");
    const empty = [
      isBlankHtml(setting.internalReplyMessage) ? "internal" : "",
      externalOn && isBlankHtml(setting.externalReplyMessage) ? "external" : "",
    ].filter(Boolean);
    if (empty.length > 0)
      return [{ status: "fail", detail: `${away}; the ${empty.join(" and ")} reply message is empty.` }];
    if (!externalOn) {
      // Parents and outside agencies get no answer at all: worth a word, not an alarm.
      return [{ status: "warn", detail: `${away}; automatic replies go to colleagues only (no external reply).` }];
    }
    return [];
  },
};
