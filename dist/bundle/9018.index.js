export const id = 9018;
export const ids = [9018];
export const modules = {
9018: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
bI: () => (findModelUri),
mv: () => (stepFacts),
runWorkflow: () => (runWorkflow)
});
var _adapters_http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3618);
var _adapters_orchestrators_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9314);
var _adapters_orchestrators_options_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7276);
var _adapters_orchestrators_types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5203);
var _core_config_resolve_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2170);
var _core_duration_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8571);
var _core_detached_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9521);
var _core_errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4296);
var _core_report_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8557);
var _submission_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(3711);
function detachedCallback(cluster, clusterName, context, env, submission, message) {
if (cluster.kind === "command") {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_7__.ConfigurationError(`cluster '${clusterName}' is a command cluster: its run is a process of this machine and ends with the job, so it cannot be detached (use wait: false to start it and go on, or an orchestrator: mlrun, argo or kfp)`);
}
if (cluster.kind === "kfp" || !cluster.callback)
return { info: { submission } };
if (!context.repository) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_7__.ConfigurationError(`clusters.${clusterName}.callback: the callback needs the repository to dispatch to: set GITHUB_REPOSITORY=owner/repo (the runner sets it)`);
}
const url = (0, _core_detached_js__WEBPACK_IMPORTED_MODULE_6__._i)(cluster.callback.apiUrl ?? env.GITHUB_API_URL ?? "https://api.github.com", context.repository);
return {
callback: { url, submission, cluster: clusterName, ...(message && { message }) },
info: {
submission,
callback: cluster.kind === "mlrun" ? "mlrun-notification" : "argo-exit-hook",
callbackUrl: url
}
};
}
function isAmbiguous(error) {
return error instanceof _adapters_http_js__WEBPACK_IMPORTED_MODULE_0__.j$ && error.ambiguous;
}
const MODEL_URI_KEYS = ["model_uri", "modelUri", "model-uri"];
function findModelUri(status) {
const sources = [status.results, ...[...status.steps].reverse().map(s => s.results)];
for (const results of sources) {
for (const key of MODEL_URI_KEYS) {
const value = results[key];
if (typeof value === "string" && value)
return value;
}
}
for (const results of sources) {
for (const value of Object.values(results)) {
if (typeof value === "string" && /^store:\/\/models\//.test(value))
return value;
}
}
return undefined;
}
function describeSteps(steps) {
const mark = {
pending: "\u2026",
running: "\u25B6",
succeeded: "\u2713",
failed: "\u2717",
cancelled: "\u2298",
skipped: "\u21B7"
};
return steps.map(s => `${s.name} ${mark[s.state]}`).join(", ");
}
function verdictOf(state, waited) {
if (!waited)
return "info";
if (state === "succeeded")
return "pass";
if (state === "skipped")
return "skip";
return "fail";
}
function stateText(state, raw) {
return raw && raw.toLowerCase() !== state ? `${state} (${raw})` : state;
}
function stepDuration(step) {
if (!step.startedAt || !step.finishedAt)
return "\u2014";
const ms = Date.parse(step.finishedAt) - Date.parse(step.startedAt);
return Number.isFinite(ms) && ms >= 0 ? (0, _core_duration_js__WEBPACK_IMPORTED_MODULE_5__.a)(ms) : "\u2014";
}
async function runWorkflow(options) {
const { config, context, log, signal } = options;
const workflowKey = options.workflowKey || "train";
const environment = (0, _core_config_resolve_js__WEBPACK_IMPORTED_MODULE_4__.g9)(config, {
name: options.environment,
branch: context.branch,
env: options.orchestrator?.env ?? process.env
});
const workflow = (0, _core_config_resolve_js__WEBPACK_IMPORTED_MODULE_4__.KV)(config, workflowKey, environment, options.overrides ?? {}, options.timeout, options.supplied ?? {});
const clusterName = environment.cluster;
const cluster = environment.clusterConfig;
const orchestratorOptions = {
log,
scope: { project: environment.projectName, workflow: workflow.remoteName },
...options.orchestrator
};
const orchestrator = await (options.createOrchestrator ?? _adapters_orchestrators_index_js__WEBPACK_IMPORTED_MODULE_1__.hc)(cluster, orchestratorOptions);
const detach = options.detach ?? false;
const wait = detach ? false : (options.wait ?? true);
const startedAt = new Date();
const configuredSource = environment.source ?? (cluster.kind === "mlrun" ? cluster.source : undefined);
const source = configuredSource?.replaceAll("{branch}", environment.branch);
const target = {
workflow: workflow.remoteName,
...(workflow.command !== undefined && { command: workflow.command }),
arguments: workflow.arguments,
project: environment.projectName,
...(source !== undefined && { source }),
...(workflow.path && { workflowPath: workflow.path }),
...(workflow.pipelineId && { pipelineId: workflow.pipelineId }),
...(workflow.pipelineVersionId && { pipelineVersionId: workflow.pipelineVersionId })
};
const identity = (0, _submission_js__WEBPACK_IMPORTED_MODULE_9__.jk)({
context,
workflowKey,
environment: environment.name,
cluster: clusterName,
target,
detached: detach,
...(detach && options.message && { message: options.message })
});
const { labels } = identity;
const detached = detach
? detachedCallback(cluster, clusterName, context, options.orchestrator?.env ?? process.env, identity.submission, options.message)
: undefined;
const request = {
...target,
labels,
annotations: identity.annotations,
displayName: `${identity.key}-a${identity.attempt}`,
projectWorkflows: Object.entries(config.workflows).flatMap(([key, w]) => w.path ? [{ name: w.name ?? key, path: w.path }] : []),
...(detached?.callback && { callback: detached.callback })
};
log.info(`Submitting workflow '${workflow.remoteName}' of project '${environment.projectName}' to cluster '${clusterName}' (${cluster.kind}), environment '${environment.name}'`);
if (signal?.aborted)
throw new Error("cancelled before the workflow was submitted");
const submitting = {
cluster: clusterName,
project: environment.projectName,
workflow: workflow.remoteName,
identity
};
options.onSubmitting?.(submitting);
const submitted = await submitOnce(orchestrator, request, identity, log, signal, !!context.runId, (0, _adapters_orchestrators_options_js__WEBPACK_IMPORTED_MODULE_2__.$i)(orchestratorOptions).sleep).catch(error => {
if (!signal?.aborted && !isAmbiguous(error))
options.onNotSubmitted?.();
throw error;
});
options.onSubmitted?.(submitted, { ...submitting, clusterConfig: cluster, orchestrator });
const url = submitted.url ?? orchestrator.runUrl(submitted.runId);
log.info(`${submitted.adopted ? "Adopted existing" : "Submitted"} run ${submitted.runId}${url ? `: ${url}` : ""}`);
let status;
let failure;
let cancelFailed;
if (detach) {
status = {
runId: submitted.runId,
state: "pending",
rawState: "submitted",
steps: [],
results: {}
};
}
else if (!wait) {
status = await orchestrator.getStatus(submitted.runId).catch(error => {
log.warning(`could not read the run's status: ${(0, _core_errors_js__WEBPACK_IMPORTED_MODULE_7__.gJ)(error)}`);
return {
runId: submitted.runId,
state: "pending",
rawState: "submitted",
steps: [],
results: {}
};
});
}
else {
const progressEvery = options.progressIntervalMs ?? 30000;
let lastLine = 0;
let lastState = "";
const onStatus = (s) => {
const now = Date.now();
const stateChanged = s.rawState !== lastState;
if (!stateChanged && now - lastLine < progressEvery)
return;
lastState = s.rawState;
lastLine = now;
const steps = s.steps.length ? ` — ${describeSteps(s.steps)}` : "";
log.info(`[${(0, _core_duration_js__WEBPACK_IMPORTED_MODULE_5__.a)(now - startedAt.getTime())}] ${s.rawState}${steps}`);
};
status = await log.group(`Waiting for ${workflow.remoteName} (${submitted.runId}), timeout ${(0, _core_duration_js__WEBPACK_IMPORTED_MODULE_5__.a)(workflow.timeoutMs)}`, async () => {
try {
return await orchestrator.wait(submitted.runId, {
timeoutMs: workflow.timeoutMs,
signal,
onStatus
});
}
catch (error) {
if (error instanceof _adapters_orchestrators_types_js__WEBPACK_IMPORTED_MODULE_3__.NE || error instanceof _adapters_orchestrators_types_js__WEBPACK_IMPORTED_MODULE_3__.$H) {
cancelFailed = error.cancelError;
const why = error instanceof _adapters_orchestrators_types_js__WEBPACK_IMPORTED_MODULE_3__.NE
? `timed out after ${(0, _core_duration_js__WEBPACK_IMPORTED_MODULE_5__.a)(error.timeoutMs)}`
: "the job was cancelled";
failure = cancelFailed
? `${why}, and cancelling the run failed: ${cancelFailed}. It may still be running${url ? `: ${url}` : ""}`
: `${why}: the run was cancelled${error instanceof _adapters_orchestrators_types_js__WEBPACK_IMPORTED_MODULE_3__.$H ? " too" : ""}`;
return error.status;
}
throw error;
}
});
}
if (failure)
status = { ...status, error: status.error ? `${failure} (${status.error})` : failure };
const finishedAt = new Date();
const modelUri = findModelUri(status);
const ok = wait ? status.state === "succeeded" && !failure : true;
const runUrl = status.url ?? url ?? orchestrator.runUrl(submitted.runId);
const durationMs = status.startedAt && status.finishedAt
? Date.parse(status.finishedAt) - Date.parse(status.startedAt)
: finishedAt.getTime() - startedAt.getTime();
const facts = {
kind: options.kind ?? (workflowKey === "train" ? "train" : "workflow"),
project: environment.projectName,
environment: environment.name,
workflow: workflowKey,
runId: submitted.runId,
...(status.workflowId && { workflowId: status.workflowId }),
...(runUrl && { runUrl }),
...(context.runUrl && { logUrl: context.runUrl }),
state: wait ? status.state : "submitted",
...(status.error && { error: status.error }),
model: { name: config.model.name, ...(modelUri && { uri: modelUri }) },
steps: stepFacts(status.steps),
results: status.results,
commit: context.sha,
actor: context.triggeringActor ?? context.actor,
startedAt: status.startedAt ?? startedAt.toISOString(),
...(wait && { finishedAt: status.finishedAt ?? finishedAt.toISOString() })
};
const report = buildReport({
workflowKey,
workflow,
environment,
clusterName,
cluster,
status,
submitted,
runUrl,
modelUri,
waited: wait,
ok,
durationMs,
context,
detached: detached?.info
});
return {
status,
submitted,
environment,
workflow,
labels,
modelUri,
ok,
report,
facts,
...(cancelFailed && { cancelFailed }),
...(detached && { detached: detached.info })
};
}
const SUBMIT_TRIES = 5;
const MAX_RETRY_AFTER_MS = 60000;
async function submitOnce(orchestrator, request, identity, log, signal, fromGitHub, sleep) {
const scope = { project: request.project, workflow: request.workflow };
const { attempt } = identity;
if (fromGitHub) {
const previous = await orchestrator.findRuns(identity, scope).catch(error => {
if (error instanceof _adapters_http_js__WEBPACK_IMPORTED_MODULE_0__.j$ &&
error.status !== undefined &&
[400, 404, 405, 501].includes(error.status)) {
log.warning(`Could not look for an earlier submission of this run (${(0, _core_errors_js__WEBPACK_IMPORTED_MODULE_7__.gJ)(error)}): submitting`);
return [];
}
throw error;
});
const same = previous.find(r => r.attempt === attempt);
const reusable = same ?? previous.find(r => ["pending", "running", "succeeded"].includes(r.state));
if (reusable) {
log.info(`Found run ${reusable.runId} (${reusable.state}${reusable.attempt ? `, attempt ${reusable.attempt}` : ""}) submitted by this job with the same target and arguments: following it instead of submitting again`);
return { runId: reusable.runId, ...(reusable.url && { url: reusable.url }), adopted: true };
}
}
for (let tries = 1;; tries++) {
try {
return await orchestrator.submit(request, signal);
}
catch (error) {
if (signal?.aborted) {
for (const run of await orchestrator.findRuns(identity, scope).catch(() => [])) {
if (run.attempt === attempt)
await orchestrator.cancel(run.runId).catch(() => undefined);
}
throw error;
}
if (!isAmbiguous(error) || tries >= SUBMIT_TRIES)
throw error;
log.warning(`The submission may have reached the cluster (${(0, _core_errors_js__WEBPACK_IMPORTED_MODULE_7__.gJ)(error)}): looking for it before sending it again`);
const retryAfter = error.retryAfterMs;
if (retryAfter !== undefined)
await sleep(Math.min(retryAfter, MAX_RETRY_AFTER_MS));
const found = await findSubmission(orchestrator, identity, scope, sleep);
if (found) {
log.info(`The first submission did arrive: following run ${found.runId}`);
return found;
}
log.info(`No run of this submission on the cluster: sending it again (try ${tries + 1})`);
}
}
}
async function findSubmission(orchestrator, identity, scope, sleep) {
for (let look = 0; look < 3; look++) {
try {
const run = (await orchestrator.findRuns(identity, scope)).find(r => r.attempt === identity.attempt);
if (run)
return { runId: run.runId, ...(run.url && { url: run.url }), adopted: true };
}
catch {
}
await sleep(500 * (look + 1));
}
return undefined;
}
function detachedText(info, clusterName) {
const how = info.callback === "mlrun-notification"
? `MLRun sends the repository_dispatch '${_core_detached_js__WEBPACK_IMPORTED_MODULE_6__.BW}' when the workflow runner ends (a webhook run notification; its token is the project secret named in clusters.${clusterName}.callback.tokenSecret)`
: info.callback === "argo-exit-hook"
? `the Workflow's exit hook sends the repository_dispatch '${_core_detached_js__WEBPACK_IMPORTED_MODULE_6__.BW}' when it ends, whatever its phase (its token is the Kubernetes Secret named in clusters.${clusterName}.callback.tokenSecret)`
: `this cluster does not call back (Kubeflow Pipelines, or no callback configured): the scheduled reconcile of the collect workflow finds the run by its labels`;
return [
`Detached: this job does not wait. When the run ends, ${how}; the collect workflow then reports it and, for a trained model, opens the challenger pull request. The scheduled reconcile also picks it up if the callback is lost.`,
`Submission: ${info.submission}`
];
}
function buildReport(input) {
const { status, workflow, environment } = input;
const verdict = input.ok ? verdictOf(status.state, input.waited) : "fail";
const outcome = !input.waited ? "submitted" : status.state;
const facts = [
["Run", status.runId],
["State", stateText(outcome, status.rawState)],
["Environment", environment.name],
["Cluster", `${input.clusterName} (${input.cluster.kind})`],
["Project", environment.projectName],
...(status.workflowId ? [["Workflow id", status.workflowId]] : []),
[
"Workflow",
workflow.remoteName === input.workflowKey
? workflow.remoteName
: `${input.workflowKey} (${workflow.remoteName})`
]
];
if (input.waited)
facts.push(["Duration", (0, _core_duration_js__WEBPACK_IMPORTED_MODULE_5__.a)(Math.max(0, input.durationMs))]);
if (input.modelUri)
facts.push(["Model URI", input.modelUri]);
if (input.submitted.adopted)
facts.push(["Submission", "adopted an existing run for this GitHub run (not submitted twice)"]);
const sections = [];
if (input.detached)
sections.push({
title: "Detached",
verdict: "info",
text: detachedText(input.detached, input.clusterName)
});
if (status.error)
sections.push({ title: "Error", verdict: "fail", text: [status.error] });
if (status.steps.length) {
sections.push({
title: "Steps",
tables: [
{
columns: ["Step", "State", "Duration", "Error"],
rows: status.steps.map(s => [
s.name,
stateText(s.state, s.rawState),
stepDuration(s),
s.error ?? ""
])
}
]
});
}
const results = Object.entries(status.results);
if (!results.length && status.resultsUnavailable && input.waited) {
sections.push({ title: "Results", verdict: "info", text: [status.resultsUnavailable] });
}
if (results.length) {
sections.push({
title: "Results",
tables: [{ columns: ["Name", "Value"], rows: results.map(([k, v]) => [k, (0, _core_report_js__WEBPACK_IMPORTED_MODULE_8__.Fl)(v)]) }]
});
}
const args = Object.entries(workflow.arguments);
if (args.length) {
sections.push({
title: "Arguments",
tables: [{ columns: ["Name", "Value"], rows: args.map(([k, v]) => [k, (0, _core_report_js__WEBPACK_IMPORTED_MODULE_8__.Fl)(v)]) }]
});
}
const links = [];
if (input.runUrl)
links.push({ label: `Run in ${input.cluster.kind}`, url: input.runUrl });
if (input.context.runUrl)
links.push({ label: "Logs", url: input.context.runUrl });
const title = `${input.workflowKey} on ${environment.name}: ${input.waited ? status.state : input.detached ? "submitted, detached" : `submitted (${status.state})`}`;
return { title, verdict, facts, sections, ...(links.length && { links }) };
}
function stepFacts(steps) {
return steps.map(step => ({
name: step.name,
state: step.state,
results: step.results,
...(step.error && { error: step.error }),
...(step.startedAt && { startedAt: step.startedAt }),
...(step.finishedAt && { finishedAt: step.finishedAt })
}));
}
}),
3711: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
BN: () => (LABEL_GITHUB_RUN),
RL: () => (LABEL_COMMIT),
_9: () => (keyOrigin),
eU: () => (ANNOTATION_RUN_URL),
fq: () => (slackMessageOf),
jk: () => (submissionIdentity),
sA: () => (ANNOTATION_ACTOR),
w: () => (labelValue)
});
var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = __webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
var _adapters_orchestrators_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5203);
var _core_detached_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9521);
var _core_hash_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(299);
const LABEL_COMMIT = "promote-actions/commit";
const LABEL_ACTOR = "promote-actions/actor";
const LABEL_GITHUB_RUN = "promote-actions/github-run";
const ANNOTATION_REPOSITORY = "promote-actions/repository";
const ANNOTATION_COMMIT = "promote-actions/commit";
const ANNOTATION_ACTOR = "promote-actions/actor";
const ANNOTATION_RUN_URL = "promote-actions/run-url";
const ANNOTATION_JOB = "promote-actions/job";
const ANNOTATION_SLACK_MESSAGE = "promote-actions/slack-message";
const KEY_HASH_LENGTH = 8;
const SUBMISSION_HASH_LENGTH = 16;
const KEY_LENGTH = 58;
function labelValue(text) {
const clean = text
.toLowerCase()
.replace(/[^a-z0-9-]+/g, "-")
.replace(/-+/g, "-")
.replace(/^-|-$/g, "");
return clean.slice(0, 63).replace(/-$/, "") || "x";
}
function isLabelValue(value) {
return value.length <= 63 && /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(value);
}
function keyReadablePart(run, workflowKey, environment) {
return labelValue(`${run}-${workflowKey}-${environment}`)
.slice(0, KEY_LENGTH - KEY_HASH_LENGTH - 1)
.replace(/-+$/, "");
}
function keyOrigin(key, workflowKeys, environments) {
const match = /^gh(\d+)-(.*)-[0-9a-f]{8}$/.exec(key);
if (!match)
return undefined;
const githubRun = match[1];
const fits = workflowKeys.flatMap(workflowKey => environments
.filter(environment => `${keyReadablePart(`gh${githubRun}`, workflowKey, environment)}-${key.slice(-KEY_HASH_LENGTH)}` ===
key)
.map(environment => ({ githubRun, workflowKey, environment })));
return fits.length === 1 ? fits[0] : undefined;
}
function matrixValue(matrix) {
const text = matrix?.trim();
if (!text || text.startsWith("${{"))
return null;
try {
return JSON.parse(text);
}
catch {
return text;
}
}
function submissionIdentity(input) {
const { context, target } = input;
const run = context.runId ? `gh${context.runId}` : `local-${(0, node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString("hex")}`;
const attempt = context.runId ? Number(context.runAttempt || "1") || 1 : 1;
const hash = (0, _core_hash_js__WEBPACK_IMPORTED_MODULE_3__.s)((0, _core_hash_js__WEBPACK_IMPORTED_MODULE_3__.d)({
run,
job: context.job ?? null,
matrix: matrixValue(context.matrix),
workflowKey: input.workflowKey,
environment: input.environment,
cluster: input.cluster,
target: {
workflow: target.workflow,
project: target.project,
command: target.command ?? null,
source: target.source ?? null,
workflowPath: target.workflowPath ?? null,
pipelineId: target.pipelineId ?? null,
pipelineVersionId: target.pipelineVersionId ?? null
},
arguments: target.arguments
}));
const submission = hash.slice(0, SUBMISSION_HASH_LENGTH);
const key = `${keyReadablePart(run, input.workflowKey, input.environment)}-${hash.slice(0, KEY_HASH_LENGTH)}`;
const labels = {
[_adapters_orchestrators_types_js__WEBPACK_IMPORTED_MODULE_1__.Bt]: key,
[_adapters_orchestrators_types_js__WEBPACK_IMPORTED_MODULE_1__.zq]: String(attempt),
[_adapters_orchestrators_types_js__WEBPACK_IMPORTED_MODULE_1__.kY]: submission
};
const actor = context.triggeringActor ?? context.actor;
if (context.runId && /^\d+$/.test(context.runId))
labels[LABEL_GITHUB_RUN] = context.runId;
if (context.repository)
labels[_adapters_orchestrators_types_js__WEBPACK_IMPORTED_MODULE_1__.Op] = labelValue(`${context.repository.owner}-${context.repository.repo}`);
if (input.detached)
labels[_adapters_orchestrators_types_js__WEBPACK_IMPORTED_MODULE_1__.bP] = _core_detached_js__WEBPACK_IMPORTED_MODULE_2__.tu;
if (/^[0-9a-f]{40}$/i.test(context.sha))
labels[LABEL_COMMIT] = context.sha.toLowerCase();
const actorLabel = actor
.replace(/[^A-Za-z0-9._-]+/g, "-")
.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, "");
if (actorLabel && isLabelValue(actorLabel))
labels[LABEL_ACTOR] = actorLabel;
const annotations = {};
if (context.repository)
annotations[ANNOTATION_REPOSITORY] = `${context.repository.owner}/${context.repository.repo}`;
if (context.sha)
annotations[ANNOTATION_COMMIT] = context.sha;
if (actor)
annotations[ANNOTATION_ACTOR] = actor;
if (context.runUrl)
annotations[ANNOTATION_RUN_URL] = context.runUrl;
if (context.job)
annotations[ANNOTATION_JOB] = context.job;
if (input.message)
annotations[ANNOTATION_SLACK_MESSAGE] = `${input.message.channel}/${input.message.ts}`;
return { key, submission, attempt, labels, annotations, arguments: target.arguments };
}
function runLabels(context, workflowKey, environment, target = { workflow: workflowKey, project: "", arguments: {} }) {
return submissionIdentity({ context, workflowKey, environment, cluster: "", target }).labels;
}
function slackMessageOf(annotations) {
const [channel, ts, ...rest] = (annotations[ANNOTATION_SLACK_MESSAGE] ?? "").split("/");
return rest.length ? undefined : (0, _core_detached_js__WEBPACK_IMPORTED_MODULE_2__.Ev)({ channel, ts });
}
}),
2170: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
Ay: () => (isLastEnvironment),
KV: () => (resolveWorkflow),
M0: () => (challengerManifestPath),
V6: () => (manifestFileName),
environmentNames: () => (environmentNames),
g9: () => (resolveEnvironment),
wQ: () => (gatesFor),
xw: () => (previousEnvironment)
});
var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
var _duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8571);
var _parameters_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3184);
function environmentNames(config) {
return Object.keys(config.environments);
}
function normalizeProjectUsername(username) {
const local = username.toLowerCase().split("@")[0] ?? "";
const ascii = local.normalize("NFKD").replace(/[\u0080-\uffff]/g, "");
return ascii
.replace(/[^a-z0-9\-_]+/gi, "")
.toLowerCase()
.replaceAll("_", "-")
.replace(/[-_]+$/, "");
}
function environmentProjectName(config, envName, env) {
const environment = config.environments[envName];
const base = `${config.project}${environment.projectSuffix ?? ""}`;
if (!environment.userProject)
return base;
const cluster = config.clusters[environment.cluster];
const variable = cluster?.kind === "mlrun" ? cluster.usernameEnv : undefined;
const username = variable ? env[variable] : undefined;
if (!variable || !username) {
throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`environment '${envName}' has userProject: true, so its MLRun project is '${base}-<user>', but ${variable ? `the environment variable ${variable} is empty or unset (pass it to the step: env: ${variable}: \${{ secrets.${variable} }})` : `cluster '${environment.cluster}' names no usernameEnv (set usernameEnv: V3IO_USERNAME)`}`);
}
const user = normalizeProjectUsername(username);
if (!user)
throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`environment '${envName}' has userProject: true, but the user name in ${variable} has no letters or digits MLRun keeps`);
return `${base}-${user}`;
}
function resolveEnvironment(config, selector) {
const names = environmentNames(config);
let name = selector.name || undefined;
if (!name && selector.branch) {
name = names.find(n => config.environments[n].branch === selector.branch);
if (!name) {
throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`no environment deploys from branch '${selector.branch}'; branches: ${names
.map(n => `${n}=${config.environments[n].branch}`)
.join(", ")} (set the environment input or --env)`);
}
}
if (!name)
throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`choose an environment: ${names.join(", ")}`);
const env = Object.hasOwn(config.environments, name) ? config.environments[name] : undefined;
if (!env)
throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`unknown environment '${name}'; defined: ${names.join(", ")}`);
const index = names.indexOf(name);
return {
...env,
name,
index,
requiresApproval: env.requireApproval ?? index > 0,
clusterConfig: config.clusters[env.cluster],
projectName: environmentProjectName(config, name, selector.env ?? process.env)
};
}
function previousEnvironment(config, envName) {
const names = environmentNames(config);
const index = names.indexOf(envName);
return index > 0 ? resolveEnvironment(config, { name: names[index - 1] }) : undefined;
}
function isLastEnvironment(config, envName) {
const names = environmentNames(config);
return names[names.length - 1] === envName;
}
function resolveWorkflow(config, workflowKey, env, overrides = {}, timeoutOverride, supplied = {}) {
const workflow = Object.hasOwn(config.workflows, workflowKey)
? config.workflows[workflowKey]
: undefined;
if (!workflow) {
throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`unknown workflow '${workflowKey}'; defined in the config: ${Object.keys(config.workflows).join(", ") || "(none)"}`);
}
const args = (0, _parameters_js__WEBPACK_IMPORTED_MODULE_2__.Bq)(workflowKey, workflow.parameters, [
{ from: `workflows.${workflowKey}.arguments`, values: workflow.arguments },
{
from: `environments.${env.name}.arguments.${workflowKey}`,
values: env.arguments[workflowKey] ?? {}
},
{ from: "promote-actions", values: supplied, builtIn: true },
{ from: "the `arguments` input / --arg", values: overrides }
]);
return {
...workflow,
key: workflowKey,
remoteName: workflow.name ?? workflowKey,
timeoutMs: (0, _duration_js__WEBPACK_IMPORTED_MODULE_1__.parseDuration)(timeoutOverride || workflow.timeout),
arguments: args
};
}
function gatesFor(config, envName) {
const overrides = envName ? (config.environments[envName]?.gates ?? {}) : {};
const merged = { ...config.gates };
for (const [metric, rule] of Object.entries(overrides)) {
const set = Object.fromEntries(Object.entries(rule).filter(([, value]) => value !== undefined));
merged[metric] = { better: "higher", ...merged[metric], ...set };
}
return merged;
}
function manifestFileName(key, tag) {
return `${key}:${tag}.yaml`;
}
function challengerManifestPath(config) {
return `${config.model.exportDir}/${manifestFileName(config.model.name, config.model.challengerTag)}`;
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
