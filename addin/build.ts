import { build, type Plugin } from "esbuild";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parse as parseScript } from "acorn";
import { minify as terserMinify } from "terser";
import { loadPolicy } from "../policy/pack/load.js";
import { CLAUSE_KEYS, type ClauseKey } from "../policy/rules/define.js";
import { rules } from "../policy/rules/registry.js";
import { disclaimerOpening } from "../policy/rules/disclaimer/missing-disclaimer.js";
import type { PolicyPack } from "../policy/pack/schema.js";

/**
 * Builds the Outlook add-in into `outDir`:
 * - launchevent.js: the launch-event handlers, one ES2016 IIFE (classic Outlook's JavaScript-only runtime);
 * - commands.html: the page that hosts launchevent.js in the HTML runtimes (web, new Outlook, Mac);
 * - taskpane.html + taskpane.js: the React / Fluent UI task pane;
 * - harness.html + harness.js + harness-pane.html: the compose harness with a stand-in Office object.
 * `policy` (a preset id or a pack path) is validated now and embedded: a bad pack fails the build.
 */
export interface BuildAddinOptions {
  readonly outDir: string;
  readonly policy: string;
  /** Minify (default true). */
  readonly minify?: boolean;
}

export interface BuildAddinResult {
  readonly outDir: string;
  readonly files: readonly string[];
  readonly schoolId: string;
}

const here = dirname(fileURLToPath(import.meta.url));
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/**
 * Rule texts nothing at send time reads, left out of launchevent.js (spent on detection instead):
 * `meta.docs` (for the docs and the task pane's "about" text) and the quote of `meta.fallbackCitation`
 * (the Smart Alert names a clause's document and section; quoting the sentence is the task pane's work,
 * and its bundle keeps every text). Each rule writes its docs as one `docs: "…",` line and its fallback as
 * `defaultCitation("section", "quote")`; the plugin fails the build otherwise.
 */
const RULE_DOCS_LINE = /^[ \t]*docs: "(?:[^"\\]|\\.)*",$/m;
const RULE_FALLBACK = /fallbackCitation: defaultCitation\(\s*("(?:[^"\\]|\\.)*"),\s*"(?:[^"\\]|\\.)*",?\s*\)/;

/**
 * A message the rule only ever reports at info (a tip for the task pane), marked in its source by a
 * `// Info only …` comment line right above its `key:` and string. Info findings never prompt at send, so
 * launchevent.js carries the message empty, unless the school's pack sets the rule's severity, which wins
 * over a report's own (analyzeDraft) and could bring the message to a Smart Alert.
 */
export const INFO_ONLY_MESSAGE = /(\/\/ Info only[^\n]*\n\s*\w+:\s*)"(?:[^"\\]|\\.)*"/g;

function ruleTextsLeftOut(pack: PolicyPack): Plugin {
  return {
    name: "rule-texts-left-out",
    setup(builder) {
      builder.onLoad({ filter: /[\\/]policy[\\/]rules[\\/].*\.ts$/ }, async (args) => {
        let source = await readFile(args.path, "utf8");
        if (!/\bdocs:/.test(source)) return undefined;
        if (!RULE_DOCS_LINE.test(source)) throw new Error(`${args.path}: write meta.docs as one \`docs: "…",\` line`);
        if (!RULE_FALLBACK.test(source))
          throw new Error(`${args.path}: write the fallback as defaultCitation("…", "…")`);
        source = source.replace(RULE_DOCS_LINE, "").replace(RULE_FALLBACK, 'fallbackCitation: defaultCitation($1, "")');
        const id = /\bid: "([a-z-]+)"/.exec(source)?.[1];
        if (id === undefined) throw new Error(`${args.path}: no meta.id`);
        if (pack.rules[id] === undefined) source = source.replace(INFO_ONLY_MESSAGE, '$1""');
        return { contents: source, loader: "ts" };
      });
    },
  };
}

/**
 * Rules that can only ever report info for this pack, left out of launchevent.js: info findings are the
 * task pane's tips and never stop or prompt a send (`decideSend`), so at send time they are dead weight
 * (about 200 bytes gzipped for the internal personal-data tip and the recipient count). A rule is left out
 * when the pack turns it off or sets it to info (the pack's severity wins over a report's), or when its
 * default is info and its module never raises a report's own `severity:` (unchecked-recipients does, so
 * it stays). Returns the rules' ids.
 */
