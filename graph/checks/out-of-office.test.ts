import { describe, expect, it } from "vitest";
import { describeAbsence, outOfOffice } from "./out-of-office.js";
import { context, DAY, replies, stDunstans, weekAway } from "./test-context.js";

const utc = (ms: number) => ({ dateTime: new Date(ms).toISOString().slice(0, 19) + ".0000000", timeZone: "UTC" });

describe("out-of-office", () => {
  it.each([
    ["replies off", replies({ status: "disabled" }), "fail", /automatic replies are off/],
    ["replies off, Graph's capitalised enum", replies({ status: "Disabled" }), "fail", /off/],
    [
      "scheduled to end two days early",
      replies({
        status: "scheduled",
        scheduledStartDateTime: utc(weekAway.start),
        scheduledEndDateTime: utc(weekAway.end - 2 * DAY),
      }),
      "fail",
      // Outlook stores the end as 00:00 on the Thursday: the Wednesday is the last day covered.
      /scheduled Mon 30 Nov 2026 to Wed 2 Dec 2026, leaving 2 working days uncovered/,
    ],
    [
      "scheduled to start a day late",
      replies({
        status: "Scheduled",
        scheduledStartDateTime: utc(weekAway.start + DAY),
        scheduledEndDateTime: utc(weekAway.end),
      }),
      "fail",
      /1 working day uncovered/,
    ],
    [
      "empty internal message",
      replies({ internalReplyMessage: "<p>&nbsp;</p>" }),
      "fail",
      /internal reply message is empty/,
    ],
    [
      "empty external message to everyone",
      replies({ externalReplyMessage: "" }),
      "fail",
      /external reply message is empty/,
    ],
    ["colleagues only", replies({ externalAudience: "none", externalReplyMessage: "" }), "warn", /colleagues only/],
  ])("reports %s", (_label, setting, status, detail) => {
    const results = outOfOffice.run(context({ replies: setting }));
    expect(results).toHaveLength(1);
    expect(results[0]?.status).toBe(status);
    expect(results[0]?.detail).toMatch(detail);
  });

  it.each([
    ["replies always on with both messages", context()],
    [
      "the enum in another case",
      context({ replies: replies({ status: "AlwaysEnabled", externalAudience: "ContactsOnly" }) }),
    ],
    [
      "scheduled over the whole absence in UK time (Windows zone name)",
      context({
        replies: replies({
          status: "scheduled",
          scheduledStartDateTime: { dateTime: "2026-11-27T17:00:00.0000000", timeZone: "GMT Standard Time" },
          scheduledEndDateTime: { dateTime: "2026-12-07T08:00:00.0000000", timeZone: "GMT Standard Time" },
        }),
      }),
    ],
    [
      "scheduled to end on the Friday evening of a Monday–Friday absence",
      context({
        replies: replies({
          status: "scheduled",
          scheduledStartDateTime: utc(weekAway.start),
          scheduledEndDateTime: utc(weekAway.end - 6 * 3_600_000),
        }),
      }),
    ],
    [
      "an absence under way whose reply was switched on today",
      context({
        absence: { ...weekAway, start: Date.parse("2026-11-20T00:00:00Z") },
        replies: replies({
          status: "scheduled",
          scheduledStartDateTime: utc(Date.parse("2026-11-23T07:00:00Z")),
          scheduledEndDateTime: utc(weekAway.end),
        }),
      }),
    ],
    ["nobody absent", context({ absence: undefined, replies: replies({ status: "disabled" }) })],
    [
      "scheduled in Tokyo time from 17:00 on Monday (08:00 in London): the zone is honoured",
      context({
        replies: replies({
          status: "scheduled",
          scheduledStartDateTime: { dateTime: "2026-11-30T17:00:00.0000000", timeZone: "Tokyo Standard Time" },
          scheduledEndDateTime: { dateTime: "2026-12-05T09:00:00.0000000", timeZone: "Asia/Tokyo" },
        }),
      }),
    ],
    [
      "a summer absence covered exactly by a schedule in GMT Standard Time (British Summer Time)",
      context({
        absence: {
          start: Date.parse("2026-07-05T23:00:00Z"),
          end: Date.parse("2026-07-10T23:00:00Z"),
          workingDays: 5,
          sources: ["leave file"],
        },
        replies: replies({
          status: "scheduled",
          scheduledStartDateTime: { dateTime: "2026-07-06T00:00:00.0000000", timeZone: "GMT Standard Time" },
          scheduledEndDateTime: { dateTime: "2026-07-11T00:00:00.0000000", timeZone: "GMT Standard Time" },
        }),
      }),
    ],
    [
      "a school whose pack does not require replies",
      context({
        pack: { ...stDunstans, absence: { ...stDunstans.absence, outOfOfficeRequired: false } },
        replies: replies({ status: "disabled" }),
      }),
    ],
  ])("passes %s", (_label, ctx) => {
    expect(outOfOffice.run(ctx)).toEqual([]);
  });

  it.each([
    [
      "scheduled in UTC from 17:00 on Monday: Monday is uncovered",
      "2026-11-30T17:00:00",
      "UTC",
      /leaving 1 working day uncovered/,
    ],
    ["scheduled without a start", undefined, undefined, /without dates, leaving 5 working days/],
  ])("fails %s", (_label, startText, zone, detail) => {
    const results = outOfOffice.run(
      context({
        replies: replies({
          status: "scheduled",
          scheduledStartDateTime: startText ? { dateTime: startText, timeZone: zone } : null,
          scheduledEndDateTime: { dateTime: "2026-12-05T09:00:00", timeZone: "UTC" },
        }),
      }),
    );
    expect(results).toHaveLength(1);
    expect(results[0]?.status).toBe("fail");
    expect(results[0]?.detail).toMatch(detail);
  });

  it("is not evaluated when the schedule's time zone is unknown", () => {
    const results = outOfOffice.run(
      context({
        replies: replies({
          status: "scheduled",
          scheduledStartDateTime: { dateTime: "2026-11-30T00:00:00", timeZone: "Narnia Standard Time" },
          scheduledEndDateTime: { dateTime: "2026-12-05T00:00:00", timeZone: "UTC" },
        }),
      }),
    );
    expect(results).toEqual([
      {
        status: "not-evaluated",
        detail:
          'Away Mon 30 Nov 2026 to Fri 4 Dec 2026 (5 working days, from the calendar); the automatic-reply schedule could not be read (Unknown time zone "Narnia Standard Time").',
      },
    ]);
  });

  it("is not evaluated when the absence is unknown", () => {
    expect(outOfOffice.run(context({ absence: { unread: "The calendar could not be read." } }))).toEqual([
      { status: "not-evaluated", detail: "Absence unknown: The calendar could not be read." },
    ]);
  });

  it("is not evaluated when the automatic replies cannot be read", () => {
    expect(
      outOfOffice.run(context({ replies: { unread: "The mailbox settings could not be read: Access denied." } })),
    ).toEqual([
      {
        status: "not-evaluated",
        detail:
          "Away Mon 30 Nov 2026 to Fri 4 Dec 2026 (5 working days, from the calendar); The mailbox settings could not be read: Access denied.",
      },
    ]);
  });
});

