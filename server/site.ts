import { randomUUID } from "node:crypto";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono, type MiddlewareHandler } from "hono";
import type { LegalPages } from "./pages.js";
import { describeError, type Logger } from "./log.js";

type Fetch = (request: Request) => Response | Promise<Response>;

export interface ServiceSiteOptions {
  /** The built folder: addin/, teams-app/, assets/ (normally dist/). */
  readonly distDir: string;
  /** The acknowledgement API and tab (teams-app's Hono app). */
  readonly teamsApp: { readonly fetch: Fetch };
  readonly pages: LegalPages;
  readonly log: Logger;
  readonly trustProxy: boolean;
  /** Readiness beyond "not shutting down": the store answers. */
  readonly ready: () => Promise<boolean>;
  readonly draining: () => boolean;
  readonly inFlight: { count: number };
}

/** The add-in files Outlook loads (manifest paths); nothing else under /addin is served. */
export const ADDIN_FILES = ["taskpane.html", "taskpane.js", "commands.html", "launchevent.js"] as const;
export const ICON_FILES = ["icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png", "icon-128.png"] as const;

/**
 * The school's service on one origin: the add-in's task pane and launch-event files, the icons, the
 * privacy and terms pages, health and readiness, and the acknowledgement API with the tab. Source
 * maps and the development harness are refused whatever is on disk.
 */
export function createServiceSite(options: ServiceSiteOptions): Hono {
  const site = new Hono();
  const dist = options.distDir.replace(/\/$/, "");

  site.use("*", requestLog(options));
  if (options.trustProxy) site.use("*", httpsOnly);
  site.use("*", async (c, next) => {
    await next();
    c.header("X-Content-Type-Options", "nosniff");
    if (!c.res.headers.has("Referrer-Policy")) c.header("Referrer-Policy", "no-referrer");
    if (new URL(c.req.url).protocol === "https:") c.header("Strict-Transport-Security", "max-age=31536000");
  });

  site.get("/healthz", (c) => c.json({ status: "ok" }));
  site.get("/readyz", async (c) => {
    if (options.draining()) return c.json({ status: "shutting-down" }, 503);
    const ready = await options.ready().catch(() => false);
    return ready ? c.json({ status: "ready" }) : c.json({ status: "not-ready" }, 503);
  });

  const notFound = () => new Response("Not found.", { status: 404, headers: { "Content-Type": "text/plain" } });
  // Development-only files: never served, even if a playground build left them on disk.
  site.use("*", async (c, next) => {
    const path = new URL(c.req.url).pathname.toLowerCase();
    if (path.endsWith(".map") || path.includes("harness")) return notFound();
    await next();
  });

  const html = (body: string) => (): Response =>
    new Response(body, {
      headers: {
        "Content-Type": "text/html; charset=utf-8",
        "Cache-Control": "no-cache",
        "Content-Security-Policy":
          "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      },
    });
  site.get("/privacy.html", html(options.pages.privacy));
  site.get("/terms.html", html(options.pages.terms));

  for (const file of ADDIN_FILES) {
    site.get(`/addin/${file}`, cacheFor(file), serveStatic({ path: `${dist}/addin/${file}` }));
  }
  site.all("/addin/*", notFound);
  for (const file of ICON_FILES) {
    site.get(`/assets/${file}`, cacheFor(file), serveStatic({ path: `${dist}/assets/${file}` }));
  }
  site.all("/assets/*", notFound);
  site.all("*", (c) => options.teamsApp.fetch(c.req.raw));
  return site;
}

/** Icons change rarely; pages and scripts are revalidated so an update reaches Outlook and Teams at once. */
function cacheFor(file: string): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.res.status === 200) c.header("Cache-Control", file.endsWith(".png") ? "public, max-age=86400" : "no-cache");
  };
}

/**
 * Behind a TLS-terminating proxy the app sees http: the forwarded scheme says what the browser used.
 * Only a proxy that says "http" is redirected; a request without the header (a probe on the private
 * port) is answered, so a proxy that never sends it cannot cause a redirect loop.
 */
const httpsOnly: MiddlewareHandler = async (c, next) => {
  const url = new URL(c.req.url);
  const forwarded = c.req.header("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  if (forwarded === "http" && url.pathname !== "/healthz" && url.pathname !== "/readyz") {
    url.protocol = "https:";
    url.port = "";
    return c.redirect(url.toString(), 308);
  }
  await next();
};

function requestLog(options: ServiceSiteOptions): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    const requestId = c.req.header("x-arr-log-id") ?? c.req.header("x-request-id") ?? randomUUID();
    options.inFlight.count += 1;
    try {
      await next();
    } catch (error) {
      options.log("error", "request failed", { requestId, error: describeError(error) });
      throw error;
    } finally {
      options.inFlight.count -= 1;
    }
    const path = new URL(c.req.url).pathname;
    // Probes every few seconds would drown the log: only failures are written for them.
    if ((path === "/healthz" || path === "/readyz") && c.res.status < 400) return;
    options.log(c.res.status >= 500 ? "error" : "info", "request", {
      requestId,
      method: c.req.method,
      path: path.length > 200 ? `${path.slice(0, 200)}…` : path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  };
}

/**
 * The request as the browser sent it, when a trusted proxy says so: scheme from X-Forwarded-Proto (or
 * App Service's X-ARR-SSL), host from X-Forwarded-Host. Without trust the headers are ignored.
 */
export function forwardedRequest(request: Request, trustProxy: boolean): Request {
  if (!trustProxy) return request;
  const url = new URL(request.url);
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  const scheme = proto === "https" || proto === "http" ? proto : request.headers.has("x-arr-ssl") ? "https" : undefined;
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  if (!scheme && !host) return request;
  if (scheme) url.protocol = `${scheme}:`;
  if (host && /^[a-z0-9.-]+(?::\d{1,5})?$/i.test(host)) url.host = host;
  else if (scheme) url.port = "";
  const init: RequestInit & { duplex?: "half" } = {
    method: request.method,
    headers: request.headers,
    ...(request.body ? { body: request.body, duplex: "half" } : {}),
    signal: request.signal,
  };
  return new Request(url, init);
}
