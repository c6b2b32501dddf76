/**
 * Entry of dist/addin/launchevent.js. The build embeds the school's validated pack as
 * "virtual:school-pack" and transpiles everything to one ES2016 IIFE: no imports, no DOM, no
 * Office.onReady (the JavaScript-only runtime calls the associated functions directly). esbuild's
 * object-spread helpers, which call an ES2017 built-in, become Object.assign (`spreadWithObjectAssign`
 * in addin/build.ts).
 */
import packData from "virtual:school-pack";
import type { PolicyPack } from "../../policy/engine/types.js";
import { HANDLER_NAMES } from "../core/ids.js";
import { freezePack } from "../core/pack.js";
import { requirementCheckFrom, type ComposeItem } from "../office/item.js";
import { createHandlers, failOpenCounter, type LaunchEvent } from "./handlers.js";

const pack: PolicyPack = freezePack(packData);

const handlers = createHandlers({
  pack,
  item: () => Office.context.mailbox.item as unknown as ComposeItem,
  supported: requirementCheckFrom(typeof Office === "undefined" ? undefined : Office),
});

const onSend = (event: LaunchEvent) => void handlers.onMessageSend(event);
const onCompose = (event: LaunchEvent) => void handlers.onComposeChange(event);

Office.actions.associate(HANDLER_NAMES.compose, onCompose);
Office.actions.associate(HANDLER_NAMES.recipientsChanged, onCompose);
Office.actions.associate(HANDLER_NAMES.attachmentsChanged, onCompose);
Office.actions.associate(HANDLER_NAMES.send, onSend);

// Read by the compose harness and the tests; harmless in Outlook.
(globalThis as { schoolPolicyGuardFailOpen?: typeof failOpenCounter }).schoolPolicyGuardFailOpen = failOpenCounter;
