/**
 * A stand-in for the parts of Office.js the add-in uses, following Microsoft's documented behaviour:
 * callbacks are asynchronous and receive an AsyncResult {status: "succeeded" | "failed", value, error};
 * recipients carry recipientType; attachments carry size; an item shows at most 5 notifications of at
 * most 150 characters; session data holds at most 50,000 characters; `event.completed` is captured.
 * DOM-free, so it also runs in node:vm beside the built launchevent.js (tests and the bench).
 */

export interface StandInRecipient {
  displayName: string;
  emailAddress: string;
  recipientType: string;
}

export interface StandInAttachment {
  id: string;
  name: string;
  size: number;
  contentType: string;
  attachmentType: "file";
  isInline: boolean;
}

export interface StandInState {
  subject: string;
  body: { type: "text" | "html"; content: string };
  to: StandInRecipient[];
  cc: StandInRecipient[];
  bcc: StandInRecipient[];
  from: { displayName: string; emailAddress: string };
  attachments: StandInAttachment[];
  notifications: Map<string, Office.NotificationMessageDetails>;
  sessionData: Map<string, string>;
  headers: Record<string, string>;
  sensitivityLabel: string;
  initializationContext: string;
}

/** The Outlook clients whose documented recipientType behaviour the stand-in follows. */
export type StandInClient = "web" | "new-windows" | "classic-windows" | "mac" | "android" | "ios";

export interface StandInOptions {
  /** The school's own domains: recipients resolved there are "user", others "externalUser". */
  readonly internalDomains: readonly string[];
  /** Which client's recipientType to report (default "web"); see `recipientTypeFor`. */
  readonly client?: StandInClient;
  /** Tenant addresses the sender picked from a personal contact list rather than the GAL. */
  readonly personalContacts?: readonly string[];
  /** Addresses of Exchange distribution lists. */
  readonly distributionLists?: readonly string[];
  /** Highest Mailbox requirement set this host supports (default 1.13). */
  readonly mailboxVersion?: string;
  /** Delay of every callback in ms (default 0: still asynchronous, as Office's are). */
  readonly latencyMs?: number;
  readonly theme?: "light" | "dark";
  /**
   * Fire OnMessageRecipientsChanged / OnMessageAttachmentsChanged when recipients or attachments change
   * (as Outlook does, whoever made the change). Default true; benches turn it off to control the cache.
   */
  readonly fireChangeEvents?: boolean;
}

/**
 * recipientType as Office.MailboxEnums.RecipientType documents it per client (Mailbox 1.1):
 *  - "distributionList": an Exchange distribution list;
 *  - "user": an SMTP address on the Exchange server, directly added or resolved against the GAL;
 *  - "externalUser": an SMTP address not on the Exchange server, or a recipient from a personal address
 *    book; on the web, new and classic Windows (2210+) and Mac, a GAL recipient saved to a personal
 *    address book is "externalUser" even on the school's own domain;
 *  - "other": not resolved against the Exchange address book (no SMTP address); on Android and iOS, a
 *    GAL recipient saved to a personal address book is "other".
 */
export function recipientTypeFor(
  address: string,
  context: {
    readonly internalDomains: readonly string[];
    readonly client: StandInClient;
    readonly personalContacts: readonly string[];
    readonly distributionLists: readonly string[];
  },
): string {
  const lower = address.trim().toLowerCase();
  if (context.distributionLists.some((list) => list.toLowerCase() === lower)) return "distributionList";
  if (lower.indexOf("@") === -1) return "other";
  const onServer = context.internalDomains.includes(lower.split("@")[1] ?? "");
  if (!onServer) return "externalUser";
  if (context.personalContacts.some((contact) => contact.toLowerCase() === lower)) {
    return context.client === "android" || context.client === "ios" ? "other" : "externalUser";
  }
  return "user";
}

/** The handler names the stand-in fires for change events (from the manifest, see addin/core/ids.ts). */
export const CHANGE_EVENT_HANDLERS = {
  recipients: ["OnMessageRecipientsChanged", "onMessageRecipientsChangedHandler"],
  attachments: ["OnMessageAttachmentsChanged", "onMessageAttachmentsChangedHandler"],
} as const;

export interface CompletedEvent {
  readonly name: string;
  readonly options: Record<string, unknown> | undefined;
  readonly ms: number;
}

type Callback<T> = ((result: Office.AsyncResult<T>) => void) | undefined;

const NOTIFICATION_LIMIT = 5;
const NOTIFICATION_CHARS = 150;
const SESSION_CHARS = 50_000;

function versionAtMost(wanted: string, available: string): boolean {
  const [wantMajor = 0, wantMinor = 0] = wanted.split(".").map(Number);
  const [haveMajor = 0, haveMinor = 0] = available.split(".").map(Number);
  return wantMajor < haveMajor || (wantMajor === haveMajor && wantMinor <= haveMinor);
}

