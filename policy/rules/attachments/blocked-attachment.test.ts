import { ruleTester } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import rule from "./blocked-attachment.js";

const draft = (...names: string[]) => ({
  subject: "Files",
  body: "Attached",
  bodyType: "text" as const,
  attachments: names.map((name) => ({ name, size: 1000 })),
});

ruleTester(rule, {
  pack: loadPolicy("st-john-payne"),
  valid: [{ draft: draft("report.pdf", "photo.JPG") }, { draft: draft("exe-summary.docx") }],
  invalid: [
    { draft: draft("setup.exe"), errors: [{ messageId: "blocked", location: "attachments" }] },
    {
      name: "double extension",
      draft: draft("report.pdf.exe"),
      errors: [{ messageId: "blocked", location: "attachments" }],
    },
    { name: "trailing dot", draft: draft("run.bat."), errors: [{ messageId: "blocked", location: "attachments" }] },
  ],
});
