import type { FindingCheck, FindingStatus } from "../checks/types.js";
import type { AutomaticRepliesSetting, CalendarPermission, DateTimeTimeZone, MessageRule } from "../graph-types.js";
import type { SkipReason } from "../checkpoint.js";
import type { LeaveEntry } from "../leave.js";
import {
  seededRandom,
  type Mailbox,
  type StoredEvent,
  type Tenant,
  type TenantGroup,
  type TenantUser,
} from "../stand-in/tenant.js";

/**
 * An independent 300-staff scenario for measuring the sweep: written from a school's week, not
 * from the checks' code. Each person gets a situation (how they are away, how their replies, delegates
 * and rules are set, what Graph will refuse to show) and the answer a careful admin would give by
 * hand, so precision and recall per check can be measured. Decoys: short absences (a dentist
 * morning, a single day, a long weekend, busy or tentative weeks), absences split into one-day
 * events or across a weekend, paged calendars, replies scheduled in other zones, internal, X500 and
 * tenant-domain forwards, shared, room and equipment mailboxes, guests, a leaver, and pupils outside
 * the staff group. The sweep window is Monday 23 November 2026 for 14 days (GMT, so local = UTC).
 */
export const SCENARIO_DOMAIN = "northgate.sch.uk";
export const SCENARIO_TENANT_DOMAIN = "northgateacademy.onmicrosoft.com";
export const SCENARIO_WINDOW = { start: new Date("2026-11-23T00:00:00Z"), end: new Date("2026-12-07T00:00:00Z") };

export interface Expected {
  readonly upn: string;
  readonly check: FindingCheck;
  readonly status: FindingStatus;
}

export interface Scenario {
  readonly tenant: Tenant;
  readonly leave: LeaveEntry[];
  readonly expected: Expected[];
  readonly skipped: Partial<Record<SkipReason, number>>;
  readonly staffGroupName: string;
  readonly staffCount: number;
}

const GOOD = "<p>I am out of school this week. Please contact the school office.</p>";
const DISCLOSING =
  "<p>I am away. For Ollie Fenwright's EHCP review (DOB 04/05/2016) please call his mum on 07700 900123.</p>";
const X500_OF = (index: number) =>
  `/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=${index.toString(16)}a7c3-staff${index}`;

const at = (date: string, time = "00:00:00", timeZone = "UTC"): DateTimeTimeZone => ({
  dateTime: `${date}T${time}.0000000`,
  timeZone,
});
const allDay = (from: string, to: string, showAs = "oof"): StoredEvent => ({
  showAs,
  isAllDay: true,
  start: at(from),
  end: at(to),
});
const timed = (
  date: string,
  from: string,
  to: string,
  timeZone = "GMT Standard Time",
  showAs = "oof",
): StoredEvent => ({
  showAs,
  isAllDay: false,
  start: at(date, from, timeZone),
  end: at(date, to, timeZone),
});

type Away =
  | "week"
  | "five-days"
  | "fortnight-split"
  | "three-timed"
  | "leave-only"
  | "paged-week"
  | "under-way"
  | "dentist"
  | "single-day"
  | "long-weekend"
  | "busy-week"
  | "tentative-week"
  | "ended"
  | "lessons-only"
  | "none";

const ABSENT: ReadonlySet<Away> = new Set([
  "week",
  "five-days",
  "fortnight-split",
  "three-timed",
  "leave-only",
  "paged-week",
  "under-way",
]);

type Replies =
  | "off"
  | "on"
  | "pacific-cover"
  | "tokyo-short"
  | "utc-short"
  | "empty-internal"
  | "colleagues-only"
  | "disclosing"
  | "disclosing-contacts";
type Delegate = "good" | "none" | "disabled" | "guest" | "external" | "x500-colleague" | "reader-only";
type Rules =
  | "none"
  | "external"
  | "redirect-external"
  | "internal"
  | "x500"
  | "tenant-domain"
  | "disabled-external"
  | "subdomain"
  | "null-actions";
type Trouble =
  "none" | "calendar-403" | "rules-403" | "rules-malformed" | "calendar-malformed" | "mailbox-404" | "showas-null";

