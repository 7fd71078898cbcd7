export const id = 3264;
export const ids = [3264];
export const modules = {
9990: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
o: () => (githubRunContext)
});
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
var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7264);
var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8815);
var zod__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9691);
var zod__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8532);
var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
var _core_duration_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8571);
var _core_secrets_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8198);
var _surfaces_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6845);
const booleanInput = (defaultValue) => zod__WEBPACK_IMPORTED_MODULE_6__.YjP()
.default(String(defaultValue))
.transform((value, ctx) => {
const normal = value.trim().toLowerCase();
if (["true", "yes", "on", "1"].includes(normal))
return true;
if (["false", "no", "off", "0"].includes(normal))
return false;
ctx.addIssue({ code: "custom", message: `expected true or false, got '${value}'` });
return zod__WEBPACK_IMPORTED_MODULE_7__.tm;
});
const optionalBooleanInput = () => zod__WEBPACK_IMPORTED_MODULE_6__.YjP()
.optional()
.transform((value, ctx) => {
const normal = (value ?? "").trim().toLowerCase();
if (normal === "")
return undefined;
if (["true", "yes", "on", "1"].includes(normal))
return true;
if (["false", "no", "off", "0"].includes(normal))
return false;
ctx.addIssue({ code: "custom", message: `expected true or false, got '${value}'` });
return zod__WEBPACK_IMPORTED_MODULE_7__.tm;
});
const objectInput = () => zod__WEBPACK_IMPORTED_MODULE_6__.YjP()
.default("{}")
.transform((value, ctx) => {
let parsed;
try {
parsed = value.trim() === "" ? {} : (0, yaml__WEBPACK_IMPORTED_MODULE_1__.qg)(value, { maxAliasCount: 50 });
}
catch (error) {
ctx.addIssue({
code: "custom",
message: `not valid YAML/JSON: ${error.message.split("\n")[0]}`
});
return zod__WEBPACK_IMPORTED_MODULE_7__.tm;
}
if (parsed === null || parsed === undefined)
return {};
if (typeof parsed !== "object" || Array.isArray(parsed)) {
ctx.addIssue({
code: "custom",
message: "expected an object, e.g. {\"epochs\": 10} or epochs: 10"
});
return zod__WEBPACK_IMPORTED_MODULE_7__.tm;
}
return parsed;
});
const matrixInput = () => zod__WEBPACK_IMPORTED_MODULE_6__.YjP()
.default("${{ toJSON(matrix) }}")
.transform(value => (value.trim().startsWith("${{") ? "" : value.trim()));
const durationInput = () => zod__WEBPACK_IMPORTED_MODULE_6__.YjP()
.optional()
.refine(value => {
if (value === undefined)
return true;
try {
(0, _core_duration_js__WEBPACK_IMPORTED_MODULE_3__.parseDuration)(value);
return true;
}
catch {
return false;
}
}, { message: "expected a duration such as 90s, 45m, 2h or 1h30m" });
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
var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7264);
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
var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7264);
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
var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9691);
var _common_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9120);
const inputSchema = zod__WEBPACK_IMPORTED_MODULE_1__.Ikc({
config: zod__WEBPACK_IMPORTED_MODULE_1__.YjP().default("promote.yaml"),
environment: zod__WEBPACK_IMPORTED_MODULE_1__.YjP().optional(),
manifest: zod__WEBPACK_IMPORTED_MODULE_1__.YjP().optional(),
arguments: (0, _common_inputs_js__WEBPACK_IMPORTED_MODULE_0__.gE)(),
wait: (0, _common_inputs_js__WEBPACK_IMPORTED_MODULE_0__.tE)(true),
timeout: (0, _common_inputs_js__WEBPACK_IMPORTED_MODULE_0__.Ts)(),
"github-token": zod__WEBPACK_IMPORTED_MODULE_1__.YjP().default("${{ github.token }}"),
"require-approval": zod__WEBPACK_IMPORTED_MODULE_1__.k5n(["", "true", "false"]).default(""),
"override-same-artifact": zod__WEBPACK_IMPORTED_MODULE_1__.YjP().optional(),
rollback: (0, _common_inputs_js__WEBPACK_IMPORTED_MODULE_0__.tE)(false),
"rollback-to": zod__WEBPACK_IMPORTED_MODULE_1__.YjP()
.regex(/^#?\d+$/, "expected a deployment id, e.g. 1234567890")
.optional(),
"open-promotion-pr": (0, _common_inputs_js__WEBPACK_IMPORTED_MODULE_0__.tE)(false),
"promotion-pr-token": zod__WEBPACK_IMPORTED_MODULE_1__.YjP().optional(),
"dry-run": (0, _common_inputs_js__WEBPACK_IMPORTED_MODULE_0__.tE)(false),
matrix: (0, _common_inputs_js__WEBPACK_IMPORTED_MODULE_0__.Gi)()
});
const SECRET_INPUTS = ["github-token", "promotion-pr-token"];
function tokenValue(value) {
return value && !value.startsWith("${{") ? value : "";
}
}),
3264: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.r(__webpack_exports__);
__webpack_require__.d(__webpack_exports__, {
run: () => (main_run)
});
var core = __webpack_require__(7264);
var external_node_path_ = __webpack_require__(6760);
var run_workflow = __webpack_require__(9018);
var load = __webpack_require__(9168);
var common_inputs = __webpack_require__(9120);
var run = __webpack_require__(9040);
var log = __webpack_require__(7127);
var common_context = __webpack_require__(9990);
var schemas = __webpack_require__(9691);
var detached = __webpack_require__(9521);
var errors = __webpack_require__(4296);
;
const inputSchema = schemas.Ikc({
config: schemas.YjP().default("promote.yaml"),
environment: schemas.YjP().optional(),
workflow: schemas.YjP().default("train"),
arguments: (0, common_inputs.gE)(),
wait: (0, common_inputs.VE)(),
detach: (0, common_inputs.tE)(false),
timeout: (0, common_inputs.Ts)(),
matrix: (0, common_inputs.Gi)(),
mode: schemas.k5n(["train", "collect"]).default("train"),
cluster: schemas.YjP().optional(),
"run-id": schemas.YjP().optional(),
"github-token": schemas.YjP().default("${{ github.token }}"),
"slack-channel": schemas.YjP().optional(),
"slack-ts": schemas.YjP().optional()
});
function slackMessageInput(inputs) {
const channel = inputs["slack-channel"]?.trim();
const ts = inputs["slack-ts"]?.trim();
if (!channel && !ts)
return undefined;
if (!channel || !ts)
throw new errors.ConfigurationError(`inputs 'slack-channel' and 'slack-ts' go together (the channel and ts outputs of the notify step that posted the message): only '${channel ? "slack-channel" : "slack-ts"}' is set`);
const message = (0, detached.Ev)({ channel, ts });
if (!message)
throw new errors.ConfigurationError(`inputs 'slack-channel' and 'slack-ts': expected a Slack channel ID (C0123ABCD, not a #name) and a message ts (1733400000.123456), got '${channel}' and '${ts}'`);
return message;
}
const SECRET_INPUTS = ["github-token"];
var submission_state = __webpack_require__(4921);
var state = __webpack_require__(1230);
var surfaces = __webpack_require__(6845);
var types = __webpack_require__(5203);
var collect = __webpack_require__(5234);
var collect_ports = __webpack_require__(6212);
var resolve = __webpack_require__(2170);
var submit_deploy_inputs = __webpack_require__(9615);
;
async function collectMode(inputs, config, context, cwd) {
const token = (0, submit_deploy_inputs.vA)(inputs["github-token"]);
if (!token)
throw new errors.ConfigurationError("mode: collect needs input 'github-token' with contents: write, pull-requests: write and actions: read (train.yml's open-pr: set the PROMOTION_PR_TOKEN secret, a GitHub App or fine-grained token)");
if (!context.repository)
throw new errors.ConfigurationError("mode: collect runs in a GitHub workflow (GITHUB_REPOSITORY unset)");
const runId = inputs["run-id"]?.trim();
const cluster = inputs.cluster ||
(runId
? (0, resolve.g9)(config, {
name: inputs.environment,
branch: context.branch,
env: process.env
}).cluster
: undefined);
const result = await (0, collect.collect)({
config,
repository: context.repository,
context,
env: process.env,
...(runId && { callback: { runId, cluster, message: slackMessageInput(inputs) } }),
runnerName: process.env.RUNNER_NAME,
announce: !runId || context.eventName === "repository_dispatch"
}, (0, collect_ports.collectPorts)({
config,
token,
cwd,
env: process.env,
context,
log: log.t,
reporter: log.s
}));
const collected = result.runs.filter(run => run.outcome === "collected");
surfaces.l.setOutput("collected", JSON.stringify(collected));
const pull = collected.find(run => run.pull)?.pull;
if (pull)
surfaces.l.setOutput("pull-request", pull.url);
if (!result.ok)
surfaces.l.setFailed(`${result.runs.filter(r => r.outcome === "failed").length} run(s) could not be collected; the next reconcile tries again`);
}
;
const main_run = () => (0, run.C)(submitTrain);
async function submitTrain() {
const inputs = (0, common_inputs.Ko)(inputSchema, SECRET_INPUTS);
if (inputs.detach && inputs.wait === true) {
throw new errors.ConfigurationError("inputs 'detach: true' and 'wait: true' exclude each other: a detached run is not waited for (remove wait, or set detach: false to wait)");
}
const cwd = (0, run.z)();
const configPath = (0, external_node_path_.resolve)(cwd, inputs.config);
core.LZ(state.c.config, configPath);
const config = await (0, load.loadConfig)(configPath);
const context = {
...(0, common_context.o)(process.env),
...(inputs.matrix && { matrix: inputs.matrix })
};
if (inputs.mode === "collect")
return collectMode(inputs, config, context, cwd);
const controller = new AbortController();
let submittedId;
const onSignal = (signal) => {
if (controller.signal.aborted)
return;
surfaces.l.warning(`Received ${signal}: the job is being cancelled${submittedId ? `, cancelling run ${submittedId}` : ""}`);
controller.abort(new Error(`cancelled by ${signal}`));
};
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);
try {
const result = await (0, run_workflow.runWorkflow)({
config,
environment: inputs.environment,
workflowKey: inputs.workflow,
overrides: inputs.arguments,
timeout: inputs.timeout,
wait: inputs.wait ?? true,
detach: inputs.detach,
message: slackMessageInput(inputs),
context,
log: log.t,
signal: controller.signal,
orchestrator: { env: process.env, cwd },
onSubmitting: info => {
if (inputs.detach)
core.LZ(state.c.detached, "true");
(0, submission_state.yI)(info, state.c);
},
onNotSubmitted: () => (0, submission_state.iN)(state.c),
onSubmitted: (submitted, info) => {
submittedId = submitted.runId;
core.LZ(state.c.cluster, info.cluster);
core.LZ(state.c.runId, submitted.runId);
core.LZ(state.c.project, info.project);
core.LZ(state.c.workflow, info.workflow);
surfaces.l.setOutput("run-id", submitted.runId);
const url = submitted.url ?? info.orchestrator.runUrl(submitted.runId);
if (url)
surfaces.l.setOutput("run-url", url);
}
});
const { status } = result;
if (result.cancelFailed)
surfaces.l.warning(`The post step will try again to cancel run ${status.runId}`);
else
core.LZ(state.c.finished, "true");
surfaces.l.setOutput("run-id", status.runId);
surfaces.l.setOutput("status", result.detached ? "submitted" : status.state);
surfaces.l.setOutput("submission", result.labels[types.kY] ?? "");
if (result.facts.runUrl)
surfaces.l.setOutput("run-url", result.facts.runUrl);
surfaces.l.setOutput("results", JSON.stringify(status.results));
if (result.modelUri)
surfaces.l.setOutput("model-uri", result.modelUri);
surfaces.l.setOutput("facts", JSON.stringify(result.facts));
await log.s.summary(result.report);
if (!result.ok) {
surfaces.l.setFailed(`Workflow '${result.workflow.key}' on ${result.environment.name} ${status.state}${status.error ? `: ${status.error}` : ""}`);
}
else if (result.modelUri) {
surfaces.l.info(`Model: ${result.modelUri}`);
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
}),
8198: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
O3: () => (secrets),
Zg: () => (scrubSecrets),
cl: () => (registerSecret)
});
const REDACTED = "***";
const MIN_SECRET_LENGTH = 4;
const AUTH_HEADER_VALUE = /\b(Bearer|Basic)(\s+|%20|\+)(?=[A-Za-z0-9._~+/-]*\d)[A-Za-z0-9._~+/-]{8,}=*/gi;
const base64 = (text) => Buffer.from(text, "utf8").toString("base64");
const base64url = (text) => Buffer.from(text, "utf8").toString("base64url");
function safeDecode(text) {
try {
return decodeURIComponent(text);
}
catch {
return text;
}
}
function writtenForms(value) {
const forms = [value, value.trim(), JSON.stringify(value).slice(1, -1)];
forms.push(encodeURIComponent(value), encodeURIComponent(value).replace(/%20/g, "+"));
const encoded = base64(value);
forms.push(encoded, encoded.replace(/=+$/, ""), base64url(value));
return forms;
}
class SecretScrubber {
forms = new Set();
listeners = [];
pattern;
add(secret) {
if (!secret || secret.trim().length < MIN_SECRET_LENGTH)
return;
for (const form of writtenForms(secret))
this.addForm(form);
this.addUrlParts(secret.trim());
}
addBasic(username, password) {
this.add(password);
const pair = `${username}:${password}`;
if (pair.length < MIN_SECRET_LENGTH)
return;
const encoded = base64(pair);
for (const form of [
encoded,
encoded.replace(/=+$/, ""),
encodeURIComponent(encoded),
base64url(pair)
])
this.addForm(form);
}
addAuthorization(value) {
if (!value)
return;
const match = /^\s*(?:Bearer|Basic|token)\s+(.+)$/i.exec(value);
this.add(match ? match[1] : value);
if (match && /^Basic$/i.test(value.trim().split(/\s+/)[0] ?? "")) {
const decoded = Buffer.from(match[1].trim(), "base64").toString("utf8");
const colon = decoded.indexOf(":");
if (colon > 0)
this.add(decoded.slice(colon + 1));
}
}
onAdd(listener) {
for (const form of this.forms)
listener(form);
this.listeners.push(listener);
return () => {
const index = this.listeners.indexOf(listener);
if (index >= 0)
this.listeners.splice(index, 1);
};
}
scrub(text) {
if (!text)
return text;
let out = text;
if (this.forms.size) {
this.pattern ??= new RegExp([...this.forms]
.sort((a, b) => b.length - a.length)
.map(form => form.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
.join("|"), "g");
out = out.replace(this.pattern, REDACTED);
}
return out.replace(AUTH_HEADER_VALUE, `$1$2${REDACTED}`);
}
scrubValue(value) {
if (typeof value === "string")
return this.scrub(value);
if (Array.isArray(value))
return value.map(item => this.scrubValue(item));
if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
return Object.fromEntries(Object.entries(value).map(([key, item]) => [this.scrub(key), this.scrubValue(item)]));
}
return value;
}
leaks(text) {
return this.scrub(text) !== text;
}
addForm(form) {
if (form.length < MIN_SECRET_LENGTH || this.forms.has(form))
return;
this.forms.add(form);
this.pattern = undefined;
for (const listener of this.listeners)
listener(form);
}
addUrlParts(value) {
if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value))
return;
let url;
try {
url = new URL(value);
}
catch {
return;
}
if (url.password) {
for (const password of new Set([url.password, safeDecode(url.password)]))
this.add(password);
this.addBasic(safeDecode(url.username), safeDecode(url.password));
}
else if (url.username) {
this.add(safeDecode(url.username));
}
else if (url.pathname.length >= 16) {
this.add(url.pathname + url.search);
}
}
}
const secrets = new SecretScrubber();
const registerSecret = (value) => secrets.add(value);
const registerBasicCredentials = (username, password) => secrets.addBasic(username, password);
const scrubSecrets = (text) => secrets.scrub(text);
const scrubSecretsIn = (value) => secrets.scrubValue(value);
})
};
