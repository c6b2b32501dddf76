/** A person in the school's directory. Users are keyed by tenant id + object id, never by UPN or e-mail. */
export interface Person {
  readonly tid: string;
  readonly oid: string;
  readonly upn: string;
  readonly displayName: string;
}

/** An Entra group as the policy pack names it (the id is what Graph needs; the name is for people). */
export interface GroupRef {
  readonly id?: string | undefined;
  readonly name: string;
}

/** Who belongs to which audience group. */
export interface Directory {
  /** Every user in the group, including members of nested groups. */
  membersOf(group: GroupRef): Promise<readonly Person[]>;
  /** Which of `groups` the person belongs to (transitively). */
  groupsOf(person: Pick<Person, "tid" | "oid">, groups: readonly GroupRef[]): Promise<readonly GroupRef[]>;
}

export class DirectoryError extends Error {
  override readonly name = "DirectoryError";
}
