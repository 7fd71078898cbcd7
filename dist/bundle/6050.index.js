export const id = 6050;
export const ids = [6050];
export const modules = {
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
3669: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.r(__webpack_exports__);
__webpack_require__.d(__webpack_exports__, {
post: () => (post),
run: () => (run)
});
var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6058);
var _adapters_orchestrators_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9314);
var _adapters_orchestrators_options_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7276);
var _app_left_run_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8702);
var _core_config_load_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9168);
var _core_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4296);
var _common_log_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7127);
var _common_submission_state_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4921);
var _common_run_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9040);
var _state_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(1230);
var _common_surfaces_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(6845);
async function post() {
if (_actions_core__WEBPACK_IMPORTED_MODULE_0__.Gu(_state_js__WEBPACK_IMPORTED_MODULE_9__.c.detached) === "true")
return;
const left = (0, _common_submission_state_js__WEBPACK_IMPORTED_MODULE_7__.Jc)(_state_js__WEBPACK_IMPORTED_MODULE_9__.c);
if ((!left.runId && !left.submission) || _actions_core__WEBPACK_IMPORTED_MODULE_0__.Gu(_state_js__WEBPACK_IMPORTED_MODULE_9__.c.finished) === "true")
return;
const what = left.runId ? `run ${left.runId}` : `the run of submission ${left.submission.key}`;
const clusterName = _actions_core__WEBPACK_IMPORTED_MODULE_0__.Gu(_state_js__WEBPACK_IMPORTED_MODULE_9__.c.cluster);
let failures;
try {
const config = await (0, _core_config_load_js__WEBPACK_IMPORTED_MODULE_4__.loadConfig)(_actions_core__WEBPACK_IMPORTED_MODULE_0__.Gu(_state_js__WEBPACK_IMPORTED_MODULE_9__.c.config));
const cluster = config.clusters[clusterName];
if (!cluster) {
_common_surfaces_js__WEBPACK_IMPORTED_MODULE_10__.l.warning(`cannot cancel ${what}: cluster '${clusterName}' is no longer in the config`);
return;
}
const options = {
env: process.env,
log: _common_log_js__WEBPACK_IMPORTED_MODULE_6__.t,
...(left.scope && { scope: left.scope })
};
const orchestrator = await (0, _adapters_orchestrators_index_js__WEBPACK_IMPORTED_MODULE_1__.hc)(cluster, options);
const outcome = await (0, _app_left_run_js__WEBPACK_IMPORTED_MODULE_3__.cancelLeftRun)(orchestrator, left, _common_log_js__WEBPACK_IMPORTED_MODULE_6__.t, (0, _adapters_orchestrators_options_js__WEBPACK_IMPORTED_MODULE_2__.$i)(options).sleep, "run", clusterName);
failures = outcome.failures;
}
catch (error) {
failures = [`Could not cancel ${what} on ${clusterName}: ${(0, _core_errors_js__WEBPACK_IMPORTED_MODULE_5__.gJ)(error)}`];
}
if (failures.length)
_common_surfaces_js__WEBPACK_IMPORTED_MODULE_10__.l.setFailed(failures.join("\n"));
}
const run = () => (0, _common_run_js__WEBPACK_IMPORTED_MODULE_8__.C)(post);
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
