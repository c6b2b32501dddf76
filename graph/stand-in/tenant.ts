import type { FindingCheck, FindingStatus } from "../checks/types.js";
import type {
  AutomaticRepliesSetting,
  CalendarEvent,
  CalendarPermission,
  DateTimeTimeZone,
  GraphUser,
  MessageRule,
} from "../graph-types.js";
import type { LeaveEntry } from "../leave.js";

/**
 * A seeded synthetic school tenant for the Graph stand-in: invented staff, their automatic replies,
 * calendars, delegates and inbox rules, a staff group with a nested department, a leave file, and
 * the list of problems planted in it — so a test compares a sweep's findings with exactly these.
 * The same seed always gives the same tenant. Names are invented (no real person's data).
 */
export interface TenantUser extends GraphUser {
  readonly displayName: string;
  readonly mail: string;
  readonly accountEnabled: boolean;
  readonly userType: "Member" | "Guest";
}

/** An event as the mailbox holds it: times in the zone it was entered in. */
export type StoredEvent = CalendarEvent;

/** The four things the sweep reads from a mailbox. */
export type MailboxResource = "settings" | "calendar" | "permissions" | "rules";

export interface Mailbox {
  automaticRepliesSetting: AutomaticRepliesSetting;
  events: StoredEvent[];
  calendarPermissions: CalendarPermission[];
  messageRules: MessageRule[];
  /** "missing": no Exchange Online mailbox (404); "forbidden": outside the app's RBAC scope (403). */
  state?: "missing" | "forbidden";
  /** Resources answered 403 while the rest of the mailbox reads (a partial RBAC scope). */
  forbidden?: MailboxResource[];
  /** Bodies served verbatim instead of the documented shape (malformed answers). */
  raw?: Partial<Record<MailboxResource, unknown>>;
  /** mailboxSettings.userPurpose: user (default), shared, room, equipment, linked, others. */
  userPurpose?: string;
  timeZone?: string;
  /** Every request to this mailbox is answered 429 (a mailbox Graph keeps throttling). */
  alwaysThrottled?: boolean;
}

export interface TenantGroup {
  readonly id: string;
  readonly displayName: string;
  /** User ids and nested group ids. */
  readonly members: readonly string[];
}

export interface SeededProblem {
  readonly userPrincipalName: string;
  readonly check: FindingCheck;
  readonly status: FindingStatus;
  /** Expected only where the pack requires delegation. */
  readonly requires?: "delegation";
}

export interface Tenant {
  readonly tenantId: string;
  readonly name: string;
  /** The tenant's verified domains (/organization), the school's own first. */
  readonly verifiedDomains: readonly string[];
  readonly domain: string;
  readonly users: TenantUser[];
  /** By user id; guests have none. */
  readonly mailboxes: Map<string, Mailbox>;
  readonly groups: Map<string, TenantGroup>;
  /** "All staff": teaching department nested inside, plus the office. */
  readonly staffGroupId: string;
  /** Absences known only to the leave file (no calendar event). */
  readonly leave: LeaveEntry[];
  /** Planted problems, for a pack with out-of-office after 1 working day. */
  readonly seeded: SeededProblem[];
}

const GIVEN = ["Alex", "Sam", "Jo", "Robin", "Kit", "Ash", "Charlie", "Frankie", "Jamie", "Morgan", "Rowan", "Sky"];
const FAMILY = ["Ashdown", "Birchley", "Copperfield", "Dunmore", "Elmsworth", "Fairweather", "Greystone", "Hollins"];
const DAY_MS = 86_400_000;

