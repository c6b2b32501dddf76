import { describe, expect, it } from "vitest";
import { inTextOrder } from "./text-order.js";

type Spanned = { start: number; tag: string };
const spans = (...pairs: [number, string][]): Spanned[] => pairs.map(([start, tag]) => ({ start, tag }));

describe("inTextOrder", () => {
  it.each<[string, Spanned[], string[]]>([
    ["empty", [], []],
    ["one span", spans([4, "a"]), ["a"]],
    ["already in order", spans([1, "a"], [5, "b"], [9, "c"]), ["a", "b", "c"]],
    ["reversed", spans([9, "c"], [5, "b"], [1, "a"]), ["a", "b", "c"]],
    ["out of order only at the end", spans([1, "a"], [5, "b"], [3, "c"]), ["a", "c", "b"]],
    // Stable, as Array.prototype.sort: spans starting together keep the order they came in.
    ["equal starts in order", spans([2, "first"], [2, "second"], [7, "x"]), ["first", "second", "x"]],
    ["equal starts after a swap", spans([7, "x"], [2, "first"], [2, "second"]), ["first", "second", "x"]],
  ])("%s", (_what, input, expected) => {
    const result = inTextOrder(input);
    expect(result.map((span) => span.tag)).toEqual(expected);
    // In place: the same array, now in order.
    expect(result).toBe(input);
  });
});
