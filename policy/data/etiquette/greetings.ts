/** Openings that count as a greeting (lower case, matched at the start of the first line). */
export const GREETINGS: readonly string[] = [
  "dear",
  "hi",
  "hello",
  "hey",
  "good morning",
  "good afternoon",
  "good evening",
  "morning",
  "afternoon",
  "greetings",
  "to whom it may concern",
  "to all",
  "all,",
  "team,",
  "colleagues",
  "dear all",
];

/**
 * Words in a greeting line that address a group rather than a person ("Dear all,", "Hi Year 9 tutors,",
 * "Dear Hedgehogs parents,"): the salutations of the development set's notices to staff, parents and
 * governors. "both" is two people, not a group, and is left out.
 */
export const GROUP_ADDRESSEES: readonly string[] = [
  "all",
  "everyone",
  "everybody",
  "colleagues",
  "team",
  "staff",
  "parents",
  "carers",
  "families",
  "tutors",
  "governors",
  "teachers",
  "trustees",
];
