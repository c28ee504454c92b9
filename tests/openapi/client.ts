// Calls every route of server/api/openapi.json through openapi-fetch typed
// by the types openapi-typescript generated from the document (schema.d.ts,
// written by run.sh): a route whose parameters, body or answer the
// document gets wrong for a client fails to compile (tsc) or fails here.
//   node client.js BASE_URL OPENAPI_JSON
import createClient, {type Middleware} from "openapi-fetch";
import {readFileSync} from "node:fs";
import type {paths} from "./schema.js";

const [base, documentPath] = process.argv.slice(2);
const api = createClient<paths>({baseUrl: base});
const called = new Set<string>();
const record: Middleware = {
  onRequest({request, schemaPath}) {
    called.add(`${request.method} ${schemaPath}`);
    return undefined;
  },
};
api.use(record);

let failures = 0;
function check(what: string, ok: boolean, detail: unknown = ""): void {
  if (!ok) {
    failures++;
    console.error(`FAIL ${what}`, detail);
  } else {
    console.log(`ok   ${what}`);
  }
}
function status(what: string, r: {response: Response; error?: unknown}, want: number): void {
  check(`${what} -> ${want}`, r.response.status === want, {got: r.response.status, error: r.error});
}

const cid = {cid: "go-backend"};
const lid = {lid: "ada"};

async function service(): Promise<void> {
  status("GET /healthz", await api.GET("/healthz"), 200);
  status("GET /readyz", await api.GET("/readyz"), 200);
  const metrics = await api.GET("/metrics", {parseAs: "text"});
  status("GET /metrics", metrics, 200);
  check("metrics are Prometheus text", String(metrics.data).includes("pathrank_http_requests_total"));
  const doc = await api.GET("/openapi.json");
  status("GET /openapi.json", doc, 200);
}

async function catalogs(): Promise<void> {
  const list = await api.GET("/v1/catalogs");
  status("GET /v1/catalogs", list, 200);
  check("catalog listed", list.data?.catalogs.some((c) => c.id === "go-backend") ?? false, list.data);
  status("GET /v1/catalogs/{cid}", await api.GET("/v1/catalogs/{cid}", {params: {path: cid}}), 200);
  const items = await api.GET("/v1/catalogs/{cid}/items", {
    params: {path: cid, query: {kind: "framework", limit: 3}},
  });
  status("GET /v1/catalogs/{cid}/items", items, 200);
  check("three items", items.data?.items.length === 3, items.data);
  status("GET /v1/catalogs/{cid}/items/{iid}",
    await api.GET("/v1/catalogs/{cid}/items/{iid}", {params: {path: {...cid, iid: "gin"}}}), 200);
  status("GET /v1/catalogs/{cid}/goals",
    await api.GET("/v1/catalogs/{cid}/goals", {params: {path: cid}}), 200);
}

async function scoring(): Promise<void> {
  const recs = await api.POST("/v1/catalogs/{cid}/recommendations", {
    params: {path: cid},
    body: {mastery: {"go-basic-syntax": 1}, goals: {microservices: 1}, k: 3, explain: true,
      recent: ["go-basic-syntax"]},
  });
  status("POST /v1/catalogs/{cid}/recommendations", recs, 200);
  check("three recommendations", recs.data?.items.length === 3, recs.data);
  status("POST /v1/catalogs/{cid}/paths", await api.POST("/v1/catalogs/{cid}/paths", {
    params: {path: cid}, body: {mastery: {"go-basic-syntax": 1}, goals: {"rest-api": 1},
      hours_per_week: 8},
  }), 200);
  status("POST /v1/catalogs/{cid}/team-matches", await api.POST("/v1/catalogs/{cid}/team-matches", {
    params: {path: cid},
    body: {members: [{id: "a", mastery: {"go-basic-syntax": 1}}], goals: {microservices: 1}, k: 2},
  }), 200);
  const bad = await api.POST("/v1/catalogs/{cid}/recommendations", {
    params: {path: cid}, body: {k: 0},
  });
  status("POST recommendations with k 0", bad, 422);
  check("the problem names /k", JSON.stringify(bad.error).includes("/k"), bad.error);
}

async function learners(): Promise<void> {
  status("PUT /v1/learners/{lid}", await api.PUT("/v1/learners/{lid}", {
    params: {path: lid}, body: {catalog: "go-backend", goals: {microservices: 1}},
  }), 201);
  status("POST /v1/learners/{lid}/progress", await api.POST("/v1/learners/{lid}/progress", {
    params: {path: lid},
    body: {events: [{item: "go-basic-syntax", mastery: 1, id: "s1"},
      {item: "goroutines", mastery: 0.7, at: "2024-05-01T10:00:00Z", id: "s2"}]},
  }), 200);
  status("GET /v1/learners/{lid}", await api.GET("/v1/learners/{lid}", {params: {path: lid}}), 200);
  status("GET /v1/learners/{lid}/progress",
    await api.GET("/v1/learners/{lid}/progress", {params: {path: lid, query: {limit: 10}}}), 200);
  status("GET /v1/learners/{lid}/recommendations", await api.GET(
    "/v1/learners/{lid}/recommendations", {params: {path: lid, query: {k: 3}}}), 200);
  status("GET /v1/learners/{lid}/path", await api.GET("/v1/learners/{lid}/path", {
    params: {path: lid, query: {hours_per_week: 10}},
  }), 200);
  const listed = await api.GET("/v1/learners", {params: {query: {limit: 10}}});
  status("GET /v1/learners", listed, 200);
  check("ada listed", listed.data?.learners.some((l) => l.id === "ada") ?? false, listed.data);
  const events = await api.GET("/v1/learners/{lid}/events", {
    params: {path: lid, query: {limit: 1}},
  });
  status("GET /v1/learners/{lid}/events", events, 200);
  check("a first page of one", events.data?.events.length === 1 && events.data.has_more, events.data);
  const rest = await api.GET("/v1/learners/{lid}/events", {
    params: {path: lid, query: {cursor: events.data?.next_cursor ?? undefined}},
  });
  check("the second page holds the other event", rest.data?.events.length === 1, rest.data);
  const eid = rest.data?.events[0]?.event_id ?? "0";
  status("DELETE /v1/learners/{lid}/events/{eid}", await api.DELETE(
    "/v1/learners/{lid}/events/{eid}", {params: {path: {...lid, eid}}}), 204);
  status("DELETE /v1/learners/{lid}",
    await api.DELETE("/v1/learners/{lid}", {params: {path: lid}}), 204);
}

async function admin(): Promise<void> {
  status("GET /v1/plugins", await api.GET("/v1/plugins"), 200);
  status("POST /v1/admin/reload", await api.POST("/v1/admin/reload"), 200);
}

await service();
await catalogs();
await scoring();
await learners();
await admin();

// Every operation of the document was called.
const document = JSON.parse(readFileSync(documentPath, "utf8")) as {
  paths: Record<string, Record<string, unknown>>;
};
for (const [path, item] of Object.entries(document.paths)) {
  for (const method of Object.keys(item)) {
    const op = `${method.toUpperCase()} ${path}`;
    check(`called ${op}`, called.has(op));
  }
}
if (failures > 0) {
  console.error(`${failures} failure(s)`);
  process.exit(1);
}
console.log(`every route called (${called.size} operations)`);
