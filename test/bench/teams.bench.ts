import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createApp } from "../../teams-app/server/app.js";
import type { PolicyCatalogue, PolicyDocument } from "../../teams-app/server/catalogue.js";
import { DemoDirectory } from "../../teams-app/server/directory/demo.js";
import { createServices } from "../../teams-app/server/services.js";
import { SqliteAcknowledgementStore } from "../../teams-app/server/store/sqlite.js";
import {
  claimsFor,
  FIXTURE_DOCUMENTS,
  startIdentityProvider,
  TENANT,
  tempDir,
  testConfig,
  testEnv,
  testUser,
  TEST_AUDIT_KEY,
} from "../../teams-app/test/helpers.js";

/**
 * Teams acknowledgement service figures:
 * - acknowledgement writes per second and latency percentiles over HTTP, the API in its own
 *   process on SQLite (WAL), 8 concurrent keep-alive clients;
 * - the admin status query (and CSV export) for 10,000 people × 5 documents.
 */
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const WRITES = 3000;
const WARMUP = 200;
const CONCURRENCY = 8;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; origin: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "teams-app/server/main.ts")], {
      env: { ...process.env, ...env, NODE_ENV: "test" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 20_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, origin: match[1] });
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  });
}

async function writeThroughput(): Promise<Record<string, number>> {
  const idp = await startIdentityProvider();
  const dir = tempDir("spg-bench-");
  const { child, origin } = await startServer(testEnv(idp.jwksUri, join(dir.path, "bench.db")));
  try {
    const markdown = readFileSync(join(FIXTURE_DOCUMENTS, "test-school/acceptable-use.md"), "utf8");
    const textHash = createHash("sha256").update(markdown).digest("hex");
    const users = Array.from({ length: WARMUP + WRITES }, (_, index) => testUser(`Bench ${index}`));
    const tokens = await Promise.all(users.map((user) => idp.mint(claimsFor(user))));
    // node:http with keep-alive: a lighter client than fetch, so the figure measures the server.
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const url = new URL("/api/acknowledgements", origin);
    const send = (index: number): Promise<number> =>
      new Promise((resolve, reject) => {
        const body = JSON.stringify({
          policyId: "acceptable-use",
          version: "2026.1",
          textHash,
          fullName: users[index]?.name,
        });
        const started = performance.now();
        const outgoing = request(
          url,
          {
            method: "POST",
            agent,
            headers: {
              Authorization: `Bearer ${tokens[index]}`,
              "Content-Type": "application/json",
              "Content-Length": Buffer.byteLength(body),
            },
          },
          (response) => {
            response.resume();
            response.on("end", () => {
              if (response.statusCode !== 201) reject(new Error(`acknowledgement answered ${response.statusCode}`));
              else resolve(performance.now() - started);
            });
          },
        );
        outgoing.on("error", reject);
        outgoing.end(body);
      });
    const runBatch = async (from: number, count: number): Promise<number[]> => {
      const latencies: number[] = [];
      let next = from;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < from + count) latencies.push(await send(next++));
        }),
      );
      return latencies;
    };
    await runBatch(0, WARMUP);
    const started = performance.now();
    const latencies = (await runBatch(WARMUP, WRITES)).sort((a, b) => a - b);
    const seconds = (performance.now() - started) / 1000;
    agent.destroy();
    return {
      "teams: acknowledgement writes/s (HTTP, SQLite, 8 clients)": Math.round(WRITES / seconds),
      "teams: acknowledgement p50 latency ms": Number(percentile(latencies, 50).toFixed(2)),
      "teams: acknowledgement p99 latency ms": Number(percentile(latencies, 99).toFixed(2)),
    };
  } finally {
    child.kill("SIGTERM");
    await idp.close();
    dir.remove();
  }
}

async function adminStatus(): Promise<Record<string, number>> {
  const PEOPLE = 10_000;
  const DOCS = 5;
  const dir = tempDir("spg-bench-status-");
  const idp = await startIdentityProvider();
  try {
    const documents = new Map<string, PolicyDocument>();
    for (let index = 0; index < DOCS; index += 1) {
      const markdown = `# Policy ${index}\n\nSynthetic text ${index}.\n`;
      const id = `policy-${index}`;
      documents.set(id, {
        id,
        title: `Policy ${index}`,
        version: "1",
        effectiveDate: "2025-09-01",
        sha256: createHash("sha256").update(markdown).digest("hex"),
        markdown,
      });
    }
    const catalogue: PolicyCatalogue = {
      schoolName: "Benchmark School (synthetic)",
      documents,
      audiences: [
        {
          audience: "staff",
          group: { id: "11111111-1111-4111-8111-111111111111", name: "All Staff" },
          documentIds: [...documents.keys()],
        },
      ],
      cadence: { kind: "annual", dueMonthDay: "09-30", onNewVersion: true, graceDays: 14 },
    };
    const directory = new DemoDirectory({
      tenantId: TENANT,
      mailDomain: "bench.invalid",
      groups: { "All Staff": PEOPLE },
    });
    const people = await directory.membersOf({ name: "All Staff" });
    const store = new SqliteAcknowledgementStore({ path: join(dir.path, "status.db"), key: TEST_AUDIT_KEY });
    // About 60% of people have acknowledged each document.
    store.db.exec("BEGIN");
    for (const [docIndex, doc] of [...documents.values()].entries()) {
      for (const [personIndex, person] of people.entries()) {
        if ((personIndex + docIndex) % 5 < 3) {
          await store.append({
            ...person,
            fullName: person.displayName,
            nameMatch: true,
            policyId: doc.id,
            version: doc.version,
            textHash: doc.sha256,
          });
        }
      }
    }
    store.db.exec("COMMIT");
    const admin = testUser("Bench Admin", ["PolicyAdmin"]);
    const config = testConfig(idp.jwksUri, join(dir.path, "unused.db"));
    const services = createServices(config, { catalogue, directory, store });
    const app = createApp(config, services);
    const headers = { Authorization: `Bearer ${await idp.mint(claimsFor(admin))}` };
    const time = async (path: string) => {
      const samples: number[] = [];
      for (let run = 0; run < 6; run += 1) {
        const started = performance.now();
        const response = await app.request(path, { headers });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
        if (run > 0) samples.push(performance.now() - started);
      }
      return Number(samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]?.toFixed(1));
    };
    const result = {
      "teams: admin status 10,000 people × 5 documents ms (median)": await time("/api/admin/status"),
      "teams: CSV export 10,000 people × 5 documents ms (median)": await time("/api/admin/export.csv"),
      "teams: audit verify 30,000 records ms (median)": await time("/api/admin/audit/verify"),
    };
    await store.close();
    return result;
  } finally {
    await idp.close();
    dir.remove();
  }
}

export async function run(): Promise<Record<string, number | string>> {
  return { ...(await writeThroughput()), ...(await adminStatus()) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.table(await run());
}