export async function infoOnlyRules(pack: PolicyPack): Promise<string[]> {
  const registry = await readFile(RULE_REGISTRY, "utf8");
  const out: string[] = [];
  for (const [index, rule] of rules.entries()) {
    const configured = pack.rules[rule.meta.id];
    if (configured === "off" || configured === "info") out.push(rule.meta.id);
    else if (
      configured === undefined &&
      rule.meta.defaultSeverity !== "nudge" &&
      rule.meta.defaultSeverity !== "block"
    ) {
      const source = await readFile(join(dirname(RULE_REGISTRY), registryImports(registry)[index]?.path ?? ""), "utf8");
      if (!/\bseverity:/.test(source)) out.push(rule.meta.id);
    }
  }
  return out;
}

/**
 * The ids of the rules the school's pack turns off by its own settings (`RuleModule.appliesTo`: no greeting
 * asked for, no Cc required, no disclaimer): the engine never runs them for this pack, so its send bundle
 * leaves them out (LT2's bundle carries neither the greeting nor the closing nor the Cc rule).
 */
export function rulesOffForPack(pack: PolicyPack): string[] {
  return rules.filter((rule) => rule.appliesTo?.(pack) === false).map((rule) => rule.meta.id);
}

const RULE_REGISTRY = join(dirname(fileURLToPath(import.meta.url)), "../policy/rules/registry.ts");

/** The registry's rule imports in the order of its `rules` array: `import name from "./path.js";`. */
function registryImports(source: string): { name: string; path: string }[] {
  const paths = new Map<string, string>();
  for (const match of source.matchAll(/^import (\w+) from "(\.[^"]+)\.js";$/gm))
    paths.set(match[1] ?? "", `${match[2] ?? ""}.ts`);
  const list = /export const rules[^=]*= \[([^\]]*)\]/.exec(source)?.[1] ?? "";
  return list
    .split(",")
    .map((entry) => entry.trim())
    .filter((name) => name !== "")
    .map((name) => {
      const path = paths.get(name);
      if (path === undefined) throw new Error(`policy/rules/registry.ts: no import for ${name}`);
      return { name, path };
    });
}

/** launchevent.js's rule registry without the rules `leftOut` names (`infoOnlyRules`). */
function registryWithout(leftOut: readonly string[]): Plugin {
  return {
    name: "info-only-rules-left-out",
    setup(builder) {
      builder.onLoad({ filter: /[\\/]policy[\\/]rules[\\/]registry\.ts$/ }, async (args) => {
        const source = await readFile(args.path, "utf8");
        const imports = registryImports(source);
        if (imports.length !== rules.length) throw new Error(`${args.path}: expected one import per rule`);
        const dropped = new Set(
          imports
            .filter((_entry, index) => leftOut.indexOf(rules[index]?.meta.id ?? "") !== -1)
            .map((entry) => entry.name),
        );
        const contents = source
          .replace(/^import (\w+) from .*\n/gm, (line: string, name: string) => (dropped.has(name) ? "" : line))
          .replace(/^ {2}(\w+),\n/gm, (line: string, name: string) => (dropped.has(name) ? "" : line));
        return { contents, loader: "ts" };
      });
    },
  };
}

/** A trained model's provenance (`trainedOn`, for the docs and the invariants test), as the trainer writes it. */
const MODEL_TRAINED_ON = /trainedOn:\s*"(?:[^"\\]|\\.)*",/;

/**
 * The engine's HTML reader, left out of launchevent.js: the send handler reads the body as text
 * (`readDraft`; Outlook converts an HTML body itself, as `body.getAsync` with `CoercionType.Text` is
 * documented to), so it is never reached at send time. Reached anyway, it throws, and the handler lets
 * the mail go and says why (principle 2). The task pane and the CLI keep it.
 */
const htmlReaderLeftOut: Plugin = {
  name: "html-reader-left-out",
  setup(builder) {
    builder.onLoad({ filter: /[\\/]policy[\\/]engine[\\/]html-to-text\.ts$/ }, () => ({
      contents: `export function htmlToStructuredText(): never { throw new Error("no HTML reader at send"); }`,
      loader: "ts",
    }));
  },
};

