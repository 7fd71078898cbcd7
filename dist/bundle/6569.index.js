export const id = 6569;
export const ids = [6569, 3618, 7250, 3228];
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
7826: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.r(__webpack_exports__);
__webpack_require__.d(__webpack_exports__, {
COMMENT_MARKER: () => (COMMENT_MARKER),
run: () => (main_run)
});
;
let loading;
const loadExec = () => (loading ??= __webpack_require__.e(1260).then(__webpack_require__.bind(__webpack_require__, 1260)));
async function exec(...args) {
return (await loadExec()).exec(...args);
}
async function getExecOutput(...args) {
return (await loadExec()).getExecOutput(...args);
}
var external_node_path_ = __webpack_require__(6760);
var errors = __webpack_require__(4296);
var load = __webpack_require__(9168);
var fs = __webpack_require__(8616);
var yaml_source = __webpack_require__(668);
var core_report = __webpack_require__(8557);
var registries = __webpack_require__(7250);
var reader = __webpack_require__(4869);
var validate = __webpack_require__(7029);
var common_inputs = __webpack_require__(9120);
var run = __webpack_require__(9040);
var log = __webpack_require__(7127);
var zod = __webpack_require__(2158);
;
const inputSchema = zod.Ikc({
mode: zod.Rvf(zod.k5n(["all", "commands", "validate"]), "all"),
"command-results": zod.lqM(zod.YjP()),
lint: zod.lqM(zod.YjP()),
test: zod.lqM(zod.YjP()),
config: zod.Rvf(zod.YjP(), "promote.yaml"),
"export-dir": zod.lqM(zod.YjP()),
"check-drift": (0, common_inputs.tE)(false),
environment: zod.lqM(zod.YjP()),
champion: zod.Rvf(zod.k5n(["auto", "git", "registry", "none"]), "auto"),
"production-branch": zod.lqM(zod.YjP()),
comment: (0, common_inputs.tE)(true),
"github-token": zod.Rvf(zod.YjP(), "${{ github.token }}"),
"fail-on": zod.Rvf(zod.YjP(), "errors")
});
const secretKeys = ["github-token"];
const commandCheck = zod.rej({
name: zod.k5n(["lint", "tests"]),
verdict: zod.k5n(["pass", "fail", "warn", "skip"]),
details: zod.YjP(),
durationMs: zod.lqM(zod.aig().check(zod.ZnW()))
});
function parseCommandResults(value) {
if (!value?.trim()) {
const details = "no result from the lint and test step (it failed before running the commands, or was skipped): see its log";
return [
{ name: "lint", verdict: "fail", details },
{ name: "tests", verdict: "fail", details }
];
}
let parsed;
try {
parsed = JSON.parse(value);
}
catch {
parsed = undefined;
}
const result = zod.YOg(commandCheck).safeParse(parsed);
if (!result.success) {
throw new errors.ConfigurationError("input 'command-results': expected the `checks` output of a `mode: commands` step, a JSON list of {name, verdict, details}");
}
return result.data;
}
var github = __webpack_require__(7846);
var surfaces = __webpack_require__(6845);
var common_context = __webpack_require__(9990);
var secrets = __webpack_require__(8198);
;
const COMMENT_MARKER = "promote-actions:lint-test";
const shellRunner = {
run: (commandLine, cwd) => process.platform === "win32"
? exec("cmd", ["/d", "/s", "/c", commandLine], { cwd, ignoreReturnCode: true })
: exec("bash", ["-eo", "pipefail", "-c", commandLine], { cwd, ignoreReturnCode: true })
};
async function maskRegistrySecrets(cwd, configPath) {
try {
const text = await (0, fs.Cj)(cwd, configPath, {
shown: configPath,
maxBytes: yaml_source.jl
});
const config = (0, load.o4)(configPath, text);
for (const value of (0, registries.registrySecrets)(config, process.env))
(0, secrets.cl)(value);
}
catch {
}
}
function reportChecks(checks, failOn, failOnText, problems = 0) {
const failedChecks = checks.filter(c => c.verdict === "fail").map(c => c.name);
const failing = (0, validate.failingChecks)(checks, failOn);
surfaces.l.setOutput("failed-checks", failedChecks.join(","));
surfaces.l.setOutput("checks", JSON.stringify(checks));
surfaces.l.setOutput("result", failing.length ? "fail" : "pass");
if (failing.length) {
surfaces.l.setFailed(`${failing.map(c => `${c.name}: ${c.details}`).join("; ")}${problems ? ` (${problems} problem${problems === 1 ? "" : "s"}, see the annotations)` : ""}`);
}
else if (failedChecks.length) {
log.t.info(`Failed checks ${failedChecks.join(", ")} do not fail the step (fail-on: ${failOnText})`);
}
}
async function runCommandsOnly(inputs) {
const cwd = (0, run.z)();
const checks = await (0, validate.Yn)({
cwd,
...(inputs.lint && { lintCommand: inputs.lint }),
...(inputs.test && { testCommand: inputs.test }),
log: log.t,
runner: shellRunner
});
for (const check of checks)
log.t.info(`${check.name}: ${check.verdict}: ${check.details}`);
reportChecks(checks, (0, validate.parseFailOn)(inputs["fail-on"]), inputs["fail-on"]);
}
const main_run = () => (0, run.C)(lintTest);
async function lintTest() {
const inputs = (0, common_inputs.Ko)(inputSchema, secretKeys);
const failOn = (0, validate.parseFailOn)(inputs["fail-on"]);
if (inputs.mode === "commands")
return runCommandsOnly(inputs);
if (inputs.mode === "validate" && (inputs.lint || inputs.test)) {
throw new errors.ConfigurationError("mode: validate runs no commands (it may hold the registry's secrets): give lint and test to the `mode: commands` step and its `checks` output to command-results");
}
const commandChecks = inputs.mode === "validate" ? parseCommandResults(inputs["command-results"]) : undefined;
const cwd = (0, run.z)();
await maskRegistrySecrets(cwd, (0, external_node_path_.resolve)(cwd, inputs.config));
const context = (0, common_context.o)(process.env);
if (!context.repository)
throw new errors.ConfigurationError("GITHUB_REPOSITORY is not set (owner/name): lint-test runs in a GitHub Actions job, or under @github/local-action with it in the .env file");
const { owner, repo } = context.repository;
const pullRequest = (0, common_context.Z)(process.env, message => surfaces.l.warning(message)).pull_request;
const result = await (0, validate.validate)({
cwd,
configPath: inputs.config,
...(inputs.environment && { environment: inputs.environment }),
...(pullRequest?.base?.ref && { baseBranch: pullRequest.base.ref }),
...(inputs["export-dir"] && { exportDir: inputs["export-dir"] }),
...(inputs.lint && { lintCommand: inputs.lint }),
...(inputs.test && { testCommand: inputs.test }),
...(commandChecks && { commandChecks }),
checkDrift: inputs["check-drift"],
champion: inputs.champion,
...(inputs["production-branch"] && { productionBranch: inputs["production-branch"] }),
log: log.t,
runner: shellRunner,
git: (0, reader.createGitReader)(cwd, { fetchMissing: true }),
registry: config => (0, registries.createRegistry)(config, process.env, { cwd, confineTo: cwd })
});
const runUrl = context.runUrl;
const report = {
...result.report,
links: [...(result.report.links ?? []), ...(runUrl ? [{ label: "Run logs", url: runUrl }] : [])]
};
const summary = { ...report, sections: [...report.sections] };
const token = inputs["github-token"].startsWith("${{") ? "" : inputs["github-token"];
if (!inputs.comment) {
log.t.info("PR comment disabled (comment: false)");
}
else if (!pullRequest) {
log.t.info(`Not a pull request event (${context.eventName ?? "no event name"}): no PR comment`);
}
else if (!token) {
summary.sections.push({
title: "PR comment not posted",
verdict: "warn",
text: [
"No github-token: pass `github-token: ${{ github.token }}` with `pull-requests: write`."
]
});
}
else {
try {
const client = await (0, github.createGitHubClient)(token, {
onRetry: message => surfaces.l.warning(message)
});
const comment = await (0, github.qD)(client, {
owner,
repo,
issueNumber: pullRequest.number,
marker: COMMENT_MARKER,
body: (0, core_report.Gc)(report),
overflowNotice: `This report was cut to fit GitHub's comment size limit: the whole report is in the job summary and the log of ${runUrl ? `[the run](${runUrl})` : "the run"}.`
});
surfaces.l.setOutput("comment-url", comment.url);
log.t.info(`${comment.action === "created" ? "Posted" : "Updated"} the PR comment: ${comment.url}`);
}
catch (error) {
const fork = pullRequest.head?.repo?.full_name !== undefined &&
pullRequest.head.repo.full_name !== `${owner}/${repo}`;
const message = (0, errors.gJ)(error);
surfaces.l.warning(`PR comment not posted: ${message}`);
summary.sections.push({
title: "PR comment not posted",
verdict: "warn",
text: [
error instanceof github.JA && fork
? `${message} (this pull request comes from the fork ${pullRequest.head.repo.full_name}).`
: message
]
});
}
}
await log.s.summary(summary);
reportChecks(result.checks, failOn, inputs["fail-on"], result.problems.length);
}
}),
3618: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
BO: () => (redactUrl),
CM: () => (bearer),
EY: () => (backoffDelay),
HX: () => (basic),
Qq: () => (HttpClient),
j$: () => (HttpError),
mu: () => (parseRetryAfter),
uk: () => (realSleep),
vI: () => (DEFAULT_RETRY)
});
var _core_secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8198);
var _proxy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8316);
const realSleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const DEFAULT_RETRY = { attempts: 5, baseDelayMs: 500, maxDelayMs: 30000 };
class HttpError extends Error {
status;
body;
ambiguous;
retryAfterMs;
constructor(message, status, body, ambiguous = false, retryAfterMs) {
super(message);
this.status = status;
this.body = body;
this.ambiguous = ambiguous;
this.retryAfterMs = retryAfterMs;
this.name = "HttpError";
}
}
function parseRetryAfter(value, now = Date.now()) {
if (!value)
return undefined;
if (/^\d+(\.\d+)?$/.test(value.trim()))
return Number(value) * 1000;
const date = Date.parse(value);
return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
function backoffDelay(attempt, policy, random = Math.random) {
const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
class HttpClient {
options;
retry;
sleep;
fetchImpl;
constructor(options) {
this.options = options;
this.retry = { ...DEFAULT_RETRY, ...options.retry };
this.sleep = options.sleep ?? realSleep;
this.fetchImpl = options.fetch ?? (0, _proxy_js__WEBPACK_IMPORTED_MODULE_1__.Fm)(options.env ?? process.env);
for (const [name, value] of Object.entries(options.headers ?? {})) {
if (CREDENTIAL_HEADERS.test(name))
_core_secrets_js__WEBPACK_IMPORTED_MODULE_0__.O3.addAuthorization(value);
}
}
url(path, query) {
const url = new URL(this.options.baseUrl.replace(/\/+$/, "") + path);
for (const [key, value] of Object.entries(query ?? {})) {
if (value !== undefined)
url.searchParams.set(key, String(value));
}
return url.toString();
}
get(path, options = {}) {
return this.request("GET", path, { idempotent: true, ...options });
}
post(path, options = {}) {
return this.request("POST", path, options);
}
put(path, options = {}) {
return this.request("PUT", path, { idempotent: true, ...options });
}
async request(method, path, options = {}) {
const url = this.url(path, options.query);
const headers = {
accept: "application/json",
"user-agent": "promote-actions",
...this.options.headers,
...options.headers
};
let payload;
if (options.body !== undefined) {
payload = JSON.stringify(options.body);
headers["content-type"] = "application/json";
}
const idempotent = options.idempotent ?? false;
for (let attempt = 0;; attempt++) {
const last = attempt + 1 >= this.retry.attempts;
const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 30000);
const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
let response;
try {
response = await this.fetchImpl(url, { method, headers, body: payload, signal });
}
catch (error) {
if (options.signal?.aborted)
throw error;
const reason = _core_secrets_js__WEBPACK_IMPORTED_MODULE_0__.O3.scrub(describeNetworkError(error));
const neverSent = CONNECTION_NEVER_MADE.has(networkErrorCode(error) ?? "");
if ((!idempotent && !neverSent) || last) {
throw new HttpError(`${this.options.service}: ${method} ${linkOf(url)} failed: ${reason}`, undefined, undefined, !neverSent);
}
await this.sleep(backoffDelay(attempt, this.retry));
continue;
}
const body = await readBody(response, response.ok ? options.parse : undefined);
if (response.ok || options.acceptStatus?.includes(response.status)) {
return { status: response.status, body: body, headers: response.headers };
}
const transient = response.status === 429 || response.status >= 500;
const retryAfter = parseRetryAfter(response.headers.get("retry-after"));
if (transient && idempotent && !last) {
await this.sleep(Math.min(retryAfter ?? backoffDelay(attempt, this.retry), this.retry.maxDelayMs * 4));
continue;
}
throw new HttpError(this.describe(method, url, response.status, body), response.status, _core_secrets_js__WEBPACK_IMPORTED_MODULE_0__.O3.scrubValue(body), transient && !idempotent, retryAfter);
}
}
describe(method, url, status, body) {
const detail = this.options.describeError?.(body, status) ??
(typeof body === "string"
? body.slice(0, 500)
: body
? JSON.stringify(body).slice(0, 500)
: "");
const hint = status === 401 || status === 403
? " (check the credentials: the token is missing, wrong or lacks permission)"
: "";
return _core_secrets_js__WEBPACK_IMPORTED_MODULE_0__.O3.scrub(`${this.options.service}: ${method} ${linkOf(url)} returned ${status}${detail ? `: ${detail}` : ""}${hint}`);
}
}
async function readBody(response, parse = JSON.parse) {
const text = await response.text();
if (!text)
return undefined;
try {
return parse(text);
}
catch {
return text;
}
}
const CONNECTION_NEVER_MADE = new Set([
"ECONNREFUSED",
"ENOTFOUND",
"EAI_AGAIN",
"ENETUNREACH",
"EHOSTUNREACH"
]);
function networkErrorCode(error) {
let current = error;
for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
const code = current.code;
if (typeof code === "string")
return code;
current = current.cause;
}
return undefined;
}
function describeNetworkError(error) {
if (error.name === "TimeoutError")
return "timed out";
const causes = [];
for (let cause = error.cause; cause && typeof cause === "object" && causes.length < 5; cause = cause.cause)
causes.push(cause);
const refusal = causes
.map(cause => /^Proxy response \((\d+)\)/.exec(cause.message ?? "")?.[1])
.find(Boolean);
if (refusal) {
return refusal === "407"
? "the proxy wants credentials (407): check the user and password in the proxy URL (http://user:password@host:port)"
: `the proxy refused the connection (${refusal})`;
}
const cause = causes[0];
return ((typeof cause?.code === "string" && cause.code) || cause?.message || error.message);
}
function linkOf(url) {
try {
const parsed = new URL(redactUrl(url));
parsed.search = "";
parsed.hash = "";
return parsed.toString();
}
catch {
return redactUrl(url);
}
}
function redactUrl(url) {
try {
const parsed = new URL(url);
if (parsed.username || parsed.password) {
parsed.username = "***";
parsed.password = "";
}
return parsed.toString();
}
catch {
return url;
}
}
const CREDENTIAL_HEADERS = /^(authorization|proxy-authorization|x-api-key|private-token|x-v3io-session-key)$/i;
function bearer(token) {
_core_secrets_js__WEBPACK_IMPORTED_MODULE_0__.O3.add(token);
return token ? { authorization: `Bearer ${token}` } : {};
}
function basic(username, password) {
_core_secrets_js__WEBPACK_IMPORTED_MODULE_0__.O3.addBasic(username, password);
return { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}` };
}
}),
4106: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.r(__webpack_exports__);
__webpack_require__.d(__webpack_exports__, {
FileRegistry: () => (FileRegistry),
MANIFEST_FILE: () => (MANIFEST_FILE),
register: () => (register)
});
var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = __webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
var node_path__WEBPACK_IMPORTED_MODULE_1___default = __webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
var _core_fs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8616);
var _core_hash_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(299);
var _core_manifest_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4414);
var _core_uri_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2129);
var _core_yaml_source_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(668);
const MANIFEST_FILE = "model.yaml";
const NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const TAG = /^[A-Za-z0-9_-]+$/;
function checkName(name, what) {
if (!NAME.test(name))
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`${what} '${name}' must be letters, digits, '.', '-' or '_'`);
}
function checkTag(tag) {
if (!TAG.test(tag))
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`tag '${tag}' must be letters, digits, '-' or '_'`);
}
async function versionsOf(modelDir) {
let entries;
try {
entries = await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)((0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(modelDir, "versions"));
}
catch (error) {
if (error.code === "ENOENT")
return [];
throw error;
}
return entries
.filter(e => /^[1-9]\d*$/.test(e))
.map(Number)
.sort((a, b) => a - b);
}
function metricsOf(metrics) {
for (const [key, value] of Object.entries(metrics)) {
if (typeof value !== "number" || !Number.isFinite(value)) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`metric '${key}' must be a finite number, got ${JSON.stringify(value)}`);
}
}
return { ...metrics };
}
async function register(request) {
checkName(request.name, "model name");
for (const tag of request.tags ?? [])
checkTag(tag);
const cwd = request.cwd ?? process.cwd();
const root = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, request.root);
const modelDir = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, request.name);
const source = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, request.modelFile);
let content;
try {
if (!(await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(source)).isFile())
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`model file ${request.modelFile} is not a file`);
content = await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(source);
}
catch (error) {
if (error instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError)
throw error;
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`cannot read model file ${request.modelFile}: ${error.code ?? error.message}`);
}
const metrics = metricsOf(request.metrics ?? {});
await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(modelDir, "versions"), { recursive: true });
let version = ((await versionsOf(modelDir)).at(-1) ?? 0) + 1;
let versionDir;
for (;;) {
versionDir = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(modelDir, "versions", String(version));
try {
await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(versionDir);
break;
}
catch (error) {
if (error.code !== "EEXIST")
throw error;
version++;
}
}
const modelFileName = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(source);
const modelPath = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(versionDir, modelFileName);
const hash = (0, _core_hash_js__WEBPACK_IMPORTED_MODULE_4__.s)(content);
const uri = (0, _core_uri_js__WEBPACK_IMPORTED_MODULE_6__.Ps)({ scheme: "models", name: request.name, version: String(version) });
const targetDir = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(request.root) ? versionDir : (0, node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(cwd, versionDir);
const manifest = {
kind: "model",
metadata: {
key: request.name,
...(request.project !== undefined && { project: request.project }),
version,
uri,
hash,
created: (request.now ?? new Date()).toISOString(),
...(request.labels && Object.keys(request.labels).length > 0 && { labels: request.labels })
},
spec: {
target_path: `${targetDir.split("\\").join("/")}/`,
model_file: modelFileName,
size: content.length,
metrics,
parameters: { ...(request.parameters ?? {}) },
...(request.framework !== undefined && { framework: request.framework }),
...(request.algorithm !== undefined && { algorithm: request.algorithm }),
...(request.producer !== undefined && { producer: request.producer })
},
status: { state: "created" }
};
await (0, _core_fs_js__WEBPACK_IMPORTED_MODULE_3__.Zf)(modelPath, content);
await (0, _core_fs_js__WEBPACK_IMPORTED_MODULE_3__.Zf)((0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(versionDir, MANIFEST_FILE), (0, _core_manifest_js__WEBPACK_IMPORTED_MODULE_5__.Tc)(manifest));
for (const tag of request.tags ?? [])
await (0, _core_fs_js__WEBPACK_IMPORTED_MODULE_3__.Zf)((0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(modelDir, "tags", tag), `${version}\n`);
return {
name: request.name,
version,
uri,
manifestPath: (0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(versionDir, MANIFEST_FILE),
modelPath,
hash
};
}
const present = (path) => (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(path).then(() => true, () => false);
class FileRegistry {
options;
kind = "file";
root;
constructor(options) {
this.options = options;
this.root = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(options.cwd ?? process.cwd(), options.root);
}
uriForTag(name, tag) {
return (0, _core_uri_js__WEBPACK_IMPORTED_MODULE_6__.Ps)({ scheme: "models", name, alias: tag });
}
pinnedUri(record) {
return record.version
? (0, _core_uri_js__WEBPACK_IMPORTED_MODULE_6__.Ps)({ scheme: "models", name: record.name, version: record.version })
: record.uri;
}
async readTag(name, tag, uri) {
const tagFile = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.root, name, "tags", tag);
try {
if (this.options.confineTo)
await (0, _core_fs_js__WEBPACK_IMPORTED_MODULE_3__.zg)(this.options.confineTo, (0, node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(tagFile), (0, node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(tagFile));
if (!(await present(tagFile)))
throw Object.assign(new Error("no tag file"), { code: "ENOENT" });
const text = (await this.readText(tagFile, 1024)).trim();
if (!/^[1-9]\d*$/.test(text))
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`model URI '${uri}': tag file ${(0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.root, name, "tags", tag)} holds '${text}', not a version number`);
return text;
}
catch (error) {
if (error.code !== "ENOENT")
throw error;
const tags = await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)((0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.root, name, "tags")).catch(() => []);
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`model URI '${uri}' does not resolve: model '${name}' has no tag '${tag}' in the file registry ${this.root} (tags: ${tags.filter(t => !t.startsWith(".")).join(", ") || "none"})`);
}
}
readText(file, maxBytes) {
const options = { shown: file, maxBytes };
return this.options.confineTo
? (0, _core_fs_js__WEBPACK_IMPORTED_MODULE_3__.Cj)(this.options.confineTo, file, options)
: (0, _core_fs_js__WEBPACK_IMPORTED_MODULE_3__.nD)(file, options);
}
async readManifest(file, uri, tag) {
if (!(await present(file)))
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`model URI '${uri}' does not resolve: ${file} does not exist`);
const text = await this.readText(file, _core_yaml_source_js__WEBPACK_IMPORTED_MODULE_7__.ZJ);
const loaded = (0, _core_manifest_js__WEBPACK_IMPORTED_MODULE_5__.Ng)(file, text);
const manifest = structuredClone(loaded.raw);
if (tag !== undefined)
manifest.metadata.tag = tag;
const relocated = (0, _core_manifest_js__WEBPACK_IMPORTED_MODULE_5__.Ng)(file, (0, _core_manifest_js__WEBPACK_IMPORTED_MODULE_5__.Tc)(manifest));
return { record: relocated.record, manifest: relocated.raw };
}
async resolve(uri) {
let parsed;
try {
parsed = (0, _core_uri_js__WEBPACK_IMPORTED_MODULE_6__.hY)(uri);
}
catch (error) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(error.message);
}
if (parsed.scheme === "file")
return this.readManifest((0, node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(this.options.cwd ?? process.cwd(), parsed.path), uri);
if (parsed.scheme !== "models") {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`'${uri}' is not a file-registry URI (models:/<name>/<version>, models:/<name>@<tag> or a path to a model.yaml); the configured registry is file`);
}
checkName(parsed.name, "model name");
if (this.options.confineTo) {
const versions = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.root, parsed.name, "versions");
await (0, _core_fs_js__WEBPACK_IMPORTED_MODULE_3__.zg)(this.options.confineTo, versions, versions);
}
const version = "alias" in parsed ? await this.readTag(parsed.name, parsed.alias, uri) : parsed.version;
const file = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.root, parsed.name, "versions", version, MANIFEST_FILE);
if (!("alias" in parsed)) {
const known = await versionsOf((0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.root, parsed.name));
if (!known.includes(Number(version))) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`model URI '${uri}' does not resolve: model '${parsed.name}' has no version ${version} in the file registry ${this.root} (versions: ${known.join(", ") || "none"})`);
}
}
return this.readManifest(file, uri, "alias" in parsed ? parsed.alias : undefined);
}
async setTag(record, tag) {
checkTag(tag);
const { record: pinned } = await this.resolve(this.pinnedUri(record));
await (0, _core_fs_js__WEBPACK_IMPORTED_MODULE_3__.Zf)((0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.root, pinned.name, "tags", tag), `${pinned.version}\n`);
}
}
}),
7250: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.r(__webpack_exports__);
__webpack_require__.d(__webpack_exports__, {
createRegistry: () => (createRegistry),
register: () => (_file_js__WEBPACK_IMPORTED_MODULE_2__.register),
registrySecrets: () => (registrySecrets)
});
var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
var _http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3618);
var _file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4106);
function secret(env, name, what) {
if (!name)
return undefined;
const value = env[name];
if (!value)
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`${what}: environment variable ${name} is empty or unset (pass the secret to the step as env: ${name}: \${{ secrets.${name} }})`);
return value;
}
function httpFromEnv(env) {
const attempts = Number(env.PROMOTE_HTTP_RETRIES);
const delay = Number(env.PROMOTE_HTTP_RETRY_DELAY_MS);
const retry = {
...(Number.isInteger(attempts) && attempts > 0 && { attempts }),
...(Number.isFinite(delay) &&
delay >= 0 &&
env.PROMOTE_HTTP_RETRY_DELAY_MS !== undefined && {
baseDelayMs: delay,
maxDelayMs: Math.max(delay * 8, 1)
})
};
return Object.keys(retry).length ? { retry } : {};
}
async function createRegistry(config, env, options = {}) {
const registry = config.model.registry;
const http = { ...httpFromEnv(env), ...options.http };
switch (registry.kind) {
case "file":
return new (await Promise.resolve().then(__webpack_require__.bind(__webpack_require__, 4106))).FileRegistry({
root: registry.path,
cwd: options.cwd ?? process.cwd(),
project: config.project,
...(options.confineTo !== undefined && { confineTo: options.confineTo })
});
case "mlflow": {
const where = "model.registry (mlflow)";
const username = secret(env, registry.usernameEnv, where);
const password = secret(env, registry.passwordEnv, where);
if ((username === undefined) !== (password === undefined)) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`${where}: Basic auth needs both usernameEnv and passwordEnv`);
}
const headers = username !== undefined
? (0, _http_js__WEBPACK_IMPORTED_MODULE_1__.HX)(username, password)
: (0, _http_js__WEBPACK_IMPORTED_MODULE_1__.CM)(secret(env, registry.tokenEnv, where));
return new (await __webpack_require__.e(4181).then(__webpack_require__.bind(__webpack_require__, 4181))).MlflowRegistry({
url: registry.url,
project: config.project,
headers,
http
});
}
case "mlrun": {
const clusterName = registry.cluster ??
Object.keys(config.clusters).find(n => config.clusters[n].kind === "mlrun");
const cluster = clusterName ? config.clusters[clusterName] : undefined;
if (!cluster || cluster.kind !== "mlrun")
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError("model.registry: an mlrun registry needs an mlrun cluster under `clusters`");
const where = `clusters.${clusterName}`;
const headers = { "x-mlrun-client-version": cluster.clientVersion };
const username = secret(env, cluster.usernameEnv, where);
const accessKey = secret(env, cluster.accessKeyEnv, where);
if (username !== undefined && accessKey !== undefined) {
Object.assign(headers, (0, _http_js__WEBPACK_IMPORTED_MODULE_1__.HX)(username, accessKey));
}
else {
Object.assign(headers, (0, _http_js__WEBPACK_IMPORTED_MODULE_1__.CM)(secret(env, cluster.tokenEnv, where)));
}
return new (await __webpack_require__.e(5024).then(__webpack_require__.bind(__webpack_require__, 5024))).MlrunRegistry({
url: cluster.url,
project: config.project,
headers,
http
});
}
}
}
function registrySecrets(config, env) {
const registry = config.model.registry;
const names = [];
if (registry.kind === "mlflow")
names.push(registry.tokenEnv, registry.passwordEnv);
if (registry.kind === "mlrun") {
for (const cluster of Object.values(config.clusters)) {
if (cluster.kind === "mlrun")
names.push(cluster.tokenEnv, cluster.accessKeyEnv);
}
}
return names.flatMap(name => (name && env[name] ? [env[name]] : []));
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
}),
8557: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
Fl: () => (formatValue),
Gc: () => (renderMarkdown),
S5: () => (renderText)
});
const ICON = { pass: "\u2705", fail: "\u274C", warn: "\u26A0\uFE0F", skip: "\u23ED\uFE0F", info: "\u2139\uFE0F" };
const WORD = {
pass: "PASS",
fail: "FAIL",
warn: "WARN",
skip: "SKIP",
info: "INFO"
};
function verdictIcon(verdict) {
return ICON[verdict];
}
function escapeCell(text) {
return text.replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}
function markdownTable(table) {
const lines = [];
if (table.title)
lines.push(`**${table.title}**`, "");
lines.push(`| ${table.columns.map(escapeCell).join(" | ")} |`);
lines.push(`| ${table.columns.map(() => "---").join(" | ")} |`);
for (const row of table.rows)
lines.push(`| ${row.map(escapeCell).join(" | ")} |`);
lines.push("");
return lines;
}
function renderMarkdown(report) {
const lines = [`## ${ICON[report.verdict]} ${report.title}`, ""];
if (report.facts?.length)
lines.push(...markdownTable({ columns: ["", ""], rows: report.facts.map(([k, v]) => [`**${k}**`, v]) }));
for (const section of report.sections) {
lines.push(`### ${section.verdict ? `${ICON[section.verdict]} ` : ""}${section.title}`, "");
for (const paragraph of section.text ?? [])
lines.push(paragraph, "");
if (section.facts?.length)
lines.push(...markdownTable({
columns: ["", ""],
rows: section.facts.map(([k, v]) => [`**${k}**`, v])
}));
for (const table of section.tables ?? [])
lines.push(...markdownTable(table));
if (section.items?.length)
lines.push(...section.items.map(item => `- ${item}`), "");
}
if (report.links?.length)
lines.push(report.links.map(link => `[${link.label}](${link.url})`).join(" \u00B7 "), "");
return lines.join("\n");
}
function pad(text, width) {
return text + " ".repeat(Math.max(0, width - [...text].length));
}
function textTable(table, indent) {
const widths = table.columns.map((c, i) => Math.max([...c].length, ...table.rows.map(r => [...(r[i] ?? "")].length)));
const line = (cells) => indent +
cells
.map((c, i) => pad(c, widths[i]))
.join("  ")
.trimEnd();
const out = [];
if (table.title)
out.push(`${indent}${table.title}`);
out.push(line(table.columns), indent + widths.map(w => "-".repeat(w)).join("  "));
for (const row of table.rows)
out.push(line(row));
return out;
}
function renderText(report) {
const out = [`${WORD[report.verdict]}  ${report.title}`];
const factLines = (facts, indent) => {
const width = Math.max(...facts.map(([k]) => k.length));
return facts.map(([k, v]) => `${indent}${pad(k, width)}  ${v}`);
};
if (report.facts?.length)
out.push(...factLines(report.facts, "  "));
for (const section of report.sections) {
out.push("", `  ${section.verdict ? `[${WORD[section.verdict]}] ` : ""}${section.title}`);
for (const paragraph of section.text ?? [])
out.push(`    ${paragraph}`);
if (section.facts?.length)
out.push(...factLines(section.facts, "    "));
for (const table of section.tables ?? [])
out.push(...textTable(table, "    "));
for (const item of section.items ?? [])
out.push(`    - ${item}`);
}
for (const link of report.links ?? [])
out.push(`  ${link.label}: ${link.url}`);
return out.join("\n");
}
function formatValue(value) {
if (value === undefined || value === null)
return "\u2014";
if (typeof value === "number")
return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
if (typeof value === "string")
return value;
return JSON.stringify(value);
}
})
};
