import { plainText, type SweepCheck } from "./types.js";

export const outOfOffice: SweepCheck = {
  meta: {
    id: "out-of-office",
    permissions: ["MailboxSettings.Read", "Calendars.Read"],
    clause: "out-of-office",
    remediation: "Ask them (or their line manager) to turn on automatic replies for the whole absence.",
    docs: "Staff away more than the pack's threshold of working days have automatic replies on, covering the absence, with internal and external messages.",
  },
  run({ pack, absence, replies }) {
    if (!pack.absence.outOfOfficeRequired || !absence || absence.workingDays <= pack.absence.outOfOfficeAfterDays)
      return [];
    if (!replies.ok)
      return [{ status: "not-evaluated", detail: `Automatic replies could not be read (HTTP ${replies.status}).` }];
    const away = `away ${absence.start.slice(0, 10)} to ${absence.end.slice(0, 10)}`;
    // Graph's own examples spell the enum "Scheduled" and "scheduled": compare without case.
    const status = replies.value.status.toLowerCase();
    if (status === "disabled") return [{ status: "fail", detail: `${away} with automatic replies off.` }];
    if (status === "scheduled") {
      const start = replies.value.scheduledStartDateTime?.dateTime ?? "";
      const end = replies.value.scheduledEndDateTime?.dateTime ?? "";
      if (start > absence.start || end < absence.end) {
        return [
          {
            status: "fail",
            detail: `${away}; automatic replies are scheduled ${start.slice(0, 10)} to ${end.slice(0, 10)} only.`,
          },
        ];
      }
    }
    const empty = [
      plainText(replies.value.internalReplyMessage) === "" ? "internal" : "",
      plainText(replies.value.externalReplyMessage) === "" && replies.value.externalAudience.toLowerCase() !== "none"
        ? "external"
        : "",
    ].filter(Boolean);
    return empty.length > 0 ? [{ status: "warn", detail: `${away}; the ${empty.join(" and ")} reply is empty.` }] : [];
  },
};
