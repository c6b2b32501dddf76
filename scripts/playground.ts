/** The playground's index page: one card per surface, and what to try on each. */
export function playgroundHtml(options: { policy: string; sweep?: unknown }): string {
  const card = (title: string, href: string, what: string, tries: readonly string[]) => `
      <section class="card">
        <h2><a href="${href}">${title}</a></h2>
        <p>${what}</p>
        <ul>${tries.map((item) => `<li>${item}</li>`).join("")}</ul>
      </section>`;
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
      a { color: #0f4a85; }
      code { background: #eef2f7; padding: 0 0.2rem; }
      header code { background: rgb(255 255 255 / 0.2); color: #fff; }
    </style>
  </head>
  <body>
    <header>
      <h1>School Policy Guard</h1>
      <p>Playground on the <code>${escapeHtml(options.policy)}</code> policy pack. Everything runs on this machine.</p>
    </header>
    <main>
      ${card(
        "Outlook compose window",
        "/addin/harness.html",
        "The real add-in (task pane and send-time Smart Alert) inside a stand-in Outlook.",
        [
          "Write <em>THIS IS NOT ACCEPTABLE!!!</em> and watch the nudges.",
          "Mention a pupil with a date of birth or an EHCP, then press Send.",
          "Put five parents' Gmail addresses in To, then use the fix button.",
        ],
      )}
      ${card(
        "Teams tab: acknowledgements",
        "/index.html",
        "The acceptable-use agreement to read and sign, and the admin view (development sign-in).",
        [
          "Sign in as a member of staff and acknowledge the policy.",
          "Sign in as an admin: completion, export, reminders.",
        ],
      )}
      ${card(
        "Compliance sweep report",
        "/sweep/report.html",
        "A sweep of a synthetic 500-person school through the local Graph stand-in.",
        [
          "Absent staff without an out-of-office reply or a delegate.",
          "Inbox rules forwarding mail outside the school.",
        ],
      )}
      ${card(
        "App package",
        "/appPackage.zip",
        "The unified Microsoft 365 app manifest with its icons (localhost values).",
        ["See docs/deploy.md to build one for your school's host."],
      )}
    </main>
  </body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
