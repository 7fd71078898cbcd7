export const id = 818;
export const ids = [818];
export const modules = {
818: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.r(__webpack_exports__);
__webpack_require__.d(__webpack_exports__, {
DETACHED_NOTIFICATION: () => (DETACHED_NOTIFICATION),
MlrunOrchestrator: () => (MlrunOrchestrator),
detachedNotification: () => (detachedNotification),
fastApiDetail: () => (fastApiDetail),
mlrunRunName: () => (mlrunRunName)
});
var errors = __webpack_require__(4296);
var http = __webpack_require__(3618);
;
const TERMINAL = ["online", "offline", "archived"];
const WAIT_MS = 180000;
const POLL_MS = 2000;
function projectDict(bootstrap) {
return {
kind: "project",
metadata: { name: bootstrap.project },
spec: {
description: "Created by promote-actions on its first run (as mlrun.get_or_create_project)",
...(bootstrap.source && { source: bootstrap.source }),
...(bootstrap.artifactPath && { artifact_path: bootstrap.artifactPath }),
workflows: bootstrap.workflows.map(w => ({ name: w.name, path: w.path })),
desired_state: "online"
},
status: { state: "online" }
};
}
async function ensureProject(http, bootstrap, sleep, signal) {
const path = `/api/v1/projects/${encodeURIComponent(bootstrap.project)}`;
const found = await http.get(path, {
acceptStatus: [404],
...(signal && { signal })
});
if (found.status !== 404) {
await waitUntilReady(http, path, found.body, sleep, bootstrap.project, signal);
return false;
}
if (!bootstrap.create) {
throw new errors.ConfigurationError(`MLRun project '${bootstrap.project}' does not exist on ${bootstrap.url}, and the cluster has createProject: false. ` +
`Create it once (python project_run.py --workflow-name train, or mlrun.get_or_create_project('${bootstrap.project}', user_project=False) and project.save()), ` +
`or remove createProject: false from the cluster in promote.yaml so promote-actions creates it with the source, artifact path and workflows of promote.yaml`);
}
const created = await http.post("/api/v1/projects", {
query: { "wait-for-completion": "false" },
body: projectDict(bootstrap),
acceptStatus: [409],
idempotent: true,
...(signal && { signal })
});
if (created.status === 201)
return true;
await waitUntilReady(http, path, undefined, sleep, bootstrap.project, signal);
return created.status !== 409;
}
async function waitUntilReady(http, path, first, sleep, project, signal) {
let body = first;
for (let waited = 0;; waited += POLL_MS) {
const state = body?.status?.state;
if (body && (state === undefined || TERMINAL.includes(state)))
return;
if (waited >= WAIT_MS)
throw new Error(`MLRun project '${project}' is still '${state ?? "unknown"}' after ${WAIT_MS / 1000}s`);
if (body)
await sleep(POLL_MS);
signal?.throwIfAborted();
body = (await http.get(path, { ...(signal && { signal }) })).body;
}
}
var orchestrators_options = __webpack_require__(7276);
var remote = __webpack_require__(1706);
var states = __webpack_require__(1174);
var hash = __webpack_require__(299);
var detached = __webpack_require__(9521);
;
const DETACHED_NOTIFICATION = "promote-training-finished";
function detachedNotification(callback, tokenSecret, runName) {
return {
kind: "webhook",
name: DETACHED_NOTIFICATION,
message: "promote-actions: training finished",
severity: "info",
when: ["completed", "error", "aborted"],
params: {
url: callback.url,
method: "POST",
override_body: (0, detached.fy)({
submission: callback.submission,
cluster: callback.cluster,
runId: runName,
...(callback.message && { message: callback.message })
})
},
secret_params: { secret: tokenSecret }
};
}
function fastApiDetail(body) {
if (!body || typeof body !== "object")
return typeof body === "string" && body ? body.slice(0, 500) : undefined;
const detail = body.detail;
if (typeof detail === "string")
return unrepr(detail);
if (Array.isArray(detail)) {
return detail
.map(d => {
const item = d;
return `${(item.loc ?? []).join(".")}: ${item.msg ?? JSON.stringify(d)}`;
})
.join("; ");
}
if (detail && typeof detail === "object") {
const { reason, error } = detail;
if (typeof reason === "string" && typeof error === "string" && error)
return `${reason}: ${unrepr(error)}`;
if (typeof reason === "string")
return reason;
if (reason && typeof reason === "object")
return JSON.stringify(reason);
return JSON.stringify(detail);
}
return undefined;
}
function unrepr(text) {
const match = /^[A-Za-z_][A-Za-z0-9_.]*\((['"])([\s\S]*)\1\)$/.exec(text.trim());
return match ? match[2].replace(/\\(['"\\])/g, "$1") : text;
}
const ATTEMPT_SUFFIX = /-a(\d+)$/;
const SUBMISSION_RUN_NAME = /^(gh\d+-[a-z0-9-]*-[0-9a-f]{8})-a(\d+)$/;
function mlrunRunName(runName) {
return runName.replace(/\s+/g, "-").replaceAll("_", "-").toLowerCase();
}
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function isoTime(text) {
if (!text)
return undefined;
const ms = Date.parse(text.includes("T") ? text : text.replace(" ", "T"));
return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}
class MlrunOrchestrator {
cluster;
options;
kind = "mlrun";
http;
ui;
scopes = new Map();
workflowIds = new Map();
readyProjects = new Set();
constructor(cluster, options) {
this.cluster = cluster;
this.options = options;
const where = `cluster ${cluster.url}`;
let auth = {};
if (cluster.usernameEnv && cluster.accessKeyEnv) {
const username = (0, orchestrators_options.n5)(options.env, cluster.usernameEnv, options.log, where);
auth = (0, http.HX)(username, (0, orchestrators_options.n5)(options.env, cluster.accessKeyEnv, options.log, where));
options.log.secret(auth.authorization.slice("Basic ".length));
}
else {
auth = (0, http.CM)((0, orchestrators_options.n5)(options.env, cluster.tokenEnv, options.log, where));
}
this.ui = (0, remote.Y0)(cluster.uiUrl ?? cluster.url);
this.http = (0, remote.uE)(options, "MLRun API", (0, remote.Y0)(cluster.url), { ...auth, "x-mlrun-client-version": cluster.clientVersion }, fastApiDetail);
}
async scopeOf(runId) {
const known = this.scopes.get(runId) ?? this.options.scope;
if (known)
return known;
const { body } = await this.http.get("/api/v1/projects/*/runs", {
query: { uid: runId, iter: false }
});
const run = body?.runs?.find(r => r.metadata?.uid === runId);
const project = run?.metadata?.project;
const parameters = run?.spec?.parameters;
const workflow = typeof parameters?.workflow_name === "string" ? parameters.workflow_name : undefined;
if (!project || !workflow)
throw new Error(`MLRun has no workflow runner run ${runId}`);
const scope = { project, workflow };
this.scopes.set(runId, scope);
return scope;
}
project(scope) {
return `/api/v1/projects/${encodeURIComponent(scope.project)}`;
}
async submit(request, signal) {
const scope = { project: request.project, workflow: request.workflow };
const source = request.source ?? this.cluster.source;
if (!this.readyProjects.has(request.project)) {
await ensureProject(this.http, {
project: request.project,
source,
artifactPath: this.cluster.artifactPath,
workflows: request.projectWorkflows ?? [],
create: this.cluster.createProject,
url: this.cluster.url
}, this.options.sleep, signal);
this.readyProjects.add(request.project);
}
const body = {
spec: {
name: request.workflow,
...(request.workflowPath && { path: request.workflowPath })
},
arguments: request.arguments,
...(this.cluster.artifactPath && { artifact_path: this.cluster.artifactPath }),
...(source && { source }),
run_name: mlrunRunName(request.displayName),
...(request.callback &&
this.cluster.callback && {
notifications: [
detachedNotification(request.callback, this.cluster.callback.tokenSecret, mlrunRunName(request.displayName))
]
})
};
try {
const { body: reply } = await this.http.post(`${this.project(scope)}/workflows/${encodeURIComponent(request.workflow)}/submit`, { body, ...(signal && { signal }) });
if (!reply?.run_id)
throw new Error("MLRun accepted the workflow but returned no run_id");
this.scopes.set(reply.run_id, scope);
return { runId: reply.run_id, adopted: false };
}
catch (error) {
if (error instanceof http.j$ && (error.status === 400 || error.status === 404)) {
throw new errors.ConfigurationError(`MLRun refused workflow '${request.workflow}' of project '${request.project}': ${fastApiDetail(error.body) ?? error.message}`);
}
throw error;
}
}
async workflowId(runId) {
const known = this.workflowIds.get(runId);
if (known)
return { id: known };
const scope = await this.scopeOf(runId);
const response = await this.http.get(`${this.project(scope)}/workflows/${encodeURIComponent(scope.workflow)}/runs/${encodeURIComponent(runId)}`, { query: { engine: "kfp" }, acceptStatus: [404, 412] });
if (response.status === 412)
return { runnerError: fastApiDetail(response.body) ?? "the workflow runner failed" };
const id = response.status === 200 ? response.body?.workflow_id : undefined;
if (id)
this.workflowIds.set(runId, id);
return id ? { id } : {};
}
async getStatus(runId) {
const scope = await this.scopeOf(runId);
const { id, runnerError } = await this.workflowId(runId);
if (runnerError) {
return {
runId,
state: "failed",
rawState: "runner failed",
error: runnerError,
steps: [],
results: {}
};
}
if (!id)
return { runId, state: "pending", rawState: "starting runner", steps: [], results: {} };
const { body } = await this.http.get(`${this.project(scope)}/pipelines/${encodeURIComponent(id)}`, { query: { format: "summary" } });
const run = body?.run ?? {};
const rawState = run.status || "pending";
const state = (0, states.Vw)(rawState);
let steps = Object.values(body?.graph ?? {})
.filter(node => node.type === undefined || node.type === "Pod")
.sort((a, b) => (a.started_at ?? "~").localeCompare(b.started_at ?? "~"))
.map(node => {
const startedAt = isoTime(node.started_at);
const finishedAt = isoTime(node.finished_at);
return {
name: node.name ?? node.id ?? "step",
state: (0, states.Vw)(node.phase),
rawState: node.phase ?? "pending",
results: {},
...(startedAt && { startedAt }),
...(finishedAt && { finishedAt }),
...((node.error ?? node.message) &&
["failed", "cancelled"].includes((0, states.Vw)(node.phase)) && {
error: (node.error ?? node.message)
})
};
});
let results = {};
if (isFinished(state)) {
const stepRuns = await this.stepRuns(scope, id);
if (stepRuns.length)
steps = stepRuns;
results = (0, states.n0)(steps);
}
const error = run.error || (state === "failed" ? run.message : undefined);
const startedAt = isoTime(run.created_at);
const finishedAt = isoTime(run.finished_at);
return {
runId,
workflowId: id,
state,
rawState,
...(error && { error }),
...(run.message && { message: run.message }),
...(startedAt && { startedAt }),
...(finishedAt && { finishedAt }),
url: this.pipelineUrl(scope, id),
steps,
results
};
}
async stepRuns(scope, workflowId) {
const { body } = await this.http.get(`${this.project(scope)}/runs`, {
query: { label: `workflow=${workflowId}`, iter: false }
});
return (body?.runs ?? [])
.sort((a, b) => (a.status?.start_time ?? "").localeCompare(b.status?.start_time ?? ""))
.map(run => {
const state = (0, states.Vw)(run.status?.state);
const startedAt = isoTime(run.status?.start_time);
const finishedAt = isFinished(state) ? isoTime(run.status?.last_update) : undefined;
return {
name: run.metadata?.name ?? run.metadata?.uid ?? "step",
state,
rawState: run.status?.state ?? "unknown",
results: { ...(run.status?.results ?? {}), ...(run.status?.artifact_uris ?? {}) },
...(startedAt && { startedAt }),
...(finishedAt && { finishedAt }),
...(run.status?.error && { error: run.status.error })
};
});
}
wait(runId, options) {
return (0, remote.sW)(this.options, runId, options, () => this.getStatus(runId), () => this.cancel(runId));
}
cancel(runId) {
return (0, remote.hE)(this.options, runId, () => this.requestCancel(runId), () => this.getStatus(runId));
}
async requestCancel(runId) {
const scope = await this.scopeOf(runId);
const { id } = await this.workflowId(runId).catch(() => ({ id: undefined }));
let terminated = true;
if (id) {
const response = await this.http.post(`${this.project(scope)}/pipelines/${encodeURIComponent(id)}/terminate`, { acceptStatus: [404, 405], idempotent: true });
terminated = response.status < 400;
}
await this.http.post(`${this.project(scope)}/runs/${encodeURIComponent(runId)}/abort`, {
body: {},
acceptStatus: [400, 404, 409],
idempotent: true
});
if (!terminated) {
throw new Error(`this MLRun server has no pipeline terminate endpoint (MLRun 1.7 and older): runner ${runId} was aborted, but pipeline ${id} goes on; stop it in the MLRun or KFP UI`);
}
}
pipelineUrl(scope, workflowId) {
return `${this.ui}/projects/${encodeURIComponent(scope.project)}/jobs/monitor-workflows/workflow/${encodeURIComponent(workflowId)}`;
}
runUrl(runId) {
const scope = this.scopes.get(runId) ?? this.options.scope;
if (!scope)
return undefined;
const id = this.workflowIds.get(runId);
return id
? this.pipelineUrl(scope, id)
: `${this.ui}/projects/${encodeURIComponent(scope.project)}/jobs/monitor-workflows`;
}
async findRuns(identity, scope) {
const key = mlrunRunName(identity.key);
const { body } = await this.http.get(`${this.project(scope)}/runs?label=${encodeURIComponent("job-type=workflow-runner")}`, { query: { name: `~${key}`, iter: false } });
const exact = new RegExp(`^${escapeRegExp(key)}-a(\\d+)$`);
const runs = (body?.runs ?? [])
.filter(run => run.metadata?.uid && exact.test(run.metadata.name ?? ""))
.filter(run => runsSubmission(run, scope, identity))
.sort((a, b) => (b.status?.start_time ?? "").localeCompare(a.status?.start_time ?? ""));
const found = [];
for (const run of runs) {
const uid = run.metadata.uid;
this.scopes.set(uid, scope);
const attempt = Number(ATTEMPT_SUFFIX.exec(run.metadata.name)?.[1]);
let state = (0, states.Vw)(run.status?.state);
if (state === "succeeded")
state = await this.getStatus(uid).then(s => s.state, () => "running");
found.push({
runId: uid,
state,
...(Number.isFinite(attempt) && attempt > 0 && { attempt }),
url: this.runUrl(uid)
});
}
return found;
}
async listSubmissions(query) {
const found = [];
const projects = new Map();
for (const scope of query.scopes) {
const workflows = projects.get(scope.project) ?? new Set();
workflows.add(scope.workflow);
projects.set(scope.project, workflows);
}
for (const [project, workflows] of projects) {
const { body } = await this.http.get(`${this.project({ project, workflow: "" })}/runs?label=${encodeURIComponent("job-type=workflow-runner")}`, { query: { name: "~gh", iter: false }, acceptStatus: [404] });
for (const run of body?.runs ?? []) {
const submission = this.submissionOf(run);
if (submission?.scope && workflows.has(submission.scope.workflow))
found.push(submission);
}
}
return found.sort((a, b) => (b.createdAt ?? "").localeCompare(a.createdAt ?? ""));
}
async describeRun(runId, scope) {
const byName = SUBMISSION_RUN_NAME.test(runId);
const { body } = await this.http.get(`/api/v1/projects/${encodeURIComponent(scope?.project ?? "*")}/runs?label=${encodeURIComponent("job-type=workflow-runner")}`, {
query: { ...(byName ? { name: runId } : { uid: runId }), iter: false },
acceptStatus: [404]
});
const runs = (body?.runs ?? []).filter(run => byName ? run.metadata?.name === runId : run.metadata?.uid === runId);
runs.sort((a, b) => (b.status?.start_time ?? "").localeCompare(a.status?.start_time ?? ""));
return this.submissionOf(runs[0]);
}
submissionOf(run) {
const uid = run?.metadata?.uid;
const labels = nameLabels(run?.metadata?.name ?? "");
const project = run?.metadata?.project;
const workflow = run?.spec?.parameters?.workflow_name;
if (!uid || !labels || !project || typeof workflow !== "string")
return undefined;
if (run.metadata?.labels?.["job-type"] !== "workflow-runner")
return undefined;
const scope = { project, workflow };
this.scopes.set(uid, scope);
const createdAt = isoTime(run.status?.start_time);
return {
runId: uid,
key: labels["promote-actions/run"],
state: (0, states.Vw)(run.status?.state),
labels,
annotations: {},
scope,
...(createdAt && { createdAt }),
url: this.runUrl(uid)
};
}
}
function runsSubmission(run, scope, identity) {
const parameters = run.spec?.parameters;
if (!parameters)
return true;
if (typeof parameters.workflow_name === "string" && parameters.workflow_name !== scope.workflow)
return false;
const sent = parameters.workflow_arguments;
if (!identity.arguments || !sent || typeof sent !== "object")
return true;
return Object.entries(identity.arguments).every(([name, value]) => (0, hash.d)(sent[name]) === (0, hash.d)(value));
}
function nameLabels(name) {
const match = SUBMISSION_RUN_NAME.exec(name);
if (!match)
return undefined;
return {
"promote-actions/run": match[1],
"promote-actions/attempt": match[2],
"promote-actions/github-run": /^gh(\d+)-/.exec(match[1])[1]
};
}
function isFinished(state) {
return state === "succeeded" || state === "failed" || state === "cancelled" || state === "skipped";
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
}),
299: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
d: () => (canonicalJson),
s: () => (sha256)
});
var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = __webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
function canonicalJson(value) {
return JSON.stringify(sortKeys(value));
}
function sortKeys(value) {
if (Array.isArray(value))
return value.map(sortKeys);
if (value && typeof value === "object" && !(value instanceof Date)) {
return Object.fromEntries(Object.keys(value)
.sort()
.map(key => [key, sortKeys(value[key])]));
}
return value;
}
function sha256(text) {
return (0, node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256").update(text).digest("hex");
}
})
};
