import { describe, expect, it } from "vitest";
import { AdaptiveLimiter } from "../client.js";

describe("AdaptiveLimiter (AIMD)", () => {
  it("halves on throttling, at most once per cool-down, floors at 1 and climbs by one to the ceiling", () => {
    const limiter = new AdaptiveLimiter(8, 8);
    limiter.throttled(1000);
    expect(limiter.limit).toBe(4);
    limiter.throttled(1100);
    expect(limiter.limit).toBe(4);
    limiter.throttled(2000);
    limiter.throttled(3000);
    limiter.throttled(4000);
    expect(limiter.limit).toBe(1);
    for (let index = 0; index < 20; index++) limiter.clean();
    expect(limiter.limit).toBe(8);
  });

  it("never runs more tasks at once than the limit", async () => {
    const limiter = new AdaptiveLimiter(3, 3);
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 12 }, () =>
        limiter.run(async () => {
          running++;
          peak = Math.max(peak, running);
          await new Promise((resolve) => setTimeout(resolve, 5));
          running--;
        }),
      ),
    );
    expect(peak).toBe(3);
  });
});
