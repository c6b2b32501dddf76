import { ruleTester } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import rule from "./greeting.js";

const body = (text: string) => ({ subject: "Reports", body: text, bodyType: "text" as const });

ruleTester(rule, {
  pack: loadPolicy("st-john-payne"),
  valid: [
    { draft: body("Dear Mrs Shah,\nThe reports are ready.") },
    { draft: body("Good morning all,\nReminder about INSET.") },
    { draft: body("Sarah,\nCan you cover period 3?") },
    { name: "greeting not required", pack: loadPolicy("st-dunstans"), draft: body("The reports are ready.") },
    { name: "empty body", draft: body("") },
  ],
  invalid: [
    { draft: body("The reports are ready.\nKind regards"), errors: [{ messageId: "missing", location: "body" }] },
    { draft: body("Send me the register now."), errors: [{ messageId: "missing", location: "body" }] },
  ],
});
