import { describe, expect, it } from "vitest";
import { outOfOffice } from "./out-of-office.js";
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
      /leaving 2 working days uncovered/,
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
      "a school whose pack does not require replies",
      context({
        pack: { ...stDunstans, absence: { ...stDunstans.absence, outOfOfficeRequired: false } },
        replies: replies({ status: "disabled" }),
      }),
    ],
  ])("passes %s", (_label, ctx) => {
    expect(outOfOffice.run(ctx)).toEqual([]);
  });

  it("is not evaluated when the automatic replies cannot be read", () => {
    expect(outOfOffice.run(context({ replies: 403 }))).toEqual([
      { status: "not-evaluated", detail: "Automatic replies could not be read (HTTP 403)." },
    ]);
  });
});
