import { escapeHtml } from "../server/html.js";

/** What became of one surface while the playground started: ready, or the error that stopped it. */
export type SurfaceState = { readonly ok: true } | { readonly ok: false; readonly error: string };

export interface SurfaceStates {
  readonly addin: SurfaceState;
  readonly teams: SurfaceState;
  readonly sweep: SurfaceState;
  readonly appPackage: SurfaceState;
}

/** The playground's index page: one card per surface, what to try on each, or why it is not there. */
export function playgroundHtml(options: { policy: string; surfaces: SurfaceStates; sweepSummary?: string }): string {
  const card = (
    id: keyof SurfaceStates,
    title: string,
    href: string,
    what: string,
    tries: readonly string[],
  ): string => {
    const state = options.surfaces[id];
    const heading = state.ok ? `<a href="${href}">${title}</a>` : title;
    const body = state.ok
      ? `<p>${what}</p><ul>${tries.map((item) => `<li>${item}</li>`).join("")}</ul>`
      : `<p>${what}</p><div class="error" role="alert"><strong>Not available:</strong> this surface did not build.` +
        `<pre>${escapeHtml(state.error)}</pre></div>`;
    return `
      <section class="card" data-surface="${id}" data-ok="${String(state.ok)}">
        <h2>${heading}</h2>
        ${body}
      </section>`;
  };
  return `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>School Policy Guard — playground</title>
    <link rel="icon" href="/assets/icon-32.png" />
    <style>
      body { font-family: "Segoe UI", system-ui, sans-serif; margin: 0; background: #f3f6fa; color: #1b1b1b; }
      header { background: #1f5c99; color: #fff; padding: 1.5rem 2rem; }
      header p { margin: 0.25rem 0 0; }
      main { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem; padding: 1.5rem 2rem; }
      .card { background: #fff; border-radius: 8px; padding: 1rem 1.25rem; box-shadow: 0 1px 3px rgb(0 0 0 / 0.15); }
      .card h2 { margin-top: 0; font-size: 1.2rem; }
      .error { border-left: 4px solid #a4262c; background: #fde7e9; padding: 0.5rem 0.75rem; }
      .error pre { white-space: pre-wrap; font-size: 0.8rem; margin: 0.5rem 0 0; }
      a { color: #0f4a85; }
      code { background: #eef2f7; padding: 0 0.2rem; }
      header code { background: rgb(255 255 255 / 0.2); color: #fff; }
    </style>
  </head>
  <body>
    <header>
      <h1>School Policy Guard</h1>
      <p>Playground on the <code>${escapeHtml(options.policy)}</code> policy pack. Everything runs on this machine;
      no draft leaves the browser.</p>
    </header>
    <main>
      ${card(
        "addin",
        "Outlook compose window",
        "/addin/harness.html",
        "The real add-in (task pane and send-time Smart Alert) inside a stand-in Outlook.",
        [
          "Write <em>THE COACH LEAVES AT EIGHT, DO NOT BE LATE!!!</em> and watch the nudges.",
          "Mention a pupil with a date of birth or an EHCP, then press Send: the Smart Alert appears.",
          "Put ten parents' webmail addresses in To (more than the pack's Bcc threshold of nine), then use <em>Move to Bcc</em> in the task pane.",
        ],
      )}
      ${card(
        "teams",
        "Teams tab: acknowledgements",
        "/index.html",
        "The acceptable-use agreement to read and sign, and the admin view (development sign-in).",
        [
          "Sign in as a member of staff, read to the end, type your name and agree.",
          "Sign in as an admin: completion by audience, CSV export, reminders, audit check.",
        ],
      )}
      ${card(
        "sweep",
        "Compliance sweep report",
        "/sweep/report.html",
        `A sweep of a synthetic school through the local Graph stand-in${
          options.sweepSummary ? ` (${escapeHtml(options.sweepSummary)})` : ""
        }.`,
        [
          "Absent staff without an out-of-office reply or a delegate.",
          "Inbox rules forwarding mail outside the school.",
        ],
      )}
      ${card(
        "appPackage",
        "App package",
        "/appPackage.zip",
        "The unified Microsoft 365 app manifest with its icons, for this playground's address.",
        ["See docs/deploy.md to build one for your school's host and Entra app."],
      )}
    </main>
  </body>
</html>
`;
}