describe("out-of-office: how the absence and the problem are told", () => {
  it.each([
    [
      { ...weekAway, workingDays: 1, end: weekAway.start + DAY },
      "Away Mon 30 Nov 2026 (1 working day, from the calendar)",
    ],
    [
      { ...weekAway, workingDays: 2.5, sources: ["calendar", "leave file"] as const },
      "Away Mon 30 Nov 2026 to Fri 4 Dec 2026 (2.5 working days, from the calendar and leave file)",
    ],
  ])("describes %o", (absence, text) => {
    expect(describeAbsence({ ...absence, sources: [...absence.sources] })).toBe(text);
  });

  it("names both empty messages at once", () => {
    expect(
      outOfOffice.run(context({ replies: replies({ internalReplyMessage: null, externalReplyMessage: " " }) })),
    ).toEqual([
      {
        status: "fail",
        detail:
          "Away Mon 30 Nov 2026 to Fri 4 Dec 2026 (5 working days, from the calendar); the internal and external reply message is empty.",
      },
    ]);
  });

  it("says a schedule with only a start has no dates, and gives the dates of a schedule that ends early", () => {
    const onlyStart = outOfOffice.run(
      context({ replies: replies({ status: "scheduled", scheduledStartDateTime: utc(weekAway.start) }) }),
    );
    expect(onlyStart[0]?.detail).toMatch(/scheduled without dates, leaving 5 working days uncovered\.$/);
    const early = outOfOffice.run(
      context({
        replies: replies({
          status: "scheduled",
          scheduledStartDateTime: utc(weekAway.start),
          scheduledEndDateTime: utc(weekAway.end - 2 * DAY),
        }),
      }),
    );
    expect(early[0]?.detail).toBe(
      "Away Mon 30 Nov 2026 to Fri 4 Dec 2026 (5 working days, from the calendar); automatic replies are scheduled Mon 30 Nov 2026 to Wed 2 Dec 2026, leaving 2 working days uncovered.",
    );
  });
});
