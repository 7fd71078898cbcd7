export const id = 6797;
export const ids = [6797];
export const modules = {
6797: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.r(__webpack_exports__);
__webpack_require__.d(__webpack_exports__, {
KFP_RESULTS_UNAVAILABLE: () => (KFP_RESULTS_UNAVAILABLE),
KfpOrchestrator: () => (KfpOrchestrator),
runDescription: () => (runDescription),
runDescriptionEntries: () => (runDescriptionEntries)
});
var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
var _http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3618);
var _options_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7276);
var _remote_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1706);
var _types_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5203);
const KFP_RESULTS_UNAVAILABLE = "Kubeflow Pipelines' v2beta1 API returns no output values (a task's outputs are ML Metadata artifact ids), so step results cannot be read";
const SYSTEM_TASKS = /^(root|root-driver|.*-driver|executor|dag-driver)$/;
function kfpState(raw) {
switch (raw) {
case "SUCCEEDED":
return "succeeded";
case "SKIPPED":
return "skipped";
case "FAILED":
return "failed";
case "CANCELED":
return "cancelled";
case "RUNNING":
case "CANCELING":
case "PAUSED":
return "running";
default:
return "pending";
}
}
const DESCRIPTION_PREFIX = "promote-actions";
const LABEL_KEYS = new Set([
_types_js__WEBPACK_IMPORTED_MODULE_4__.Bt,
_types_js__WEBPACK_IMPORTED_MODULE_4__.zq,
_types_js__WEBPACK_IMPORTED_MODULE_4__.kY,
_types_js__WEBPACK_IMPORTED_MODULE_4__.bP,
"promote-actions/commit",
"promote-actions/actor",
"promote-actions/github-run"
]);
const LIST_PAGE_SIZE = 100;
const LIST_MAX_PAGES = 20;
function runDescription(request) {
const entries = { ...request.labels, ...request.annotations };
return [
DESCRIPTION_PREFIX,
...Object.entries(entries).map(([k, v]) => `${k}=${v.replace(/[\s%]/g, c => encodeURIComponent(c))}`)
].join(" ");
}
function runDescriptionEntries(description) {
const words = (description ?? "").split(/\s+/);
if (words[0] !== DESCRIPTION_PREFIX)
return {};
const entries = {};
for (const word of words.slice(1)) {
const at = word.indexOf("=");
if (at < 1)
continue;
try {
entries[word.slice(0, at)] = decodeURIComponent(word.slice(at + 1));
}
catch {
entries[word.slice(0, at)] = word.slice(at + 1);
}
}
return entries;
}
class KfpOrchestrator {
cluster;
options;
kind = "kfp";
http;
ui;
constructor(cluster, options) {
this.cluster = cluster;
this.options = options;
const token = (0, _options_js__WEBPACK_IMPORTED_MODULE_2__.n5)(options.env, cluster.tokenEnv, options.log, `cluster ${cluster.url}`);
this.ui = (0, _remote_js__WEBPACK_IMPORTED_MODULE_3__.Y0)(cluster.uiUrl ?? cluster.url);
this.http = (0, _remote_js__WEBPACK_IMPORTED_MODULE_3__.uE)(options, "Kubeflow Pipelines API", (0, _remote_js__WEBPACK_IMPORTED_MODULE_3__.Y0)(cluster.url), (0, _http_js__WEBPACK_IMPORTED_MODULE_1__.CM)(token), _remote_js__WEBPACK_IMPORTED_MODULE_3__.Hx);
}
async pipelineId(request) {
if (request.pipelineId)
return request.pipelineId;
const response = await this.http.get(`/apis/v2beta1/pipelines/names/${encodeURIComponent(request.workflow)}`, { query: { namespace: this.cluster.namespace }, acceptStatus: [404] });
if (response.status === 404 || !response.body?.pipeline_id) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`pipeline '${request.workflow}' not found on ${this.cluster.url}${this.cluster.namespace ? ` (namespace ${this.cluster.namespace})` : ""}: ${(0, _remote_js__WEBPACK_IMPORTED_MODULE_3__.Hx)(response.body) ?? "no such pipeline"} (set workflows.<key>.name to the pipeline name, or pipelineId)`);
}
return response.body.pipeline_id;
}
async submit(request, signal) {
const pipelineId = await this.pipelineId(request);
const body = {
display_name: request.displayName,
description: runDescription(request),
...(this.cluster.experimentId && { experiment_id: this.cluster.experimentId }),
pipeline_version_reference: {
pipeline_id: pipelineId,
...(request.pipelineVersionId && { pipeline_version_id: request.pipelineVersionId })
},
runtime_config: { parameters: request.arguments }
};
try {
const { body: run } = await this.http.post("/apis/v2beta1/runs", {
body,
...(signal && { signal })
});
if (!run?.run_id)
throw new Error("Kubeflow Pipelines accepted the run but returned no run_id");
return { runId: run.run_id, url: this.runUrl(run.run_id), adopted: false };
}
catch (error) {
if (error instanceof _http_js__WEBPACK_IMPORTED_MODULE_1__.j$ && (error.status === 400 || error.status === 404)) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`Kubeflow Pipelines refused the run of '${request.workflow}': ${(0, _remote_js__WEBPACK_IMPORTED_MODULE_3__.Hx)(error.body) ?? error.message}`);
}
throw error;
}
}
async getStatus(runId) {
const { body: run } = await this.http.get(`/apis/v2beta1/runs/${encodeURIComponent(runId)}`);
const rawState = run?.state ?? "PENDING";
const steps = (run?.run_details?.task_details ?? [])
.filter(task => task.display_name && !SYSTEM_TASKS.test(task.display_name))
.map(task => ({
name: task.display_name,
state: kfpState(task.state),
rawState: task.state ?? "PENDING",
results: {},
...(task.start_time && { startedAt: task.start_time }),
...(task.end_time && { finishedAt: task.end_time }),
...(task.error?.message && { error: task.error.message })
}));
return {
runId,
state: kfpState(rawState),
rawState,
...(run?.error?.message && { error: run.error.message }),
...(run?.created_at && { startedAt: run.created_at }),
...(run?.finished_at &&
!run.finished_at.startsWith("1970") && { finishedAt: run.finished_at }),
url: this.runUrl(runId),
steps,
results: {},
resultsUnavailable: KFP_RESULTS_UNAVAILABLE
};
}
wait(runId, options) {
return (0, _remote_js__WEBPACK_IMPORTED_MODULE_3__.sW)(this.options, runId, options, () => this.getStatus(runId), () => this.cancel(runId));
}
cancel(runId) {
return (0, _remote_js__WEBPACK_IMPORTED_MODULE_3__.hE)(this.options, runId, () => this.requestCancel(runId), () => this.getStatus(runId));
}
async requestCancel(runId) {
await this.http.post(`/apis/v2beta1/runs/${encodeURIComponent(runId)}:terminate`, {
idempotent: true
});
}
runUrl(runId) {
return `${this.ui}/#/runs/details/${encodeURIComponent(runId)}`;
}
async findRuns(identity) {
const filter = {
predicates: [{ key: "display_name", operation: "IS_SUBSTRING", string_value: identity.key }]
};
const { body } = await this.http.get("/apis/v2beta1/runs", {
query: {
filter: JSON.stringify(filter),
sort_by: "created_at desc",
page_size: 50,
experiment_id: this.cluster.experimentId,
namespace: this.cluster.namespace
}
});
return (body?.runs ?? [])
.filter(run => run.run_id)
.map(run => ({ run, entries: runDescriptionEntries(run.description) }))
.filter(({ entries }) => entries[_types_js__WEBPACK_IMPORTED_MODULE_4__.Bt] === identity.key && entries[_types_js__WEBPACK_IMPORTED_MODULE_4__.kY] === identity.submission)
.map(({ run, entries }) => {
const attempt = Number(entries[_types_js__WEBPACK_IMPORTED_MODULE_4__.zq]);
return {
runId: run.run_id,
state: kfpState(run.state),
...(Number.isFinite(attempt) && attempt > 0 && { attempt }),
url: this.runUrl(run.run_id)
};
});
}
async listSubmissions(query) {
const predicates = [
{
key: "description",
operation: "IS_SUBSTRING",
string_value: `${DESCRIPTION_PREFIX} `
},
...(query.mode
? [
{
key: "description",
operation: "IS_SUBSTRING",
string_value: `${_types_js__WEBPACK_IMPORTED_MODULE_4__.bP}=${query.mode}`
}
]
: [])
];
const runs = [];
let token;
for (let page = 0; page < LIST_MAX_PAGES; page++) {
const { body } = await this.http.get("/apis/v2beta1/runs", {
query: {
filter: JSON.stringify({ predicates }),
sort_by: "created_at desc",
page_size: LIST_PAGE_SIZE,
...(token && { page_token: token }),
experiment_id: this.cluster.experimentId,
namespace: this.cluster.namespace
}
});
runs.push(...(body?.runs ?? []));
token = body?.next_page_token || undefined;
if (!token)
break;
}
return runs
.map(run => this.submissionOf(run))
.filter((run) => {
if (!run)
return false;
const repository = run.labels[_types_js__WEBPACK_IMPORTED_MODULE_4__.Op] ?? run.annotations[_types_js__WEBPACK_IMPORTED_MODULE_4__.Op];
return ((repository === query.repository || repository === query.repositoryName) &&
(!query.mode || run.labels[_types_js__WEBPACK_IMPORTED_MODULE_4__.bP] === query.mode));
});
}
async describeRun(runId) {
const response = await this.http.get(`/apis/v2beta1/runs/${encodeURIComponent(runId)}`, { acceptStatus: [404] });
return response.status === 404 ? undefined : this.submissionOf(response.body);
}
submissionOf(run) {
const entries = runDescriptionEntries(run?.description);
const key = entries[_types_js__WEBPACK_IMPORTED_MODULE_4__.Bt];
if (!run?.run_id || !key)
return undefined;
const labels = {};
const annotations = {};
for (const [name, value] of Object.entries(entries))
(LABEL_KEYS.has(name) ? labels : annotations)[name] = value;
return {
runId: run.run_id,
key,
...(entries[_types_js__WEBPACK_IMPORTED_MODULE_4__.kY] && { submission: entries[_types_js__WEBPACK_IMPORTED_MODULE_4__.kY] }),
state: kfpState(run.state),
labels,
annotations,
...(run.created_at && { createdAt: run.created_at }),
url: this.runUrl(run.run_id)
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
})
};
