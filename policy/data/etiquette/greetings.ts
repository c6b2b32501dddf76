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