function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(?:p|div)>/gi, "\n")
    .replace(/<[^<>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .trimEnd();
}

function textToHtml(text: string): string {
  const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return `<div>${escaped.replace(/\n/g, "<br>")}</div>`;
}

export function createOfficeStandIn(options: StandInOptions) {
  const mailboxVersion = options.mailboxVersion ?? "1.13";
  const latency = options.latencyMs ?? 0;
  const internal = options.internalDomains.map((domain) => domain.toLowerCase());
  const state: StandInState = {
    subject: "",
    body: { type: "text", content: "" },
    to: [],
    cc: [],
    bcc: [],
    from: { displayName: "A Teacher", emailAddress: `a.teacher@${internal[0] ?? "school.example"}` },
    attachments: [],
    notifications: new Map(),
    sessionData: new Map(),
    headers: {},
    sensitivityLabel: "",
    initializationContext: "",
  };
  /** Test switches: "broken" makes every read throw (a corrupt item); "hang" never answers body reads. */
  const faults = { broken: false, hang: false };
  const handlers = new Map<string, (event: { completed(options?: Record<string, unknown>): void }) => void>();
  const listeners = new Set<() => void>();
  const completed: CompletedEvent[] = [];
  let nextAttachmentId = 1;

  const changed = () => listeners.forEach((listener) => listener());
  const pendingEvents = new Map<string, ReturnType<typeof setTimeout>>();
  /** Outlook coalesces bursts of changes into one event; so does the stand-in (50 ms). */
  const changedField = (kind: keyof typeof CHANGE_EVENT_HANDLERS) => {
    changed();
    if (options.fireChangeEvents === false) return;
    const [eventName, handlerName] = CHANGE_EVENT_HANDLERS[kind];
    clearTimeout(pendingEvents.get(kind));
    pendingEvents.set(
      kind,
      setTimeout(() => {
        if (handlers.has(handlerName)) fire(eventName, handlerName).catch(() => undefined);
      }, 50),
    );
  };

  function answer<T>(callback: Callback<T>, value: T, error?: { code: number; name: string; message: string }) {
    if (!callback) return;
    const result = (error
      ? { status: "failed", value: undefined, error, asyncContext: undefined, diagnostics: undefined }
      : {
          status: "succeeded",
          value,
          error: undefined,
          asyncContext: undefined,
          diagnostics: undefined,
        }) as unknown as Office.AsyncResult<T>;
    setTimeout(() => callback(result), latency);
  }
  const fail = (code: number, name: string, message: string) => ({ code, name, message });
  const lastCallback = <T>(args: unknown[]): Callback<T> =>
    [...args].reverse().find((arg) => typeof arg === "function") as Callback<T>;
  const guard = () => {
    if (faults.broken) throw new Error("The item is not available (harness: broken item).");
  };

  const typeOf = (address: string) =>
    recipientTypeFor(address, {
      internalDomains: internal,
      client: options.client ?? "web",
      personalContacts: options.personalContacts ?? [],
      distributionLists: options.distributionLists ?? [],
    });
  const toRecipient = (entry: string | { displayName?: string; emailAddress: string }): StandInRecipient => {
    const { displayName, emailAddress } = typeof entry === "string" ? typedRecipient(entry) : entry;
    return { displayName: displayName ?? emailAddress, emailAddress, recipientType: typeOf(emailAddress) };
  };

  const recipientsField = (field: "to" | "cc" | "bcc") => ({
    getAsync: (...args: unknown[]) => {
      guard();
      answer(
        lastCallback(args),
        state[field].map((entry) => ({ ...entry })),
      );
    },
    setAsync: (list: (string | { displayName?: string; emailAddress: string })[], ...args: unknown[]) => {
      state[field] = list.map(toRecipient);
      changedField("recipients");
      answer(lastCallback(args), undefined);
    },
    addAsync: (list: (string | { displayName?: string; emailAddress: string })[], ...args: unknown[]) => {
      state[field] = [...state[field], ...list.map(toRecipient)];
      changedField("recipients");
      answer(lastCallback(args), undefined);
    },
  });

  const item = {
    itemType: "message",
    subject: {
      getAsync: (...args: unknown[]) => {
        guard();
        answer(lastCallback(args), state.subject);
      },
      setAsync: (subject: string, ...args: unknown[]) => {
        state.subject = subject;
        changed();
        answer(lastCallback(args), undefined);
      },
    },
    body: {
      getAsync: (coercion: string, ...args: unknown[]) => {
        guard();
        if (faults.hang) return;
        const { type, content } = state.body;
        const value = coercion === type ? content : coercion === "text" ? htmlToText(content) : textToHtml(content);
        answer(lastCallback(args), value);
      },
      getTypeAsync: (...args: unknown[]) => {
        guard();
        answer(lastCallback(args), state.body.type);
      },
      setAsync: (data: string, ...args: unknown[]) => {
        const options = args.find((arg) => typeof arg === "object" && arg !== null) as
          { coercionType?: string } | undefined;
        state.body = { type: options?.coercionType === "html" ? "html" : "text", content: data };
        changed();
        answer(lastCallback(args), undefined);
      },
      prependAsync: (data: string, ...args: unknown[]) => {
        state.body = { ...state.body, content: data + state.body.content };
        changed();
        answer(lastCallback(args), undefined);
      },
    },
    to: recipientsField("to"),
    cc: recipientsField("cc"),
    bcc: recipientsField("bcc"),
    from: {
      getAsync: (...args: unknown[]) => {
        guard();
        // Documented: from.getAsync returns no recipientType (the sender is always a user on the server).
        answer(lastCallback(args), { ...state.from });
      },
    },
    getAttachmentsAsync: (...args: unknown[]) => {
      guard();
      answer(
        lastCallback(args),
        state.attachments.map((entry) => ({ ...entry })),
      );
    },
    removeAttachmentAsync: (id: string, ...args: unknown[]) => {
      const before = state.attachments.length;
      state.attachments = state.attachments.filter((entry) => entry.id !== id);
      if (state.attachments.length === before) {
        answer(
          lastCallback(args),
          undefined,
          fail(9002, "InvalidAttachmentId", "The attachment identifier does not exist."),
        );
        return;
      }
      changed();
      answer(lastCallback(args), undefined);
    },
    notificationMessages: {
      getAllAsync: (...args: unknown[]) =>
        answer(
          lastCallback(args),
          [...state.notifications].map(([key, details]) => ({ key, ...details })),
        ),
      addAsync: (key: string, details: Office.NotificationMessageDetails, ...args: unknown[]) => {
        const problem = checkNotification(details) ?? (state.notifications.has(key) ? "Duplicate key." : undefined);
        if (problem || state.notifications.size >= NOTIFICATION_LIMIT) {
          answer(
            lastCallback(args),
            undefined,
            fail(9041, "NumberOfNotificationMessagesExceeded", problem ?? "Too many notifications."),
          );
          return;
        }
        state.notifications.set(key, details);
        changed();
        answer(lastCallback(args), undefined);
      },
      replaceAsync: (key: string, details: Office.NotificationMessageDetails, ...args: unknown[]) => {
        const problem = checkNotification(details);
        if (problem || (!state.notifications.has(key) && state.notifications.size >= NOTIFICATION_LIMIT)) {
          answer(
            lastCallback(args),
            undefined,
            fail(9041, "NumberOfNotificationMessagesExceeded", problem ?? "Too many notifications."),
          );
          return;
        }
        state.notifications.set(key, details);
        changed();
        answer(lastCallback(args), undefined);
      },
      removeAsync: (key: string, ...args: unknown[]) => {
        if (!state.notifications.delete(key)) {
          answer(
            lastCallback(args),
            undefined,
            fail(9040, "KeyNotFound", "The key for the notification was not found."),
          );
          return;
        }
        changed();
        answer(lastCallback(args), undefined);
      },
    },
    sessionData: {
      getAsync: (key: string, ...args: unknown[]) => {
        guard();
        answer(lastCallback(args), state.sessionData.get(key) ?? "");
      },
      setAsync: (key: string, value: string, ...args: unknown[]) => {
        let total = key.length + value.length;
        for (const [otherKey, otherValue] of state.sessionData) {
          if (otherKey !== key) total += otherKey.length + otherValue.length;
        }
        if (total > SESSION_CHARS) {
          answer(lastCallback(args), undefined, fail(9057, "SessionObjectMaxLengthExceeded", "Session data is full."));
          return;
        }
        state.sessionData.set(key, value);
        answer(lastCallback(args), undefined);
      },
      getAllAsync: (...args: unknown[]) => answer(lastCallback(args), Object.fromEntries(state.sessionData)),
      removeAsync: (key: string, ...args: unknown[]) => {
        state.sessionData.delete(key);
        answer(lastCallback(args), undefined);
      },
      clearAsync: (...args: unknown[]) => {
        state.sessionData.clear();
        answer(lastCallback(args), undefined);
      },
    },
    internetHeaders: {
      getAsync: (names: string[], ...args: unknown[]) =>
        answer(
          lastCallback(args),
          Object.fromEntries(names.filter((name) => name in state.headers).map((name) => [name, state.headers[name]])),
        ),
      setAsync: (headers: Record<string, string>, ...args: unknown[]) => {
        Object.assign(state.headers, headers);
        changed();
        answer(lastCallback(args), undefined);
      },
    },
    sensitivityLabel: {
      getAsync: (...args: unknown[]) => answer(lastCallback(args), state.sensitivityLabel),
      setAsync: (label: string | { id: string }, ...args: unknown[]) => {
        state.sensitivityLabel = typeof label === "string" ? label : label.id;
        changed();
        answer(lastCallback(args), undefined);
      },
    },
    getInitializationContextAsync: (...args: unknown[]) => answer(lastCallback(args), state.initializationContext),
  };

  function checkNotification(details: Office.NotificationMessageDetails): string | undefined {
    if (!details.message || details.message.length > NOTIFICATION_CHARS) return "The message must be 1–150 characters.";
    return undefined;
  }

  const dark = options.theme === "dark";
  const office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    CoercionType: { Text: "text", Html: "html" },
    HostType: { Outlook: "Outlook" },
    MailboxEnums: {
      ItemNotificationMessageType: {
        InformationalMessage: "informationalMessage",
        InsightMessage: "insightMessage",
        ErrorMessage: "errorMessage",
        ProgressIndicator: "progressIndicator",
      },
      ActionType: { ShowTaskPane: "showTaskPane" },
      SendModeOverride: { PromptUser: "promptUser" },
      RecipientType: {
        User: "user",
        ExternalUser: "externalUser",
        DistributionList: "distributionList",
        Other: "other",
      },
    },
    EventType: { OfficeThemeChanged: "officeThemeChanged" },
    context: {
      requirements: {
        isSetSupported: (name: string, version?: string) =>
          name === "Mailbox" && versionAtMost(version ?? "1.1", mailboxVersion),
      },
      officeTheme: {
        bodyBackgroundColor: dark ? "#292929" : "#ffffff",
        bodyForegroundColor: dark ? "#ffffff" : "#000000",
        controlBackgroundColor: dark ? "#3b3b3b" : "#ffffff",
        controlForegroundColor: dark ? "#ffffff" : "#000000",
      },
      mailbox: {
        item,
        userProfile: { emailAddress: state.from.emailAddress, displayName: state.from.displayName },
        addHandlerAsync: (_type: string, _handler: unknown, ...args: unknown[]) =>
          answer(lastCallback(args), undefined),
      },
    },
    actions: {
      associate: (name: string, handler: (event: { completed(options?: Record<string, unknown>): void }) => void) => {
        handlers.set(name, handler);
      },
    },
    onReady: (callback?: (info: { host: string; platform: string }) => void) => {
      const info = { host: "Outlook", platform: "OfficeOnline" };
      callback?.(info);
      return Promise.resolve(info);
    },
  };

  /** Fires a launch event the way Outlook does and resolves with what the handler passed to completed. */
  function fire(name: string, handlerName: string, timeoutMs = 10_000): Promise<CompletedEvent> {
    const handler = handlers.get(handlerName);
    if (!handler) return Promise.reject(new Error(`No handler associated as ${handlerName}`));
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${handlerName} never called event.completed`)), timeoutMs);
      const event = {
        type: name,
        completed(completedOptions?: Record<string, unknown>) {
          clearTimeout(timer);
          const record = { name, options: completedOptions, ms: performance.now() - started };
          completed.push(record);
          resolve(record);
        },
      };
      handler(event);
    });
  }

  return {
    office,
    state,
    faults,
    handlers,
    completed,
    fire,
    onChange(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    addAttachment(name: string, size: number, contentType = "application/octet-stream") {
      state.attachments.push({
        id: `att-${nextAttachmentId++}`,
        name,
        size,
        contentType,
        attachmentType: "file",
        isInline: false,
      });
      changedField("attachments");
    },
    setRecipients(field: "to" | "cc" | "bcc", addresses: readonly string[]) {
      state[field] = addresses.map((address) => toRecipient(address));
      changedField("recipients");
    },
  };
}

export type OfficeStandIn = ReturnType<typeof createOfficeStandIn>;

/**
 * A recipient as typed into Outlook's To line: a bare address, or a display name and the address in angle
 * brackets (`Dave Kettering <d.kettering@school.sch.uk>`, `"Kettering, Dave" <…>`), which Outlook resolves
 * to that display name and address. Without brackets the address is its own display name, as Outlook shows
 * an unresolved address.
 */
export function typedRecipient(typed: string): { displayName: string; emailAddress: string } {
  const text = typed.trim();
  const open = text.lastIndexOf("<");
  if (open === -1 || !text.endsWith(">")) return { displayName: text, emailAddress: text };
  const emailAddress = text.slice(open + 1, -1).trim();
  const name = text.slice(0, open).trim().replace(/^"|"$/g, "");
  return { displayName: name === "" ? emailAddress : name, emailAddress };
}
