/** Synthetic drafts for the harness's example menu (invented people; no real data). */
export interface ExampleDraft {
  readonly label: string;
  readonly subject: string;
  readonly body: string;
  readonly to: readonly string[];
  readonly cc?: readonly string[];
  readonly attachments?: readonly { name: string; size: number }[];
}

export const EXAMPLES: readonly ExampleDraft[] = [
  {
    label: "Trip letter to parents (To, not Bcc)",
    subject: "Year 4 trip to the museum",
    body: "Dear parents,\n\nThe Year 4 trip is on Friday. Please return the consent form by Wednesday.\n\nKind regards,\nMs Example",
    // Ten parents: the packs flag ten or more outside addresses visible to each other.
    to: ["gmail.com", "hotmail.co.uk", "yahoo.co.uk", "outlook.com", "icloud.com"].flatMap((domain, i) => [
      `parent.${2 * i + 1}@${domain}`,
      `parent.${2 * i + 2}@${domain}`,
    ]),
  },
  {
    label: "Pupil details in the subject",
    subject: "Jamie Ellison EHCP review - DOB 04/05/2015",
    body: "Hello,\n\nPlease find the notes for the EHCP review attached.\n\nThanks,\nMs Example",
    to: ["senco@county-council.example.gov.uk"],
    attachments: [{ name: "Jamie Ellison EHCP.pdf", size: 240_000 }],
  },
  {
    label: "Shouting and !!!",
    subject: "Reports",
    body: "Hi all,\n\nTHE REPORTS MUST BE IN BY FRIDAY!!!\n\nThanks",
    to: [],
  },
];
