/**
 * Sign-offs (lower case, matched at the start of a short line). The closing rule looks for one; the
 * personal-data detectors treat what follows as the sender's signature block.
 */
export const CLOSINGS: readonly string[] = [
  "kind regards",
  "with kind regards",
  "with best wishes",
  "with many thanks",
  "with warm wishes",
  "with love",
  "best regards",
  "warm regards",
  "warmest regards",
  "regards",
  "best wishes",
  "warm wishes",
  "many thanks",
  "thanks",
  "thank you",
  "yours sincerely",
  "yours faithfully",
  "with thanks",
  "all the best",
  "cheers",
  "best",
  "speak soon",
  "see you",
  // Warm sign-offs between colleagues ("Love,\nBecky x"): a new user's trial.
  "love,",
  "love from",
  "lots of love",
  "take care",
  "have a good",
  "have a lovely",
  // An IT admin's trial: "Ta, L", "thx".
  "ta,",
  "ta very much",
  "thx",
];
