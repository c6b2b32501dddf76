export * from "./types.js";
export { AdaptiveLimiter, type LimiterHistory } from "./adaptive-limiter.js";
export { createGraphClient, type GraphClientOptions, type SweepGraphClient } from "./graph-client.js";
export { retryDelayMs, type RetryPolicy } from "./middleware.js";
export {
  providerForCredential,
  RenewableCredential,
  signIn,
  SignInError,
  StaticTokenProvider,
  type SignIn,
  type SignInOptions,
} from "./auth.js";
export { naiveClient } from "./naive.js";
