export const id = 4068;
export const ids = [4068];
export const modules = {
4068: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.r(__webpack_exports__);
__webpack_require__.d(__webpack_exports__, {
ArgoOrchestrator: () => (ArgoOrchestrator),
CALLBACK_PARAMETERS: () => (CALLBACK_PARAMETERS),
detachedWorkflow: () => (detachedWorkflow),
submitOptsPairs: () => (submitOptsPairs)
});
var errors = __webpack_require__(4296);
var detached = __webpack_require__(9521);
var http = __webpack_require__(3618);
var proxy = __webpack_require__(8316);
;
function sseParser() {
let buffer = "";
let data = [];
return {
push(text) {
buffer += text;
const events = [];
for (;;) {
const end = buffer.search(/\r\n|\r|\n/);
if (end < 0)
break;
const line = buffer.slice(0, end);
buffer = buffer.slice(end + (buffer.startsWith("\r\n", end) ? 2 : 1));
if (line === "") {
if (data.length)
events.push(data.join("\n"));
data = [];
continue;
}
if (line.startsWith(":"))
continue;
const colon = line.indexOf(":");
const field = colon < 0 ? line : line.slice(0, colon);
let value = colon < 0 ? "" : line.slice(colon + 1);
if (value.startsWith(" "))
value = value.slice(1);
if (field === "data")
data.push(value);
}
return events;
}
};
}
async function followEventStream(options) {
const connection = new AbortController();
const onAbort = () => connection.abort();
options.signal.addEventListener("abort", onAbort, { once: true });
let silent;
let fellSilent = false;
const rearm = () => {
silent?.abort();
const current = new AbortController();
silent = current;
options.idle(current.signal).then(() => {
if (current.signal.aborted)
return;
fellSilent = true;
connection.abort();
}, () => undefined);
};
let opened = false;
try {
if (options.signal.aborted)
return { kind: "aborted" };
rearm();
const response = await options.fetch(options.url, {
headers: { ...options.headers, accept: "text/event-stream" },
signal: connection.signal
});
const type = response.headers.get("content-type") ?? "";
if (!response.ok || !type.startsWith("text/event-stream")) {
await response.body?.cancel().catch(() => undefined);
return {
kind: "broken",
opened,
reason: response.ok
? `answered ${type || "no content type"}, not an event stream (a proxy in between?)`
: `answered ${response.status}`
};
}
opened = true;
const parser = sseParser();
const decoder = new TextDecoder();
const reader = response.body.getReader();
for (;;) {
const { done, value } = await reader.read();
if (done)
return { kind: "broken", opened, reason: "the server ended the stream" };
rearm();
for (const data of parser.push(decoder.decode(value, { stream: true }))) {
let satisfied;
try {
satisfied = options.onEvent(data);
}
catch (error) {
await reader.cancel().catch(() => undefined);
return { kind: "broken", opened, reason: error.message };
}
if (satisfied) {
await reader.cancel().catch(() => undefined);
return { kind: "done" };
}
}
}
}
catch (error) {
if (options.signal.aborted)
return { kind: "aborted" };
if (fellSilent)
return { kind: "broken", opened, reason: "the stream fell silent" };
const cause = error.cause;
return {
kind: "broken",
opened,
reason: `the connection failed (${cause?.code ?? cause?.message ?? error.message})`
};
}
finally {
silent?.abort();
options.signal.removeEventListener("abort", onAbort);
connection.abort();
}
}
var orchestrators_options = __webpack_require__(7276);
var poll = __webpack_require__(6313);
var remote = __webpack_require__(1706);
var states = __webpack_require__(1174);
var types = __webpack_require__(5203);
;
const STATUS_FIELDS = [
"metadata.name",
"metadata.namespace",
"metadata.labels",
"spec.entrypoint",
"status.phase",
"status.message",
"status.startedAt",
"status.finishedAt",
"status.outputs",
"status.nodes"
].join(",");
const WATCH_FIELDS = [
"result.type",
...STATUS_FIELDS.split(",").map(field => `result.object.${field}`)
].join(",");
const STREAM_IDLE_MS = 45000;
const STREAM_REOPEN_AFTER_MS = 60000;
const LIST_FIELDS = [
"items.metadata.name",
"items.metadata.labels",
"items.metadata.creationTimestamp",
"items.status.phase"
].join(",");
const SUBMISSION_LIST_FIELDS = [
"metadata.continue",
...LIST_FIELDS.split(","),
"items.metadata.annotations"
].join(",");
const LIST_PAGE_SIZE = 200;
const LIST_MAX_PAGES = 20;
function submitOptsPairs(pairs) {
return Object.entries(pairs)
.map(([k, v]) => `${k}=${v.replace(/[%,=]/g, c => encodeURIComponent(c))}`)
.join(",");
}
function parametersToResults(parameters) {
const results = {};
for (const p of parameters ?? [])
if (p.name)
results[p.name] = p.value ?? "";
return results;
}
const CALLBACK_PARAMETERS = ["url", "body", "headers", "token-secret", "token-key"];
function detachedWorkflow(request, callback, namespace) {
const dispatch = (0, detached.fy)({
submission: request.callback.submission,
cluster: request.callback.cluster,
runId: "{{workflow.name}}"
});
const hookParameters = {
url: request.callback.url,
body: JSON.stringify(dispatch),
headers: Object.entries(detached.SL)
.map(([k, v]) => `${k}: ${v}`)
.join("\n"),
"token-secret": callback.tokenSecret,
"token-key": callback.tokenKey
};
return {
metadata: {
generateName: `${request.workflow}-`,
namespace,
labels: { ...request.labels, "workflows.argoproj.io/workflow-template": request.workflow },
...(request.annotations &&
Object.keys(request.annotations).length && { annotations: request.annotations })
},
spec: {
workflowTemplateRef: { name: request.workflow },
arguments: {
parameters: Object.entries(request.arguments).map(([name, value]) => ({
name,
value: (0, remote.Hp)(value)
}))
},
hooks: {
exit: {
templateRef: {
name: callback.template,
template: callback.entrypoint,
...(callback.clusterScope && { clusterScope: true })
},
arguments: {
parameters: Object.entries(hookParameters).map(([name, value]) => ({ name, value }))
}
}
}
}
};
}
class ArgoOrchestrator {
cluster;
options;
kind = "argo";
http;
namespace;
ui;
headers;
fetch;
constructor(cluster, options) {
this.cluster = cluster;
this.options = options;
const token = (0, orchestrators_options.n5)(options.env, cluster.tokenEnv, options.log, `cluster ${cluster.url}`);
this.namespace = cluster.namespace;
this.ui = (0, remote.Y0)(cluster.uiUrl ?? cluster.url);
this.headers = { ...(0, http.CM)(token), "user-agent": "promote-actions" };
this.fetch = options.fetch ?? (0, proxy.Fm)(process.env);
this.http = (0, remote.uE)(options, "Argo Server", (0, remote.Y0)(cluster.url), (0, http.CM)(token), remote.Hx);
}
path(suffix = "") {
return `/api/v1/workflows/${encodeURIComponent(this.namespace)}${suffix}`;
}
async submit(request, signal) {
if (request.callback && this.cluster.callback)
return this.submitWithExitHook(request, this.cluster.callback, signal);
const body = {
namespace: this.namespace,
resourceKind: "WorkflowTemplate",
resourceName: request.workflow,
submitOptions: {
generateName: `${request.workflow}-`,
parameters: Object.entries(request.arguments).map(([k, v]) => `${k}=${(0, remote.Hp)(v)}`),
labels: submitOptsPairs(request.labels),
...(request.annotations &&
Object.keys(request.annotations).length && {
annotations: submitOptsPairs(request.annotations)
})
}
};
try {
const response = await this.http.post(this.path("/submit"), {
body,
...(signal && { signal })
});
const name = response.body?.metadata?.name;
if (!name)
throw new Error(`Argo Server accepted the submission but returned no workflow name`);
return { runId: name, url: this.runUrl(name), adopted: false };
}
catch (error) {
if (error instanceof http.j$ && error.status === 404) {
throw new errors.ConfigurationError(`WorkflowTemplate '${request.workflow}' not found in namespace '${this.namespace}' on ${this.cluster.url}: ${(0, remote.Hx)(error.body) ?? "not found"} (workflows.<key>.name must name a WorkflowTemplate)`);
}
throw error;
}
}
async submitWithExitHook(request, callback, signal) {
const where = callback.clusterScope
? `/api/v1/cluster-workflow-templates/${encodeURIComponent(callback.template)}`
: `/api/v1/workflow-templates/${encodeURIComponent(this.namespace)}/${encodeURIComponent(callback.template)}`;
const what = `${callback.clusterScope ? "ClusterWorkflowTemplate" : "WorkflowTemplate"} '${callback.template}'${callback.clusterScope ? "" : ` in namespace '${this.namespace}'`}`;
const found = await this.http.get(where, {
acceptStatus: [404],
...(signal && { signal })
});
if (found.status === 404) {
throw new errors.ConfigurationError(`the callback template of cluster ${this.cluster.url} is missing: ${what} does not exist (apply docs/argo-callback.yaml, or set clusters.<name>.callback.template)`);
}
const template = found.body?.spec?.templates?.find(t => t.name === callback.entrypoint);
const declared = new Set((template?.inputs?.parameters ?? []).map(p => p.name));
const missing = CALLBACK_PARAMETERS.filter(name => !declared.has(name));
if (!template || missing.length) {
throw new errors.ConfigurationError(template
? `${what}: template '${callback.entrypoint}' does not take the inputs ${missing.join(", ")} the exit hook passes (use docs/argo-callback.yaml)`
: `${what} has no template '${callback.entrypoint}' (callback.entrypoint)`);
}
try {
const response = await this.http.post(this.path(), {
body: {
namespace: this.namespace,
workflow: detachedWorkflow(request, callback, this.namespace)
},
...(signal && { signal })
});
const name = response.body?.metadata?.name;
if (!name)
throw new Error(`Argo Server created the workflow but returned no name`);
return { runId: name, url: this.runUrl(name), adopted: false };
}
catch (error) {
if (error instanceof http.j$ && (error.status === 400 || error.status === 404)) {
throw new errors.ConfigurationError(`Argo Server refused a workflow of WorkflowTemplate '${request.workflow}' in namespace '${this.namespace}' on ${this.cluster.url}: ${(0, remote.Hx)(error.body) ?? error.message}`);
}
throw error;
}
}
async getStatus(runId) {
const { body } = await this.http.get(this.path(`/${encodeURIComponent(runId)}`), {
query: { fields: STATUS_FIELDS }
});
return this.statusOf(runId, body);
}
statusOf(runId, body) {
const status = body?.status ?? {};
const rawState = status.phase || "Pending";
const stopped = rawState === "Failed" && /Stopped with strategy '(Terminate|Stop)'/.test(status.message ?? "");
const state = stopped ? "cancelled" : (0, states.Vw)(rawState);
const steps = Object.values(status.nodes ?? {})
.filter(node => node.type === "Pod")
.sort((a, b) => (a.startedAt ?? "").localeCompare(b.startedAt ?? ""))
.map(node => ({
name: node.displayName ?? node.name ?? node.id ?? "step",
state: (0, states.Vw)(node.phase),
rawState: node.phase ?? "Pending",
results: parametersToResults(node.outputs?.parameters),
...(node.startedAt && { startedAt: node.startedAt }),
...(node.finishedAt && { finishedAt: node.finishedAt }),
...(node.message &&
["failed", "cancelled"].includes((0, states.Vw)(node.phase)) && { error: node.message })
}));
return {
runId,
state,
rawState,
...(status.message && state !== "succeeded" && { error: status.message }),
...(status.message && { message: status.message }),
...(status.startedAt && { startedAt: status.startedAt }),
...(status.finishedAt && { finishedAt: status.finishedAt }),
url: this.runUrl(runId),
steps,
results: (0, states.n0)(steps, parametersToResults(status.outputs?.parameters))
};
}
async wait(runId, options) {
const { clock, timerClock } = this.options;
const started = clock.now();
const stopStream = new AbortController();
let timedOut = false;
const stopTimer = new AbortController();
void timerClock.sleep(options.timeoutMs, stopTimer.signal).then(() => {
timedOut = true;
stopStream.abort();
}, () => undefined);
const onAbort = () => stopStream.abort();
options.signal?.addEventListener("abort", onAbort, { once: true });
let last;
let finished;
let end;
try {
for (;;) {
const opened = clock.now();
end = await followEventStream({
fetch: this.fetch,
url: this.http.url(`/api/v1/workflow-events/${encodeURIComponent(this.namespace)}`, {
"listOptions.fieldSelector": `metadata.name=${runId}`,
"listOptions.resourceVersion": "0",
fields: WATCH_FIELDS
}),
headers: this.headers,
signal: stopStream.signal,
idle: signal => clock.sleep(STREAM_IDLE_MS, signal),
onEvent: data => {
const message = JSON.parse(data);
if (message.error)
throw new Error(`the server sent an error: ${(0, remote.Hx)(message.error) ?? data}`);
const event = message.result;
if (!event?.object || event.object.metadata?.name !== runId)
return false;
if (event.type === "DELETED")
throw new Error("the workflow was deleted");
last = this.statusOf(runId, event.object);
options.onStatus?.(last);
if (!(0, poll.Hd)(last))
return false;
finished = last;
return true;
}
});
const reopen = end.kind === "broken" && end.opened && clock.now() - opened >= STREAM_REOPEN_AFTER_MS;
if (!reopen)
break;
}
}
finally {
stopTimer.abort();
options.signal?.removeEventListener("abort", onAbort);
}
if (finished)
return finished;
const pending = {
runId,
state: "pending",
rawState: "unknown",
steps: [],
results: {}
};
const cancel = () => this.cancel(runId);
if (options.signal?.aborted)
return (0, poll.KV)("abort", cancel, last ?? pending, options.timeoutMs);
if (timedOut)
return (0, poll.KV)("timeout", cancel, last ?? pending, options.timeoutMs);
this.options.log.info(`Argo event stream: ${end.kind === "broken" ? end.reason : end.kind}; polling the workflow's status instead`);
return (0, remote.sW)(this.options, runId, options, () => this.getStatus(runId), cancel, clock.now() - started);
}
cancel(runId) {
return (0, remote.hE)(this.options, runId, () => this.requestCancel(runId), () => this.getStatus(runId));
}
async requestCancel(runId) {
await this.http.put(this.path(`/${encodeURIComponent(runId)}/terminate`), {
body: { name: runId, namespace: this.namespace }
});
}
runUrl(runId) {
return `${this.ui}/workflows/${encodeURIComponent(this.namespace)}/${encodeURIComponent(runId)}`;
}
async findRuns(identity) {
const selector = `${types.Bt}=${identity.key},${types.kY}=${identity.submission}`;
const { body } = await this.http.get(this.path(), {
query: { "listOptions.labelSelector": selector, fields: LIST_FIELDS }
});
return (body?.items ?? [])
.filter(item => item.metadata?.name &&
item.metadata.labels?.[types.Bt] === identity.key &&
item.metadata.labels[types.kY] === identity.submission)
.sort((a, b) => (b.metadata?.creationTimestamp ?? "").localeCompare(a.metadata?.creationTimestamp ?? ""))
.map(item => {
const attempt = Number(item.metadata?.labels?.[types.zq]);
return {
runId: item.metadata.name,
state: (0, states.Vw)(item.status?.phase),
...(Number.isFinite(attempt) && attempt > 0 && { attempt }),
url: this.runUrl(item.metadata.name)
};
});
}
async listSubmissions(query) {
const selector = [
`${types.Op}=${query.repository}`,
...(query.mode ? [`${types.bP}=${query.mode}`] : [])
].join(",");
const items = [];
let next;
for (let page = 0; page < LIST_MAX_PAGES; page++) {
const { body } = await this.http.get(this.path(), {
query: {
"listOptions.labelSelector": selector,
"listOptions.limit": LIST_PAGE_SIZE,
...(next && { "listOptions.continue": next }),
fields: SUBMISSION_LIST_FIELDS
}
});
items.push(...(body?.items ?? []));
next = body?.metadata?.continue || undefined;
if (!next)
break;
}
return items
.filter(item => item.metadata?.labels?.[types.Op] === query.repository &&
(!query.mode || item.metadata.labels[types.bP] === query.mode))
.map(item => this.submissionOf(item))
.filter((run) => run !== undefined)
.sort((a, b) => (b.createdAt ?? "").localeCompare(a.createdAt ?? ""));
}
async describeRun(runId) {
const response = await this.http.get(this.path(`/${encodeURIComponent(runId)}`), {
query: {
fields: "metadata.name,metadata.labels,metadata.annotations,metadata.creationTimestamp,status.phase"
},
acceptStatus: [404]
});
return response.status === 404 ? undefined : this.submissionOf(response.body);
}
submissionOf(item) {
const name = item?.metadata?.name;
const labels = item?.metadata?.labels ?? {};
const key = labels[types.Bt];
if (!name || !key)
return undefined;
return {
runId: name,
key,
...(labels[types.kY] && { submission: labels[types.kY] }),
state: (0, states.Vw)(item.status?.phase),
labels,
annotations: item.metadata?.annotations ?? {},
...(item.metadata?.creationTimestamp && { createdAt: item.metadata.creationTimestamp }),
url: this.runUrl(name)
};
}
}
}),
1706: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
Hp: () => (parameterString),
Hx: () => (rpcErrorMessage),
Y0: () => (trimSlash),
hE: () => (confirmCancel),
sW: () => (waitRemote),
uE: () => (apiClient)
});
var _http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3618);
var _poll_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6313);
function apiClient(options, service, baseUrl, headers, describeError) {
return new _http_js__WEBPACK_IMPORTED_MODULE_0__.Qq({
baseUrl,
service,
headers,
describeError,
sleep: options.sleep,
timeoutMs: options.requestTimeoutMs,
...(options.fetch && { fetch: options.fetch })
});
}
function waitRemote(options, runId, wait, getStatus, cancel, elapsedMs = 0) {
return (0, _poll_js__WEBPACK_IMPORTED_MODULE_1__.Ar)({
...wait,
elapsedMs,
runId,
schedule: options.schedule,
clock: options.clock,
getStatus,
cancel,
onRetry: error => options.log.warning(`status request failed, retrying: ${error.message}`)
});
}
function confirmCancel(options, runId, requestCancel, getStatus) {
return (0, _poll_js__WEBPACK_IMPORTED_MODULE_1__.Un)({
runId,
clock: options.clock,
requestCancel,
getStatus,
scrub: options.scrub
});
}
function rpcErrorMessage(body) {
if (!body || typeof body !== "object")
return typeof body === "string" && body ? body.slice(0, 500) : undefined;
const record = body;
if (typeof record.message === "string" && record.message)
return record.message;
if (typeof record.error === "string" && record.error)
return record.error;
return undefined;
}
function parameterString(value) {
return typeof value === "string" ? value : JSON.stringify(value);
}
function trimSlash(url) {
return url.replace(/\/+$/, "");
}
}),
1174: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
$i: () => (parseSteps),
Vw: () => (normalizeState),
n0: () => (mergeResults)
});
function normalizeState(raw) {
switch ((raw ?? "").trim().toLowerCase()) {
case "succeeded":
case "success":
case "successful":
case "completed":
case "complete":
case "done":
case "ok":
return "succeeded";
case "failed":
case "failure":
case "error":
case "errored":
return "failed";
case "canceled":
case "cancelled":
case "aborted":
case "terminated":
return "cancelled";
case "skipped":
return "skipped";
case "pending":
case "created":
case "queued":
case "runtime_state_unspecified":
case "":
return "pending";
default:
return "running";
}
}
function parseSteps(value) {
if (!Array.isArray(value))
return [];
return value
.filter((step) => typeof step === "object" && step !== null)
.map((step, index) => {
const rawState = typeof step.state === "string" ? step.state : "succeeded";
const results = step.results && typeof step.results === "object" && !Array.isArray(step.results)
? step.results
: {};
return {
name: typeof step.name === "string" ? step.name : `step-${index + 1}`,
state: normalizeState(rawState),
rawState,
results,
...(typeof step.error === "string" && { error: step.error }),
...(typeof step.startedAt === "string" && { startedAt: step.startedAt }),
...(typeof step.finishedAt === "string" && { finishedAt: step.finishedAt })
};
});
}
function mergeResults(steps, own = {}) {
const merged = {};
for (const step of steps)
Object.assign(merged, step.results);
return { ...merged, ...own };
}
}),
9521: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
BW: () => (TRAINING_FINISHED_EVENT),
Ev: () => (parseSlackMessageRef),
SL: () => (DISPATCH_HEADERS),
_i: () => (dispatchUrl),
fy: () => (trainingFinishedDispatch),
tu: () => (MODE_DETACHED)
});
const TRAINING_FINISHED_EVENT = "promote-training-finished";
function parseSlackMessageRef(value) {
if (!value || typeof value !== "object" || Array.isArray(value))
return undefined;
const { channel, ts } = value;
if (typeof channel !== "string" || !/^[A-Z0-9]{2,32}$/.test(channel))
return undefined;
if (typeof ts !== "string" || !/^\d{1,12}\.\d{1,8}$/.test(ts))
return undefined;
return { channel, ts };
}
function trainingFinishedDispatch(payload) {
return {
event_type: TRAINING_FINISHED_EVENT,
client_payload: {
submission: payload.submission,
cluster: payload.cluster,
runId: payload.runId,
...(payload.message && {
message: { channel: payload.message.channel, ts: payload.message.ts }
})
}
};
}
function parseTrainingFinishedPayload(value) {
if (!value || typeof value !== "object" || Array.isArray(value))
return undefined;
const { submission, cluster, runId, message } = value;
if (typeof submission !== "string" || !/^[0-9a-f]{16}$/.test(submission))
return undefined;
if (typeof cluster !== "string" || !cluster)
return undefined;
if (typeof runId !== "string" || !runId || runId.length > 253)
return undefined;
const slack = parseSlackMessageRef(message);
return { submission, cluster, runId, ...(slack && { message: slack }) };
}
function dispatchUrl(apiUrl, repository) {
return `${apiUrl.replace(/\/+$/, "")}/repos/${encodeURIComponent(repository.owner)}/${encodeURIComponent(repository.repo)}/dispatches`;
}
const DISPATCH_HEADERS = {
Accept: "application/vnd.github+json",
"X-GitHub-Api-Version": "2022-11-28"
};
const MODE_DETACHED = "detached";
})
};
