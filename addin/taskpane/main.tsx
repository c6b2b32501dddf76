import packData from "virtual:school-pack";
import { createRoot } from "react-dom/client";
import { freezePack } from "../core/pack.js";
import { requirementCheckFrom, type ComposeItem } from "../office/item.js";
import { readInitializationContext } from "../office/session.js";
import { App } from "./App.js";
import { isDarkOfficeTheme } from "./theme.js";

const pack = freezePack(packData);

void Office.onReady(async () => {
  const item = Office.context.mailbox.item as unknown as ComposeItem;
  const supported = requirementCheckFrom(Office);
  // Smart Alerts and notifications pass contextData; the pane reads it with getInitializationContextAsync.
  const context = await readInitializationContext(item);
  const openedFromSend = readSource(context) === "send";
  const dark = isDarkOfficeTheme(Office.context.officeTheme);
  const root = document.getElementById("root");
  if (root) {
    createRoot(root).render(
      <App item={item} pack={pack} supported={supported} dark={dark} openedFromSend={openedFromSend} />,
    );
  }
});

function readSource(context: string | undefined): string | undefined {
  try {
    return context ? (JSON.parse(context) as { source?: string }).source : undefined;
  } catch {
    return undefined;
  }
}
