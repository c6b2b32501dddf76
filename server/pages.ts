import type { PolicyPack } from "../policy/pack/schema.js";
import { escapeHtml } from "./html.js";

/** What the privacy page needs beyond the pack: where the evidence is kept and for how long. */
export interface PrivacyFacts {
  readonly store: "sqlite" | "sharepoint";
  readonly retention: string;
  /** Overrides the pack's policy owner as the contact for questions about the data. */
  readonly contact?: string | undefined;
}

export interface LegalPages {
  readonly privacy: string;
  readonly terms: string;
}

/**
 * The privacy notice and terms of use the app manifest links to (developer.privacyUrl and
 * termsOfUseUrl), written from the school's own pack: its name, address, policy owner, the documents
 * people acknowledge, and where and for how long the evidence is kept.
 */
export function legalPages(pack: PolicyPack, facts: PrivacyFacts): LegalPages {
  const school = pack.school;
  const owner = school.policyOwner;
  const contact =
    facts.contact ??
    [owner.name, owner.role].filter(Boolean).join(", ") + (owner.email ? ` (${owner.email})` : "") + `, ${school.name}`;
  const address = [...school.address.lines, school.address.postcode].join(", ");
  const documents = pack.acknowledgements.documents.map((doc) => `${doc.title} (version ${doc.version})`);
  const where =
    facts.store === "sharepoint"
      ? "in a SharePoint list in the school's own Microsoft 365 tenant, with SharePoint's version history"
      : "in a database file on the school's own web service (for example its Azure App Service), backed up by the school";
  const page = (title: string, body: string) => `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — ${escapeHtml(school.name)}</title>
<link rel="icon" href="/assets/icon-32.png">
<style>body{font:16px/1.5 "Segoe UI",system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}h1{color:#1f5c99}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p><strong>${escapeHtml(school.name)}</strong>, ${escapeHtml(address)}</p>
${body}
</main>
</body>
</html>
`;
  const privacy = page(
    "School Policy Guard: privacy notice",
    `
<p>School Policy Guard is run by ${escapeHtml(school.name)} inside the school's Microsoft 365. The school is the
data controller. Questions about your data: ${escapeHtml(contact)}.</p>
<h2>E-mail you write</h2>
<p>The Outlook add-in checks drafts on your own device against the school's e-mail policy. The subject, body,
recipients and attachment names of a draft are never sent to this service or anywhere else by the add-in.</p>
<h2>What is stored when you acknowledge a policy</h2>
<p>When you acknowledge ${escapeHtml(documents.length > 0 ? documents.join("; ") : "a school policy")}, the service
records your Microsoft 365 account identifiers (tenant and object id), your sign-in name and display name, the
name you type, the document and version, a fingerprint (SHA-256) of the exact text you read, the time, and a
chain hash that makes later changes detectable. Nothing else about you is stored.</p>
<p>It is kept ${escapeHtml(where)}, ${escapeHtml(facts.retention)}.</p>
<p>The school's administrators with the PolicyAdmin role can see who has and has not acknowledged, export that
list and send reminders in Teams. To see what is held about you, use <em>My acknowledgements</em> in the
<em>Policies</em> tab or ask the contact above.</p>
<h2>Mailbox settings and calendars</h2>
<p>The school's IT administrator may run a compliance check of staff mailboxes that reads their settings
(out-of-office replies, delegates, inbox rules that forward mail outside the school) and the dates of calendar
events marked out of office, to find absences without an automatic reply. It never reads mail or what a
calendar event says. Its reports are kept by the IT administrator.</p>
<h2>Your rights</h2>
<p>You have the rights set out in the UK GDPR. Contact ${escapeHtml(contact)}, or the school's data protection
officer, to use them.</p>
`,
  );
  const terms = page(
    "School Policy Guard: terms of use",
    `
<p>School Policy Guard is provided by ${escapeHtml(school.name)} to its staff, governors, visitors and
contractors for their school work, under the school's own policies, which take precedence over anything here.</p>
<ul>
<li>The add-in's suggestions are reminders of the school's policy, not legal advice; you remain responsible for
what you send.</li>
<li>Acknowledging a policy in Teams records that you have read and agree to that version of it, with the name
you type.</li>
<li>Do not try to alter or remove acknowledgement records or to use another person's account.</li>
</ul>
<p>Questions: ${escapeHtml(contact)}.</p>
`,
  );
  return { privacy, terms };
}