/** The models' provenance, nothing at send time reads it either: left empty in launchevent.js. */
const modelProvenanceLeftOut: Plugin = {
  name: "model-provenance-left-out",
  setup(builder) {
    builder.onLoad({ filter: /[\\/]policy[\\/]data[\\/]models[\\/].*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      if (!MODEL_TRAINED_ON.test(source)) throw new Error(`${args.path}: expected the trainer's trainedOn: "…",`);
      return { contents: source.replace(MODEL_TRAINED_ON, 'trainedOn: "",'), loader: "ts" };
    });
  },
};

/**
 * Pack sections left out of launchevent.js: the Teams tab's acknowledgement texts and the Graph sweep's
 * absence settings (about 0.7 kB gzipped); the pack file's own bookkeeping (`$schema`, `schemaVersion`:
 * the pack was validated at build) and the policy document's title, which only the service's pages show;
 * and every `sources` object. The task pane and the harness keep the whole pack.
 */
export const SEND_TIME_OMITTED = ["acknowledgements", "absence", "$schema", "schemaVersion", "policyDocument"] as const;

/** Fields of `school` left out of launchevent.js: whom to ask about the policy, for the Teams tab and pages. */
export const SEND_TIME_OMITTED_SCHOOL = ["policyOwner"] as const;

/**
 * A copy of `value` without its `sources` objects at any depth: where each setting came from in the
 * school's policy, read by the docs and the task pane, never at send time (the clauses the findings cite
 * are kept).
 */
function withoutSources(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSources);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== "sources")
      .map(([key, inner]) => [key, withoutSources(inner)]),
  );
}

/**
 * The pack as launchevent.js embeds it, given the ids of the rules left out of it (`leftOut`): what no
 * add-in code reads at send is gone (SEND_TIME_OMITTED, every `sources`), its 60 kB budget being better
 * spent on detection (build.test.ts checks that nothing the bundle holds reads them). Returns a plain
 * object for JSON, not a validated `PolicyPack`: clauses have no quote and some are absent.
 */
export function sendTimePackFor(pack: PolicyPack, leftOut: ReadonlySet<string>): unknown {
  return withoutSources({
    ...Object.fromEntries(
      Object.entries(pack).filter(([key]) => !(SEND_TIME_OMITTED as readonly string[]).includes(key)),
    ),
    school: Object.fromEntries(
      Object.entries(pack.school).filter(([key]) => !(SEND_TIME_OMITTED_SCHOOL as readonly string[]).includes(key)),
    ),
    // The disclaimer as far as the send-time check reads it: the rest is the task pane's fix to append.
    etiquette: {
      ...pack.etiquette,
      disclaimer: { ...pack.etiquette.disclaimer, text: disclaimerOpening(pack.etiquette.disclaimer.text) },
    },
    // Only the clauses a rule in launchevent.js may cite (`citedAtSend`): not the sweep's, nor those of
    // the tips left out. Those kept keep only their section, which the Smart Alert names
    // (`clauseInBrief`: the innermost heading); the document and the quote are the task pane's to show
    // (a finding's policyRef then reads "undefined — <section>" and policyRef.quote is undefined: nothing
    // at send reads either), and our note on how a clause was read is the docs'.
    clauses: Object.fromEntries(
      Object.entries(pack.clauses)
        .filter(([key]) => citedAtSend(key, leftOut))
        .map(([key, clause]) => [key, { section: clause.section }]),
    ),
  });
}

/**
 * May a rule in launchevent.js cite the pack's clause `key`? True when a rule `CLAUSE_KEYS` lists as citing
 * it is not in `leftOut` (rule ids), and for a key define.ts does not know (kept, to be safe). The sweep's
 * clauses (no rule) and a tip's (its rule left out, as St John Payne's greeting and closing are) are not:
 * about 20 bytes gzipped each.
 */
export function citedAtSend(key: string, leftOut: ReadonlySet<string>): boolean {
  const rules: readonly string[] | undefined = CLAUSE_KEYS[key as ClauseKey]?.rules;
  return rules === undefined || rules.some((rule) => !leftOut.has(rule));
}

function packPlugin(packJson: string): Plugin {
  return {
    name: "school-pack",
    setup(builder) {
      builder.onResolve({ filter: /^virtual:school-pack$/ }, (args) => ({ path: args.path, namespace: "school-pack" }));
      builder.onLoad({ filter: /.*/, namespace: "school-pack" }, () => ({ contents: packJson, loader: "json" }));
    },
  };
}

