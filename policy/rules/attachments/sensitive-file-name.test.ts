import { ruleTester } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import rule from "./sensitive-file-name.js";

const draft = (name: string) => ({
  subject: "Files",
  body: "Attached",
  bodyType: "text" as const,
  attachments: [{ name, size: 1000 }],
});

ruleTester(rule, {
  pack: loadPolicy("st-john-payne"),
  valid: [{ draft: draft("EHCP guidance 2025.pdf") }, { draft: draft("Year 3 reading list.docx") }],
  invalid: [
    { draft: draft("Oliver Reid EHCP autism.pdf"), errors: [{ messageId: "name", location: "attachments" }] },
    { draft: draft("NHS 9434765919 referral.pdf"), errors: [{ messageId: "name", location: "attachments" }] },
  ],
});
