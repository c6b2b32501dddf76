/**
 * Classic Outlook on Windows (before build 2403) runs launch events in an ES2016-era JavaScript
 * runtime. esbuild lowers syntax but not library calls, so the few newer built-ins the core uses are
 * supplied here when missing (checked by addin/build.test.ts, which runs the bundle without them).
 */
interface Es2017Object {
  values?: (value: object) => unknown[];
}
interface Es2019String {
  trimStart?: () => string;
  trimEnd?: () => string;
}

const objectConstructor = Object as unknown as Es2017Object;
if (typeof objectConstructor.values !== "function") {
  objectConstructor.values = (value: object) =>
    Object.keys(value).map((key) => (value as Record<string, unknown>)[key]);
}

const stringPrototype = String.prototype as unknown as Es2019String;
if (typeof stringPrototype.trimStart !== "function") {
  stringPrototype.trimStart = function trimStart(this: string) {
    return String(this).replace(/^\s+/, "");
  };
}
if (typeof stringPrototype.trimEnd !== "function") {
  stringPrototype.trimEnd = function trimEnd(this: string) {
    const text = String(this);
    let end = text.length;
    while (end > 0 && /\s/.test(text.charAt(end - 1))) end--;
    return text.slice(0, end);
  };
}

export {};