/**
 * policy/pack/* holds declarations (the zod schema, parse, citations). The bundles embed the pack
 * validated at build time, so at run time that schema — and zod with it — is dead code; the modules
 * are marked free of side effects so esbuild drops what is unused (zod alone is ~90 kB gzipped, more
 * than the 60 kB budget for launchevent.js).
 */
const packModulesArePure: Plugin = {
  name: "pack-modules-are-pure",
  setup(builder) {
    builder.onResolve({ filter: /\.js$/ }, async (args) => {
      if (args.pluginData === "pack-modules-are-pure") return undefined;
      const inPack = args.path.includes("/pack/") || args.resolveDir.replace(/\\/g, "/").endsWith("/policy/pack");
      if (!inPack) return undefined;
      const resolved = await builder.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: "pack-modules-are-pure",
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return { path: resolved.path, sideEffects: false };
    });
  },
};

export async function buildAddin(options: BuildAddinOptions): Promise<BuildAddinResult> {
  const outDir = resolve(options.outDir);
  const pack = loadPolicy(options.policy);
  const packJson = JSON.stringify(pack);
  // Rules that never stop or prompt a send for this pack, or never run for it: not in launchevent.js.
  const leftOutAtSend = new Set([...(await infoOnlyRules(pack)), ...rulesOffForPack(pack)]);
  const sendTimePack = sendTimePackFor(pack, leftOutAtSend);
  const minify = options.minify ?? true;
  await mkdir(outDir, { recursive: true });
  const common = {
    bundle: true,
    minify,
    legalComments: "none" as const,
    logLevel: "silent" as const,
    plugins: [packPlugin(packJson), packModulesArePure],
    // SPG_NO_DISCLAIMER and SPG_SEND_TIME: see the launch-event build below; the task pane and the harness
    // read the disclaimer and list the entities found.
    define: {
      "process.env.NODE_ENV": '"production"',
      "process.env.SPG_NO_DISCLAIMER": '""',
      "process.env.SPG_SEND_TIME": '""',
    },
  };

  const launchEvent = await build({
    ...common,
    plugins: [
      packPlugin(JSON.stringify(sendTimePack)),
      packModulesArePure,
      ruleTextsLeftOut(pack),
      modelProvenanceLeftOut,
      htmlReaderLeftOut,
      registryWithout([...leftOutAtSend]),
    ],
    // A school that asks for no disclaimer: buildMessage's reading of it is left out (dead code).
    define: {
      ...common.define,
      "process.env.SPG_NO_DISCLAIMER": pack.etiquette.disclaimer.required ? '""' : '"1"',
      // The handlers keep findings, not the entity list (`compact` in launchevent/handlers.ts).
      "process.env.SPG_SEND_TIME": '"1"',
    },
    entryPoints: [join(here, "launchevent/entry.ts")],
    outfile: join(outDir, "launchevent.js"),
    format: "iife",
    platform: "neutral",
    target: "es2016",
    // Class fields set by assignment in the constructor (TypeScript's older semantics), not defined through
    // esbuild's __publicField and __defNormalProp helpers: 73 bytes gzipped. The same objects here: the
    // send path's classes (PhraseSet and four Error subclasses) have no setters, and Error.prototype.name is
    // a writable data property, so assigning `name` makes the own property defining would. tsconfig.json's
    // other settings esbuild reads (target, jsx) mean nothing to this bundle.
    tsconfigRaw: { compilerOptions: { useDefineForClassFields: false } },
    mainFields: ["module", "main"],
    // The minified bundle spreads with Object.assign (`spreadWithObjectAssign`) and needs no polyfill.
    ...(minify ? {} : { banner: { js: SEND_TIME_POLYFILL } }),
    write: false,
    metafile: true,
  });
  // SPG_ANALYZE=1: what each module adds to launchevent.js before terser and gzip (where the 60 kB go).
  if (process.env.SPG_ANALYZE)
    console.log(await (await import("esbuild")).analyzeMetafile(launchEvent.metafile, { verbose: false }));
  const launchEventCode = launchEvent.outputFiles[0]?.text;
  if (launchEventCode === undefined) throw new Error("esbuild wrote no launchevent.js");
  await writeFile(
    join(outDir, "launchevent.js"),
    minify ? await compressForSendTime(launchEventCode) : launchEventCode,
  );
  await build({
    ...common,
    entryPoints: [join(here, "taskpane/main.tsx")],
    outfile: join(outDir, "taskpane.js"),
    format: "iife",
    platform: "browser",
    target: "es2020",
    jsx: "automatic",
  });
  await build({
    ...common,
    entryPoints: [join(here, "harness/main.ts")],
    outfile: join(outDir, "harness.js"),
    format: "iife",
    platform: "browser",
    target: "es2020",
  });

  const pages: Record<string, string> = {
    "taskpane.html": page("School Policy Guard", `<script src="${OFFICE_JS_CDN}"></script>`, "taskpane.js"),
    "commands.html": page("School Policy Guard commands", `<script src="${OFFICE_JS_CDN}"></script>`, "launchevent.js"),
    // The harness hosts the same taskpane.js with Office from the parent page instead of the CDN.
    "harness-pane.html": page(
      "School Policy Guard (harness)",
      "<script>window.Office = window.parent.Office;</script>",
      "taskpane.js",
    ),
    "harness.html": page("Compose harness — School Policy Guard", "", "harness.js", harnessStyles),
  };
  for (const [name, html] of Object.entries(pages)) await writeFile(join(outDir, name), html);
  return {
    outDir,
    files: ["launchevent.js", "taskpane.js", "harness.js", ...Object.keys(pages)],
    schoolId: pack.school.id,
  };
}

