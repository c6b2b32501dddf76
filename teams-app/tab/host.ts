import { app } from "@microsoft/teams-js";

export type ThemeName = "light" | "dark" | "contrast";

export interface HostInfo {
  /** True when running inside Teams, Outlook or the Microsoft 365 app. */
  readonly inHost: boolean;
  readonly context?: app.Context;
}

/** Teams reports "default", "dark" or "contrast"; anything else falls back to light. */
export function themeFromHost(theme: string | undefined): ThemeName {
  return theme === "dark" ? "dark" : theme === "contrast" ? "contrast" : "light";
}

/**
 * app.initialize() never settles outside a Microsoft 365 host, so it is raced against a timeout:
 * the tab then knows it is standalone (development) instead of hanging on a spinner.
 */
export async function initializeHost(timeoutMs = 3000): Promise<HostInfo> {
  const inIframe = window.parent !== window || Boolean(window.opener);
  if (!inIframe) return { inHost: false };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
  try {
    const result = await Promise.race([app.initialize().then(() => "ready" as const), timeout]);
    if (result === "timeout") return { inHost: false };
    const context = await app.getContext();
    return { inHost: true, context };
  } catch {
    return { inHost: false };
  } finally {
    clearTimeout(timer);
  }
}

/** Follows theme changes: from the host when inside one, else from the browser's colour scheme. */
export function watchTheme(host: HostInfo, onTheme: (theme: ThemeName) => void): () => void {
  if (host.inHost) {
    onTheme(themeFromHost(host.context?.app.theme));
    app.registerOnThemeChangeHandler((theme) => onTheme(themeFromHost(theme)));
    return () => undefined;
  }
  const dark = window.matchMedia("(prefers-color-scheme: dark)");
  const contrast = window.matchMedia("(forced-colors: active)");
  const update = () => onTheme(contrast.matches ? "contrast" : dark.matches ? "dark" : "light");
  update();
  dark.addEventListener("change", update);
  contrast.addEventListener("change", update);
  return () => {
    dark.removeEventListener("change", update);
    contrast.removeEventListener("change", update);
  };
}
