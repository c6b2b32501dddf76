import { describe, expect, it } from "vitest";
import { playgroundHtml, type SurfaceStates } from "../../scripts/playground.js";

const allReady: SurfaceStates = {
  addin: { ok: true },
  teams: { ok: true },
  sweep: { ok: true },
  appPackage: { ok: true },
};

describe("playground index page", () => {
  it("links each surface that started", () => {
    const html = playgroundHtml({ policy: "st-john-payne", surfaces: allReady });
    for (const href of ["/addin/harness.html", "/index.html", "/sweep/report.html", "/appPackage.zip"]) {
      expect(html).toContain(`<a href="${href}">`);
    }
    expect(html).not.toContain('role="alert"');
  });

  it("shows a failed surface's error, escaped, instead of a dead link, and keeps the others", () => {
    const html = playgroundHtml({
      policy: "st-john-payne",
      surfaces: { ...allReady, sweep: { ok: false, error: "RangeError: <Invalid time value>" } },
    });
    expect(html).not.toContain('<a href="/sweep/report.html">');
    expect(html).toContain('data-surface="sweep" data-ok="false"');
    expect(html).toContain("RangeError: &lt;Invalid time value&gt;");
    expect(html).toContain('<a href="/addin/harness.html">');
  });
});
