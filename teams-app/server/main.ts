import { serve } from "@hono/node-server";
import { createApp } from "./app.js";
import { ConfigError, readConfig } from "./config.js";
import { createServices } from "./services.js";
import { missingTabProblem } from "./tab-files.js";

/** Starts the acknowledgement API and serves the built tab (dist/teams-app). */
let config: ReturnType<typeof readConfig>;
try {
  config = readConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  // The check stays strict; a newcomer trying it out is told the development switches instead.
  console.error(
    `School Policy Guard Teams API refused to start.\n${error.message}\n` +
      "For a local trial on this machine: npm run build:teams, then NODE_ENV=development DEV_SIGN_IN=1 npm run serve:teams (see teams-app/README.md).",
  );
  process.exit(1);
}
// Checked before the store opens, so a first try without a build leaves no database behind.
const missingTab = missingTabProblem(config.staticDir);
if (missingTab) {
  console.error(missingTab);
  process.exit(1);
}
const services = createServices(config);
const app = createApp(config, services);
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`School Policy Guard Teams API listening on http://${config.host}:${info.port}`);
  if (config.devSignIn)
    console.warn("DEVELOPMENT SIGN-IN IS ON: anyone can sign in as a demo persona. Never use this in production.");
});

function shutdown(): void {
  server.close();
  void services.store.close().finally(() => process.exit(0));
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
