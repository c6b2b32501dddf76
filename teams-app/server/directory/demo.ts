import { createHash } from "node:crypto";
import type { Directory, GroupRef, Person } from "./types.js";

/**
 * A seeded, synthetic directory for development, tests and benchmarks: invented people with
 * deterministic object ids. Nothing here is a real person.
 */

const GIVEN = [
  "Amara",
  "Ben",
  "Chloe",
  "Dev",
  "Ellis",
  "Farah",
  "Gus",
  "Hana",
  "Idris",
  "Jude",
  "Kit",
  "Lena",
  "Milo",
  "Nia",
  "Otis",
  "Priya",
  "Quinn",
  "Rory",
  "Sana",
  "Tomas",
  "Uma",
  "Vik",
  "Wren",
  "Yusuf",
  "Zara",
] as const;
const FAMILY = [
  "Ashdown",
  "Brackley",
  "Calloway",
  "Dunmore",
  "Elsworth",
  "Fairbairn",
  "Garside",
  "Holloway",
  "Ingleby",
  "Jessop",
  "Kettering",
  "Lockwood",
  "Marchbank",
  "Northcott",
  "Oakridge",
  "Pellow",
  "Quarrie",
  "Rushworth",
  "Stainton",
  "Thwaite",
  "Underwood",
  "Varley",
  "Whitlock",
  "Yardley",
] as const;

/** Deterministic UUID (v4 layout) from a seed string, so demo ids are stable across restarts. */
export function seededUuid(seed: string): string {
  const hex = createHash("sha256").update(seed).digest("hex");
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface DemoDirectoryOptions {
  readonly tenantId: string;
  readonly mailDomain: string;
  /** Group name → number of synthetic members. */
  readonly groups: Readonly<Record<string, number>>;
  /** Extra people placed in named groups (the development sign-in personas). */
  readonly extraMembers?: readonly { readonly person: Person; readonly groups: readonly string[] }[];
}

export class DemoDirectory implements Directory {
  private readonly members = new Map<string, Person[]>();

  constructor(options: DemoDirectoryOptions) {
    for (const [group, count] of Object.entries(options.groups)) {
      const people: Person[] = [];
      for (let index = 0; index < count; index += 1) {
        const given = GIVEN[index % GIVEN.length] ?? "Alex";
        const family = FAMILY[Math.floor(index / GIVEN.length) % FAMILY.length] ?? "Smith";
        const suffix =
          index >= GIVEN.length * FAMILY.length ? String(Math.floor(index / (GIVEN.length * FAMILY.length))) : "";
        const slug = group.toLowerCase().replace(/[^a-z0-9]+/g, "-");
        people.push({
          tid: options.tenantId,
          oid: seededUuid(`${options.tenantId}/${group}/${index}`),
          upn: `${given}.${family}${suffix}.${slug}@${options.mailDomain}`.toLowerCase(),
          displayName: `${given} ${family}${suffix}`,
        });
      }
      this.members.set(group, people);
    }
    for (const extra of options.extraMembers ?? []) {
      for (const group of extra.groups) {
        const list = this.members.get(group) ?? [];
        list.unshift(extra.person);
        this.members.set(group, list);
      }
    }
  }

  async membersOf(group: GroupRef): Promise<readonly Person[]> {
    return this.members.get(group.name) ?? [];
  }

  async groupsOf(person: Pick<Person, "tid" | "oid">, groups: readonly GroupRef[]): Promise<readonly GroupRef[]> {
    return groups.filter((group) =>
      (this.members.get(group.name) ?? []).some((member) => member.tid === person.tid && member.oid === person.oid),
    );
  }
}