/**
 * Classic Outlook on Windows before build 2403 runs launch events in an ES2016-era runtime. esbuild lowers
 * syntax, not library calls, and its helper for an object spread followed by properties (`{ ...a, b }`)
 * reads `Object.getOwnPropertyDescriptors` (ES2017) when the bundle starts: in the unminified bundle it is
 * supplied before the bundle, where missing (the minified one spreads with Object.assign instead:
 * `spreadWithObjectAssign`). The core calls no other post-ES2016 built-in (build.test.ts checks the
 * bundle's text and runs it with them deleted).
 */
const SEND_TIME_POLYFILL =
  "Object.getOwnPropertyDescriptors||(Object.getOwnPropertyDescriptors=function(o){var d={};" +
  "Reflect.ownKeys(o).forEach(function(k){d[k]=Object.getOwnPropertyDescriptor(o,k)});return d});";

/**
 * launchevent.js after esbuild's minifier, its word lists joined (`joinStringLists`), compressed again by
 * terser (five compress passes, where it stops finding more, 82 bytes gzipped under three; ES2016 output,
 * names mangled inside the IIFE): about 1.7 kB gzipped less than esbuild alone, and the lists some 1,300
 * bytes more, which buys detection inside the 60 kB budget.
 * Joined before terser, not after: 220 bytes fewer. The safe transforms, and of the unsafe ones only
 * `unsafe_arrows` (no `pure_getters`). Rejects if terser cannot parse its input.
 */
async function compressForSendTime(code: string): Promise<string> {
  const result = await terserMinify(joinStringLists(spreadWithObjectAssign(code)), {
    ecma: 2016,
    // hoist_funs (off by default, not one of the unsafe transforms: a function declaration is hoisted in
    // its scope by the language itself) puts the declarations together, which gzip compresses better:
    // 776 bytes of LT2's bundle.
    // unsafe_arrows turns the anonymous function expressions that use no `this` into arrows (38 bytes of
    // LT2's bundle). Unsafe only for code that calls one with `new` or reads its `prototype`; none here
    // does (every constructor in the bundle is a class or a built-in); addin/build.test.ts runs the bundle.
    compress: { ecma: 2016, passes: 5, hoist_funs: true, unsafe_arrows: true },
    mangle: { toplevel: true },
    toplevel: true,
    format: { ecma: 2016, comments: false },
  });
  if (result.code === undefined) throw new Error("terser returned no code for launchevent.js");
  return withoutUnreadBuiltInReads(result.code);
}

/**
 * A statement of nothing but reads of Object's own methods (`Object.defineProperty,Object.prototype.hasOwnProperty;`):
 * what terser leaves of esbuild's helper bindings once nothing calls them (the spread helpers are Object.assign,
 * no class field is defined, no object rest is taken), since it cannot prove a property read free of effects.
 * Reading a built-in's method has none, so the statement goes: 40-odd bytes gzipped. Only after `;` or `}`,
 * where a statement starts (the one other place, a `for` header's test, would no longer parse, and the
 * build's tests parse the bundle).
 */
