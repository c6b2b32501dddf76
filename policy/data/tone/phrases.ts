/** Chain mail, jokes and "forward this to everyone". */
export const CHAIN_MAIL_PHRASES: readonly string[] = [
  "forward this to everyone",
  "forward this email to everyone",
  "forward this to all your contacts",
  "forward to everyone you know",
  "send this to everyone you know",
  "send this to 10 people",
  "send this to ten people",
  "forward this to 10 people",
  "forward this to ten people",
  "pass this on to everyone",
  "share this with everyone in your address book",
  "don't break the chain",
  "do not break the chain",
  "chain letter",
  "bad luck for seven years",
  "bad luck will follow",
];
