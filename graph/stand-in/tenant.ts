/**
 * A seeded synthetic school tenant for the Graph stand-in: invented staff, their mailbox settings,
 * calendars, delegates and inbox rules, and the list of problems seeded into it, so a test can
 * compare a sweep's findings with exactly what was planted.
 */

export interface TenantUser {
  readonly id: string;
  readonly userPrincipalName: string;
  readonly displayName: string;
  readonly mail: string;
  readonly accountEnabled: boolean;
  readonly userType: "Member" | "Guest";
}

export interface AutomaticReplies {
  status: string;
  externalAudience: string;
  scheduledStartDateTime?: { dateTime: string; timeZone: string };
  scheduledEndDateTime?: { dateTime: string; timeZone: string };
  internalReplyMessage: string;
  externalReplyMessage: string;
}

export interface CalendarEvent {
  subject: string;
  showAs: string;
  isAllDay: boolean;
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
}

export interface CalendarPermission {
  id: string;
  emailAddress: { name: string; address: string };
  role: string;
  isInsideOrganization: boolean;
  isRemovable: boolean;
}

export interface MessageRule {
  id: string;
  displayName: string;
  isEnabled: boolean;
  actions: Partial<
    Record<"forwardTo" | "redirectTo" | "forwardAsAttachmentTo", { emailAddress: { name: string; address: string } }[]>
  >;
}

export interface Mailbox {
  automaticRepliesSetting: AutomaticReplies;
  events: CalendarEvent[];
  calendarPermissions: CalendarPermission[];
  messageRules: MessageRule[];
  /** No Exchange mailbox: every mailbox request answers 404. */
  missing?: boolean;
}

export interface SeededProblem {
  readonly userPrincipalName: string;
  readonly check: "out-of-office" | "out-of-office-content" | "delegation" | "external-forwarding";
}

export interface Tenant {
  readonly domain: string;
  readonly users: TenantUser[];
  readonly mailboxes: Map<string, Mailbox>;
  readonly seeded: SeededProblem[];
  /** Users whose mailbox does not exist (reported as not evaluated). */
  readonly missing: string[];
}

const GIVEN = ["Alex", "Sam", "Jo", "Robin", "Kit", "Ash", "Charlie", "Frankie", "Jamie", "Morgan", "Rowan", "Sky"];
const FAMILY = ["Ashdown", "Birchley", "Copperfield", "Dunmore", "Elmsworth", "Fairweather", "Greystone", "Hollins"];

/** Mulberry32: small, seeded and repeatable. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function isoDay(base: Date, days: number, hour = 0): string {
  const date = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), base.getUTCDate() + days, hour));
  return date.toISOString().slice(0, 19);
}

/**
 * `count` staff at `domain`; about one in ten absent for a week from `now`, each problem planted on
 * a known share of users. Problems are planted so that each user has at most one of each check.
 */
function personFor(index: number, domain: string): { given: string; family: string; upn: string } {
  const given = GIVEN[index % GIVEN.length] ?? "Alex";
  const family = FAMILY[Math.floor(index / GIVEN.length) % FAMILY.length] ?? "Ashdown";
  return { given, family, upn: `${given}.${family}${index}@${domain}`.toLowerCase() };
}

export function seedTenant(options: { count: number; domain: string; now: Date; seed?: number }): Tenant {
  const rand = random(options.seed ?? 42);
  const users: TenantUser[] = [];
  const mailboxes = new Map<string, Mailbox>();
  const seeded: SeededProblem[] = [];
  const missing: string[] = [];
  const utc = (dateTime: string) => ({ dateTime, timeZone: "UTC" });
  for (let index = 0; index < options.count; index++) {
    const { given, family, upn } = personFor(index, options.domain);
    const id = `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`;
    users.push({
      id,
      userPrincipalName: upn,
      displayName: `${given} ${family}`,
      mail: upn,
      accountEnabled: true,
      userType: "Member",
    });
    const mailbox: Mailbox = {
      automaticRepliesSetting: {
        status: "disabled",
        externalAudience: "none",
        internalReplyMessage: "",
        externalReplyMessage: "",
      },
      events: [],
      calendarPermissions: [],
      messageRules: [],
    };
    const roll = rand();
    const absent = roll < 0.1;
    if (absent) {
      // Away for five working days starting in two days (inside the look-ahead window).
      mailbox.events.push({
        subject: "Annual leave",
        showAs: rand() < 0.5 ? "oof" : "Oof",
        isAllDay: true,
        start: utc(isoDay(options.now, 2)),
        end: utc(isoDay(options.now, 9)),
      });
      const kind = rand();
      if (kind < 0.4) {
        seeded.push({ userPrincipalName: upn, check: "out-of-office" });
      } else {
        mailbox.automaticRepliesSetting = {
          status: kind < 0.7 ? "alwaysEnabled" : "Scheduled",
          externalAudience: "all",
          scheduledStartDateTime: utc(isoDay(options.now, 1)),
          scheduledEndDateTime: utc(isoDay(options.now, 10)),
          internalReplyMessage: "<p>I am away until next week. Please contact the school office.</p>",
          externalReplyMessage:
            kind > 0.9
              ? "<p>I am away. For Oliver Reid's EHCP review (DOB 04/05/2016) please call his mum on 07700 900123.</p>"
              : "<p>I am away until next week. Please contact the school office.</p>",
        };
        if (kind > 0.9) seeded.push({ userPrincipalName: upn, check: "out-of-office-content" });
      }
      if (rand() < 0.5) {
        mailbox.calendarPermissions.push({
          id: `perm-${index}`,
          // A colleague in the same tenant, so the directory lookup finds an enabled member.
          emailAddress: { name: "Colleague", address: personFor(index === 0 ? 1 : 0, options.domain).upn },
          role: "delegateWithoutPrivateEventAccess",
          isInsideOrganization: true,
          isRemovable: true,
        });
      } else {
        seeded.push({ userPrincipalName: upn, check: "delegation" });
      }
    }
    if (rand() < 0.04) {
      mailbox.messageRules.push({
        id: `rule-${index}`,
        displayName: "Forward to home",
        isEnabled: true,
        actions: {
          [rand() < 0.5 ? "forwardTo" : "redirectTo"]: [
            { emailAddress: { name: given, address: `${given.toLowerCase()}${index}@gmail.com` } },
          ],
        },
      });
      seeded.push({ userPrincipalName: upn, check: "external-forwarding" });
    } else if (rand() < 0.05) {
      // Internal forwarding and disabled rules are fine: not problems.
      mailbox.messageRules.push({
        id: `rule-${index}`,
        displayName: "Copy to office",
        isEnabled: rand() < 0.5,
        actions: { forwardTo: [{ emailAddress: { name: "Office", address: `office@${options.domain}` } }] },
      });
    }
    if (!absent && rand() < 0.01) {
      mailbox.missing = true;
      missing.push(upn);
      // A missing mailbox has no forwarding we could see.
      const planted = seeded.findIndex((problem) => problem.userPrincipalName === upn);
      if (planted !== -1) seeded.splice(planted, 1);
    }
    mailboxes.set(id, mailbox);
  }
  return { domain: options.domain, users, mailboxes, seeded, missing };
}
