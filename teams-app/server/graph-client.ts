import {
  Client,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
  type AuthenticationProvider,
  type Context,
  type Middleware,
} from "@microsoft/microsoft-graph-client";

/**
 * Builds a Graph client whose base URL and token source are injected: production passes
 * https://graph.microsoft.com and an app-only credential; tests pass a loopback stand-in.
 * The SDK's own auth handler only attaches tokens to https Graph hosts, so the token is added
 * here for exactly the configured base URL (and nowhere else: nextLinks elsewhere get none).
 */
export function createGraphClient(options: { baseUrl: string; authProvider: AuthenticationProvider }): Client {
  const base = options.baseUrl.endsWith("/") ? options.baseUrl.slice(0, -1) : options.baseUrl;
  const auth = new BaseUrlAuthenticationHandler(base, options.authProvider);
  const retry = new RetryHandler(new RetryHandlerOptions(1, 3));
  const http = new HTTPMessageHandler();
  auth.setNext(retry);
  retry.setNext(http);
  return Client.initWithMiddleware({ baseUrl: base, middleware: auth, defaultVersion: "v1.0" });
}

class BaseUrlAuthenticationHandler implements Middleware {
  private next: Middleware | undefined;
  constructor(
    private readonly base: string,
    private readonly provider: AuthenticationProvider,
  ) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === "string" ? context.request : context.request.url;
    if (url.startsWith(`${this.base}/`)) {
      const token = await this.provider.getAccessToken();
      const options = (context.options ??= {});
      const headers = new Headers(options.headers as HeadersInit | undefined);
      headers.set("Authorization", `Bearer ${token}`);
      options.headers = Object.fromEntries(headers.entries());
    }
    await this.next?.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** Follows @odata.nextLink until the collection is exhausted. */
export async function pageAll<T>(client: Client, path: string, headers: Record<string, string> = {}): Promise<T[]> {
  const items: T[] = [];
  let next: string | undefined = path;
  while (next) {
    const page = (await client.api(next).headers(headers).get()) as { value: T[]; "@odata.nextLink"?: string };
    items.push(...page.value);
    const link = page["@odata.nextLink"];
    // nextLink is absolute; hand the SDK the path so it stays on the configured host and version.
    next = link ? relativeToVersion(link) : undefined;
  }
  return items;
}

function relativeToVersion(link: string): string {
  const url = new URL(link);
  return url.pathname.replace(/^\/(?:v1\.0|beta)(?=\/)/, "") + url.search;
}
