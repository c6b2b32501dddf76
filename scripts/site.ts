import { existsSync } from "node:fs";
import { Hono } from "hono";
import { serveStatic } from "@hono/node-server/serve-static";
import type { LegalPages } from "../server/pages.js";

export interface SiteOptions {
  /** The built folder holding addin/, teams-app/, assets/, sweep-demo/ (normally dist/). */
  readonly distDir: string;
  /** The acknowledgement API and tab (teams-app's Hono app), mounted at the root. */
  readonly teamsApp: { fetch: (request: Request, ...rest: never[]) => Response | Promise<Response> };
  /** HTML for "/" (the playground), rendered per request; omitted in production, where "/" is the tab. */
  readonly playgroundHtml?: () => string;
  /** The privacy and terms pages the manifest links to. */
  readonly pages?: LegalPages;
}

/**
 * One origin for every surface, as the manifests expect: /addin/* (task pane, launch events, compose
 * harness), /assets/* (icons), /sweep/* (the demo report), /appPackage.zip, and the Teams tab and
 * acknowledgement API for everything else.
 */
export function createSite(options: SiteOptions): Hono {
  const site = new Hono();
  const dist = options.distDir.replace(/\/$/, "");
  if (options.playgroundHtml !== undefined) {
    const render = options.playgroundHtml;
    site.get("/", (c) => c.html(render()));
  }
  const pages = options.pages;
  if (pages) {
    site.get("/privacy.html", (c) => c.html(pages.privacy));
    site.get("/terms.html", (c) => c.html(pages.terms));
  }
  const mount = (prefix: string, folder: string) => {
    if (!existsSync(`${dist}/${folder}`)) return;
    site.use(
      `/${prefix}/*`,
      serveStatic({ root: `${dist}/${folder}`, rewriteRequestPath: (path) => path.slice(prefix.length + 1) }),
    );
  };
  mount("addin", "addin");
  mount("assets", "assets");
  mount("sweep", "sweep-demo");
  site.get("/appPackage.zip", serveStatic({ path: `${dist}/appPackage.zip` }));
  site.all("*", (c) => options.teamsApp.fetch(c.req.raw));
  return site;
}
