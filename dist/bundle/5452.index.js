export const id = 5452;
export const ids = [5452];
export const modules = {
9990: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
Z: () => (eventPayload),
o: () => (githubRunContext)
});
var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
var node_fs__WEBPACK_IMPORTED_MODULE_0___default = __webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
function githubRunContext(env) {
const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
const serverUrl = env.GITHUB_SERVER_URL ?? "https://github.com";
const attempt = env.GITHUB_RUN_ATTEMPT;
return {
...(owner && repo && { repository: { owner, repo } }),
sha: env.GITHUB_SHA ?? "",
ref: env.GITHUB_REF ?? "",
...(env.GITHUB_REF_NAME && { branch: env.GITHUB_REF_NAME }),
actor: env.GITHUB_ACTOR ?? "",
...(env.GITHUB_TRIGGERING_ACTOR && { triggeringActor: env.GITHUB_TRIGGERING_ACTOR }),
...(env.GITHUB_RUN_ID && { runId: env.GITHUB_RUN_ID }),
...(attempt && { runAttempt: attempt }),
serverUrl,
...(env.GITHUB_EVENT_NAME && { eventName: env.GITHUB_EVENT_NAME }),
...(env.GITHUB_JOB && { job: env.GITHUB_JOB }),
...(owner &&
repo &&
env.GITHUB_RUN_ID && {
runUrl: `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}${attempt && attempt !== "1" ? `/attempts/${attempt}` : ""}`
})
};
}
function eventPayload(env, warn) {
const path = env.GITHUB_EVENT_PATH;
if (!path)
return {};
let text;
try {
text = (0, node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, "utf8");
}
catch (error) {
warn(`GITHUB_EVENT_PATH ${path} cannot be read (${(0, _core_errors_js__WEBPACK_IMPORTED_MODULE_1__.gJ)(error)}): no event payload`);
return {};
}
try {
const payload = JSON.parse(text);
if (payload && typeof payload === "object" && !Array.isArray(payload))
return payload;
warn(`GITHUB_EVENT_PATH ${path} holds no JSON object: no event payload`);
}
catch (error) {
warn(`GITHUB_EVENT_PATH ${path} is not JSON (${(0, _core_errors_js__WEBPACK_IMPORTED_MODULE_1__.gJ)(error)}): no event payload`);
}
return {};
}
}),
9120: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
Gi: () => (matrixInput),
Ko: () => (readInputs),
Ts: () => (durationInput),
VE: () => (optionalBooleanInput),
gE: () => (objectInput),
tE: () => (booleanInput)
});
var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6058);
var _core_zod_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2158);
var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
var _core_duration_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8571);
var _core_secrets_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8198);
var _surfaces_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6845);
var _core_yaml_library_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5650);
function failTransform(payload, message) {
payload.issues.push({ code: "custom", message, input: payload.value });
return _core_zod_js__WEBPACK_IMPORTED_MODULE_1__.tmp;
}
const booleanInput = (defaultValue) => _core_zod_js__WEBPACK_IMPORTED_MODULE_1__.FsL(_core_zod_js__WEBPACK_IMPORTED_MODULE_1__.Rvf(_core_zod_js__WEBPACK_IMPORTED_MODULE_1__.YjP(), String(defaultValue)), _core_zod_js__WEBPACK_IMPORTED_MODULE_1__.pdi((value, payload) => {
const normal = value.trim().toLowerCase();
if (["true", "yes", "on", "1"].includes(normal))
return true;
if (["false", "no", "off", "0"].includes(normal))
return false;
return failTransform(payload, `expected true or false, got '${value}'`);
}));
const optionalBooleanInput = () => _core_zod_js__WEBPACK_IMPORTED_MODULE_1__.FsL(_core_zod_js__WEBPACK_IMPORTED_MODULE_1__.lqM(_core_zod_js__WEBPACK_IMPORTED_MODULE_1__.YjP()), _core_zod_js__WEBPACK_IMPORTED_MODULE_1__.pdi((value, payload) => {
const normal = (value ?? "").trim().toLowerCase();
if (normal === "")
return undefined;
if (["true", "yes", "on", "1"].includes(normal))
return true;
if (["false", "no", "off", "0"].includes(normal))
return false;
return failTransform(payload, `expected true or false, got '${value}'`);
}));
const objectInput = () => _core_zod_js__WEBPACK_IMPORTED_MODULE_1__.FsL(_core_zod_js__WEBPACK_IMPORTED_MODULE_1__.Rvf(_core_zod_js__WEBPACK_IMPORTED_MODULE_1__.YjP(), "{}"), _core_zod_js__WEBPACK_IMPORTED_MODULE_1__.pdi((value, payload) => {
const text = value.trim();
if (text === "" || text === "{}" || text === "null")
return {};
let parsed;
try {
parsed = (0, _core_yaml_library_js__WEBPACK_IMPORTED_MODULE_6__.T)().parse(value, { maxAliasCount: 50 });
}
catch (error) {
return failTransform(payload, `not valid YAML/JSON: ${error.message.split("\n")[0]}`);
}
if (parsed === null || parsed === undefined)
return {};
if (typeof parsed !== "object" || Array.isArray(parsed)) {
return failTransform(payload, "expected an object, e.g. {\"epochs\": 10} or epochs: 10");
}
return parsed;
}));
const matrixInput = () => _core_zod_js__WEBPACK_IMPORTED_MODULE_1__.FsL(_core_zod_js__WEBPACK_IMPORTED_MODULE_1__.Rvf(_core_zod_js__WEBPACK_IMPORTED_MODULE_1__.YjP(), "${{ toJSON(matrix) }}"), _core_zod_js__WEBPACK_IMPORTED_MODULE_1__.pdi(value => (value.trim().startsWith("${{") ? "" : value.trim())));
const durationInput = () => _core_zod_js__WEBPACK_IMPORTED_MODULE_1__.lqM(_core_zod_js__WEBPACK_IMPORTED_MODULE_1__.YjP()).check(_core_zod_js__WEBPACK_IMPORTED_MODULE_1__.YPB(value => {
if (value === undefined)
return true;
try {
(0, _core_duration_js__WEBPACK_IMPORTED_MODULE_3__.parseDuration)(value);
return true;
}
catch {
return false;
}
}, { message: "expected a duration such as 90s, 45m, 2h or 1h30m" }));
function readInputs(schema, secretKeys = []) {
(0, _surfaces_js__WEBPACK_IMPORTED_MODULE_5__.R)();
const raw = {};
for (const key of Object.keys(schema.shape)) {
const value = _actions_core__WEBPACK_IMPORTED_MODULE_0__.V4(key);
if (secretKeys.includes(key) && !value.startsWith("${{"))
(0, _core_secrets_js__WEBPACK_IMPORTED_MODULE_4__.cl)(value);
raw[key] = value === "" ? undefined : value;
}
const result = schema.safeParse(raw);
if (result.success)
return result.data;
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(result.error.issues.map(issue => ({
path: `input '${String(issue.path[0] ?? "")}'`,
message: issue.message
})), "invalid action inputs");
}
}),
7127: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
s: () => (jobSummary),
t: () => (runnerLog)
});
var _core_limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6419);
var _core_report_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8557);
var _core_secrets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8198);
var _surfaces_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6845);
function annotation(where) {
if (!where)
return undefined;
return {
...(where.title !== undefined && { title: where.title }),
...(where.file !== undefined && { file: where.file }),
...(where.line !== undefined && { startLine: where.line }),
...(where.column !== undefined && { startColumn: where.column })
};
}
const runnerLog = {
info: message => _surfaces_js__WEBPACK_IMPORTED_MODULE_3__.l.info(message),
debug: message => _surfaces_js__WEBPACK_IMPORTED_MODULE_3__.l.debug(message),
warning: (message, where) => _surfaces_js__WEBPACK_IMPORTED_MODULE_3__.l.warning(message, annotation(where)),
error: (message, where) => _surfaces_js__WEBPACK_IMPORTED_MODULE_3__.l.error(message, annotation(where)),
group: (title, fn) => _surfaces_js__WEBPACK_IMPORTED_MODULE_3__.l.group(title, fn),
secret: value => (0, _core_secrets_js__WEBPACK_IMPORTED_MODULE_2__.cl)(value)
};
const jobSummary = {
async summary(report) {
const markdown = (0, _core_report_js__WEBPACK_IMPORTED_MODULE_1__.Gc)(report);
const fitted = (0, _core_limits_js__WEBPACK_IMPORTED_MODULE_0__.DJ)(markdown, _core_limits_js__WEBPACK_IMPORTED_MODULE_0__.eR - 16 * 1024, "This summary was cut to fit the 1 MiB job summary limit: the whole report is in the log of this step.", "bytes");
if (fitted !== markdown)
_surfaces_js__WEBPACK_IMPORTED_MODULE_3__.l.info(markdown);
await _surfaces_js__WEBPACK_IMPORTED_MODULE_3__.l.summary(fitted);
}
};
}),
9040: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
C: () => (runAction),
z: () => (workspaceDir)
});
var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
var node_path__WEBPACK_IMPORTED_MODULE_0___default = __webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
var _surfaces_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6845);
async function runAction(main) {
(0, _surfaces_js__WEBPACK_IMPORTED_MODULE_2__.R)();
try {
await main();
}
catch (error) {
if ((0, _core_errors_js__WEBPACK_IMPORTED_MODULE_1__.p0)(error)) {
for (const problem of error.problems) {
if (problem.file && problem.line) {
_surfaces_js__WEBPACK_IMPORTED_MODULE_2__.l.error(problem.path ? `${problem.path}: ${problem.message}` : problem.message, {
file: problem.file,
startLine: problem.line,
...(problem.column !== undefined && { startColumn: problem.column })
});
}
}
_surfaces_js__WEBPACK_IMPORTED_MODULE_2__.l.setFailed(error.message);
}
else {
const err = error;
if (err?.stack)
_surfaces_js__WEBPACK_IMPORTED_MODULE_2__.l.debug(err.stack);
_surfaces_js__WEBPACK_IMPORTED_MODULE_2__.l.setFailed(err?.message ?? String(error));
}
}
}
function workspaceDir(env = process.env) {
return (0, node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(env.GITHUB_WORKSPACE || process.cwd());
}
}),
4921: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
Jc: () => (leftRun),
iN: () => (clearSubmitting),
yI: () => (saveSubmitting)
});
var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6058);
function saveSubmitting(info, state) {
_actions_core__WEBPACK_IMPORTED_MODULE_0__.LZ(state.cluster, info.cluster);
_actions_core__WEBPACK_IMPORTED_MODULE_0__.LZ(state.project, info.project);
_actions_core__WEBPACK_IMPORTED_MODULE_0__.LZ(state.workflow, info.workflow);
_actions_core__WEBPACK_IMPORTED_MODULE_0__.LZ(state.runKey, info.identity.key);
_actions_core__WEBPACK_IMPORTED_MODULE_0__.LZ(state.submission, info.identity.submission);
_actions_core__WEBPACK_IMPORTED_MODULE_0__.LZ(state.attempt, String(info.identity.attempt));
}
function leftRun(state) {
const runId = _actions_core__WEBPACK_IMPORTED_MODULE_0__.Gu(state.runId);
const key = _actions_core__WEBPACK_IMPORTED_MODULE_0__.Gu(state.runKey);
const submission = _actions_core__WEBPACK_IMPORTED_MODULE_0__.Gu(state.submission);
const attempt = Number(_actions_core__WEBPACK_IMPORTED_MODULE_0__.Gu(state.attempt));
const project = _actions_core__WEBPACK_IMPORTED_MODULE_0__.Gu(state.project);
const workflow = _actions_core__WEBPACK_IMPORTED_MODULE_0__.Gu(state.workflow);
return {
...(runId && { runId }),
...(key && submission && attempt > 0 && { submission: { key, submission, attempt } }),
...(project && workflow && { scope: { project, workflow } })
};
}
function clearSubmitting(state) {
_actions_core__WEBPACK_IMPORTED_MODULE_0__.LZ(state.runKey, "");
_actions_core__WEBPACK_IMPORTED_MODULE_0__.LZ(state.submission, "");
}
}),
6845: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
R: () => (maskSecretsOnRunner),
l: () => (runner)
});
var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6058);
var _core_log_safety_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(276);
var _core_secrets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8198);
let masking = false;
function maskSecretsOnRunner() {
if (masking)
return;
masking = true;
_core_secrets_js__WEBPACK_IMPORTED_MODULE_2__.O3.onAdd(form => _actions_core__WEBPACK_IMPORTED_MODULE_0__.Pq(form));
}
const runner = {
info: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.pq((0, _core_log_safety_js__WEBPACK_IMPORTED_MODULE_1__.t)(_core_secrets_js__WEBPACK_IMPORTED_MODULE_2__.O3.scrub(message))),
debug: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.Yz(_core_secrets_js__WEBPACK_IMPORTED_MODULE_2__.O3.scrub(message)),
warning: (message, properties) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.$e(_core_secrets_js__WEBPACK_IMPORTED_MODULE_2__.O3.scrub(message), scrubProperties(properties)),
error: (message, properties) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.z3(_core_secrets_js__WEBPACK_IMPORTED_MODULE_2__.O3.scrub(message), scrubProperties(properties)),
setFailed: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.C1(_core_secrets_js__WEBPACK_IMPORTED_MODULE_2__.O3.scrub(message)),
setOutput: (name, value) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.uH(name, _core_secrets_js__WEBPACK_IMPORTED_MODULE_2__.O3.scrub(value)),
exportVariable: (name, value) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.dN(name, _core_secrets_js__WEBPACK_IMPORTED_MODULE_2__.O3.scrub(value)),
group: (title, fn) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.Os(_core_secrets_js__WEBPACK_IMPORTED_MODULE_2__.O3.scrub(title), fn),
summary: async (markdown) => {
await _actions_core__WEBPACK_IMPORTED_MODULE_0__.z.addRaw(_core_secrets_js__WEBPACK_IMPORTED_MODULE_2__.O3.scrub(markdown), true).write();
}
};
function scrubProperties(properties) {
if (!properties?.title)
return properties;
return { ...properties, title: _core_secrets_js__WEBPACK_IMPORTED_MODULE_2__.O3.scrub(properties.title) };
}
}),
9615: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
is: () => (inputSchema),
pH: () => (SECRET_INPUTS),
vA: () => (tokenValue)
});
var _core_zod_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2158);
var _common_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9120);
const inputSchema = _core_zod_js__WEBPACK_IMPORTED_MODULE_0__.Ikc({
config: _core_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(_core_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP(), "promote.yaml"),
environment: _core_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_core_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP()),
manifest: _core_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_core_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP()),
arguments: (0, _common_inputs_js__WEBPACK_IMPORTED_MODULE_1__.gE)(),
wait: (0, _common_inputs_js__WEBPACK_IMPORTED_MODULE_1__.tE)(true),
timeout: (0, _common_inputs_js__WEBPACK_IMPORTED_MODULE_1__.Ts)(),
"github-token": _core_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(_core_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP(), "${{ github.token }}"),
"require-approval": _core_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(_core_zod_js__WEBPACK_IMPORTED_MODULE_0__.k5n(["", "true", "false"]), ""),
"override-same-artifact": _core_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_core_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP()),
rollback: (0, _common_inputs_js__WEBPACK_IMPORTED_MODULE_1__.tE)(false),
"rollback-to": _core_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_core_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP().check(_core_zod_js__WEBPACK_IMPORTED_MODULE_0__.yGV(/^#?\d+$/, "expected a deployment id, e.g. 1234567890"))),
"open-promotion-pr": (0, _common_inputs_js__WEBPACK_IMPORTED_MODULE_1__.tE)(false),
"promotion-pr-token": _core_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_core_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP()),
"dry-run": (0, _common_inputs_js__WEBPACK_IMPORTED_MODULE_1__.tE)(false),
matrix: (0, _common_inputs_js__WEBPACK_IMPORTED_MODULE_1__.Gi)()
});
const SECRET_INPUTS = ["github-token", "promotion-pr-token"];
function tokenValue(value) {
return value && !value.startsWith("${{") ? value : "";
}
}),
5452: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.r(__webpack_exports__);
__webpack_require__.d(__webpack_exports__, {
post: () => (post),
run: () => (run)
});
var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6058);
var _adapters_github_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7846);
var _adapters_orchestrators_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9314);
var _adapters_orchestrators_options_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7276);
var _app_left_run_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8702);
var _core_config_load_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9168);
var _core_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4296);
var _common_log_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7127);
var _common_run_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9040);
var _common_context_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(9990);
var _inputs_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(9615);
var _common_submission_state_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(4921);
var _state_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(9189);
var _common_surfaces_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(6845);
var _core_secrets_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(8198);
async function post() {
const deploymentId = _actions_core__WEBPACK_IMPORTED_MODULE_0__.Gu(_state_js__WEBPACK_IMPORTED_MODULE_12__.c.deploymentId);
const finished = _actions_core__WEBPACK_IMPORTED_MODULE_0__.Gu(_state_js__WEBPACK_IMPORTED_MODULE_12__.c.finished) === "true";
const retryCancel = _actions_core__WEBPACK_IMPORTED_MODULE_0__.Gu(_state_js__WEBPACK_IMPORTED_MODULE_12__.c.cancelFailed) === "true";
if (!deploymentId || (finished && !retryCancel))
return;
const left = (0, _common_submission_state_js__WEBPACK_IMPORTED_MODULE_11__.Jc)(_state_js__WEBPACK_IMPORTED_MODULE_12__.c);
const clusterName = _actions_core__WEBPACK_IMPORTED_MODULE_0__.Gu(_state_js__WEBPACK_IMPORTED_MODULE_12__.c.cluster);
let cancelled = [];
let failures = [];
if ((left.runId || left.submission) && clusterName) {
try {
const config = await (0, _core_config_load_js__WEBPACK_IMPORTED_MODULE_5__.loadConfig)(_actions_core__WEBPACK_IMPORTED_MODULE_0__.Gu(_state_js__WEBPACK_IMPORTED_MODULE_12__.c.config));
const cluster = config.clusters[clusterName];
if (!cluster)
throw new Error(`cluster '${clusterName}' is no longer in the config`);
const options = {
env: process.env,
log: _common_log_js__WEBPACK_IMPORTED_MODULE_7__.t,
...(left.scope && { scope: left.scope })
};
const orchestrator = await (0, _adapters_orchestrators_index_js__WEBPACK_IMPORTED_MODULE_2__.hc)(cluster, options);
const outcome = await (0, _app_left_run_js__WEBPACK_IMPORTED_MODULE_4__.cancelLeftRun)(orchestrator, left, _common_log_js__WEBPACK_IMPORTED_MODULE_7__.t, (0, _adapters_orchestrators_options_js__WEBPACK_IMPORTED_MODULE_3__.$i)(options).sleep, "deploy run", clusterName);
cancelled = outcome.cancelled;
failures = outcome.failures;
}
catch (error) {
const what = left.runId ? `deploy run ${left.runId}` : "the deploy run";
failures = [
`Could not cancel ${what} on ${clusterName}: ${(0, _core_errors_js__WEBPACK_IMPORTED_MODULE_6__.gJ)(error)}. It may still be running`
];
}
}
if (failures.length)
_common_surfaces_js__WEBPACK_IMPORTED_MODULE_13__.l.setFailed(failures.join("\n"));
if (finished)
return;
const token = (0, _inputs_js__WEBPACK_IMPORTED_MODULE_10__.vA)(_actions_core__WEBPACK_IMPORTED_MODULE_0__.V4("github-token"));
if (token)
(0, _core_secrets_js__WEBPACK_IMPORTED_MODULE_14__.cl)(token);
try {
const { owner, repo } = (0, _adapters_github_index_js__WEBPACK_IMPORTED_MODULE_1__.parseRepository)(process.env.GITHUB_REPOSITORY);
const store = new _adapters_github_index_js__WEBPACK_IMPORTED_MODULE_1__.GitHubDeploymentStore(await (0, _adapters_github_index_js__WEBPACK_IMPORTED_MODULE_1__.createGitHubClient)(token), { owner, repo });
const context = (0, _common_context_js__WEBPACK_IMPORTED_MODULE_9__.o)(process.env);
await store.setStatus(deploymentId, "error", {
...(context.runUrl && { logUrl: context.runUrl }),
description: `The job was cancelled before the deploy finished${cancelled.length ? `; run ${cancelled.join(", ")} was cancelled` : ""}${failures.length ? "; the run could not be cancelled and may still be going" : ""}`
});
_common_log_js__WEBPACK_IMPORTED_MODULE_7__.t.info(`Deployment #${deploymentId} marked error (the job was cancelled)`);
}
catch (error) {
_common_surfaces_js__WEBPACK_IMPORTED_MODULE_13__.l.warning(`Could not mark deployment #${deploymentId} as error: ${(0, _core_errors_js__WEBPACK_IMPORTED_MODULE_6__.gJ)(error)}`);
}
}
const run = () => (0, _common_run_js__WEBPACK_IMPORTED_MODULE_8__.C)(post);
}),
9189: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
c: () => (STATE)
});
const STATE = {
config: "config",
environment: "environment",
deploymentId: "deployment-id",
cluster: "cluster",
runId: "run-id",
project: "project",
workflow: "workflow",
runKey: "run-key",
submission: "submission",
attempt: "attempt",
finished: "finished",
cancelFailed: "cancel-failed"
};
}),
8702: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
cancelLeftRun: () => (cancelLeftRun)
});
var _adapters_orchestrators_poll_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6313);
var _adapters_orchestrators_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5203);
var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
async function cancelLeftRun(orchestrator, left, log, sleep, what = "run", where) {
const on = where ? ` on ${where}` : "";
const outcome = { cancelled: [], finished: [], failures: [] };
let runIds = left.runId ? [left.runId] : [];
if (!left.runId && left.submission && left.scope) {
const { submission, scope } = left;
log.info(`The main step was stopped while submitting (${submission.key}, attempt ${submission.attempt}): looking for the ${what} on the cluster`);
for (let look = 0; look < 3 && runIds.length === 0; look++) {
if (look > 0)
await sleep(1000 * look);
try {
runIds = (await orchestrator.findRuns(submission, scope))
.filter(run => run.attempt === submission.attempt)
.map(run => run.runId);
}
catch (error) {
outcome.failures.push(`Could not look for the ${what} of submission ${submission.key}${on}: ${(0, _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.gJ)(error)}. It may be running`);
return outcome;
}
}
if (runIds.length === 0)
log.info(`No ${what} of this submission reached the cluster`);
}
for (const runId of runIds) {
const status = await orchestrator.getStatus(runId).catch(error => {
log.warning(`Could not read the state of ${what} ${runId}: ${(0, _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.gJ)(error)}`);
return undefined;
});
if (status && (0, _adapters_orchestrators_poll_js__WEBPACK_IMPORTED_MODULE_0__.Hd)(status)) {
log.info(`${capitalize(what)} ${runId} already ${status.state}: nothing to cancel`);
outcome.finished.push(runId);
continue;
}
log.warning(`The job ended before ${what} ${runId} finished: cancelling it${on}`);
let final;
try {
final = await orchestrator.cancel(runId);
}
catch (error) {
const reason = error instanceof _adapters_orchestrators_types_js__WEBPACK_IMPORTED_MODULE_1__.O8 ? error.reason : (0, _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.gJ)(error);
const url = orchestrator.runUrl(runId);
outcome.failures.push(`Could not cancel ${what} ${runId}${on}: ${reason}. It may still be running${url ? `: ${url}` : ""}`);
continue;
}
log.info(`Cancelled ${what} ${runId} (${final.rawState})`);
outcome.cancelled.push(runId);
}
return outcome;
}
function capitalize(text) {
return text.charAt(0).toUpperCase() + text.slice(1);
}
})
};