export function buildScenario(seed = 2026): Scenario {
  const rand = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const users: TenantUser[] = [];
  const mailboxes = new Map<string, Mailbox>();
  const expected: Expected[] = [];
  const leave: LeaveEntry[] = [];
  const teaching: string[] = [];
  const support: string[] = [];
  const pupils: string[] = [];
  const skipped: Partial<Record<SkipReason, number>> = {};
  const id = (index: number) => `5c0f0000-0000-4000-9000-${String(index).padStart(12, "0")}`;
  const upnOf = (index: number) => `staff${index}@${SCENARIO_DOMAIN}`;
  const expect = (upn: string, check: FindingCheck, status: FindingStatus) => expected.push({ upn, check, status });
  const emptyMailbox = (): Mailbox => ({
    automaticRepliesSetting: {
      status: "disabled",
      externalAudience: "all",
      internalReplyMessage: "",
      externalReplyMessage: "",
    },
    events: [],
    calendarPermissions: [],
    messageRules: [],
  });
  const addUser = (index: number, user: Partial<TenantUser> & { userPrincipalName: string }, mailbox?: Mailbox) => {
    users.push({
      id: id(index),
      displayName: user.displayName ?? user.userPrincipalName.split("@")[0] ?? "someone",
      mail: user.mail ?? user.userPrincipalName,
      accountEnabled: user.accountEnabled ?? true,
      userType: user.userType ?? "Member",
      proxyAddresses: [`SMTP:${user.userPrincipalName}`, `X500:${X500_OF(index)}`],
      ...user,
    });
    if (mailbox) mailboxes.set(id(index), mailbox);
  };

  const STAFF = 300;
  for (let index = 0; index < STAFF; index++) {
    const upn = upnOf(index);
    const mailbox = emptyMailbox();
    addUser(index, { userPrincipalName: upn, displayName: `Staff Member ${String(index).padStart(3, "0")}` }, mailbox);
    (index % 3 === 0 ? support : teaching).push(id(index));
    if (index < 10) continue; // 0–9: the office, clean, the good delegates

    // A timetable: lessons all week, never an absence.
    for (const date of ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27"])
      mailbox.events.push(timed(date, "09:00:00", "10:00:00", "GMT Standard Time", "busy"));

    const away: Away = pick([
      ...(["week", "five-days", "fortnight-split", "three-timed", "leave-only", "paged-week", "under-way"] as const),
      ...(["dentist", "single-day", "long-weekend", "busy-week", "tentative-week", "ended", "lessons-only"] as const),
      ...(["none", "none", "none", "none", "none", "none", "none"] as const),
    ]);
    const trouble: Trouble =
      rand() < 0.1
        ? pick([
            "calendar-403",
            "rules-403",
            "rules-malformed",
            "calendar-malformed",
            "mailbox-404",
            "showas-null",
          ] as const)
        : "none";
    switch (away) {
      case "week":
        mailbox.events.push(allDay("2026-11-30", "2026-12-05"));
        break;
      case "five-days":
        for (const [from, to] of [
          ["2026-11-30", "2026-12-01"],
          ["2026-12-01", "2026-12-02"],
          ["2026-12-02", "2026-12-03"],
          ["2026-12-03", "2026-12-04"],
          ["2026-12-04", "2026-12-05"],
        ] as const)
          mailbox.events.push(allDay(from, to));
        break;
      case "fortnight-split":
        mailbox.events.push(allDay("2026-11-26", "2026-11-28"), allDay("2026-11-30", "2026-12-02"));
        break;
      case "three-timed":
        for (const date of ["2026-12-01", "2026-12-02", "2026-12-03"])
          mailbox.events.push(timed(date, "08:00:00", "17:00:00"));
        break;
      case "leave-only":
        leave.push({
          userPrincipalName: upn,
          start: Date.parse("2026-11-25T00:00:00Z"),
          end: Date.parse("2026-11-28T00:00:00Z"),
        });
        break;
      case "paged-week":
        // Thirty meetings first: the absence is on a later page of the calendar view.
        for (let n = 0; n < 30; n++)
          mailbox.events.push(timed("2026-11-24", "12:00:00", "12:30:00", "GMT Standard Time", "busy"));
        mailbox.events.push(allDay("2026-12-01", "2026-12-04"));
        break;
      case "under-way":
        mailbox.events.push(allDay("2026-11-18", "2026-11-26"));
        break;
      case "dentist":
        mailbox.events.push(timed("2026-11-25", "08:30:00", "12:00:00"));
        break;
      case "single-day":
        mailbox.events.push(allDay("2026-12-02", "2026-12-03"));
        break;
      case "long-weekend":
        mailbox.events.push(allDay("2026-11-27", "2026-11-30"));
        break;
      case "busy-week":
        mailbox.events.push(allDay("2026-11-30", "2026-12-05", "busy"));
        break;
      case "tentative-week":
        mailbox.events.push(allDay("2026-11-30", "2026-12-05", "tentative"));
        break;
      case "ended":
        mailbox.events.push(allDay("2026-11-09", "2026-11-14"));
        break;
      case "lessons-only":
      case "none":
        break;
    }
    const absent = ABSENT.has(away);

    const replies: Replies = absent
      ? pick([
          "off",
          "on",
          "on",
          "pacific-cover",
          "tokyo-short",
          "utc-short",
          "empty-internal",
          "colleagues-only",
          "disclosing",
        ] as const)
      : rand() < 0.08
        ? pick(["disclosing", "disclosing-contacts", "on"] as const)
        : "off";
    const on = (setting: Partial<AutomaticRepliesSetting>) => {
      mailbox.automaticRepliesSetting = {
        status: "alwaysEnabled",
        externalAudience: "all",
        internalReplyMessage: GOOD,
        externalReplyMessage: GOOD,
        ...setting,
      };
    };
    switch (replies) {
      case "off":
        break;
      case "on":
        on({});
        break;
      case "pacific-cover":
        // Written from California: 16:00 the day before in Pacific time is midnight in London.
        on({
          status: "scheduled",
          scheduledStartDateTime: at("2026-11-17", "16:00:00", "Pacific Standard Time"),
          scheduledEndDateTime: at("2026-12-06", "16:00:00", "Pacific Standard Time"),
        });
        break;
      case "tokyo-short":
        // Ends 09:00 Wednesday 25th in Tokyo: midnight in London, before most absences here.
        on({
          status: "Scheduled",
          scheduledStartDateTime: at("2026-11-17", "09:00:00", "Tokyo Standard Time"),
          scheduledEndDateTime: at("2026-11-25", "09:00:00", "Tokyo Standard Time"),
        });
        break;
      case "utc-short":
        on({ status: "scheduled", scheduledStartDateTime: at("2026-11-17"), scheduledEndDateTime: at("2026-11-24") });
        break;
      case "empty-internal":
        on({ internalReplyMessage: "<div><br></div>" });
        break;
      case "colleagues-only":
        on({ externalAudience: "none", externalReplyMessage: "" });
        break;
      case "disclosing":
        on({ externalReplyMessage: DISCLOSING });
        break;
      case "disclosing-contacts":
        on({ externalAudience: "contactsOnly", externalReplyMessage: DISCLOSING });
        break;
    }

    const delegate: Delegate = absent
      ? pick(["good", "good", "none", "disabled", "guest", "external", "x500-colleague", "reader-only"] as const)
      : pick(["none", "good"] as const);
    const permission = (address: string, role: string, inside = true): CalendarPermission => ({
      id: `p-${index}-${mailbox.calendarPermissions.length}`,
      emailAddress: { name: address, address },
      role,
      isInsideOrganization: inside,
      isRemovable: true,
    });
    const colleague = index % 10;
    switch (delegate) {
      case "good":
        mailbox.calendarPermissions.push(permission(upnOf(colleague), "delegateWithoutPrivateEventAccess"));
        break;
      case "disabled":
        mailbox.calendarPermissions.push(permission(`leaver@${SCENARIO_DOMAIN}`, "delegateWithPrivateEventAccess"));
        break;
      case "guest":
        mailbox.calendarPermissions.push(
          permission(`governor@trust.example.org`, "delegateWithoutPrivateEventAccess", false),
        );
        break;
      case "external":
        mailbox.calendarPermissions.push(
          permission(`pa${index}@gmail.com`, "delegateWithoutPrivateEventAccess", false),
        );
        break;
      case "x500-colleague":
        mailbox.calendarPermissions.push(permission(X500_OF(colleague), "delegateWithPrivateEventAccess"));
        break;
      case "reader-only":
        mailbox.calendarPermissions.push(permission(upnOf(colleague), "read"));
        break;
      case "none":
        break;
    }
    // Everyone's calendar is shared with the office for free/busy: never a delegate.
    mailbox.calendarPermissions.push(permission("My Organization", "freeBusyRead"));

    const rules: Rules = pick([
      "none",
      "none",
      "none",
      "none",
      "none",
      "none",
      "external",
      "redirect-external",
      "internal",
      "x500",
      "tenant-domain",
      "disabled-external",
      "subdomain",
      "null-actions",
    ] as const);
    const rule = (displayName: string, actions: MessageRule["actions"], isEnabled = true): MessageRule => ({
      id: `r-${index}`,
      displayName,
      sequence: 1,
      isEnabled,
      hasError: false,
      isReadOnly: false,
      actions,
    });
    const to = (address: string) => [{ emailAddress: { name: address, address } }];
    switch (rules) {
      case "external":
        mailbox.messageRules.push(
          rule("Home", {
            forwardTo: to(`staff${index}.home@outlook.com`),
            stopProcessingRules: true,
          } as MessageRule["actions"]),
        );
        break;
      case "redirect-external":
        mailbox.messageRules.push(rule("Phone", { redirectTo: to(`me${index}@icloud.com`) }));
        break;
      case "internal":
        mailbox.messageRules.push(rule("Office copy", { forwardTo: to(upnOf(colleague)) }));
        break;
      case "x500":
        mailbox.messageRules.push(rule("To my head of department", { forwardTo: to(X500_OF(colleague)) }));
        break;
      case "tenant-domain":
        mailbox.messageRules.push(
          rule("Old address", { forwardAsAttachmentTo: to(`staff${colleague}@${SCENARIO_TENANT_DOMAIN}`) }),
        );
        break;
      case "disabled-external":
        mailbox.messageRules.push(
          rule("Holiday forward (off)", { forwardTo: to(`staff${index}.home@outlook.com`) }, false),
        );
        break;
      case "subdomain":
        mailbox.messageRules.push(rule("Exams office", { forwardTo: to(`exams@office.${SCENARIO_DOMAIN}`) }));
        break;
      case "null-actions":
        mailbox.messageRules.push(rule("Broken", null));
        break;
      case "none":
        break;
    }

    // What Graph refuses or garbles.
    if (trouble === "mailbox-404") mailbox.state = "missing";
    if (trouble === "calendar-403") mailbox.forbidden = ["calendar"];
    if (trouble === "rules-403") mailbox.forbidden = ["rules"];
    if (trouble === "rules-malformed")
      mailbox.raw = { rules: { value: [{ id: "r", displayName: "x", isEnabled: "yes", actions: 7 }] } };
    if (trouble === "calendar-malformed")
      mailbox.events.push({
        showAs: "oof",
        isAllDay: false,
        start: { dateTime: "next Tuesday", timeZone: "UTC" },
        end: at("2026-12-01", "10:00:00"),
      });
    if (trouble === "showas-null")
      mailbox.events.push({
        showAs: null,
        isAllDay: null,
        start: at("2026-12-01", "10:00:00"),
        end: at("2026-12-01", "11:00:00"),
      });

    // The answer, by hand.
    if (trouble === "mailbox-404") {
      expect(upn, "mailbox", "not-evaluated");
      continue;
    }
    const calendarUnread = trouble === "calendar-403" || trouble === "calendar-malformed";
    const knownAbsent = absent && (!calendarUnread || away === "leave-only");
    if (calendarUnread && !knownAbsent) {
      expect(upn, "out-of-office", "not-evaluated");
      expect(upn, "delegation", "not-evaluated");
    }
    if (knownAbsent) {
      const oof: FindingStatus | undefined = {
        off: "fail",
        on: undefined,
        "pacific-cover": undefined,
        "tokyo-short": "fail",
        "utc-short": "fail",
        "empty-internal": "fail",
        "colleagues-only": "warn",
        disclosing: undefined,
        "disclosing-contacts": undefined,
      }[replies] as FindingStatus | undefined;
      // Absences that start after the Tokyo schedule ends, or under way and ending on the 26th.
      if (oof) expect(upn, "out-of-office", oof);
      if (!["good", "x500-colleague"].includes(delegate)) expect(upn, "delegation", "warn");
    }
    if (replies === "disclosing") expect(upn, "out-of-office-content", "fail");
    if (replies === "disclosing-contacts") expect(upn, "out-of-office-content", "warn");
    if (trouble === "rules-403" || trouble === "rules-malformed") expect(upn, "external-forwarding", "not-evaluated");
    else if (rules === "external" || rules === "redirect-external") expect(upn, "external-forwarding", "fail");
  }

  // The leaver (a disabled account still in the staff group), guests, and non-personal mailboxes.
  let next = STAFF;
  const extra = (
    user: Partial<TenantUser> & { userPrincipalName: string },
    mailbox: Mailbox | undefined,
    reason: SkipReason | undefined,
    group: string[],
  ) => {
    addUser(next, user, mailbox);
    group.push(id(next));
    if (reason) skipped[reason] = (skipped[reason] ?? 0) + 1;
    next++;
  };
  const awayButNotAPerson = (): Mailbox => ({
    ...emptyMailbox(),
    events: [allDay("2026-11-23", "2026-12-05")],
    messageRules: [
      {
        id: "r",
        displayName: "Out",
        isEnabled: true,
        actions: { forwardTo: [{ emailAddress: { address: "someone@gmail.com" } }] },
      },
    ],
  });
  extra(
    { userPrincipalName: `leaver@${SCENARIO_DOMAIN}`, displayName: "A Leaver", accountEnabled: false },
    awayButNotAPerson(),
    "disabled",
    support,
  );
  for (let n = 0; n < 4; n++)
    extra(
      {
        userPrincipalName: `guest${n}_trust.example.org#EXT#@${SCENARIO_TENANT_DOMAIN}`,
        mail: `guest${n}@trust.example.org`,
        displayName: `Visiting Governor ${n}`,
        userType: "Guest",
      },
      undefined,
      "guest",
      support,
    );
  for (const [purpose, count] of [
    ["shared", 3],
    ["room", 4],
    ["equipment", 2],
  ] as const)
    for (let n = 0; n < count; n++)
      extra(
        { userPrincipalName: `${purpose}${n}@${SCENARIO_DOMAIN}`, displayName: `${purpose} mailbox ${n}` },
        { ...awayButNotAPerson(), userPurpose: purpose },
        purpose,
        support,
      );
  // Pupils: not in the staff group, away and forwarding, never swept with --group.
  for (let n = 0; n < 40; n++) {
    const mailbox = {
      ...emptyMailbox(),
      events: [allDay("2026-11-30", "2026-12-05")],
      messageRules: [
        {
          id: "r",
          displayName: "Games",
          isEnabled: true,
          actions: { forwardTo: [{ emailAddress: { address: `pupil${n}@gmail.com` } }] },
        },
      ],
    };
    extra(
      { userPrincipalName: `pupil${n}@pupils.${SCENARIO_DOMAIN}`, displayName: `Pupil ${n}` },
      mailbox,
      undefined,
      pupils,
    );
  }

  const teachingGroup: TenantGroup = {
    id: "5c0f0000-0000-4000-a000-000000000002",
    displayName: "Teaching staff",
    members: teaching,
  };
  const staffGroup: TenantGroup = {
    id: "5c0f0000-0000-4000-a000-000000000001",
    displayName: "All Staff",
    members: [teachingGroup.id, ...support, ...teaching.slice(0, 20)],
  };
  const pupilGroup: TenantGroup = {
    id: "5c0f0000-0000-4000-a000-000000000003",
    displayName: "All Pupils",
    members: pupils,
  };
  const tenant: Tenant = {
    tenantId: "5c0f0000-0000-4000-b000-00000000beef",
    name: "Northgate Academy",
    verifiedDomains: [SCENARIO_DOMAIN, SCENARIO_TENANT_DOMAIN],
    domain: SCENARIO_DOMAIN,
    users,
    mailboxes,
    groups: new Map([teachingGroup, staffGroup, pupilGroup].map((group) => [group.id, group])),
    staffGroupId: staffGroup.id,
    leave,
    seeded: [],
  };
  return { tenant, leave, expected, skipped, staffGroupName: staffGroup.displayName, staffCount: STAFF };
}

/** Precision and recall per check over (person, status) pairs: a wrong status is both a miss and a false alarm. */
export function measure(
  expected: readonly Expected[],
  found: readonly { userPrincipalName: string; check: FindingCheck; status: FindingStatus }[],
): Record<string, { precision: number; recall: number; expected: number; found: number }> {
  const checks = new Set<FindingCheck>([...expected.map((e) => e.check), ...found.map((f) => f.check)]);
  const result: Record<string, { precision: number; recall: number; expected: number; found: number }> = {};
  for (const check of checks) {
    const truth = new Set(expected.filter((e) => e.check === check).map((e) => `${e.upn} ${e.status}`));
    const got = new Set(found.filter((f) => f.check === check).map((f) => `${f.userPrincipalName} ${f.status}`));
    const hits = [...got].filter((entry) => truth.has(entry)).length;
    result[check] = {
      precision: got.size === 0 ? 1 : hits / got.size,
      recall: truth.size === 0 ? 1 : hits / truth.size,
      expected: truth.size,
      found: got.size,
    };
  }
  return result;
}