export function withoutUnreadBuiltInReads(code: string): string {
  return code.replace(/(?<=[;}])(?:Object(?:\.prototype)?\.[A-Za-z]+,)*Object(?:\.prototype)?\.[A-Za-z]+;/g, "");
}

/**
 * esbuild's two object-spread helpers as its minifier writes them (names vary): `__spreadValues(a, b)`
 * defines each own enumerable key and symbol of `b` on `a`; `__spreadProps(a, b)` defines `b`'s own
 * property descriptors on `a` (through Object.getOwnPropertyDescriptors, ES2017). Groups 1 and 5 are
 * their names.
 */
const SPREAD_HELPERS =
  /(?<![\w$])([\w$]+)=\(([\w$]+),([\w$]+)\)=>\{for\(var ([\w$]+) in \3\|\|\(\3=\{\}\)\)[^{}]*return \2\},([\w$]+)=\(([\w$]+),([\w$]+)\)=>[\w$]+\(\6,[\w$]+\(\7\)\)/;

/**
 * The minified launchevent.js with both spread helpers (`SPREAD_HELPERS`) made Object.assign. Every spread
 * in the send path copies plain data (object literals, parsed JSON, Office.js values) into an object the
 * spread itself creates, where assigning and defining give the same object; the helpers and the ES2017
 * polyfill they need cost 107 bytes gzipped of St John Payne's send budget (terser keeps the now unused
 * reads of the five Object methods the helpers called: without `pure_getters` a read may have effects).
 * Errors: throws if esbuild's output no longer holds the helpers as written, so that a new esbuild fails
 * the build instead of shipping a bundle that calls a missing built-in (build.test.ts runs the bundle
 * without Object.getOwnPropertyDescriptors).
 */
export function spreadWithObjectAssign(code: string): string {
  const helpers = SPREAD_HELPERS.exec(code);
  if (helpers === null) {
    if (code.indexOf("getOwnPropertyDescriptors") === -1) return code;
    throw new Error("launchevent.js: esbuild's object-spread helpers are not as spreadWithObjectAssign expects");
  }
  return code.replace(SPREAD_HELPERS, "$1=Object.assign,$5=Object.assign");
}

/** Lists shorter than this stay literal arrays: the `.split("|")` costs more than it saves (3 saves most for LT2's bundle). */
const SHORTEST_JOINED_LIST = 3;

/**
 * The decoder `joinStringLists` puts ahead of the code: splits a joined list on "|" and writes each word
 * that starts with "~" as the last word written in full plus the rest ("idiot|~s|~ic" → idiot, idiots,
 * idiotic). The inflections of the lexicons' words sit next to each other, and gzip stores "~s" in fewer
 * bits than a back-reference to "idiots": some 200 bytes of LT2's bundle.
 */
const SPLIT_WORDS = "__splitWords";
const SPLIT_WORDS_DECODER = `var ${SPLIT_WORDS}=s=>{let b;return s.split("|").map(w=>w[0]=="~"?b+w.slice(1):b=w)};`;

/** `words` as `SPLIT_WORDS_DECODER` reads them: a word extending the last full word by a suffix as "~suffix". */
function encodeWords(words: readonly string[]): string {
  let base = "";
  return words
    .map((word) => {
      if (base !== "" && word.length > base.length && word.startsWith(base)) return `~${word.slice(base.length)}`;
      base = word;
      return word;
    })
    .join("|");
}

/**
 * Rewrites each array literal of at least SHORTEST_JOINED_LIST string literals (the word lists) as one
 * string the decoder splits: `["idiot","idiots","moron",…]` → `__splitWords("idiot|~s|moron|…")`, with
 * the decoder (`SPLIT_WORDS_DECODER`) ahead of the code. Same array, same order; gzip saves some 1,300
 * bytes on the 4,000-odd words of the send bundle, which the budget spends on detection. A list holding
 * "|" in a word, or a word starting with "~", is left as it is. Errors: throws if acorn cannot parse the
 * code as ES2016 (esbuild's output for the es2016 target is).
 */
