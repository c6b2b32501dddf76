import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  Title2,
  makeStyles,
  tokens,
  Body1,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import { AdminView } from "./AdminView.js";
import { createApi, type Api } from "./api.js";
import { devPersonas, devTokenSource, hostTokenSource, type DevPersona, type ServerConfig } from "./auth.js";
import { initializeHost, watchTheme, type HostInfo, type ThemeName } from "./host.js";
import { StaffView } from "./StaffView.js";

const themes = { light: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme } as const;

const useStyles = makeStyles({
  shell: {
    minHeight: "100vh",
    boxSizing: "border-box",
    padding: tokens.spacingHorizontalXL,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  stack: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    maxWidth: "960px",
    margin: "0 auto",
  },
  personas: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
});

type Phase =
  | { kind: "starting" }
  | { kind: "choose-persona"; personas: DevPersona[] }
  | { kind: "ready"; api: Api; user: { displayName: string; isAdmin: boolean } }
  | { kind: "error"; message: string };

export function App() {
  const styles = useStyles();
  const [theme, setTheme] = useState<ThemeName>("light");
  const [host, setHost] = useState<HostInfo | undefined>();
  const [config, setConfig] = useState<ServerConfig | undefined>();
  const [phase, setPhase] = useState<Phase>({ kind: "starting" });
  const [devSignedIn, setDevSignedIn] = useState(false);
  const [view, setView] = useState<"mine" | "admin">("mine");

  useEffect(() => {
    let stop: (() => void) | undefined;
    void (async () => {
      const info = await initializeHost();
      setHost(info);
      stop = watchTheme(info, setTheme);
      try {
        const serverConfig = (await (await fetch("/api/config")).json()) as ServerConfig;
        setConfig(serverConfig);
        if (info.inHost) {
          const api = createApi(await hostTokenSource(info, serverConfig));
          const me = await api.policies();
          setPhase({ kind: "ready", api, user: me.user });
        } else if (serverConfig.devSignIn) {
          setPhase({ kind: "choose-persona", personas: await devPersonas() });
        } else {
          setPhase({
            kind: "error",
            message: "Open this app from Microsoft Teams, Outlook or the Microsoft 365 app to sign in.",
          });
        }
      } catch (error) {
        setPhase({ kind: "error", message: (error as Error).message });
      }
    })();
    return () => stop?.();
  }, []);

  async function signInAs(persona: DevPersona) {
    try {
      const api = createApi(devTokenSource(persona.id));
      const me = await api.policies();
      setDevSignedIn(true);
      setPhase({ kind: "ready", api, user: me.user });
    } catch (error) {
      setPhase({ kind: "error", message: (error as Error).message });
    }
  }

  const content = useMemo(() => {
    switch (phase.kind) {
      case "starting":
        return <Spinner label="Connecting…" />;
      case "error":
        return (
          <MessageBar layout="multiline" intent="error">
            <MessageBarBody>
              <MessageBarTitle>Cannot sign in</MessageBarTitle>
              {phase.message}
            </MessageBarBody>
          </MessageBar>
        );
      case "choose-persona":
        return (
          <section aria-labelledby="persona-heading">
            <h2 id="persona-heading">Sign in as a demo person</h2>
            <Body1 as="p">These synthetic people exist only on this development server.</Body1>
            <div className={styles.personas}>
              {phase.personas.map((persona) => (
                <Button key={persona.id} onClick={() => void signInAs(persona)}>
                  {persona.displayName} ({persona.audienceLabel})
                </Button>
              ))}
            </div>
          </section>
        );
      case "ready":
        return (
          <>
            {phase.user.isAdmin && (
              <TabList
                selectedValue={view}
                onTabSelect={(_event, data) => setView(data.value as "mine" | "admin")}
                aria-label="Views"
              >
                <Tab value="mine">My policies</Tab>
                <Tab value="admin">Administration</Tab>
              </TabList>
            )}
            {view === "admin" && phase.user.isAdmin ? (
              <AdminView api={phase.api} />
            ) : (
              <StaffView api={phase.api} userName={phase.user.displayName} />
            )}
          </>
        );
    }
  }, [phase, view, styles.personas]);

  return (
    <FluentProvider theme={themes[theme]} data-theme={theme}>
      <div className={styles.shell}>
        <main className={styles.stack}>
          {config?.devSignIn && !host?.inHost && (
            <MessageBar layout="multiline" intent="warning" role="status" data-testid="dev-banner">
              <MessageBarBody>
                <MessageBarTitle>Development sign-in</MessageBarTitle>
                {devSignedIn ? "Signed in as a synthetic demo person. " : ""}This server accepts development tokens:
                never use it with real people or in production.
              </MessageBarBody>
            </MessageBar>
          )}
          <header>
            <Title2 as="h1">{config?.schoolName ?? "School"}: policy acknowledgements</Title2>
          </header>
          {content}
        </main>
      </div>
    </FluentProvider>
  );
}
