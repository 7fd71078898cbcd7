export const id = 512;
export const ids = [512, 9171];
export const modules = {
512: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
$q: () => (MODEL_URI_ARGUMENT),
Et: () => (refuseWhileAnotherDeployRuns),
SK: () => (MANIFEST_PATH_ARGUMENT),
_c: () => (promotionReport),
dJ: () => (checkSameArtifact),
dx: () => (deployFailed),
gg: () => (deploy),
t3: () => (refusedDeployFacts)
});
var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
var _core_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8571);
var _core_config_resolve_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2170);
var _core_report_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8557);
var _history_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9171);
var _run_workflow_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9018);
const MODEL_URI_ARGUMENT = "model_uri";
const MANIFEST_PATH_ARGUMENT = "manifest_path";
const MANIFEST_COMMIT_ARGUMENT = "manifest_commit";
function suppliedArguments(manifest, cluster) {
const repositoryPath = cluster.kind === "command" ? manifest.path : (manifest.repositoryPath ?? manifest.path);
return {
[MODEL_URI_ARGUMENT]: manifest.record.uri,
...(repositoryPath && { [MANIFEST_PATH_ARGUMENT]: repositoryPath }),
...(manifest.commit &&
cluster.kind !== "command" && {
[MANIFEST_COMMIT_ARGUMENT]: manifest.commit
})
};
}
async function checkSameArtifact(config, environment, record, store, options) {
if (options.rollback) {
return {
note: "not checked: a rollback redeploys what this environment ran before",
verdict: "skip"
};
}
if (!config.deployment.sameArtifact) {
return { note: "not checked (deployment.sameArtifact: false)", verdict: "skip" };
}
const previous = (0, _core_config_resolve_js__WEBPACK_IMPORTED_MODULE_2__.xw)(config, environment.name);
if (!previous)
return { note: `not checked: ${environment.name} is the first environment`, verdict: "skip" };
const records = await store.list(previous.name, { limit: 100 });
if (records.length === 0 && previous.index === 0) {
return {
note: `not checked: nothing was ever deployed to ${previous.name}, the first environment (it trains, it does not deploy)`,
verdict: "skip",
previousEnvironment: previous.name
};
}
const matched = records.find(r => (0, _history_js__WEBPACK_IMPORTED_MODULE_5__.EF)(r) && r.payload.contentHash === record.contentHash);
if (matched) {
const live = (0, _history_js__WEBPACK_IMPORTED_MODULE_5__.Av)(records);
const stale = live && live.payload.contentHash !== record.contentHash;
if (stale) {
options.log.warning(`same artifact: hash ${(0, _history_js__WEBPACK_IMPORTED_MODULE_5__.BC)(record.contentHash)} succeeded in ${previous.name} as #${matched.id}, but ${previous.name} now runs #${live.id} (${live.payload.modelName} ${live.payload.modelVersion ?? ""})`);
}
return {
note: `hash ${(0, _history_js__WEBPACK_IMPORTED_MODULE_5__.BC)(record.contentHash)} succeeded in ${previous.name} as deployment #${matched.id}${stale ? ` (no longer live there: #${live.id} is)` : ""}`,
verdict: stale ? "warn" : "pass",
previousEnvironment: previous.name,
matched
};
}
const live = (0, _history_js__WEBPACK_IMPORTED_MODULE_5__.Av)(records);
const what = `${record.name} ${record.version ?? ""}`.trim();
const problem = `same-artifact rule: manifest hash ${(0, _history_js__WEBPACK_IMPORTED_MODULE_5__.BC)(record.contentHash)} (${what}) was never deployed successfully to ` +
`'${previous.name}', the environment before '${environment.name}'` +
(live
? ` (${previous.name} runs #${live.id}: ${live.payload.modelName} ${live.payload.modelVersion ?? ""} hash ${(0, _history_js__WEBPACK_IMPORTED_MODULE_5__.BC)(live.payload.contentHash)})`
: ` (nothing was deployed there yet)`);
if (options.overrideReason) {
options.log.warning(`${problem}; deploying anyway, overridden: ${options.overrideReason}`);
return {
note: `OVERRIDDEN (${options.overrideReason}): hash ${(0, _history_js__WEBPACK_IMPORTED_MODULE_5__.BC)(record.contentHash)} never succeeded in ${previous.name}`,
verdict: "warn",
previousEnvironment: previous.name,
overrideReason: options.overrideReason
};
}
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.XQ({
kind: "same-artifact",
reason: problem,
rule: "deployment.sameArtifact (promote.yaml)",
fix: `merge this manifest into '${previous.branch}' and let it deploy ` +
`to ${previous.name} first; in an emergency, override with a reason (input override-same-artifact, CLI --override-same-artifact "<reason>")`
});
}
const RUNNING_STATES = new Set(["queued", "pending", "in_progress"]);
const STALE_AFTER_TIMEOUT_MS = 10 * 60000;
async function refuseWhileAnotherDeployRuns(environment, store, context, timeoutMs, log, now = Date.now()) {
const records = await store.list(environment, { limit: 20 });
for (const record of records) {
if (!RUNNING_STATES.has(record.state))
continue;
if (record.payload.runUrl !== undefined && record.payload.runUrl === context.runUrl)
continue;
const age = now - Date.parse(record.createdAt);
const who = record.payload.runUrl ?? record.creator ?? "another deploy";
const model = `${record.payload.modelName} ${record.payload.modelVersion ?? ""}`.trim();
if (Number.isFinite(age) && age > timeoutMs + STALE_AFTER_TIMEOUT_MS) {
log.warning(`deployment #${record.id} (${model}) to ${environment} has been ${record.state} for ${(0, _core_duration_js__WEBPACK_IMPORTED_MODULE_1__.a)(age)}, longer than the deploy can run: treated as left behind by a killed job`);
continue;
}
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.XQ({
kind: "in-progress",
reason: `deployment #${record.id} (${model}) to '${environment}' is still ${record.state}, started ${Number.isFinite(age) ? `${(0, _core_duration_js__WEBPACK_IMPORTED_MODULE_1__.a)(Math.max(0, age))} ago ` : ""}by ${who}`,
rule: "one deploy per environment at a time",
fix: `wait for it to finish, then re-run this deploy; if that run is gone, set deployment #${record.id} to error or inactive`
});
}
}
const SMOKE_KEYS = [
"total_tests",
"errors",
"match",
"avg_latency",
"min_latency",
"max_latency"
];
function smokeTest(results) {
const values = [];
for (const key of SMOKE_KEYS) {
const found = Object.entries(results).find(([name]) => name === key || new RegExp(`[._:/-]${key}$`).test(name));
if (found)
values.push([key, found[1]]);
}
const get = (key) => values.find(([k]) => k === key)?.[1];
const errors = Number(get("errors"));
const match = get("match");
let failure;
if (Number.isFinite(errors) && errors > 0)
failure = `the smoke test reported ${errors} error${errors === 1 ? "" : "s"}`;
else if (match === false || (typeof match === "string" && match.toLowerCase() === "false")) {
failure = "the smoke test reported that the responses do not match";
}
return { values, ...(failure && { failure }) };
}
const SMOKE_STEP_FIELD = "deployment.smokeTest.step";
function readSmokeTest(run, options = {}) {
if (!run)
return { values: [] };
const stepName = options.step;
if (!stepName) {
if (run.resultsUnavailable) {
return { values: [], unavailable: `${run.resultsUnavailable}: the smoke test was not read` };
}
return { ...smokeTest(run.results), source: "the run results" };
}
const step = run.steps
.filter(s => s.name === stepName || s.name.startsWith(`${stepName}(`))
.filter(s => s.state !== "skipped")
.at(-1);
if (!step) {
const seen = run.steps.map(s => s.name);
return {
values: [],
failure: `the smoke-test step '${stepName}' (${SMOKE_STEP_FIELD}) did not run; the run reported ${seen.length ? `the steps ${seen.join(", ")}` : "no steps"}`
};
}
if (run.resultsUnavailable) {
return {
values: [],
source: `step ${step.name}`,
unavailable: `${run.resultsUnavailable}: the smoke test was not read (step ${step.name} ${step.rawState ?? step.state})`
};
}
const found = smokeTest(step.results);
if (found.values.length === 0 && !found.failure) {
return {
values: [],
source: `step ${step.name}`,
failure: `the smoke-test step '${step.name}' (${SMOKE_STEP_FIELD}) reported none of ${SMOKE_KEYS.join(", ")}${Object.keys(step.results).length ? ` (its results: ${Object.keys(step.results).join(", ")})` : " (it reported no results)"}`
};
}
return { ...found, source: `step ${step.name}` };
}
function httpUrl(value) {
return typeof value === "string" && /^https?:\/\//.test(value) ? value : undefined;
}
function payloadFor(request, check, approval, context) {
const { record, raw, path } = request.manifest;
return {
modelUri: record.uri,
modelName: record.name,
...(record.version !== undefined && { modelVersion: record.version }),
contentHash: record.contentHash,
metrics: record.metrics,
manifestPath: request.manifest.repositoryPath ?? path,
manifest: raw,
...(request.rollback && { rollbackOf: request.rollback.restores.id }),
...(check.overrideReason && { overrideReason: check.overrideReason }),
approvers: approval.approvers,
...(context.runUrl && { runUrl: context.runUrl })
};
}
async function deploy(request, deps) {
const { config, store, log, context } = deps;
const env = request.environment;
const { record } = request.manifest;
const what = `${record.name} ${record.version ?? ""} (${(0, _history_js__WEBPACK_IMPORTED_MODULE_5__.BC)(record.contentHash)})`.replace(/\s+/g, " ");
const supplied = suppliedArguments(request.manifest, env.clusterConfig);
const workflowOverrides = request.arguments ?? {};
const workflow = (0, _core_config_resolve_js__WEBPACK_IMPORTED_MODULE_2__.KV)(config, config.deployment.workflow, env, workflowOverrides, request.timeout, supplied);
const sameArtifact = await checkSameArtifact(config, env, record, store, {
...(request.overrideSameArtifact && { overrideReason: request.overrideSameArtifact }),
rollback: request.rollback !== undefined,
log
});
await refuseWhileAnotherDeployRuns(env.name, store, context, workflow.timeoutMs, log);
const approval = await deps.approve(what);
const description = request.rollback
? `Roll back ${env.name} to #${request.rollback.restores.id}: ${what}${request.rollback.replaces ? ` (replaces #${request.rollback.replaces.id})` : ""}`
: `Deploy ${what} to ${env.name}`;
const deployment = await store.create({
environment: env.name,
ref: context.sha,
sha: context.sha,
payload: payloadFor(request, sameArtifact, approval, context),
description: description.slice(0, 140)
});
deps.onProgress?.({ deploymentId: deployment.id });
log.info(`Deployment #${deployment.id} created for ${env.name} (${what})`);
const environmentUrl = env.url;
const logUrl = context.runUrl;
const setStatus = async (state, extra = {}) => {
try {
await store.setStatus(deployment.id, state, {
...((extra.environmentUrl ?? environmentUrl) && {
environmentUrl: extra.environmentUrl ?? environmentUrl
}),
...((extra.logUrl ?? logUrl) && { logUrl: extra.logUrl ?? logUrl }),
...(extra.description && { description: extra.description.slice(0, 140) })
});
}
catch (error) {
log.error(`could not set deployment #${deployment.id} to ${state}: ${(0, _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.gJ)(error)}`);
}
};
await setStatus("in_progress", { description: `Deploying ${what}` });
let status = "error";
let run;
let runId;
let runUrl;
let error;
let cancelFailed;
const started = Date.now();
try {
const result = await (0, _run_workflow_js__WEBPACK_IMPORTED_MODULE_4__.runWorkflow)({
config,
environment: env.name,
workflowKey: workflow.key,
overrides: workflowOverrides,
supplied,
...(request.timeout && { timeout: request.timeout }),
wait: request.wait,
context,
log,
signal: deps.signal,
kind: request.rollback ? "rollback" : "deploy",
...(deps.orchestrator && { orchestrator: deps.orchestrator }),
...(deps.createOrchestrator && { createOrchestrator: deps.createOrchestrator }),
onSubmitting: info => deps.onProgress?.({ deploymentId: deployment.id, cluster: info.cluster, submitting: info }),
onNotSubmitted: () => deps.onProgress?.({ deploymentId: deployment.id, notSubmitted: true }),
onSubmitted: (submitted, info) => {
runId = submitted.runId;
runUrl = submitted.url ?? info.orchestrator.runUrl(submitted.runId);
deps.onProgress?.({ deploymentId: deployment.id, runId, cluster: info.cluster });
}
});
run = result.status;
cancelFailed = result.cancelFailed;
runUrl = result.facts.runUrl ?? runUrl;
if (!request.wait) {
status = "submitted";
await setStatus("in_progress", {
description: `Submitted run ${runId}; not waiting for it`,
...(runUrl && !logUrl && { logUrl: runUrl })
});
}
else if (deps.signal?.aborted) {
status = "cancelled";
error = run.error ?? `the job was cancelled; run ${runId} was cancelled on ${env.cluster}`;
}
else if (run.state === "succeeded" && result.ok) {
status = "success";
}
else if (run.state === "failed") {
status = "failure";
error = run.error ?? `run ${runId} ended ${run.rawState}`;
}
else {
status = "error";
error = run.error ?? `run ${runId} ended ${run.rawState}`;
}
}
catch (caught) {
status = deps.signal?.aborted ? "cancelled" : "error";
error = deps.signal?.aborted
? `the job was cancelled${runId ? `; run ${runId} was cancelled` : " before the run was submitted"}`
: `the deploy workflow could not run: ${(0, _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.gJ)(caught)}`;
}
const results = run?.results ?? {};
const smoke = readSmokeTest(request.wait ? run : undefined, {
step: config.deployment.smokeTest?.step
});
if (status === "success" && smoke.failure) {
status = "failure";
error = `${smoke.failure} (the pipeline itself succeeded)`;
}
if (status === "success" && smoke.unavailable)
log.warning(smoke.unavailable);
const deployedUrl = environmentUrl ??
httpUrl(results.environment_url) ??
httpUrl(results.endpoint_url) ??
httpUrl(results.endpoint);
const finalState = status === "success"
? "success"
: status === "failure"
? "failure"
: status === "submitted"
? undefined
: "error";
if (finalState) {
await setStatus(finalState, {
...(deployedUrl && { environmentUrl: deployedUrl }),
...(!logUrl && runUrl && { logUrl: runUrl }),
description: status === "success" ? `Deployed ${what}` : (error ?? status)
});
}
log.info(`Deployment #${deployment.id}: ${status} after ${(0, _core_duration_js__WEBPACK_IMPORTED_MODULE_1__.a)(Date.now() - started)}`);
let champion;
if (status === "success" && (0, _core_config_resolve_js__WEBPACK_IMPORTED_MODULE_2__.Ay)(config, env.name)) {
champion = await moveChampion(config, record, deps);
}
const outcome = {
status,
deployment: {
...deployment,
state: finalState ?? "in_progress",
...(deployedUrl && { environmentUrl: deployedUrl })
},
approval,
sameArtifact,
workflow,
...(runId && { runId }),
...(runUrl && { runUrl }),
...(run && { run }),
results,
smoke,
...(deployedUrl && { environmentUrl: deployedUrl }),
...(champion && { champion }),
...(error && { error }),
...(cancelFailed && { cancelFailed })
};
return {
...outcome,
report: deployReport(outcome, request, deps),
facts: deployFacts(outcome, request, deps, new Date(started).toISOString())
};
}
async function moveChampion(config, record, deps) {
const tag = config.model.championTag;
if (!config.deployment.updateChampion) {
return {
moved: false,
note: `not moved (deployment.updateChampion: false); '${tag}' still names the previous version`
};
}
if (!deps.registry)
return { moved: false, note: "not moved: no registry available" };
try {
const registry = await deps.registry();
await registry.setTag(record, tag);
deps.log.info(`Moved ${registry.kind} tag '${tag}' to ${record.name} ${record.version ?? ""}`);
return {
moved: true,
note: `'${tag}' now points at ${record.name} ${record.version ?? record.uri} (${registry.kind})`
};
}
catch (error) {
const message = `the deploy succeeded, but moving '${tag}' in the registry failed: ${(0, _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.gJ)(error)}; registry and git disagree until it is moved`;
deps.log.error(message);
return { moved: false, note: message, failed: true };
}
}
const STATUS_TITLE = {
success: "Deployed",
failure: "Deploy failed:",
error: "Deploy errored:",
cancelled: "Deploy cancelled:",
submitted: "Deploy submitted:"
};
function deployReport(outcome, request, deps) {
const { record } = request.manifest;
const env = request.environment;
const verdict = outcome.status === "success"
? outcome.sameArtifact.verdict === "warn" ||
outcome.champion?.failed ||
outcome.smoke.unavailable
? "warn"
: "pass"
: outcome.status === "submitted"
? "info"
: "fail";
const deploymentLink = deps.deploymentsUrl?.(env.name) ?? outcome.deployment.url;
const facts = [
["Environment", env.name],
["Model", record.name],
["Version", record.version ?? "\u2014"],
["URI", `\`${record.uri}\``],
["Content hash", `\`${(0, _history_js__WEBPACK_IMPORTED_MODULE_5__.BC)(record.contentHash)}\``],
["Approval", outcome.approval.note],
[
"Deployment",
`#${outcome.deployment.id} (${outcome.deployment.state})${deploymentLink ? ` ${deploymentLink}` : ""}`
],
["Run", `${outcome.runId ?? "\u2014"}${outcome.runUrl ? ` ${outcome.runUrl}` : ""}`],
["Same artifact", outcome.sameArtifact.note]
];
if (request.rollback) {
facts.push([
"Rollback",
`restores #${request.rollback.restores.id}${request.rollback.replaces ? `, replaces #${request.rollback.replaces.id} (${request.rollback.replaces.payload.modelName} ${request.rollback.replaces.payload.modelVersion ?? ""})` : ""}`
]);
}
if (outcome.environmentUrl)
facts.push(["Environment URL", outcome.environmentUrl]);
if (outcome.champion)
facts.push(["Champion", outcome.champion.note]);
const sections = [];
if (outcome.error)
sections.push({ title: "What went wrong", verdict: "fail", text: [outcome.error] });
if (outcome.smoke.values.length) {
sections.push({
title: "Smoke test",
verdict: outcome.smoke.failure ? "fail" : "pass",
facts: [
...outcome.smoke.values.map(([k, v]) => [k, (0, _core_report_js__WEBPACK_IMPORTED_MODULE_3__.Fl)(v)]),
...(outcome.smoke.source ? [["read from", outcome.smoke.source]] : [])
]
});
}
else if (outcome.smoke.unavailable && outcome.status === "success") {
sections.push({
title: "Smoke test",
verdict: "warn",
text: [
`Not read: ${outcome.smoke.unavailable}. The deploy counts as succeeded because the pipeline did; make the tester step fail the pipeline when its test fails.`
]
});
}
const smokeKeys = new Set(outcome.smoke.values.map(([k]) => k));
const other = Object.entries(outcome.results).filter(([k]) => ![...smokeKeys].some(s => k === s || k.endsWith(s)));
if (other.length)
sections.push({ title: "Pipeline results", facts: other.map(([k, v]) => [k, (0, _core_report_js__WEBPACK_IMPORTED_MODULE_3__.Fl)(v)]) });
if (outcome.run?.steps.length) {
sections.push({
title: "Steps",
tables: [
{
columns: ["step", "state", "error"],
rows: outcome.run.steps.map(s => [s.name, s.rawState ?? s.state, s.error ?? ""])
}
]
});
}
if (Object.keys(record.metrics).length) {
sections.push({
title: "Model metrics",
facts: Object.entries(record.metrics).map(([k, v]) => [k, (0, _core_report_js__WEBPACK_IMPORTED_MODULE_3__.Fl)(v)])
});
}
const links = [
...(deploymentLink && /^https?:/.test(deploymentLink)
? [{ label: "Deployment", url: deploymentLink }]
: []),
...(outcome.runUrl ? [{ label: "Pipeline run", url: outcome.runUrl }] : []),
...(deps.context.runUrl ? [{ label: "Workflow run", url: deps.context.runUrl }] : [])
];
return {
title: `${STATUS_TITLE[outcome.status]} ${record.name} ${record.version ?? ""} ${outcome.status === "success" ? "to" : "in"} ${env.name}`.replace(/\s+/g, " "),
verdict,
facts,
sections,
...(links.length && { links })
};
}
function deployFacts(outcome, request, deps, startedAt) {
const { record } = request.manifest;
return {
kind: request.rollback ? "rollback" : "deploy",
project: request.environment.projectName,
environment: request.environment.name,
workflow: outcome.workflow.remoteName,
...(outcome.runId && { runId: outcome.runId }),
...(outcome.runUrl && { runUrl: outcome.runUrl }),
...(deps.context.runUrl && { logUrl: deps.context.runUrl }),
state: outcome.status === "success"
? "succeeded"
: outcome.status === "submitted"
? "running"
: outcome.status === "cancelled"
? "cancelled"
: "failed",
...(outcome.error && { error: outcome.error }),
model: {
name: record.name,
...(record.version !== undefined && { version: record.version }),
uri: record.uri,
contentHash: record.contentHash,
metrics: record.metrics
},
deployment: {
id: outcome.deployment.id,
...(outcome.deployment.url && { url: outcome.deployment.url }),
...(outcome.environmentUrl && { environmentUrl: outcome.environmentUrl })
},
steps: (outcome.run?.steps ?? []).map(s => ({
name: s.name,
state: s.state,
results: s.results,
...(s.error && { error: s.error })
})),
results: outcome.results,
commit: deps.context.sha,
actor: deps.context.actor,
startedAt,
finishedAt: new Date().toISOString()
};
}
function refusedDeployFacts(request, config, context, error, startedAt) {
const { record } = request.manifest;
const refusal = error instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.XQ ? error.refusal : undefined;
const workflowKey = config.deployment.workflow;
return {
kind: request.rollback ? "rollback" : "deploy",
project: request.environment.projectName,
environment: request.environment.name,
workflow: config.workflows[workflowKey]?.name ?? workflowKey,
...(context.runUrl && { logUrl: context.runUrl }),
state: refusal ? "refused" : "failed",
error: error.message,
...(refusal && { refusal: { ...refusal } }),
model: {
name: record.name,
...(record.version !== undefined && { version: record.version }),
uri: record.uri,
contentHash: record.contentHash,
metrics: record.metrics
},
steps: [],
results: {},
commit: context.sha,
actor: context.triggeringActor ?? context.actor,
startedAt,
finishedAt: new Date().toISOString()
};
}
function deployFailed(outcome) {
return ((outcome.status !== "success" && outcome.status !== "submitted") ||
outcome.champion?.failed === true);
}
function promotionReport(outcome, manifest, from, to, context) {
const { record } = manifest;
const version = record.version ?? (0, _history_js__WEBPACK_IMPORTED_MODULE_5__.BC)(record.contentHash);
const facts = [
["Model", record.name],
["Version", version],
["URI", `\`${record.uri}\``],
[
"Content hash",
`\`${(0, _history_js__WEBPACK_IMPORTED_MODULE_5__.BC)(record.contentHash)}\` (${to.name} must deploy this same hash)`
],
["Manifest", `\`${manifest.path}\``],
[
`${from.name} deployment`,
`#${outcome.deployment.id}${outcome.deployment.url ? ` ${outcome.deployment.url}` : ""}`
],
["Commit", `\`${context.sha.slice(0, 12)}\``]
];
if (outcome.environmentUrl)
facts.push([`${from.name} URL`, outcome.environmentUrl]);
const sections = [];
if (outcome.smoke.values.length) {
sections.push({
title: `Smoke test in ${from.name}`,
verdict: outcome.smoke.failure ? "fail" : "pass",
facts: outcome.smoke.values.map(([k, v]) => [k, (0, _core_report_js__WEBPACK_IMPORTED_MODULE_3__.Fl)(v)])
});
}
if (Object.keys(record.metrics).length) {
sections.push({
title: "Model metrics",
facts: Object.entries(record.metrics).map(([k, v]) => [k, (0, _core_report_js__WEBPACK_IMPORTED_MODULE_3__.Fl)(v)])
});
}
sections.push({
title: "What merging does",
text: [
`Merging into \`${to.branch}\` deploys this model to **${to.name}**${to.requiresApproval ? " after the environment\u2019s reviewers approve" : ""}.`
]
});
const links = [
...(outcome.runUrl ? [{ label: `${from.name} pipeline run`, url: outcome.runUrl }] : []),
...(context.runUrl ? [{ label: "Workflow run", url: context.runUrl }] : [])
];
return {
title: `Promote ${record.name} ${version} from ${from.name} to ${to.name}`,
report: {
title: `Promote ${record.name} ${version} to ${to.name}`,
verdict: "pass",
facts,
sections,
...(links.length && { links })
}
};
}
}),
9171: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
Av: () => (liveDeployment),
BC: () => (shortHash),
EF: () => (wasSuccessful),
historyReport: () => (historyReport),
historyRows: () => (historyRows),
loadHistory: () => (loadHistory)
});
function wasSuccessful(record) {
return record.state === "success" || record.state === "inactive";
}
function liveDeployment(records) {
return records.find(r => r.state === "success") ?? records.find(wasSuccessful);
}
function shortHash(hash) {
return hash ? hash.slice(0, 12) : "\u2014";
}
function historyRows(records) {
return records.map(record => {
const notes = [];
if (record.payload.rollbackOf !== undefined)
notes.push(`rollback to #${record.payload.rollbackOf}`);
if (record.payload.overrideReason)
notes.push(`same-artifact override: ${record.payload.overrideReason}`);
return {
id: String(record.id),
time: record.createdAt,
state: record.state,
model: record.payload.modelName ?? "\u2014",
version: record.payload.modelVersion ?? "\u2014",
hash: shortHash(record.payload.contentHash),
creator: record.creator ?? "\u2014",
note: notes.join("; ")
};
});
}
async function loadHistory(store, environment, limit = 30) {
return store.list(environment, { limit });
}
function historyReport(environment, records, source) {
const live = liveDeployment(records);
const rows = historyRows(records);
return {
title: `Deployments of ${environment}`,
verdict: "info",
facts: [
["Environment", environment],
["Source", source],
[
"Live",
live
? `#${live.id} ${live.payload.modelName} ${live.payload.modelVersion ?? ""}`.trim()
: "nothing deployed successfully"
]
],
sections: [
rows.length
? {
title: `${rows.length} deployment${rows.length === 1 ? "" : "s"}, newest first`,
tables: [
{
columns: ["id", "time", "state", "model", "version", "hash", "creator", "note"],
rows: rows.map(r => [
r.id,
r.time,
r.state,
r.model,
r.version,
r.hash,
r.creator,
r.note
])
}
]
}
: {
title: "No deployments recorded",
text: [`Nothing has been deployed to ${environment} yet.`]
}
]
};
}
})
};