/** Mulberry32: small, seeded and repeatable. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function personFor(index: number, domain: string): { given: string; family: string; upn: string } {
  const given = GIVEN[index % GIVEN.length] ?? "Alex";
  const family = FAMILY[Math.floor(index / GIVEN.length) % FAMILY.length] ?? "Ashdown";
  return { given, family, upn: `${given}.${family}${index}@${domain}`.toLowerCase() };
}

const idFor = (index: number) => `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`;

/** Invented pupils and details: each of these is personal data the engine reports. */
const DISCLOSING_REPLIES = [
  "<p>I am away. For Ollie Fenwright's EHCP review (DOB 04/05/2016) please call his mum on 07700 900123.</p>",
  "<p>Away until the 14th. Urgent: Kai Brambleworth, date of birth 12/09/2015, lives at 14 Quarry Lane, Ashford TN23 7QX.</p>",
];
const INTERNAL_DETAIL_REPLIES = [
  "<p>I am away. Cover work is on S:\\Science\\Year 9 and my extension is ext. 2345.</p>",
  "<p>I am away this week; cover lessons are on \\\\fileserver\\staff$ as usual.</p>",
];
const GOOD_REPLY = "<p>I am away until next week. Please contact the school office.</p>";

export function seedTenant(options: { count: number; domain: string; now: Date; seed?: number }): Tenant {
  const rand = seededRandom(options.seed ?? 42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const { domain } = options;
  const today = Date.UTC(options.now.getUTCFullYear(), options.now.getUTCMonth(), options.now.getUTCDate());
  const utc = (ms: number): DateTimeTimeZone => ({
    dateTime: new Date(ms).toISOString().slice(0, 19),
    timeZone: "UTC",
  });
  const users: TenantUser[] = [];
  const mailboxes = new Map<string, Mailbox>();
  const seeded: SeededProblem[] = [];
  const leave: LeaveEntry[] = [];
  const teaching: string[] = [];
  const office: string[] = [];

  // Reserved: 0–9 the office (enabled, clean, the good delegates); 10 a leaver (disabled); 11 a guest.
  const goodDelegate = (index: number) => personFor(index % 10, domain).upn;
  const disabledDelegate = personFor(10, domain).upn;
  const guestAddress = `visiting.governor@partner-trust.example.org`;

  for (let index = 0; index < options.count; index++) {
    const { given, family, upn } = personFor(index, domain);
    const id = idFor(index);
    const guest = index === 11;
    users.push({
      id,
      userPrincipalName: guest ? `visiting.governor_partner-trust.example.org#EXT#@${domain}` : upn,
      displayName: guest ? "Visiting Governor" : `${given} ${family}`,
      mail: guest ? guestAddress : upn,
      accountEnabled: index !== 10,
      userType: guest ? "Guest" : "Member",
    });
    if (guest) continue; // Guests have no mailbox in the school's tenant and are not swept.
    (index < 12 || index % 7 === 0 ? office : teaching).push(id);
    const mailbox: Mailbox = {
      automaticRepliesSetting: {
        status: "disabled",
        externalAudience: "all",
        internalReplyMessage: "",
        externalReplyMessage: "",
      },
      events: [],
      calendarPermissions: [],
      messageRules: [],
    };
    mailboxes.set(id, mailbox);
    const expect = (check: FindingCheck, status: FindingStatus, requires?: "delegation") =>
      seeded.push({ userPrincipalName: upn, check, status, ...(requires ? { requires } : {}) });
    if (index === 12 || index === 13) {
      // The school office's shared mailbox and a meeting room: not people, never swept.
      mailbox.userPurpose = index === 12 ? "shared" : "room";
      mailbox.events.push({ showAs: "oof", isAllDay: true, start: utc(today + DAY_MS), end: utc(today + 8 * DAY_MS) });
      continue;
    }
    if (index < 12) continue;

    const fate = rand();
    if (fate < 0.01) {
      mailbox.state = fate < 0.006 ? "missing" : "forbidden";
      expect("mailbox", "not-evaluated");
      continue;
    }

    // A lesson or two: busy time is never an absence, however long.
    mailbox.events.push({
      showAs: "busy",
      isAllDay: false,
      start: utc(today + DAY_MS + 9 * 3_600_000),
      end: utc(today + DAY_MS + 10 * 3_600_000),
    });
    if (rand() < 0.05)
      mailbox.events.push({
        showAs: "Busy",
        isAllDay: true,
        start: utc(today + 2 * DAY_MS),
        end: utc(today + 9 * DAY_MS),
      });

    const absence = rand();
    if (absence < 0.12) {
      // Seven calendar days always hold five working days: above any threshold the presets use.
      const start = today + pick([-2, 1, 3, 6]) * DAY_MS;
      const end = start + 7 * DAY_MS;
      const source = rand();
      if (source < 0.75) {
        mailbox.events.push({ showAs: pick(["oof", "Oof", "OOF"]), isAllDay: true, start: utc(start), end: utc(end) });
      } else if (source < 0.85) {
        for (let day = start; day < end; day += DAY_MS)
          mailbox.events.push({ showAs: "oof", isAllDay: true, start: utc(day), end: utc(day + DAY_MS) });
      } else {
        leave.push({ userPrincipalName: upn, start, end });
      }
      const reply = rand();
      const on = (setting: Partial<AutomaticRepliesSetting>): void => {
        mailbox.automaticRepliesSetting = {
          status: "alwaysEnabled",
          externalAudience: "all",
          internalReplyMessage: GOOD_REPLY,
          externalReplyMessage: GOOD_REPLY,
          ...setting,
        };
      };
      if (reply < 0.25) {
        expect("out-of-office", "fail"); // replies off
      } else if (reply < 0.45) {
        on({});
      } else if (reply < 0.55) {
        // Scheduled to cover it, in the zone Outlook on Windows writes for the UK.
        on({
          status: pick(["scheduled", "Scheduled"]),
          scheduledStartDateTime: {
            dateTime: new Date(start - DAY_MS).toISOString().slice(0, 19),
            timeZone: "GMT Standard Time",
          },
          scheduledEndDateTime: {
            dateTime: new Date(end + DAY_MS).toISOString().slice(0, 19),
            timeZone: "GMT Standard Time",
          },
        });
      } else if (reply < 0.62) {
        on({ status: "scheduled", scheduledStartDateTime: utc(start), scheduledEndDateTime: utc(end - 3 * DAY_MS) });
        expect("out-of-office", "fail"); // ends early
      } else if (reply < 0.67) {
        on({ internalReplyMessage: "<p>&nbsp;</p>" });
        expect("out-of-office", "fail"); // empty internal message
      } else if (reply < 0.72) {
        on({ externalAudience: "none", externalReplyMessage: "" });
        expect("out-of-office", "warn"); // colleagues only
      } else if (reply < 0.8) {
        on({ externalReplyMessage: pick(DISCLOSING_REPLIES) });
        expect("out-of-office-content", "fail");
      } else if (reply < 0.84) {
        on({ externalAudience: "contactsOnly", externalReplyMessage: pick(DISCLOSING_REPLIES) });
        expect("out-of-office-content", "warn");
      } else if (reply < 0.9) {
        on({ externalReplyMessage: pick(INTERNAL_DETAIL_REPLIES) });
        expect("out-of-office-content", "warn");
      } else {
        on({ status: "AlwaysEnabled", externalAudience: "All" });
      }

      const colleague = (address: string, role: string, isInsideOrganization = true): CalendarPermission => ({
        id: `perm-${index}-${address}`,
        emailAddress: { name: address.split("@")[0] ?? address, address },
        role,
        isInsideOrganization,
        isRemovable: true,
      });
      if (rand() < 0.3) mailbox.calendarPermissions.push(colleague(`office@${domain}`, "read"));
      const delegate = rand();
      const role = pick(["delegateWithoutPrivateEventAccess", "delegateWithPrivateEventAccess"]);
      if (delegate < 0.45) {
        mailbox.calendarPermissions.push(colleague(goodDelegate(index), role));
      } else if (delegate < 0.93) {
        mailbox.calendarPermissions.push(
          ...(delegate < 0.65
            ? []
            : delegate < 0.72
              ? [colleague(disabledDelegate, role)]
              : delegate < 0.79
                ? [colleague(guestAddress, role, false)]
                : delegate < 0.86
                  ? [colleague(`${given.toLowerCase()}.pa${index}@gmail.com`, role, false)]
                  : [colleague(`former.colleague${index}@${domain}`, role)]),
        );
        expect("delegation", "warn", "delegation");
      } else {
        mailbox.calendarPermissions.push(colleague(disabledDelegate, role), colleague(goodDelegate(index), role));
      }
    } else if (absence < 0.14) {
      // One working day away (a Wednesday course): not more than the threshold, nothing required.
      const wednesday = today + (((3 - new Date(today).getUTCDay() + 7) % 7) + 7) * DAY_MS;
      mailbox.events.push({ showAs: "oof", isAllDay: true, start: utc(wednesday), end: utc(wednesday + DAY_MS) });
    } else if (absence < 0.15) {
      // Not away, but an old automatic reply still on that tells the world about a pupil.
      mailbox.automaticRepliesSetting = {
        status: "alwaysEnabled",
        externalAudience: "all",
        internalReplyMessage: GOOD_REPLY,
        externalReplyMessage: pick(DISCLOSING_REPLIES),
      };
      expect("out-of-office-content", "fail");
    }

    const forwarding = rand();
    const rule = (displayName: string, actions: MessageRule["actions"], isEnabled = true): MessageRule => ({
      id: `rule-${index}-${mailbox.messageRules.length}`,
      displayName,
      sequence: mailbox.messageRules.length + 1,
      isEnabled,
      hasError: false,
      isReadOnly: false,
      actions,
    });
    const home = {
      emailAddress: { name: given, address: `${given.toLowerCase()}.${family.toLowerCase()}${index}@outlook.com` },
    };
    if (forwarding < 0.04) {
      const action = forwarding < 0.02 ? "forwardTo" : forwarding < 0.03 ? "redirectTo" : "forwardAsAttachmentTo";
      mailbox.messageRules.push(rule("Send to home", { [action]: [home] }));
      expect("external-forwarding", "fail");
    } else if (forwarding < 0.06) {
      const inside = pick([`office@${domain}`, `head@staff.${domain}`]);
      mailbox.messageRules.push(rule("Copy to office", { forwardTo: [{ emailAddress: { address: inside } }] }));
    } else if (forwarding < 0.07) {
      mailbox.messageRules.push(rule("Old forward (off)", { redirectTo: [home] }, false));
    } else if (forwarding < 0.09) {
      mailbox.messageRules.push(rule("Newsletters", { moveToFolder: "AAMkAGI2Newsletters" }));
    }
  }

  const groups = new Map<string, TenantGroup>();
  const teachingGroup: TenantGroup = {
    id: "10000000-0000-4000-8000-000000000002",
    displayName: "Teaching staff",
    members: teaching,
  };
  const staffGroup: TenantGroup = {
    id: "10000000-0000-4000-8000-000000000001",
    displayName: "All staff",
    members: [teachingGroup.id, ...office.filter((_, position) => position % 2 === 0)],
  };
  groups.set(teachingGroup.id, teachingGroup);
  groups.set(staffGroup.id, staffGroup);
  return {
    tenantId: "72f988bf-0000-4000-8000-00000000c0de",
    name: "Synthetic school tenant",
    verifiedDomains: [domain, `${domain.split(".")[0] ?? "school"}.onmicrosoft.com`],
    domain,
    users,
    mailboxes,
    groups,
    staffGroupId: staffGroup.id,
    leave,
    seeded,
  };
}

/** Every user id reachable from a group through nested groups (each once). */
export function transitiveUserIds(tenant: Tenant, groupId: string): Set<string> {
  const users = new Set<string>();
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const group = tenant.groups.get(id);
    if (group) group.members.forEach(visit);
    else users.add(id);
  };
  visit(groupId);
  users.delete(groupId);
  return users;
}

/** The problems a sweep with this pack must report, as sorted "upn check status" lines. */
export function expectedProblems(
  tenant: Tenant,
  pack: { absence: { delegationRequired: boolean } },
  only?: Set<string>,
): string[] {
  const upns = only
    ? new Set(tenant.users.filter((user) => only.has(user.id)).map((user) => user.userPrincipalName))
    : undefined;
  return tenant.seeded
    .filter(
      (problem) =>
        (problem.requires !== "delegation" || pack.absence.delegationRequired) &&
        (!upns || upns.has(problem.userPrincipalName)),
    )
    .map((problem) => `${problem.userPrincipalName} ${problem.check} ${problem.status}`)
    .sort();
}
