import { isoDate, toInstant, workingDays } from "./time.js";
import { isBlankHtml, sameEnum, type CheckResult, type SweepCheck } from "./types.js";

export const outOfOffice: SweepCheck = {
  meta: {
    id: "out-of-office",
    permissions: ["MailboxSettings.Read", "Calendars.Read"],
    clause: "out-of-office",
    remediation:
      "Ask them (or their line manager) to turn on automatic replies covering the whole absence, with an internal and an external message that send people to the school office.",
    docs: "Staff absent now or within the window for more than the pack's threshold of working days (calendar events shown as out of office, or the leave file) have automatic replies on for the whole absence, with internal and external messages.",
  },
  run({ pack, absence, replies, now }): CheckResult[] {
    if (!pack.absence.outOfOfficeRequired || !absence) return [];
    if (!replies.ok)
      return [{ status: "not-evaluated", detail: `Automatic replies could not be read (HTTP ${replies.status}).` }];
    const setting = replies.value;
    const away = `Away ${isoDate(absence.start)} to ${isoDate(absence.end - 1)} (${absence.workingDays} working days, from the ${absence.source === "calendar" ? "calendar" : "leave file"})`;
    if (sameEnum(setting.status, "disabled"))
      return [{ status: "fail", detail: `${away}; automatic replies are off.` }];
    if (sameEnum(setting.status, "scheduled")) {
      const from = setting.scheduledStartDateTime ? toInstant(setting.scheduledStartDateTime) : Infinity;
      const until = setting.scheduledEndDateTime ? toInstant(setting.scheduledEndDateTime) : -Infinity;
      // Only what is still ahead matters for an absence already under way.
      const start = Math.max(absence.start, Math.min(now, absence.end));
      const uncovered =
        workingDays(start, Math.min(from, absence.end)) + workingDays(Math.max(until, start), absence.end);
      if (uncovered > 0) {
        const window =
          Number.isFinite(from) && Number.isFinite(until) ? `${isoDate(from)} to ${isoDate(until)}` : "without dates";
        return [
          {
            status: "fail",
            detail: `${away}; automatic replies are scheduled ${window}, leaving ${uncovered} working day${uncovered === 1 ? "" : "s"} uncovered.`,
          },
        ];
      }
    }
    const results: CheckResult[] = [];
    const externalOn = !sameEnum(setting.externalAudience, "none");
    if (isBlankHtml(setting.internalReplyMessage) || (externalOn && isBlankHtml(setting.externalReplyMessage))) {
      const which = [
        isBlankHtml(setting.internalReplyMessage) ? "internal" : "",
        externalOn && isBlankHtml(setting.externalReplyMessage) ? "external" : "",
      ].filter(Boolean);
      results.push({ status: "fail", detail: `${away}; the ${which.join(" and ")} reply message is empty.` });
    }
    if (!externalOn) {
      // Parents and outside agencies get no answer at all: worth a word, not an alarm.
      results.push({
        status: "warn",
        detail: `${away}; automatic replies go to colleagues only (external audience: none).`,
      });
    }
    return results;
  },
};
