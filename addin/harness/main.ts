import packData from "virtual:school-pack";
import { freezePack } from "../core/pack.js";
import { HANDLER_NAMES } from "../core/ids.js";
import { createOfficeStandIn, typedRecipient, type CompletedEvent, type StandInClient } from "./office-stand-in.js";
import { EXAMPLES } from "./examples.js";

/**
 * The compose harness: an Outlook-like compose window over the stand-in Office object. It loads the
 * real launchevent.js (handlers associated through Office.actions.associate) and the real task pane.
 */

const pack = freezePack(packData);
/** `?client=ios` (web, new-windows, classic-windows, mac, android, ios): recipientType as that client reports it. */
const CLIENTS: readonly StandInClient[] = ["web", "new-windows", "classic-windows", "mac", "android", "ios"];
const askedClient = new URLSearchParams(window.location.search).get("client");
const client = CLIENTS.find((name) => name === askedClient) ?? "web";
const standIn = createOfficeStandIn({ internalDomains: pack.school.emailDomains, client });
const harness = {
  standIn,
  sent: [] as { subject: string; at: number }[],
  lastSmartAlert: undefined as CompletedEvent | undefined,
};
Object.assign(window, { Office: standIn.office, spgHarness: harness });

const root = document.getElementById("root") ?? document.body;
root.innerHTML = `
<div class="h-app">
  <main class="h-compose" aria-label="New message">
    <div class="h-toolbar">
      <button type="button" class="h-send" id="h-send">Send</button>
      <label>Example <select id="h-example"><option value="">Choose…</option>${EXAMPLES.map(
        (example, index) => `<option value="${index}">${example.label}</option>`,
      ).join("")}</select></label>
      <button type="button" id="h-open-pane">Policy Guard</button>
    </div>
    <div class="h-status" role="status" aria-live="polite" id="h-status"></div>
    <div class="h-notes" id="h-notes" aria-label="Notifications"></div>
    <div class="h-row"><label for="h-from">From</label><input id="h-from" autocomplete="off" title="Who is signed in: a note signed with this name needs no other closing"></div>
    <div class="h-row"><label for="h-to">To</label><input id="h-to" autocomplete="off" placeholder="name@example.org; Jo Bloggs &lt;jo@example.org&gt;; …"></div>
    <div class="h-row"><label for="h-cc">Cc</label><input id="h-cc" autocomplete="off"></div>
    <div class="h-row"><label for="h-bcc">Bcc</label><input id="h-bcc" autocomplete="off"></div>
    <div class="h-row"><label for="h-subject">Subject</label><input id="h-subject" autocomplete="off"></div>
    <textarea id="h-body" aria-label="Message body"></textarea>
    <div class="h-toolbar">
      <label>File name <input id="h-file-name" value="minutes.docx" size="18"></label>
      <label>Size (KB) <input id="h-file-size" type="number" value="120" min="0" style="width:90px"></label>
      <button type="button" id="h-attach">Attach</button>
    </div>
    <div class="h-attachments" id="h-attachments" aria-label="Attachments"></div>
    <div class="h-switches">
      <label><input type="checkbox" id="h-broken"> Break the item (every read throws)</label>
      <label><input type="checkbox" id="h-hang"> Body never answers (time budget)</label>
    </div>
  </main>
  <aside class="h-pane" aria-label="Task pane">
    <iframe id="h-pane" title="School Policy Guard task pane" src="harness-pane.html"></iframe>
  </aside>
</div>
<div class="h-dialog" id="h-dialog" hidden role="dialog" aria-modal="true" aria-labelledby="h-dialog-title">
  <div>
    <h2 id="h-dialog-title">School Policy Guard</h2>
    <pre id="h-dialog-text"></pre>
    <div class="h-actions">
      <button type="button" id="h-dialog-cancel" class="h-primary">Don't send</button>
      <button type="button" id="h-dialog-send">Send anyway</button>
    </div>
  </div>
</div>`;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const inputs = {
  from: byId<HTMLInputElement>("h-from"),
  to: byId<HTMLInputElement>("h-to"),
  cc: byId<HTMLInputElement>("h-cc"),
  bcc: byId<HTMLInputElement>("h-bcc"),
  subject: byId<HTMLInputElement>("h-subject"),
  body: byId<HTMLTextAreaElement>("h-body"),
};
const status = byId("h-status");
const pane = byId<HTMLIFrameElement>("h-pane");
const dialog = byId("h-dialog");

