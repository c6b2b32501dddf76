import { GraphRequestError, type BatchResponse, type GraphClient } from "./types.js";

/**
 * The naive way, for the benchmark's ratio: the same client, but every mailbox read is its own GET
 * and they run one at a time, as a script written without batching would.
 */
export function naiveClient(client: GraphClient): GraphClient {
  return {
    get: (path) => client.get(path),
    getAll: (path) => client.getAll(path),
    async batch(requests) {
      const answers: BatchResponse[] = [];
      for (const request of requests) {
        try {
          answers.push({ id: request.id, status: 200, body: await client.get(request.url) });
        } catch (error) {
          if (!(error instanceof GraphRequestError)) throw error;
          answers.push({ id: request.id, status: error.status, body: { error: { code: error.code } } });
        }
      }
      return answers;
    },
  };
}
