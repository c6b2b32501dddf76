import { ruleTester } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import { packWith } from "../../../test/support/packs.js";
import rule from "./attachment-size.js";

const MB = 1024 * 1024;
const draft = (sizes: number[], inline = false) => ({
  subject: "Photos",
  body: "Attached",
  bodyType: "text" as const,
  attachments: sizes.map((size, i) => ({ name: `photo${i}.jpg`, size, isInline: inline })),
});

ruleTester(rule, {
  pack: loadPolicy("st-john-payne"),
  valid: [{ draft: draft([3 * MB, 3 * MB]) }, { name: "inline images do not count", draft: draft([20 * MB], true) }],
  invalid: [
    { draft: draft([6 * MB, 6 * MB]), errors: [{ messageId: "large", location: "attachments" }] },
    {
      name: "pack limit",
      pack: packWith("st-dunstans", { attachments: { maxTotalBytes: 2 * MB } }),
      draft: draft([3 * MB]),
      errors: [{ messageId: "large", location: "attachments" }],
    },
  ],
});

ruleTester(rule, {
  pack: loadPolicy("st-dunstans"),
  valid: [
    { name: "exactly the limit", draft: draft([10 * MB]) },
    { name: "inline images are not attachments", draft: draft([6 * MB, 6 * MB], true) },
  ],
  invalid: [
    {
      name: "the sizes in MB",
      draft: draft([6 * MB, 6 * MB]),
      errors: [{ messageId: "large", location: "attachments", data: { size: "12", limit: "10" } }],
    },
    {
      name: "a negative size counts as nothing",
      draft: {
        ...draft([11 * MB]),
        attachments: [
          { name: "a.jpg", size: 11 * MB },
          { name: "b.jpg", size: -5 * MB },
        ],
      },
      errors: [{ messageId: "large", location: "attachments", data: { size: "11", limit: "10" } }],
    },
  ],
});