/** The recipients typed into a line, split at ";" or "," outside a quoted display name ("Kettering, Dave" <…>). */
const splitAddresses = (text: string) =>
  (text.match(/(?:"[^"]*"|[^;,"])+/g) ?? []).map((part) => part.trim()).filter((part) => part.length > 0);

function fireCompose(handler: string, name: string) {
  standIn.fire(name, handler).catch((error: unknown) => {
    status.textContent = `Launch event failed: ${String(error)}`;
  });
}

// The stand-in fires OnMessageRecipientsChanged / OnMessageAttachmentsChanged itself, as Outlook does.
for (const field of ["to", "cc", "bcc"] as const) {
  inputs[field].addEventListener("change", () => standIn.setRecipients(field, splitAddresses(inputs[field].value)));
}
// The sender as from.getAsync reports it: the closing tip accepts a note signed with their own name, so
// a tester signing as themselves sets it here (a new user's "Jo" was told to add a closing as "A Teacher").
inputs.from.addEventListener("change", () => {
  const typed = inputs.from.value.trim();
  if (typed !== "") standIn.state.from = typedRecipient(typed);
});
inputs.subject.addEventListener("input", () => {
  standIn.state.subject = inputs.subject.value;
});
inputs.body.addEventListener("input", () => {
  standIn.state.body = { type: "text", content: inputs.body.value };
});
byId<HTMLInputElement>("h-broken").addEventListener("change", (event) => {
  standIn.faults.broken = (event.target as HTMLInputElement).checked;
});
byId<HTMLInputElement>("h-hang").addEventListener("change", (event) => {
  standIn.faults.hang = (event.target as HTMLInputElement).checked;
});

byId("h-attach").addEventListener("click", () => {
  const name = byId<HTMLInputElement>("h-file-name").value.trim() || "file.bin";
  const size = Math.round(Number(byId<HTMLInputElement>("h-file-size").value || "0") * 1024);
  standIn.addAttachment(name, size);
});

byId<HTMLSelectElement>("h-example").addEventListener("change", (event) => {
  const example = EXAMPLES[Number((event.target as HTMLSelectElement).value)];
  if (!example) return;
  loadDraft(example);
});

/** Sets the whole draft at once (the example menu and the tests use it) and fires the compose events. */
function loadDraft(draft: {
  from?: string;
  subject: string;
  body: string;
  to: readonly string[];
  cc?: readonly string[];
  bcc?: readonly string[];
  attachments?: readonly { name: string; size: number }[];
}) {
  if (draft.from !== undefined) standIn.state.from = typedRecipient(draft.from);
  standIn.state.subject = draft.subject;
  standIn.state.body = { type: "text", content: draft.body };
  standIn.setRecipients("to", draft.to);
  standIn.setRecipients("cc", draft.cc ?? []);
  standIn.setRecipients("bcc", draft.bcc ?? []);
  standIn.state.attachments = [];
  for (const attachment of draft.attachments ?? []) standIn.addAttachment(attachment.name, attachment.size);
  render();
  // Subject and body have no change event in Outlook; the recipients change above fires the analysis.
}

function renderAttachments() {
  const list = byId("h-attachments");
  list.replaceChildren(
    ...standIn.state.attachments.map((attachment) => {
      const chip = document.createElement("span");
      chip.className = "h-chip";
      chip.textContent = `${attachment.name} (${Math.round(attachment.size / 1024)} KB)`;
      return chip;
    }),
  );
}

