import { readFileSync } from "node:fs";

/** The tool's version (package.json): a checkpoint and a report say which version wrote them. */
export const TOOL_VERSION: string = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;
