export * from "./types.js";
export { AdaptiveLimiter, type LimiterHistory } from "./adaptive-limiter.js";
export { createGraphClient, retryAfterMs, type GraphClientOptions, type SweepGraphClient } from "./graph-client.js";
export { authProviderFor, SignInError, StaticTokenProvider, type SignInOptions } from "./auth.js";
export { naiveClient } from "./naive.js";