function renderNotifications() {
  const notes = byId("h-notes");
  notes.replaceChildren(
    ...[...standIn.state.notifications].map(([key, details]) => {
      const note = document.createElement("div");
      note.className = "h-note";
      note.dataset.key = key;
      const text = document.createElement("span");
      text.textContent = details.message;
      note.append(text);
      const action = details.actions?.[0];
      if (action) {
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = action.actionText;
        button.addEventListener("click", () => openPane(JSON.stringify(action.contextData ?? "")));
        note.append(button);
      }
      return note;
    }),
  );
}

/** Mirrors the item into the fields (fixes made by the pane change the item, not the inputs). */
function render() {
  const join = (list: { emailAddress: string }[]) => list.map((entry) => entry.emailAddress).join("; ");
  for (const field of ["to", "cc", "bcc"] as const) {
    if (document.activeElement !== inputs[field]) inputs[field].value = join(standIn.state[field]);
  }
  if (document.activeElement !== inputs.from) {
    const { displayName, emailAddress } = standIn.state.from;
    inputs.from.value = displayName === emailAddress ? emailAddress : `${displayName} <${emailAddress}>`;
  }
  if (document.activeElement !== inputs.subject) inputs.subject.value = standIn.state.subject;
  if (document.activeElement !== inputs.body) {
    const { type, content } = standIn.state.body;
    inputs.body.value = type === "text" ? content : content.replace(/<br\s*\/?>/gi, "\n").replace(/<[^<>]*>/g, "");
  }
  renderAttachments();
  renderNotifications();
}
standIn.onChange(render);

function openPane(contextData: string) {
  standIn.state.initializationContext = contextData;
  pane.src = `harness-pane.html?opened=${Date.now()}`;
  pane.focus();
}
byId("h-open-pane").addEventListener("click", () => openPane(""));

function markSent() {
  harness.sent.push({ subject: standIn.state.subject, at: Date.now() });
  status.textContent = "Sent.";
  document.body.dataset.sent = String(harness.sent.length);
}

byId("h-send").addEventListener("click", () => {
  status.textContent = "Checking before sending…";
  standIn
    .fire("OnMessageSend", HANDLER_NAMES.send)
    .then((record) => {
      harness.lastSmartAlert = record;
      const options = record.options ?? {};
      if (options.allowEvent !== false) {
        markSent();
        return;
      }
      status.textContent = "Not sent yet.";
      showSmartAlert(options);
    })
    .catch((error: unknown) => {
      status.textContent = `Send handler failed: ${String(error)}`;
    });
});

function showSmartAlert(options: Record<string, unknown>) {
  byId("h-dialog-text").textContent = String(options.errorMessage ?? "");
  const cancel = byId<HTMLButtonElement>("h-dialog-cancel");
  const sendAnyway = byId<HTMLButtonElement>("h-dialog-send");
  cancel.textContent = typeof options.cancelLabel === "string" ? options.cancelLabel : "Don't send";
  sendAnyway.hidden = options.sendModeOverride !== "promptUser";
  dialog.dataset.mode = options.sendModeOverride === "promptUser" ? "prompt" : "block";
  dialog.hidden = false;
  cancel.onclick = () => {
    dialog.hidden = true;
    if (typeof options.commandId === "string")
      openPane(typeof options.contextData === "string" ? options.contextData : "");
  };
  sendAnyway.onclick = () => {
    dialog.hidden = true;
    markSent();
  };
  cancel.focus();
}

Object.assign(harness, { loadDraft, render });

const script = document.createElement("script");
script.src = "launchevent.js";
script.addEventListener("load", () => {
  document.body.dataset.ready = "true";
  fireCompose(HANDLER_NAMES.compose, "OnNewMessageCompose");
});
document.head.append(script);
render();
