import { z } from "zod";

/** Where a setting or a finding comes from: the school's own words, never ours. */
export const citationSchema = z
  .object({
    document: z.string().min(1).describe("Title of the school's policy document."),
    section: z.string().min(1).describe("Section heading (and number) the sentence sits under."),
    quote: z.string().min(1).describe("The school's own sentence, verbatim."),
    note: z
      .string()
      .min(1)
      .optional()
      .describe(
        "Our remark on how the value or a finding reads the quote (e.g. wording the school must supply); shown to staff beside a finding that cites it (task pane, check --text).",
      ),
  })
  .strict();

export type Citation = z.infer<typeof citationSchema>;
