export const id = 5234;
export const ids = [5234];
export const modules = {
5423: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
LX: () => (createGitHubClient),
OS: () => (GitHubApiError),
SU: () => (parseRepository),
Vu: () => (toGitHubApiError)
});
var _http_client_deferred_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2902);
var _http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3618);
var _core_secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8198);
class GitHubApiError extends Error {
status;
endpoint;
githubMessage;
ambiguous;
constructor(message, status, endpoint, githubMessage, ambiguous = false) {
super(message);
this.status = status;
this.endpoint = endpoint;
this.githubMessage = githubMessage;
this.ambiguous = ambiguous;
this.name = "GitHubApiError";
}
}
const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH"]);
const CONNECTION_NEVER_MADE = new Set([
"ECONNREFUSED",
"ENOTFOUND",
"EAI_AGAIN",
"ENETUNREACH",
"EHOSTUNREACH"
]);
function permissionFor(method, route) {
const access = method.toUpperCase() === "GET" ? "read" : "write";
if (/\/deployments/.test(route))
return `deployments: ${access}`;
if (/\/actions\//.test(route))
return `actions: read`;
if (/\/environments/.test(route) && access === "read")
return `actions: read`;
if (/\/pulls/.test(route))
return `pull-requests: ${access}`;
if (/\/issues\//.test(route))
return `pull-requests: ${access}` + (access === "write" ? " (or issues: write on issues)" : "");
if (/\/(contents|commits|git|branches)/.test(route))
return `contents: ${access}`;
return undefined;
}
function errorCode(error) {
let current = error;
for (let depth = 0; depth < 4 && current; depth++) {
const code = current.code;
if (typeof code === "string")
return code;
current = current.cause;
}
return undefined;
}
function headerValue(headers, name) {
const value = headers?.[name];
return value === undefined ? undefined : String(value);
}
function acceptedPermissions(header) {
if (!header)
return undefined;
const sets = header
.split(";")
.map(set => set
.split(",")
.map(pair => pair.trim())
.filter(Boolean)
.map(pair => {
const [name = "", level = ""] = pair.split("=");
return `${name.trim().replace(/_/g, "-")}: ${level.trim()}`;
})
.join(", "))
.filter(Boolean);
return sets.length > 0 ? sets.join(" or ") : undefined;
}
function githubMessageOf(error) {
const data = error.response?.data;
if (data && typeof data.message === "string") {
const details = Array.isArray(data.errors)
? data.errors
.map(e => typeof e === "string" ? e : (e.message ?? JSON.stringify(e)))
.join("; ")
: "";
return details ? `${data.message}: ${details}` : data.message;
}
return (error.message ?? "unknown error").replace(/ - https:\/\/docs\.github\.com\S*$/, "");
}
function hintFor(status, method, route, message, accepted) {
const permission = accepted ?? permissionFor(method, route);
switch (status) {
case undefined:
return "GitHub could not be reached: check the network, and GITHUB_API_URL on GitHub Enterprise Server.";
case 401:
return "The token is missing, invalid or expired: pass a valid github-token (the workflow\u2019s GITHUB_TOKEN or a token with access to this repository).";
case 403:
if (/rate limit/i.test(message))
return "GitHub\u2019s rate limit was exceeded: retry later or use a token with a higher limit.";
if (/not permitted to create or approve pull requests/i.test(message)) {
return "Allow it under Settings > Actions > General > \"Allow GitHub Actions to create and approve pull requests\", or pass a token of a user or GitHub App.";
}
return [
permission
? `The token lacks the permission this needs: add \`permissions: { ${permission} }\` to the job.`
: "The token lacks the permission this needs.",
"On pull requests from forks the GITHUB_TOKEN is read-only whatever the workflow asks for."
].join(" ");
case 404:
return `Check the repository, the names and ids in the request${permission ? `, and that the token may read it (\`${permission}\`)` : ""}: GitHub answers 404 rather than 403 when a token cannot see a private repository.`;
case 409:
return "GitHub refused because of a conflict (for deployments: commit status checks that are not green, or a merge conflict).";
case 422:
return "GitHub rejected the request\u2019s content (see its message).";
default:
return status >= 500
? "GitHub had a server error: retry the job; see https://www.githubstatus.com."
: "";
}
}
function redact(text, token) {
return _core_secrets_js__WEBPACK_IMPORTED_MODULE_1__.O3.scrub(token ? text.split(token).join("***") : text);
}
const REQUEST_PLUMBING = new Set(["method", "url", "baseUrl", "headers", "request", "mediaType"]);
function scrubRequest(options) {
for (const [key, value] of Object.entries(options)) {
if (!REQUEST_PLUMBING.has(key))
options[key] = _core_secrets_js__WEBPACK_IMPORTED_MODULE_1__.O3.scrubValue(value);
}
}
function toGitHubApiError(error, method, route, token = "") {
if (error instanceof GitHubApiError)
return error;
const e = error;
const reached = e.response !== undefined;
const status = reached ? e.status : undefined;
const githubMessage = redact(reached ? githubMessageOf(e) : (e.message ?? String(error)), token);
const endpoint = `${method.toUpperCase()} ${route}`;
const accepted = acceptedPermissions(headerValue(e.response?.headers, "x-accepted-github-permissions"));
const hint = hintFor(status, method, route, githubMessage, accepted);
const what = reached ? `${status} ${githubMessage}` : `no response (${githubMessage})`;
const ambiguous = !IDEMPOTENT.has(method.toUpperCase()) &&
(reached ? (status ?? 0) >= 500 : !CONNECTION_NEVER_MADE.has(errorCode(error) ?? ""));
return new GitHubApiError(`GitHub API ${endpoint} failed: ${what}.${hint ? ` ${hint}` : ""}`, status, endpoint, githubMessage, ambiguous);
}
function retryDelay(error, method, attempt, policy, maxRateLimitWaitMs, now = Date.now()) {
const e = error;
const idempotent = IDEMPOTENT.has(method.toUpperCase());
if (!e.response) {
if (e.name === "AbortError")
return undefined;
const neverConnected = CONNECTION_NEVER_MADE.has(errorCode(error) ?? "");
return idempotent || neverConnected ? (0, _http_js__WEBPACK_IMPORTED_MODULE_0__.EY)(attempt, policy) : undefined;
}
const status = e.response.status;
const headers = e.response.headers;
const retryAfter = (0, _http_js__WEBPACK_IMPORTED_MODULE_0__.mu)(headerValue(headers, "retry-after") ?? null, now);
const remaining = headerValue(headers, "x-ratelimit-remaining");
const reset = headerValue(headers, "x-ratelimit-reset");
if (status === 429 || (status === 403 && (retryAfter !== undefined || remaining === "0"))) {
const wait = retryAfter ??
(reset ? Math.max(0, Number(reset) * 1000 - now) : (0, _http_js__WEBPACK_IMPORTED_MODULE_0__.EY)(attempt, policy));
return wait <= maxRateLimitWaitMs ? wait : undefined;
}
if (status >= 500 && idempotent)
return retryAfter ?? (0, _http_js__WEBPACK_IMPORTED_MODULE_0__.EY)(attempt, policy);
return undefined;
}
async function loadGitHub() {
await (0, _http_client_deferred_js__WEBPACK_IMPORTED_MODULE_2__.w)();
return __webpack_require__.e(2413).then(__webpack_require__.bind(__webpack_require__, 2413));
}
async function createGitHubClient(token, options = {}) {
if (!token) {
throw new GitHubApiError("No GitHub token: pass the github-token input (default `${{ github.token }}`) or set GITHUB_TOKEN.", undefined, "(none)", "no token");
}
const baseUrl = (options.baseUrl ??
process.env.GITHUB_API_URL ??
"https://api.github.com").replace(/\/$/, "");
const policy = { ..._http_js__WEBPACK_IMPORTED_MODULE_0__.vI, ...options.retry };
const sleep = options.sleep ?? _http_js__WEBPACK_IMPORTED_MODULE_0__.uk;
const maxRateLimitWaitMs = options.maxRateLimitWaitMs ?? 60000;
const timeoutMs = options.timeoutMs ?? 60000;
_core_secrets_js__WEBPACK_IMPORTED_MODULE_1__.O3.add(token);
const { getOctokit } = await loadGitHub();
const octokit = getOctokit(token, { baseUrl });
octokit.hook.wrap("request", async (request, endpointOptions) => {
scrubRequest(endpointOptions);
const { method = "GET", url = "" } = endpointOptions;
const route = url.replace(baseUrl, "").split("?")[0] ?? url;
const callerSignal = endpointOptions.request?.signal;
for (let attempt = 0;; attempt++) {
const timer = new AbortController();
const timeout = setTimeout(() => timer.abort(), timeoutMs);
const signal = callerSignal ? AbortSignal.any([callerSignal, timer.signal]) : timer.signal;
try {
return await request({
...endpointOptions,
request: { ...endpointOptions.request, signal }
});
}
catch (caught) {
const timedOut = timer.signal.aborted && !callerSignal?.aborted;
const error = timedOut
? Object.assign(new Error(`timed out after ${timeoutMs} ms`), { code: "ETIMEDOUT" })
: caught;
const status = error.response?.status;
if (status === 304)
throw error;
const delay = attempt + 1 < policy.attempts
? retryDelay(error, method, attempt, policy, maxRateLimitWaitMs)
: undefined;
if (delay === undefined)
throw toGitHubApiError(error, method, route, token);
options.onRetry?.(`GitHub API ${method} ${route}: ${status ?? "no response"}; retrying in ${Math.round(delay / 100) / 10}s (attempt ${attempt + 2} of ${policy.attempts})`);
await sleep(delay);
}
finally {
clearTimeout(timeout);
}
}
});
return octokit;
}
function parseRepository(value) {
const match = /^([^/\s]+)\/([^/\s]+)$/.exec(value ?? "");
if (!match)
throw new Error(`expected a repository as 'owner/name' (GITHUB_REPOSITORY), got '${value ?? ""}'`);
return { owner: match[1], repo: match[2] };
}
}),
3206: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
u: () => (openOrUpdatePull)
});
var _client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5423);
async function findOpen(client, input) {
const head = input.head.includes(":") ? input.head : `${input.owner}:${input.head}`;
const { data } = await client.rest.pulls.list({
owner: input.owner,
repo: input.repo,
head,
base: input.base,
state: "open",
per_page: 10
});
return data[0];
}
async function openOrUpdatePull(client, input) {
const where = { owner: input.owner, repo: input.repo };
const update = async (number) => {
const { data } = await client.rest.pulls.update({
...where,
pull_number: number,
title: input.title,
body: input.body
});
return { number: data.number, url: data.html_url, action: "updated" };
};
const existing = await findOpen(client, input);
if (existing)
return update(existing.number);
try {
const { data } = await client.rest.pulls.create({
...where,
head: input.head,
base: input.base,
title: input.title,
body: input.body
});
return { number: data.number, url: data.html_url, action: "created" };
}
catch (error) {
if (error instanceof _client_js__WEBPACK_IMPORTED_MODULE_0__.OS &&
error.status === 422 &&
/already exists/i.test(error.githubMessage)) {
const raced = await findOpen(client, input);
if (raced)
return update(raced.number);
}
throw error;
}
}
}),
2902: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
Q: () => (HttpClient),
w: () => (loadHttpClient)
});
let real;
let loading;
function loadHttpClient() {
loading ??= __webpack_require__.e(4942).then(__webpack_require__.bind(__webpack_require__, 4942)).then(module => (real = module));
return loading;
}
class HttpClient {
constructor(...args) {
if (!real)
throw new Error("internal: @actions/http-client was needed before it was loaded (await loadHttpClient() first)");
return new real.HttpClient(...args);
}
}
}),
5234: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
collect: () => (collect)
});
var promises_ = __webpack_require__(1455);
var external_node_os_ = __webpack_require__(8161);
var external_node_path_ = __webpack_require__(6760);
var resolve = __webpack_require__(2170);
var detached = __webpack_require__(9521);
var duration = __webpack_require__(8571);
var errors = __webpack_require__(4296);
var gates = __webpack_require__(7311);
var core_report = __webpack_require__(8557);
var github_client = __webpack_require__(5423);
;
function qualified(ref) {
return ref.startsWith("refs/") ? ref : `refs/heads/${ref}`;
}
function git_short(ref) {
return qualified(ref).slice("refs/".length);
}
async function createRef(client, where, ref, sha) {
try {
await client.rest.git.createRef({ ...where, ref: qualified(ref), sha });
return "created";
}
catch (error) {
if (error instanceof github_client.OS &&
error.status === 422 &&
/already exists/i.test(error.githubMessage))
return "exists";
throw error;
}
}
async function getRef(client, where, ref) {
try {
const { data } = await client.rest.git.getRef({ ...where, ref: git_short(ref) });
return data.object.sha;
}
catch (error) {
if (error instanceof github_client.OS && error.status === 404)
return undefined;
throw error;
}
}
async function listRefs(client, where, prefix) {
const refs = await client.paginate(client.rest.git.listMatchingRefs, {
...where,
ref: git_short(prefix),
per_page: 100
});
return refs.map(r => r.ref);
}
async function commitFiles(client, where, input) {
const { data: parent } = await client.rest.git.getCommit({ ...where, commit_sha: input.parent });
const tree = await Promise.all(input.files.map(async (file) => {
const { data: blob } = await client.rest.git.createBlob({
...where,
content: Buffer.from(file.content, "utf8").toString("base64"),
encoding: "base64"
});
return { path: file.path, mode: "100644", type: "blob", sha: blob.sha };
}));
const { data: created } = await client.rest.git.createTree({
...where,
base_tree: parent.tree.sha,
tree
});
const { data: commit } = await client.rest.git.createCommit({
...where,
message: input.message,
tree: created.sha,
parents: [input.parent]
});
return commit.sha;
}
async function readFileAt(client, where, ref, path) {
try {
const { data } = await client.rest.repos.getContent({ ...where, path, ref });
if (Array.isArray(data) || data.type !== "file" || !("content" in data))
return undefined;
return Buffer.from(data.content, "base64").toString("utf8");
}
catch (error) {
if (error instanceof github_client.OS && error.status === 404)
return undefined;
throw error;
}
}
async function listRunJobs(client, where, runId, attempt) {
const jobs = await client.paginate(client.rest.actions.listJobsForWorkflowRunAttempt, {
...where,
run_id: runId,
attempt_number: attempt,
per_page: 100
});
return jobs.map(job => ({
id: job.id,
name: job.name,
...(job.runner_name && { runnerName: job.runner_name }),
status: job.status,
...(job.started_at && { startedAt: job.started_at }),
...(job.completed_at && { completedAt: job.completed_at }),
steps: (job.steps ?? []).map(step => ({
name: step.name,
number: step.number,
...(step.started_at && { startedAt: step.started_at }),
...(step.completed_at && { completedAt: step.completed_at })
}))
}));
}
var pulls = __webpack_require__(3206);
var types = __webpack_require__(5203);
var app_export = __webpack_require__(6585);
var run_workflow = __webpack_require__(9018);
var submission = __webpack_require__(3711);
var validate = __webpack_require__(7029);
;
const CHALLENGER_BRANCH_PREFIX = "promote/challenger/";
const COLLECTED_REF_PREFIX = "refs/promote/collected/";
const NOTIFIED_REF_PREFIX = "refs/promote/notified/";
const SUBMIT_STEP = /submit-train|^train$/i;
const PULL_MARKER = "promote-actions:challenger";
const seconds = (from, to) => {
if (!from || to === undefined)
return undefined;
const start = Date.parse(from);
const end = typeof to === "number" ? to : Date.parse(to);
return Number.isFinite(start) && Number.isFinite(end)
? Math.max(0, Math.round((end - start) / 1000))
: undefined;
};
function isTerminal(state) {
return types.kl.includes(state);
}
function clusterScopes(config, env) {
const scopes = new Map();
for (const name of (0, resolve.environmentNames)(config)) {
const environment = (0, resolve.g9)(config, { name, env });
const list = scopes.get(environment.cluster) ?? [];
for (const [key, workflow] of Object.entries(config.workflows))
list.push({ project: environment.projectName, workflow: workflow.name ?? key });
scopes.set(environment.cluster, list);
}
return scopes;
}
function namesRepository(run) {
return Boolean(run.labels["promote-actions/repository"] || run.annotations["promote-actions/repository"]);
}
function namesOtherRepository(run, repository) {
const named = [
run.labels["promote-actions/repository"],
run.annotations["promote-actions/repository"]
];
const ours = [
(0, submission.w)(`${repository.owner}-${repository.repo}`),
`${repository.owner}/${repository.repo}`
];
const present = named.filter((value) => Boolean(value));
return present.length > 0 && !present.some(value => ours.includes(value));
}
async function findCandidates(request, ports, results) {
const { config, repository, callback } = request;
const scopes = clusterScopes(config, request.env);
const candidates = [];
if (callback?.runId) {
const clusterName = callback.cluster ?? "";
const cluster = Object.hasOwn(config.clusters, clusterName)
? config.clusters[clusterName]
: undefined;
if (!cluster || !scopes.has(clusterName)) {
ports.log.warning(`The callback names cluster '${clusterName}', which no environment of promote.yaml uses: ignored (the scheduled reconcile still lists every cluster)`);
return [];
}
const orchestrator = await ports.orchestrator(cluster);
const run = await orchestrator.describeRun(callback.runId);
if (!run) {
results.push({
key: callback.submission ?? callback.runId,
runId: callback.runId,
cluster: clusterName,
outcome: "not-found",
notes: [`cluster '${clusterName}' has no run ${callback.runId} made by a submission`]
});
return [];
}
if (namesOtherRepository(run, repository)) {
results.push({
key: run.key,
runId: run.runId,
cluster: clusterName,
outcome: "not-ours",
notes: ["the run was submitted from another repository: left alone"]
});
return [];
}
candidates.push({
run,
clusterName,
orchestrator,
message: callback.message
});
return candidates;
}
for (const [clusterName, clusterScopesList] of scopes) {
const cluster = config.clusters[clusterName];
if (!cluster)
continue;
const orchestrator = await ports.orchestrator(cluster);
const runs = await orchestrator.listSubmissions({
repository: (0, submission.w)(`${repository.owner}-${repository.repo}`),
repositoryName: `${repository.owner}/${repository.repo}`,
mode: detached.tu,
scopes: clusterScopesList
});
for (const run of runs)
candidates.push({ run, clusterName, orchestrator });
}
return candidates;
}
async function collect(request, ports) {
const results = [];
const candidates = await findCandidates(request, ports, results);
const collected = new Set((await listRefs(ports.github, request.repository, COLLECTED_REF_PREFIX)).map(ref => ref.slice(COLLECTED_REF_PREFIX.length)));
const seen = new Set();
const pending = [];
for (const candidate of candidates) {
const { run, clusterName } = candidate;
if (seen.has(run.key))
continue;
seen.add(run.key);
const base = { key: run.key, runId: run.runId, cluster: clusterName, notes: [] };
if (collected.has(run.key))
results.push({ ...base, outcome: "already-collected" });
else
pending.push(candidate);
}
const collectJob = await collectJobStart(request, ports);
for (const candidate of pending) {
results.push(await collectRun({
config: request.config,
repository: request.repository,
context: request.context,
env: request.env,
run: candidate.run,
message: candidate.message,
clusterName: candidate.clusterName,
orchestrator: candidate.orchestrator,
announce: request.announce ?? true
}, ports));
}
const handled = results.filter(r => r.outcome === "collected");
const jobSeconds = collectJob ? seconds(collectJob.startedAt, ports.now()) : undefined;
if (jobSeconds !== undefined)
for (const run of handled)
run.collectSeconds = Math.max(1, Math.round(jobSeconds / handled.length));
const report = collectReport(results);
await ports.reporter?.summary(report);
return { ok: !results.some(r => r.outcome === "failed"), runs: results, report };
}
async function collectJobStart(request, ports) {
const { runId, runAttempt } = request.context;
if (!runId || !/^\d+$/.test(runId) || !request.runnerName)
return undefined;
try {
const jobs = await listRunJobs(ports.github, request.repository, Number(runId), Number(runAttempt ?? "1") || 1);
const own = jobs.find(job => job.runnerName === request.runnerName && job.status === "in_progress");
return own?.startedAt ? { startedAt: own.startedAt } : undefined;
}
catch (error) {
ports.log.info(`Runner time of this job unknown: ${(0, errors.gJ)(error)} (needs actions: read)`);
return undefined;
}
}
function submitStepSeconds(jobs, createdAt) {
const steps = jobs.flatMap(job => job.steps).filter(step => SUBMIT_STEP.test(step.name));
const created = createdAt ? Date.parse(createdAt) : NaN;
const during = steps.find(step => step.startedAt &&
step.completedAt &&
Date.parse(step.startedAt) <= created &&
created <= Date.parse(step.completedAt));
const step = during ?? steps.find(s => s.startedAt && s.completedAt);
return step ? seconds(step.startedAt, step.completedAt) : undefined;
}
async function collectRun(input, ports) {
const { config, repository, run } = input;
const result = {
key: run.key,
runId: run.runId,
cluster: input.clusterName,
outcome: "collected",
notes: []
};
try {
const origin = (0, submission._9)(run.key, Object.keys(config.workflows), (0, resolve.environmentNames)(config));
if (!origin) {
result.outcome = "not-found";
result.notes.push(`run key '${run.key}' matches no workflow and environment of promote.yaml: left alone`);
return result;
}
result.environment = origin.environment;
result.workflowKey = origin.workflowKey;
const jobs = await submittingJobs(input, origin.githubRun, result, ports);
if (jobs === "not-found" && !namesRepository(run)) {
result.outcome = "not-ours";
result.notes.push(`GitHub run ${origin.githubRun} is not ${repository.owner}/${repository.repo}'s: left alone`);
return result;
}
const environment = (0, resolve.g9)(config, { name: origin.environment, env: input.env });
const status = input.status ?? (await input.orchestrator.getStatus(run.runId));
result.state = status.state;
if (!isTerminal(status.state)) {
result.outcome = "running";
return result;
}
result.runSeconds = seconds(status.startedAt ?? run.createdAt, status.finishedAt);
accountRunnerTime(input, jobs === "not-found" ? undefined : jobs, result, ports);
const baseSha = await getRef(ports.github, repository, environment.branch);
if (!baseSha)
throw new Error(`branch '${environment.branch}' of environment '${environment.name}' does not exist in ${repository.owner}/${repository.repo}`);
let record;
let championMetrics;
let markerSha = baseSha;
if (status.state === "succeeded") {
const modelUri = (0, run_workflow.bI)(status);
if (!modelUri) {
result.notes.push(`the run reported no model URI${status.resultsUnavailable ? ` (${status.resultsUnavailable})` : ""}: no challenger to export, no pull request`);
}
else {
const proposal = await proposeChallenger({ ...input, environment, workflowKey: origin.workflowKey, status, modelUri, baseSha }, result, ports);
record = proposal.record;
championMetrics = proposal.championMetrics;
markerSha = proposal.headSha;
}
}
const claim = input.announce === false
? "not-announced"
: await createRef(ports.github, repository, `${NOTIFIED_REF_PREFIX}${run.key}`, markerSha);
if (claim !== "not-announced")
result.notified = claim === "created";
if (claim === "not-announced") {
result.notes.push("messages left to the job that waited for the run");
}
else if (claim === "created") {
const facts = runFacts(input, environment, origin.workflowKey, status, record, championMetrics, result);
const sent = await ports.notify(eventOf(status.state), facts, (0, submission.fq)(run.annotations) ?? input.message);
for (const delivery of sent?.deliveries ?? [])
if (!delivery.ok)
result.notes.push(`${delivery.via} not delivered: ${delivery.detail}`);
}
else {
result.notes.push("messages already sent by another collector");
}
await createRef(ports.github, repository, `${COLLECTED_REF_PREFIX}${run.key}`, markerSha);
return result;
}
catch (error) {
result.outcome = "failed";
result.error = (0, errors.gJ)(error);
ports.log.error(`Collecting run ${run.runId} (${run.key}) failed: ${result.error}`);
return result;
}
}
function eventOf(state) {
if (state === "succeeded")
return "succeeded";
if (state === "failed")
return "failed";
return "cancelled";
}
async function submittingJobs(input, githubRun, result, ports) {
const runId = Number(input.run.labels[submission.BN] ?? githubRun);
const attempt = Number(input.run.labels[types.zq] ?? "1") || 1;
try {
return await listRunJobs(ports.github, input.repository, runId, attempt);
}
catch (error) {
if (error instanceof github_client.OS && error.status === 404)
return "not-found";
result.notes.push(`submit step time unknown: ${(0, errors.gJ)(error)}`);
return undefined;
}
}
function accountRunnerTime(input, jobs, result, ports) {
const submit = jobs ? submitStepSeconds(jobs, input.run.createdAt) : undefined;
if (submit !== undefined)
result.submitStepSeconds = submit;
if (input.collectJob) {
const job = seconds(input.collectJob.startedAt, ports.now());
if (job !== undefined)
result.collectSeconds = Math.max(1, Math.round(job / Math.max(1, input.collectJob.share)));
}
}
async function proposeChallenger(input, result, ports) {
const { config, repository, environment, run } = input;
const registry = await ports.registry(config);
const exportDir = config.model.exportDir;
const tag = config.model.challengerTag;
const work = await (0, promises_.mkdtemp)((0, external_node_path_.join)((0, external_node_os_.tmpdir)(), "promote-collect-"));
try {
const previousPath = `${exportDir}/${(0, resolve.V6)(config.model.name, tag)}`;
const previous = await readFileAt(ports.github, repository, input.baseSha, previousPath);
await (0, promises_.mkdir)((0, external_node_path_.join)(work, exportDir), { recursive: true });
if (previous !== undefined)
await (0, promises_.writeFile)((0, external_node_path_.join)(work, previousPath), previous);
const exported = await (0, app_export.exportModel)({
uri: input.modelUri,
tag,
dir: exportDir,
cwd: work,
registry,
log: quiet(ports.log)
});
if (!exported.exported)
throw new Error("the export was declined");
const path = (0, external_node_path_.relative)(work, exported.file).split(external_node_path_.sep).join("/");
const content = await (0, promises_.readFile)(exported.file, "utf8");
const record = exported.record;
const branch = `${CHALLENGER_BRANCH_PREFIX}${run.key}`;
let headSha = await getRef(ports.github, repository, branch);
if (headSha) {
result.notes.push("export commit already on the challenger branch");
}
else {
const commit = await commitFiles(ports.github, repository, {
parent: input.baseSha,
files: [{ path, content }],
message: `Export ${record.name}${record.version ? ` ${record.version}` : ""} as ${tag} (run ${run.runId}, ${run.key})`
});
if ((await createRef(ports.github, repository, branch, commit)) === "created") {
headSha = commit;
}
else {
headSha = await getRef(ports.github, repository, branch);
result.notes.push("another collector committed the export first");
}
}
if (!headSha)
throw new Error(`branch ${branch} vanished while collecting`);
result.exportCommit = headSha;
const gates = await gateSection(input, record, registry, exportDir, ports);
const body = pullBody(input, record, path, headSha, gates.section, result);
result.pull = await (0, pulls.u)(ports.github, {
...repository,
head: branch,
base: environment.branch,
title: `Challenger ${record.name}${record.version ? ` ${record.version}` : ""} from ${input.workflowKey} on ${environment.name}`,
body
});
return {
record,
headSha,
...(gates.championMetrics && { championMetrics: gates.championMetrics })
};
}
finally {
await (0, promises_.rm)(work, { recursive: true, force: true });
}
}
function quiet(log) {
return { ...log, info: message => log.debug(message) };
}
async function gateSection(input, record, registry, exportDir, ports) {
const { config, repository, environment } = input;
const notes = [];
const champion = await (0, validate.fh)({
champion: "auto",
git: {
show: (revision, path) => revision.startsWith("origin/")
? Promise.resolve(undefined)
: readFileAt(ports.github, repository, revision, path)
},
registry: () => registry
}, config, exportDir, notes, record);
const evaluation = (0, gates.ud)({
gates: (0, resolve.wQ)(config, environment.name),
challenger: record.metrics,
champion: champion?.metrics,
...(champion && { championSource: champion.source })
});
const rows = evaluation.results.flatMap(gates.RX);
const section = {
title: `Gates (${environment.name})${champion ? ` against ${champion.source}` : ", no champion"}`,
verdict: evaluation.verdict,
...(rows.length
? { tables: [{ columns: [...gates.Um], rows }] }
: { text: ["promote.yaml sets no gates for this environment."] }),
...(notes.length && { items: notes })
};
const metrics = champion?.metrics
? Object.fromEntries(Object.entries(champion.metrics).filter((entry) => typeof entry[1] === "number"))
: undefined;
return { section, ...(metrics && { championMetrics: metrics }) };
}
function runLink(input) {
return input.run.annotations[submission.eU];
}
function pullBody(input, record, path, headSha, gates, result) {
const { run, status, environment } = input;
const facts = [
["Model", `${record.name}${record.version ? ` version ${record.version}` : ""}`],
["URI", `\`${record.uri}\``],
["Manifest", `\`${path}\` (${headSha.slice(0, 7)})`],
[
"Training",
`${input.workflowKey} on ${environment.name}, run ${status.url ? `[${run.runId}](${status.url})` : run.runId}`
],
...(runLink(input)
? [["Submitted by", `[GitHub run](${runLink(input)})`]]
: []),
...(result.runSeconds !== undefined
? [["Run length", (0, duration.a)(result.runSeconds * 1000)]]
: [])
];
const metrics = Object.entries(record.metrics);
const report = {
title: `Challenger from ${input.workflowKey} on ${environment.name}`,
verdict: gates.verdict ?? "info",
facts,
sections: [
gates,
...(metrics.length
? [
{
title: "Metrics",
tables: [
{ columns: ["Metric", "Value"], rows: metrics.map(([k, v]) => [k, String(v)]) }
]
}
]
: [])
]
};
return `${(0, core_report.Gc)(report)}\nOpened by \`promote collect\`; lint-test checks this pull request like any other.\n\n<!-- ${PULL_MARKER} ${run.key} -->\n`;
}
function runFacts(input, environment, workflowKey, status, record, championMetrics, result) {
const { run } = input;
const commit = run.labels[submission.RL] ?? run.annotations["promote-actions/commit"];
const actor = run.annotations[submission.sA] ?? run.labels["promote-actions/actor"];
const logUrl = runLink(input);
return {
kind: "train",
project: environment.projectName,
environment: environment.name,
workflow: workflowKey,
runId: status.runId,
...(status.workflowId && { workflowId: status.workflowId }),
...((status.url ?? run.url) && { runUrl: status.url ?? run.url }),
...(logUrl && { logUrl }),
state: status.state,
...(status.error && { error: status.error }),
...(record && {
model: {
name: record.name,
...(record.version && { version: record.version }),
uri: record.uri,
contentHash: record.contentHash,
metrics: record.metrics,
...(championMetrics && { championMetrics })
}
}),
...(result.pull && { pullRequest: { number: result.pull.number, url: result.pull.url } }),
steps: (0, run_workflow.mv)(status.steps),
results: status.results,
...(commit && { commit }),
...(actor && { actor }),
...(status.startedAt && { startedAt: status.startedAt }),
...(status.finishedAt && { finishedAt: status.finishedAt })
};
}
const OUTCOME_TEXT = {
collected: "collected",
"already-collected": "already collected",
running: "still running",
"not-ours": "not this repository\u2019s",
"not-found": "not found",
failed: "failed (the next reconcile tries again)"
};
function verdictOf(run) {
if (run.outcome === "failed")
return "fail";
if (run.outcome !== "collected")
return "skip";
return run.state === "succeeded" ? "pass" : "warn";
}
function secondsText(value) {
return value === undefined ? "unknown" : `${value} s`;
}
function collectReport(runs) {
const handled = runs.filter(r => r.outcome === "collected" || r.outcome === "failed");
const others = runs.filter(r => !handled.includes(r));
const sections = handled.map(run => {
const runner = run.submitStepSeconds !== undefined || run.collectSeconds !== undefined
? (run.submitStepSeconds ?? 0) + (run.collectSeconds ?? 0)
: undefined;
const facts = [
["Run", `${run.runId} on ${run.cluster}`],
["Key", run.key],
...(run.environment ? [["Environment", run.environment]] : []),
...(run.state ? [["State", run.state]] : []),
[
"Run length",
run.runSeconds === undefined ? "unknown" : (0, duration.a)(run.runSeconds * 1000)
],
[
"Runner time",
`${secondsText(runner)} (submit step ${secondsText(run.submitStepSeconds)} + collect ${secondsText(run.collectSeconds)})`
],
...(run.exportCommit ? [["Export commit", run.exportCommit]] : []),
...(run.pull
? [
["Pull request", `[#${run.pull.number}](${run.pull.url}) (${run.pull.action})`]
]
: []),
...(run.notified !== undefined
? [["Messages", run.notified ? "sent" : "already sent"]]
: [])
];
return {
title: `${run.workflowKey ?? "run"} ${run.runId}: ${OUTCOME_TEXT[run.outcome]}`,
verdict: verdictOf(run),
facts,
...(run.error && { text: [run.error] }),
...(run.notes.length && { items: run.notes })
};
});
if (others.length)
sections.push({
title: "Not collected now",
tables: [
{
columns: ["Run", "Key", "Cluster", "Why"],
rows: others.map(r => [
r.runId,
r.key,
r.cluster,
[OUTCOME_TEXT[r.outcome], ...r.notes].join("; ")
])
}
]
});
const failed = handled.filter(r => r.outcome === "failed").length;
const done = handled.length - failed;
return {
title: `promote collect: ${done} run${done === 1 ? "" : "s"} collected${failed ? `, ${failed} failed` : ""}`,
verdict: failed ? "fail" : done ? "pass" : "info",
sections
};
}
}),
6585: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
exportModel: () => (exportModel)
});
var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = __webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
var node_path__WEBPACK_IMPORTED_MODULE_1___default = __webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
var _core_config_resolve_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2170);
var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);
var _core_fs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8616);
var _core_manifest_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4414);
var _core_log_safety_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(276);
var _core_paths_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6107);
var _core_report_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8557);
var _core_uri_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(2129);
var _core_yaml_export_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(8863);
var _core_yaml_source_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(668);
function exportQuestion(uri, tag) {
return `Export model '${uri}' with tag '${tag}'? (yes/no): `;
}
function pythonString(text) {
return `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}
async function exportModel(request) {
const { uri, tag, log } = request;
try {
(0, _core_uri_js__WEBPACK_IMPORTED_MODULE_9__.hY)(uri);
}
catch (error) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__.ConfigurationError(error.message);
}
if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(tag))
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__.ConfigurationError(`tag '${tag}' must be letters, digits, '.', '-' or '_'`);
const dirProblem = (0, _core_paths_js__WEBPACK_IMPORTED_MODULE_7__.Vf)(request.dir);
if (dirProblem)
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__.ConfigurationError(`export dir '${(0, _core_log_safety_js__WEBPACK_IMPORTED_MODULE_6__.g)(request.dir)}' ${dirProblem}`);
await (0, _core_fs_js__WEBPACK_IMPORTED_MODULE_4__.zg)(request.cwd, (0, node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(request.cwd, request.dir), request.dir);
const resolved = await request.registry.resolve(uri);
const rawKey = resolved.manifest.metadata?.key;
const key = typeof rawKey === "string" ? rawKey : "";
const keyProblem = (0, _core_paths_js__WEBPACK_IMPORTED_MODULE_7__.sv)(key);
if (keyProblem)
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__.ConfigurationError(`the registry's model key ${rawKey === undefined ? "(none)" : `'${(0, _core_log_safety_js__WEBPACK_IMPORTED_MODULE_6__.g)(String(rawKey))}'`} ${keyProblem}; nothing was written`);
const fileName = (0, _core_config_resolve_js__WEBPACK_IMPORTED_MODULE_2__.V6)(key, tag);
const file = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(request.cwd, request.dir, fileName);
const shown = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(request.cwd, file) || fileName;
const exists = await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(file).then(() => true, (error) => error.code !== "ENOENT");
const previous = exists
? await (0, _core_fs_js__WEBPACK_IMPORTED_MODULE_4__.Cj)(request.cwd, file, { shown, maxBytes: _core_yaml_source_js__WEBPACK_IMPORTED_MODULE_11__.ZJ })
: undefined;
let manifest;
if (request.registry.kind === "mlrun") {
const python = resolved.python ?? (0, _core_yaml_export_js__WEBPACK_IMPORTED_MODULE_10__.tX)(resolved.manifest);
manifest = (0, _core_manifest_js__WEBPACK_IMPORTED_MODULE_5__.fJ)(python, previous === undefined ? {} : (0, _core_manifest_js__WEBPACK_IMPORTED_MODULE_5__.qK)(previous));
}
else {
manifest = (0, _core_yaml_export_js__WEBPACK_IMPORTED_MODULE_10__.tX)(resolved.manifest);
const metadata = manifest.get("metadata");
if (metadata instanceof Map)
metadata.set("tag", tag);
}
const text = (0, _core_manifest_js__WEBPACK_IMPORTED_MODULE_5__.Tc)(manifest);
const checked = (0, _core_manifest_js__WEBPACK_IMPORTED_MODULE_5__.Ng)((0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(request.dir, fileName), text, { knownTags: [tag] });
const record = checked.record;
log.info(`Model ${record.name}${record.version ? ` version ${record.version}` : ""} (${record.uri})`);
const metrics = Object.entries(record.metrics);
if (metrics.length)
log.info(`  metrics: ${metrics.map(([k, v]) => `${k}=${(0, _core_report_js__WEBPACK_IMPORTED_MODULE_8__.Fl)(v)}`).join(", ")}`);
if (record.location)
log.info(`  location: ${record.location}`);
if (request.confirm && !(await request.confirm(exportQuestion(uri, tag)))) {
log.info("Export cancelled: nothing was written.");
return { exported: false, reason: "declined" };
}
if (previous === text) {
log.info(`${shown} already holds this export: nothing changed.`);
return { exported: true, file, record };
}
await (0, _core_fs_js__WEBPACK_IMPORTED_MODULE_4__.Zf)(file, text);
log.info(`${previous === undefined ? "Wrote" : "Updated"} ${shown}`);
log.info("");
log.info("Next steps:");
log.info(`  git add '${shown}'`);
log.info(`  git commit -m 'Export ${key} (${record.version ?? record.uri}) as ${tag}'`);
if (request.registry.kind === "mlrun") {
log.info(`  (MLRun imports it with project.set_artifact(key=${pythonString(key)}, artifact=${pythonString(shown)}, tag=${pythonString(tag)}))`);
}
log.info(`  git push, then open a pull request${request.targetBranch ? ` into ${request.targetBranch}` : ""}: lint-test checks it and compares it with the champion`);
return { exported: true, file, record };
}
})
};
