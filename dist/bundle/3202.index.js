export const id = 3202;
export const ids = [3202];
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
4198: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
is: () => (inputSchema),
pH: () => (SECRET_INPUTS),
sI: () => (slackMessageInput)
});
var _core_zod_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2158);
var _core_detached_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9521);
var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
var _common_inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9120);
const inputSchema = _core_zod_js__WEBPACK_IMPORTED_MODULE_0__.Ikc({
config: _core_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(_core_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP(), "promote.yaml"),
environment: _core_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_core_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP()),
workflow: _core_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(_core_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP(), "train"),
arguments: (0, _common_inputs_js__WEBPACK_IMPORTED_MODULE_3__.gE)(),
wait: (0, _common_inputs_js__WEBPACK_IMPORTED_MODULE_3__.VE)(),
detach: (0, _common_inputs_js__WEBPACK_IMPORTED_MODULE_3__.tE)(false),
timeout: (0, _common_inputs_js__WEBPACK_IMPORTED_MODULE_3__.Ts)(),
matrix: (0, _common_inputs_js__WEBPACK_IMPORTED_MODULE_3__.Gi)(),
mode: _core_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(_core_zod_js__WEBPACK_IMPORTED_MODULE_0__.k5n(["train", "collect"]), "train"),
cluster: _core_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_core_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP()),
"run-id": _core_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_core_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP()),
"github-token": _core_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(_core_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP(), "${{ github.token }}"),
"slack-channel": _core_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_core_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP()),
"slack-ts": _core_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_core_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP())
});
function slackMessageInput(inputs) {
const channel = inputs["slack-channel"]?.trim();
const ts = inputs["slack-ts"]?.trim();
if (!channel && !ts)
return undefined;
if (!channel || !ts)
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`inputs 'slack-channel' and 'slack-ts' go together (the channel and ts outputs of the notify step that posted the message): only '${channel ? "slack-channel" : "slack-ts"}' is set`);
const message = (0, _core_detached_js__WEBPACK_IMPORTED_MODULE_1__.Ev)({ channel, ts });
if (!message)
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`inputs 'slack-channel' and 'slack-ts': expected a Slack channel ID (C0123ABCD, not a #name) and a message ts (1733400000.123456), got '${channel}' and '${ts}'`);
return message;
}
const SECRET_INPUTS = ["github-token"];
}),
3202: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.r(__webpack_exports__);
__webpack_require__.d(__webpack_exports__, {
run: () => (run)
});
var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6058);
var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
var node_path__WEBPACK_IMPORTED_MODULE_1___default = __webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
var _app_run_workflow_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9018);
var _core_config_load_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9168);
var _common_inputs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9120);
var _common_run_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9040);
var _common_log_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7127);
var _common_context_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9990);
var _inputs_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4198);
var _common_submission_state_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(4921);
var _state_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(1230);
var _common_surfaces_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(6845);
var _adapters_orchestrators_types_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(5203);
var _core_errors_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(4296);
const run = () => (0, _common_run_js__WEBPACK_IMPORTED_MODULE_5__.C)(submitTrain);
async function submitTrain() {
const inputs = (0, _common_inputs_js__WEBPACK_IMPORTED_MODULE_4__.Ko)(_inputs_js__WEBPACK_IMPORTED_MODULE_8__.is, _inputs_js__WEBPACK_IMPORTED_MODULE_8__.pH);
if (inputs.detach && inputs.wait === true) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_13__.ConfigurationError("inputs 'detach: true' and 'wait: true' exclude each other: a detached run is not waited for (remove wait, or set detach: false to wait)");
}
const cwd = (0, _common_run_js__WEBPACK_IMPORTED_MODULE_5__.z)();
const configPath = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, inputs.config);
_actions_core__WEBPACK_IMPORTED_MODULE_0__.LZ(_state_js__WEBPACK_IMPORTED_MODULE_10__.c.config, configPath);
const config = await (0, _core_config_load_js__WEBPACK_IMPORTED_MODULE_3__.loadConfig)(configPath);
const context = {
...(0, _common_context_js__WEBPACK_IMPORTED_MODULE_7__.o)(process.env),
...(inputs.matrix && { matrix: inputs.matrix })
};
if (inputs.mode === "collect") {
const { collectMode } = await Promise.all([__webpack_require__.e(4414), __webpack_require__.e(3660), __webpack_require__.e(7029), __webpack_require__.e(1300), __webpack_require__.e(5234), __webpack_require__.e(6212), __webpack_require__.e(1045)]).then(__webpack_require__.bind(__webpack_require__, 1045));
return collectMode(inputs, config, context, cwd);
}
const controller = new AbortController();
let submittedId;
const onSignal = (signal) => {
if (controller.signal.aborted)
return;
_common_surfaces_js__WEBPACK_IMPORTED_MODULE_11__.l.warning(`Received ${signal}: the job is being cancelled${submittedId ? `, cancelling run ${submittedId}` : ""}`);
controller.abort(new Error(`cancelled by ${signal}`));
};
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);
try {
const result = await (0, _app_run_workflow_js__WEBPACK_IMPORTED_MODULE_2__.runWorkflow)({
config,
environment: inputs.environment,
workflowKey: inputs.workflow,
overrides: inputs.arguments,
timeout: inputs.timeout,
wait: inputs.wait ?? true,
detach: inputs.detach,
message: (0, _inputs_js__WEBPACK_IMPORTED_MODULE_8__.sI)(inputs),
context,
log: _common_log_js__WEBPACK_IMPORTED_MODULE_6__.t,
signal: controller.signal,
orchestrator: { env: process.env, cwd },
onSubmitting: info => {
if (inputs.detach)
_actions_core__WEBPACK_IMPORTED_MODULE_0__.LZ(_state_js__WEBPACK_IMPORTED_MODULE_10__.c.detached, "true");
(0, _common_submission_state_js__WEBPACK_IMPORTED_MODULE_9__.yI)(info, _state_js__WEBPACK_IMPORTED_MODULE_10__.c);
},
onNotSubmitted: () => (0, _common_submission_state_js__WEBPACK_IMPORTED_MODULE_9__.iN)(_state_js__WEBPACK_IMPORTED_MODULE_10__.c),
onSubmitted: (submitted, info) => {
submittedId = submitted.runId;
_actions_core__WEBPACK_IMPORTED_MODULE_0__.LZ(_state_js__WEBPACK_IMPORTED_MODULE_10__.c.cluster, info.cluster);
_actions_core__WEBPACK_IMPORTED_MODULE_0__.LZ(_state_js__WEBPACK_IMPORTED_MODULE_10__.c.runId, submitted.runId);
_actions_core__WEBPACK_IMPORTED_MODULE_0__.LZ(_state_js__WEBPACK_IMPORTED_MODULE_10__.c.project, info.project);
_actions_core__WEBPACK_IMPORTED_MODULE_0__.LZ(_state_js__WEBPACK_IMPORTED_MODULE_10__.c.workflow, info.workflow);
_common_surfaces_js__WEBPACK_IMPORTED_MODULE_11__.l.setOutput("run-id", submitted.runId);
const url = submitted.url ?? info.orchestrator.runUrl(submitted.runId);
if (url)
_common_surfaces_js__WEBPACK_IMPORTED_MODULE_11__.l.setOutput("run-url", url);
}
});
const { status } = result;
if (result.cancelFailed)
_common_surfaces_js__WEBPACK_IMPORTED_MODULE_11__.l.warning(`The post step will try again to cancel run ${status.runId}`);
else
_actions_core__WEBPACK_IMPORTED_MODULE_0__.LZ(_state_js__WEBPACK_IMPORTED_MODULE_10__.c.finished, "true");
_common_surfaces_js__WEBPACK_IMPORTED_MODULE_11__.l.setOutput("run-id", status.runId);
_common_surfaces_js__WEBPACK_IMPORTED_MODULE_11__.l.setOutput("status", result.detached ? "submitted" : status.state);
_common_surfaces_js__WEBPACK_IMPORTED_MODULE_11__.l.setOutput("submission", result.labels[_adapters_orchestrators_types_js__WEBPACK_IMPORTED_MODULE_12__.kY] ?? "");
if (result.facts.runUrl)
_common_surfaces_js__WEBPACK_IMPORTED_MODULE_11__.l.setOutput("run-url", result.facts.runUrl);
_common_surfaces_js__WEBPACK_IMPORTED_MODULE_11__.l.setOutput("results", JSON.stringify(status.results));
if (result.modelUri)
_common_surfaces_js__WEBPACK_IMPORTED_MODULE_11__.l.setOutput("model-uri", result.modelUri);
_common_surfaces_js__WEBPACK_IMPORTED_MODULE_11__.l.setOutput("facts", JSON.stringify(result.facts));
await _common_log_js__WEBPACK_IMPORTED_MODULE_6__.s.summary(result.report);
if (!result.ok) {
_common_surfaces_js__WEBPACK_IMPORTED_MODULE_11__.l.setFailed(`Workflow '${result.workflow.key}' on ${result.environment.name} ${status.state}${status.error ? `: ${status.error}` : ""}`);
}
else if (result.modelUri) {
_common_surfaces_js__WEBPACK_IMPORTED_MODULE_11__.l.info(`Model: ${result.modelUri}`);
}
}
finally {
process.off("SIGINT", onSignal);
process.off("SIGTERM", onSignal);
}
}
}),
1230: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
c: () => (STATE)
});
const STATE = {
config: "config",
cluster: "cluster",
runId: "run-id",
project: "project",
workflow: "workflow",
runKey: "run-key",
submission: "submission",
attempt: "attempt",
detached: "detached",
finished: "finished"
};
}),
6419: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
DJ: () => (fitMarkdown),
dq: () => (COMMENT_MAX_CHARS),
eR: () => (SUMMARY_MAX_BYTES)
});
const COMMENT_MAX_CHARS = 65536;
const SUMMARY_MAX_BYTES = 1024 * 1024;
const utf8 = new TextEncoder();
function fitMarkdown(markdown, max, notice, unit = "chars") {
const size = (text) => (unit === "bytes" ? utf8.encode(text).length : text.length);
if (size(markdown) <= max)
return markdown;
const tail = `\n\n> [!WARNING]\n> ${notice}\n`;
const room = max - size(tail) - 8;
if (room <= 0)
throw new Error(`a limit of ${max} leaves no room for the notice`);
let cut = unit === "bytes" ? prefixWithinBytes(markdown, room) : markdown.slice(0, room);
const lineEnd = cut.lastIndexOf("\n");
if (lineEnd > 0)
cut = cut.slice(0, lineEnd);
const fences = cut.match(/^(```|~~~)/gm)?.length ?? 0;
return `${cut}${fences % 2 === 1 ? "\n```" : ""}${tail}`;
}
function prefixWithinBytes(text, maxBytes) {
let bytes = 0;
let index = 0;
for (const char of text) {
const length = utf8.encode(char).length;
if (bytes + length > maxBytes)
break;
bytes += length;
index += char.length;
}
return text.slice(0, index);
}
})
};