export function joinStringLists(code: string): string {
  const lists: { start: number; end: number; words: string[] }[] = [];
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    const candidate = node as { type?: unknown; start: number; end: number; elements?: unknown[] };
    if (candidate.type === "ArrayExpression" && candidate.elements !== undefined) {
      const words = candidate.elements.map((element) => {
        const literal = element as { type?: string; value?: unknown } | null;
        return literal?.type === "Literal" && typeof literal.value === "string" ? literal.value : undefined;
      });
      if (
        words.length >= SHORTEST_JOINED_LIST &&
        words.every((word): word is string => word !== undefined && word.indexOf("|") === -1 && word[0] !== "~")
      ) {
        lists.push({ start: candidate.start, end: candidate.end, words });
        return;
      }
    }
    for (const value of Object.values(node)) visit(value);
  };
  visit(parseScript(code, { ecmaVersion: 2016 }));
  if (lists.length === 0) return code;
  let out = SPLIT_WORDS_DECODER;
  let at = 0;
  for (const list of lists.sort((a, b) => a.start - b.start)) {
    // JSON.stringify writes a valid literal, save U+2028/U+2029, which ES2016 string literals may not hold.
    const literal = JSON.stringify(encodeWords(list.words))
      .replace(/\u2028/g, "\\u2028")
      .replace(/\u2029/g, "\\u2029");
    // A space: the list may follow a keyword (`for(const w of[…])`).
    out += code.slice(at, list.start) + ` ${SPLIT_WORDS}(${literal})`;
    at = list.end;
  }
  return out + code.slice(at);
}

function page(title: string, head: string, script: string, styles = ""): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${title}</title>
${styles ? `<style>${styles}</style>` : ""}
${head}
</head>
<body>
<div id="root"></div>
<script src="${script}"></script>
</body>
</html>
`;
}

const harnessStyles = `
body{margin:0;font:14px/1.4 "Segoe UI",system-ui,sans-serif;background:#f3f2f1;color:#201f1e}
.h-app{display:grid;grid-template-columns:minmax(420px,1fr) 380px;height:100vh}
.h-compose{display:flex;flex-direction:column;padding:16px 20px;gap:8px;background:#fff;overflow:auto}
.h-toolbar{display:flex;gap:8px;align-items:center;flex-wrap:wrap}
.h-toolbar button,.h-dialog button{font:inherit;padding:6px 14px;border-radius:4px;border:1px solid #8a8886;background:#fff;cursor:pointer}
.h-toolbar .h-send,.h-dialog .h-primary{background:#0f6cbd;color:#fff;border-color:#0f6cbd}
.h-row{display:grid;grid-template-columns:70px 1fr;align-items:center;gap:8px}
.h-row input,textarea{font:inherit;padding:6px 8px;border:1px solid #c8c6c4;border-radius:4px}
textarea{min-height:260px;resize:vertical}
.h-notes{display:flex;flex-direction:column;gap:4px}
.h-note{background:#f0f6ff;border-left:3px solid #0f6cbd;padding:6px 10px;display:flex;justify-content:space-between;gap:8px}
.h-note button{font:inherit;border:0;background:none;color:#0f6cbd;text-decoration:underline;cursor:pointer}
.h-attachments{display:flex;gap:6px;flex-wrap:wrap}
.h-chip{background:#edebe9;border-radius:12px;padding:2px 10px}
.h-pane{border-left:1px solid #c8c6c4;display:flex;flex-direction:column}
.h-pane iframe{flex:1;border:0;width:100%}
.h-status{font-size:13px;color:#605e5c;min-height:1.4em}
.h-switches{font-size:12px;color:#605e5c;display:flex;gap:12px;flex-wrap:wrap}
.h-dialog{position:fixed;inset:0;background:rgba(0,0,0,.4);display:flex;align-items:center;justify-content:center}
.h-dialog[hidden]{display:none}
.h-dialog>div{background:#fff;max-width:520px;padding:20px 24px;border-radius:8px;box-shadow:0 8px 32px rgba(0,0,0,.3)}
.h-dialog pre{white-space:pre-wrap;font:inherit}
.h-dialog .h-actions{display:flex;gap:8px;justify-content:flex-end;margin-top:12px}
`;

const invokedDirectly = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  const policyIndex = process.argv.indexOf("--policy");
  const outIndex = process.argv.indexOf("--out");
  const policy =
    (policyIndex > 0 ? process.argv[policyIndex + 1] : undefined) ?? process.env.POLICY_PACK ?? "st-john-payne";
  const outDir = (outIndex > 0 ? process.argv[outIndex + 1] : undefined) ?? "dist/addin";
  buildAddin({ outDir, policy }).then(
    (result) => console.log(`Built the Outlook add-in for ${result.schoolId} into ${result.outDir}`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
