export const id = 8624;
export const ids = [8624];
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
8624: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.r(__webpack_exports__);
__webpack_require__.d(__webpack_exports__, {
run: () => (main_run)
});
var core = __webpack_require__(6058);
var external_node_path_ = __webpack_require__(6760);
var external_node_os_ = __webpack_require__(8161);
var github = __webpack_require__(7846);
var registries = __webpack_require__(7250);
var approval = __webpack_require__(3504);
var deploy = __webpack_require__(512);
var app_plan = __webpack_require__(5880);
var app_rollback = __webpack_require__(8875);
var load = __webpack_require__(9168);
var resolve = __webpack_require__(2170);
var errors = __webpack_require__(4296);
var core_manifest = __webpack_require__(4414);
var limits = __webpack_require__(6419);
var core_report = __webpack_require__(8557);
var common_inputs = __webpack_require__(9120);
var run = __webpack_require__(9040);
var log = __webpack_require__(7127);
var common_context = __webpack_require__(9990);
;
function gitHubApprovalSource(client, owner, repo, knownVisibility) {
return {
async getEnvironmentProtection(environment) {
const protection = await (0, github.PS)(client, owner, repo, environment);
if (!protection.exists)
return undefined;
return {
name: protection.name,
...(protection.hasRequiredReviewersRule && {
requiredReviewers: protection.requiredReviewers.map(r => r.type === "Team" ? `team ${r.name}` : r.name)
}),
preventSelfReview: protection.preventSelfReview,
...(protection.htmlUrl && { url: protection.htmlUrl })
};
},
async listRunApprovals(runId) {
return (0, github.Ch)(client, owner, repo, Number(runId));
},
async repositoryVisibility() {
return knownVisibility ?? (await (0, github.rY)(client, owner, repo));
}
};
}
function deployContext(env, event, eventName) {
const context = (0, common_context.o)(env);
const payload = (event ?? {});
if ((eventName === "pull_request" || eventName === "pull_request_target") &&
payload.pull_request) {
const pr = payload.pull_request;
if (!pr.merged) {
throw new errors.ConfigurationError(`pull request #${pr.number ?? "?"} was closed without being merged: nothing to deploy. ` +
"Fix: guard the job with `if: github.event.pull_request.merged == true` (see submit-deploy/README.md)");
}
const base = pr.base?.ref;
return {
...context,
...(pr.merge_commit_sha && { sha: pr.merge_commit_sha }),
...(base && { branch: base, ref: `refs/heads/${base}` })
};
}
return context;
}
function eventVisibility(event) {
const repository = event?.repository;
if (!repository)
return undefined;
return (repository.visibility ??
(repository.private === undefined ? undefined : repository.private ? "private" : "public"));
}
function fourEyesPeople(event, eventName, actors) {
const pr = event?.pull_request;
if ((eventName === "pull_request" || eventName === "pull_request_target") && pr) {
const people = [];
if (pr.user?.login)
people.push({ login: pr.user.login, role: `author of #${pr.number ?? "?"}` });
if (pr.merged_by?.login) {
const same = people.find(p => p.login === pr.merged_by.login);
if (same)
same.role += " and its merger";
else
people.push({ login: pr.merged_by.login, role: `merger of #${pr.number ?? "?"}` });
}
return people;
}
const login = actors.triggeringActor || actors.actor;
return login ? [{ login, role: "triggered the run, no pull request" }] : [];
}
var submit_deploy_inputs = __webpack_require__(9615);
var surfaces = __webpack_require__(6845);
;
function gitHubPlan(input) {
return (0, app_plan.planDeploy)({
environment: input.environment,
manifest: input.manifest,
...(input.arguments && { arguments: input.arguments }),
...(input.timeout && { timeout: input.timeout }),
...(input.overrideSameArtifact && { overrideSameArtifact: input.overrideSameArtifact }),
...(input.rollback && { rollback: input.rollback })
}, {
config: input.config,
store: input.store,
log: log.t,
context: input.context,
approval: environment => (0, app_plan.C1)(environment, {
required: input.required,
config: input.config.deployment.approval,
source: gitHubApprovalSource(input.client, input.owner, input.repo, input.visibility),
actors: input.laterDeploy
? []
: [input.context.actor, input.context.triggeringActor ?? ""]
})
});
}
async function dryRun(input) {
const plan = await gitHubPlan(input);
const { record } = input.manifest;
surfaces.l.setOutput("status", plan.refusals.length ? "refused" : "planned");
surfaces.l.setOutput("environment", input.environment.name);
surfaces.l.setOutput("model-uri", record.uri);
surfaces.l.setOutput("model-version", record.version ?? "");
surfaces.l.setOutput("content-hash", record.contentHash);
surfaces.l.setOutput("plan", JSON.stringify(plan));
surfaces.l.setOutput("approval-required", String(plan.approval.required));
surfaces.l.setOutput("facts", JSON.stringify((0, app_plan.FW)(plan, {
config: input.config,
project: input.environment.projectName,
rollback: input.rollback !== undefined,
context: input.context
})));
await log.s.summary((0, app_plan.planReport)(plan));
if (plan.refusals.length) {
surfaces.l.setFailed(`Dry run: the deploy of ${record.name} ${record.version ?? ""} to ${input.environment.name} would be refused: ${plan.refusals.join("; ")}`);
}
else {
log.t.info(`Dry run: the deploy of ${record.name} ${record.version ?? ""} to ${input.environment.name} would run ${plan.workflow.key} on ${input.environment.cluster}; nothing was changed`);
}
}
var submission_state = __webpack_require__(4921);
var state = __webpack_require__(9189);
;
const main_run = () => (0, run.C)(submitDeploy);
async function submitDeploy() {
const inputs = (0, common_inputs.Ko)(submit_deploy_inputs.is, submit_deploy_inputs.pH);
const cwd = (0, run.z)();
const configPath = (0, external_node_path_.resolve)(cwd, inputs.config);
const config = await (0, load.loadConfig)(configPath);
const event = (0, common_context.Z)(process.env, message => surfaces.l.warning(message));
const context = {
...deployContext(process.env, event, process.env.GITHUB_EVENT_NAME),
...(inputs.matrix && { matrix: inputs.matrix })
};
const environment = (0, resolve.g9)(config, {
name: inputs.environment,
branch: context.branch
});
const { required, warning } = (0, approval.BO)(environment.name, environment.requiresApproval, inputs["require-approval"]);
if (warning)
surfaces.l.warning(warning);
const token = (0, submit_deploy_inputs.vA)(inputs["github-token"]);
if (!token) {
throw new errors.ConfigurationError("submit-deploy needs a GitHub token to read approvals and record the deployment: pass github-token (default ${{ github.token }}) with `permissions: { deployments: write, contents: read, actions: read }`");
}
if (!context.repository)
throw new errors.ConfigurationError("GITHUB_REPOSITORY is not set: submit-deploy runs in a GitHub Actions job");
if (!context.runId)
throw new errors.ConfigurationError("GITHUB_RUN_ID is not set: submit-deploy runs in a GitHub Actions job");
const { owner, repo } = context.repository;
const client = await (0, github.createGitHubClient)(token, { onRetry: message => surfaces.l.warning(message) });
const names = (0, resolve.environmentNames)(config);
const store = new github.GitHubDeploymentStore(client, {
owner,
repo,
productionEnvironments: [names[names.length - 1]]
});
core.LZ(state.c.config, configPath);
core.LZ(state.c.environment, environment.name);
let manifest;
let rollback;
let cleanup = async () => { };
if (inputs.rollback || inputs["rollback-to"]) {
const plan = await (0, app_rollback.planRollback)(store, environment.name, {
...(inputs["rollback-to"] && { to: inputs["rollback-to"] }),
log: log.t
});
const prepared = await (0, app_rollback.prepareRollbackManifest)(plan, environment.clusterConfig.kind === "command", process.env.RUNNER_TEMP || (0, external_node_os_.tmpdir)());
manifest = prepared.manifest;
cleanup = prepared.cleanup;
rollback = { restores: plan.restores, ...(plan.replaces && { replaces: plan.replaces }) };
log.t.info(`Rolling ${environment.name} back to deployment #${plan.restores.id} (${plan.record.name} ${plan.record.version ?? ""})${plan.replaces ? `, replacing #${plan.replaces.id}` : ""}`);
}
else {
const path = inputs.manifest ?? (0, resolve.M0)(config);
const loaded = await (0, core_manifest.eY)((0, external_node_path_.resolve)(cwd, path), {
knownTags: [config.model.challengerTag, config.model.championTag]
});
manifest = { path, raw: loaded.raw, record: loaded.record };
}
const visibility = eventVisibility(event);
const planSources = {
config,
store,
client,
owner,
repo,
context,
...(visibility && { visibility })
};
if (inputs["dry-run"]) {
await dryRun({
environment,
manifest,
...(inputs.arguments && { arguments: inputs.arguments }),
...(inputs.timeout && { timeout: inputs.timeout }),
...(inputs["override-same-artifact"] && {
overrideSameArtifact: inputs["override-same-artifact"]
}),
...(rollback && { rollback }),
required,
...planSources
});
core.LZ(state.c.finished, "true");
return;
}
const controller = new AbortController();
const onSignal = (signal) => {
if (controller.signal.aborted)
return;
surfaces.l.warning(`Received ${signal}: the job is being cancelled; cancelling the deploy run`);
controller.abort(new Error(`cancelled by ${signal}`));
};
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);
let outcome;
const startedAt = new Date().toISOString();
try {
outcome = await (0, deploy.gg)({
environment,
manifest,
arguments: inputs.arguments,
wait: inputs.wait,
...(inputs.timeout && { timeout: inputs.timeout }),
...(inputs["override-same-artifact"] && {
overrideSameArtifact: inputs["override-same-artifact"]
}),
...(rollback && { rollback })
}, {
config,
store,
log: log.t,
context,
approve: () => (0, approval.Fu)({
environment: environment.name,
required,
config: config.deployment.approval,
runId: context.runId,
actors: [context.actor, context.triggeringActor ?? ""],
repository: `${owner}/${repo}`,
...(context.serverUrl && { serverUrl: context.serverUrl }),
source: gitHubApprovalSource(client, owner, repo, eventVisibility(event)),
...(environment.fourEyes && {
fourEyes: {
people: fourEyesPeople(event, process.env.GITHUB_EVENT_NAME, context)
}
}),
log: log.t
}),
registry: () => (0, registries.createRegistry)(config, process.env, { cwd }),
orchestrator: { env: process.env, cwd },
signal: controller.signal,
deploymentsUrl: name => store.environmentPage(name),
onProgress: progress => {
if (progress.deploymentId !== undefined) {
core.LZ(state.c.deploymentId, String(progress.deploymentId));
surfaces.l.setOutput("deployment-id", String(progress.deploymentId));
}
if (progress.runId) {
core.LZ(state.c.runId, progress.runId);
surfaces.l.setOutput("run-id", progress.runId);
}
if (progress.cluster)
core.LZ(state.c.cluster, progress.cluster);
if (progress.submitting)
(0, submission_state.yI)(progress.submitting, state.c);
if (progress.notSubmitted)
(0, submission_state.iN)(state.c);
}
});
}
catch (error) {
if ((0, errors.p0)(error)) {
const refusal = error instanceof errors.XQ ? error.refusal : undefined;
const facts = (0, deploy.t3)({ environment, manifest, ...(rollback && { rollback }) }, config, context, error, startedAt);
surfaces.l.setOutput("status", refusal ? "refused" : "error");
surfaces.l.setOutput("environment", environment.name);
surfaces.l.setOutput("model-uri", manifest.record.uri);
surfaces.l.setOutput("model-version", manifest.record.version ?? "");
surfaces.l.setOutput("content-hash", manifest.record.contentHash);
surfaces.l.setOutput("facts", JSON.stringify(facts));
await log.s.summary({
title: `Deploy of ${manifest.record.name} ${manifest.record.version ?? ""} to ${environment.name} refused`,
verdict: "fail",
facts: [
["Environment", environment.name],
["Model", `${manifest.record.name} ${manifest.record.version ?? ""}`.trim()],
["Content hash", `\`${manifest.record.contentHash.slice(0, 12)}\``]
],
sections: refusal
? [
{ title: "Why", verdict: "fail", text: [refusal.reason] },
{ title: "Rule", text: [refusal.rule] },
{ title: "Fix", text: [refusal.fix] }
]
: [{ title: "Why", verdict: "fail", text: [error.message] }],
...(context.runUrl && { links: [{ label: "Workflow run", url: context.runUrl }] })
});
}
throw error;
}
finally {
process.off("SIGINT", onSignal);
process.off("SIGTERM", onSignal);
await cleanup();
}
core.LZ(state.c.finished, "true");
if (outcome.cancelFailed) {
core.LZ(state.c.cancelFailed, "true");
surfaces.l.warning(`The post step will try again to cancel run ${outcome.runId}`);
}
surfaces.l.setOutput("deployment-id", String(outcome.deployment.id));
if (outcome.runId)
surfaces.l.setOutput("run-id", outcome.runId);
if (outcome.runUrl)
surfaces.l.setOutput("run-url", outcome.runUrl);
surfaces.l.setOutput("status", outcome.status);
surfaces.l.setOutput("environment", environment.name);
if (outcome.environmentUrl)
surfaces.l.setOutput("environment-url", outcome.environmentUrl);
surfaces.l.setOutput("model-uri", manifest.record.uri);
surfaces.l.setOutput("model-version", manifest.record.version ?? "");
surfaces.l.setOutput("content-hash", manifest.record.contentHash);
surfaces.l.setOutput("approvers", outcome.approval.approvers.join(","));
surfaces.l.setOutput("results", JSON.stringify(outcome.results));
surfaces.l.setOutput("facts", JSON.stringify(outcome.facts));
let pullFailure;
if (inputs["open-promotion-pr"] && outcome.status === "success") {
pullFailure = await openPromotionPull(inputs, token, owner, repo, outcome, manifest, environment, config, context, next => gitHubPlan({
environment: next,
manifest,
required: next.requiresApproval,
laterDeploy: true,
...planSources
}));
}
else if (inputs["open-promotion-pr"] && outcome.status !== "success") {
log.t.info(`No promotion pull request: the deploy to ${environment.name} did not succeed (${outcome.status})`);
}
await log.s.summary(outcome.report);
if ((0, deploy.dx)(outcome)) {
surfaces.l.setFailed(outcome.champion?.failed
? outcome.champion.note
: `Deploy of ${manifest.record.name} ${manifest.record.version ?? ""} to ${environment.name} ${outcome.status}: ${outcome.error ?? "see the summary"}`);
}
else if (pullFailure) {
surfaces.l.setFailed(pullFailure);
}
}
async function openPromotionPull(inputs, token, owner, repo, outcome, manifest, environment, config, context, planNext) {
const names = (0, resolve.environmentNames)(config);
const nextName = names[environment.index + 1];
if (!nextName) {
surfaces.l.warning(`open-promotion-pr: ${environment.name} is the last environment, there is nothing to promote to`);
return undefined;
}
const next = (0, resolve.g9)(config, { name: nextName });
const { title, report } = (0, deploy._c)(outcome, manifest, environment, next, context);
let plan;
try {
plan = (0, core_report.Gc)((0, app_plan.planReport)(await planNext(next)));
}
catch (error) {
plan = `The plan for ${next.name} could not be made: ${(0, errors.gJ)(error)}`;
}
const prToken = (0, submit_deploy_inputs.vA)(inputs["promotion-pr-token"]) || token;
try {
const pull = await (0, github.ul)(await (0, github.createGitHubClient)(prToken, { onRetry: message => surfaces.l.warning(message) }), {
owner,
repo,
head: environment.branch,
base: next.branch,
title,
body: (0, limits.DJ)(`${(0, core_report.Gc)(report)}\n---\n\n${plan}`, limits.dq, `Cut to fit GitHub's limit: the full report is in the job summary${context.runUrl ? ` of ${context.runUrl}` : ""}.`)
});
surfaces.l.setOutput("pull-request-number", String(pull.number));
surfaces.l.setOutput("pull-request-url", pull.url);
log.t.info(`Promotion pull request #${pull.number} ${pull.action}: ${pull.url}`);
outcome.report.facts?.push(["Promotion PR", `#${pull.number} (${pull.action}) ${pull.url}`]);
return undefined;
}
catch (error) {
if (/no commits between/i.test((0, errors.gJ)(error))) {
log.t.info(`No promotion pull request: ${next.branch} already has everything ${environment.branch} has`);
outcome.report.facts?.push([
"Promotion PR",
`none: ${next.branch} already contains ${environment.branch}`
]);
return undefined;
}
const message = `The deploy to ${environment.name} succeeded, but the promotion pull request ${environment.branch} → ${next.branch} could not be opened: ${(0, errors.gJ)(error)}`;
outcome.report.sections.push({
title: "Promotion pull request",
verdict: "fail",
text: [message]
});
return message;
}
}
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
5880: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
C1: () => (gitHubApprovalPlan),
FW: () => (plannedDeployFacts),
planDeploy: () => (planDeploy),
planReport: () => (planReport),
terminalApprovalPlan: () => (terminalApprovalPlan)
});
var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
var _core_config_resolve_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2170);
var _core_duration_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8571);
var _core_report_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8557);
var _deploy_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(512);
var _history_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9171);
async function planDeploy(request, deps) {
const { config, store } = deps;
const env = request.environment;
const { record } = request.manifest;
const refusals = [];
let timeoutMs = 0;
let workflow = {
key: config.deployment.workflow,
remoteName: config.deployment.workflow,
project: env.projectName,
timeout: "\u2014",
arguments: {}
};
try {
const resolved = (0, _core_config_resolve_js__WEBPACK_IMPORTED_MODULE_1__.KV)(config, config.deployment.workflow, env, request.arguments ?? {}, request.timeout, {
[_deploy_js__WEBPACK_IMPORTED_MODULE_4__.$q]: record.uri,
[_deploy_js__WEBPACK_IMPORTED_MODULE_4__.SK]: request.manifest.repositoryPath ?? request.manifest.path
});
timeoutMs = resolved.timeoutMs;
workflow = {
key: resolved.key,
remoteName: resolved.remoteName,
project: env.projectName,
timeout: (0, _core_duration_js__WEBPACK_IMPORTED_MODULE_2__.a)(resolved.timeoutMs),
arguments: sortedObject(resolved.arguments)
};
}
catch (error) {
if (!(0, _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.p0)(error))
throw error;
refusals.push((0, _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.gJ)(error));
}
let sameArtifact;
try {
const check = await (0, _deploy_js__WEBPACK_IMPORTED_MODULE_4__.dJ)(config, env, record, store, {
...(request.overrideSameArtifact && { overrideReason: request.overrideSameArtifact }),
rollback: request.rollback !== undefined,
log: quiet(deps.log)
});
sameArtifact = { verdict: check.verdict, note: check.note };
}
catch (error) {
if (!(0, _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.p0)(error))
throw error;
sameArtifact = { verdict: "fail", note: (0, _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.gJ)(error) };
refusals.push((0, _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.gJ)(error));
}
try {
await (0, _deploy_js__WEBPACK_IMPORTED_MODULE_4__.Et)(env.name, store, deps.context ?? {}, timeoutMs, quiet(deps.log));
}
catch (error) {
if (!(0, _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.p0)(error))
throw error;
refusals.push((0, _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.gJ)(error));
}
const approval = await deps.approval(env);
if (approval.verdict === "fail")
refusals.push(`approval: ${approval.rule}`);
const records = await store.list(env.name, { limit: 100 });
const current = (0, _history_js__WEBPACK_IMPORTED_MODULE_5__.Av)(records);
const live = current && {
id: current.id,
modelName: current.payload.modelName,
...(current.payload.modelVersion !== undefined && {
modelVersion: current.payload.modelVersion
}),
contentHash: current.payload.contentHash
};
const liveMetrics = current?.payload.metrics ?? {};
const names = [...new Set([...Object.keys(record.metrics), ...Object.keys(liveMetrics)])].sort();
const metrics = names.map(name => ({
name,
candidate: record.metrics[name],
live: current ? liveMetrics[name] : undefined
}));
return {
environment: {
name: env.name,
branch: env.branch,
cluster: env.cluster,
clusterKind: env.clusterConfig.kind
},
model: {
name: record.name,
...(record.version !== undefined && { version: record.version }),
uri: record.uri,
contentHash: record.contentHash,
manifestPath: request.manifest.repositoryPath ?? request.manifest.path
},
...(live && { live }),
metrics,
sameArtifact,
approval,
workflow,
refusals
};
}
function quiet(log) {
return {
info: message => log.debug(message),
debug: message => log.debug(message),
warning: message => log.debug(message),
error: message => log.debug(message),
group: (_title, fn) => fn(),
secret: value => log.secret(value)
};
}
function sortedObject(value) {
return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
function planReport(plan) {
const { model, environment } = plan;
const verdict = plan.refusals.length
? "fail"
: plan.sameArtifact.verdict === "warn"
? "warn"
: "info";
const title = plan.refusals.length
? `Plan: deploying ${model.name} ${model.version ?? ""} to ${environment.name} would be refused`
: `Plan: deploy ${model.name} ${model.version ?? ""} to ${environment.name}`;
const sections = [];
if (plan.refusals.length) {
const items = plan.refusals.map(reason => reason === plan.sameArtifact.note
? "the same-artifact rule (see Same artifact)"
: reason.startsWith("approval: ")
? "approval (see Approval)"
: reason);
sections.push({ title: "Would be refused", verdict: "fail", items });
}
sections.push({
title: "Metrics",
tables: [
{
columns: ["metric", "this model", plan.live ? `live in ${environment.name}` : "live"],
rows: plan.metrics.length
? plan.metrics.map(m => [
m.name,
m.candidate === undefined ? "\u2014" : (0, _core_report_js__WEBPACK_IMPORTED_MODULE_3__.Fl)(m.candidate),
m.live === undefined ? "\u2014" : (0, _core_report_js__WEBPACK_IMPORTED_MODULE_3__.Fl)(m.live)
])
: [["(none)", "\u2014", "\u2014"]]
}
]
});
sections.push({
title: "Same artifact",
verdict: plan.sameArtifact.verdict,
text: [plan.sameArtifact.note]
});
sections.push({
title: "Approval",
verdict: plan.approval.verdict,
facts: [
["Required", plan.approval.required ? "yes" : "no"],
["Rule", plan.approval.rule],
["Who may approve", plan.approval.approvers]
]
});
const args = Object.entries(plan.workflow.arguments);
sections.push({
title: "Pipeline",
facts: [
["Workflow", `${plan.workflow.key} (submitted as ${plan.workflow.remoteName})`],
["Cluster", `${environment.cluster} (${environment.clusterKind})`],
["Project", plan.workflow.project],
["Timeout", plan.workflow.timeout]
],
tables: [
{
columns: ["argument", "value"],
rows: args.length ? args.map(([k, v]) => [k, (0, _core_report_js__WEBPACK_IMPORTED_MODULE_3__.Fl)(v)]) : [["(none)", ""]]
}
]
});
return {
title: title.replace(/\s+/g, " "),
verdict,
facts: [
["Environment", `${environment.name} (branch ${environment.branch})`],
["Model", `${model.name} ${model.version ?? ""}`.trim()],
["URI", `\`${model.uri}\``],
["Content hash", `\`${(0, _history_js__WEBPACK_IMPORTED_MODULE_5__.BC)(model.contentHash)}\``],
["Manifest", `\`${model.manifestPath}\``],
[
"Live now",
plan.live
? `#${plan.live.id}: ${plan.live.modelName} ${plan.live.modelVersion ?? ""} (\`${(0, _history_js__WEBPACK_IMPORTED_MODULE_5__.BC)(plan.live.contentHash)}\`)`.replace(/\s+\(/, " (")
: "nothing deployed yet"
]
],
sections
};
}
function terminalApprovalPlan(environment) {
return Promise.resolve(environment.requiresApproval
? {
required: true,
verdict: "info",
rule: `environments.${environment.name}.requireApproval (promote.yaml)`,
approvers: "the person at the terminal (or --yes)"
}
: {
required: false,
verdict: "skip",
rule: `environments.${environment.name}.requireApproval is false (promote.yaml)`,
approvers: "nobody needs to"
});
}
async function gitHubApprovalPlan(environment, input) {
if (!input.required) {
return {
required: false,
verdict: "skip",
rule: `environments.${environment.name}.requireApproval is false (promote.yaml)`,
approvers: "nobody needs to"
};
}
const protection = await input.source.getEnvironmentProtection(environment.name);
const reviewers = protection?.requiredReviewers ?? [];
if (reviewers.length === 0) {
const missing = protection
? `environment '${environment.name}' has no required-reviewers rule`
: `environment '${environment.name}' does not exist on GitHub`;
return input.config.allowUnprotected
? {
required: true,
verdict: "warn",
rule: `${missing}; accepted by deployment.approval.allowUnprotected`,
approvers: "nobody is asked"
}
: {
required: true,
verdict: "fail",
rule: `${missing}, so nobody would be asked (add required reviewers to the environment)`,
approvers: "nobody: the deploy would be refused"
};
}
const notActors = input.config.distinctApprover || protection?.preventSelfReview;
const actors = [...new Set(input.actors.filter(Boolean))];
return {
required: true,
verdict: "info",
rule: `GitHub environment '${environment.name}': required reviewers${protection?.preventSelfReview ? ", prevent self-review" : ""}${input.config.distinctApprover ? "; deployment.approval.distinctApprover" : ""}`,
approvers: `${reviewers.join(", ")}${!notActors
? ""
: actors.length
? ` (not ${actors.join(", ")}, who started this run)`
: " (not whoever starts the deploy)"}`
};
}
function planFacts(plan) {
return { ...plan };
}
function plannedDeployFacts(plan, input) {
const numbers = (pick) => Object.fromEntries(plan.metrics.flatMap(m => {
const value = pick(m);
return typeof value === "number" ? [[m.name, value]] : [];
}));
const champion = numbers(m => m.live);
const workflowKey = input.config.deployment.workflow;
const { context } = input;
return {
kind: input.rollback ? "rollback" : "deploy",
project: input.project,
environment: plan.environment.name,
workflow: input.config.workflows[workflowKey]?.name ?? workflowKey,
...(context.runUrl && { logUrl: context.runUrl, reviewUrl: context.runUrl }),
state: plan.approval.required ? "approval-pending" : "planned",
model: {
name: plan.model.name,
...(plan.model.version !== undefined && { version: plan.model.version }),
uri: plan.model.uri,
contentHash: plan.model.contentHash,
metrics: numbers(m => m.candidate),
...(Object.keys(champion).length > 0 && { championMetrics: champion })
},
plan: planFacts(plan),
steps: [],
results: {},
...(/^[0-9a-f]{7,40}$/i.test(context.sha) && { commit: context.sha }),
...((context.triggeringActor ?? context.actor) && {
actor: context.triggeringActor ?? context.actor
})
};
}
}),
8875: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
planRollback: () => (planRollback),
prepareRollbackManifest: () => (prepareRollbackManifest)
});
var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = __webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
var node_path__WEBPACK_IMPORTED_MODULE_1___default = __webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
var _core_fs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8616);
var _core_manifest_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4414);
var _history_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9171);
async function planRollback(store, environment, options) {
const records = await store.list(environment, { limit: 100 });
const live = (0, _history_js__WEBPACK_IMPORTED_MODULE_5__.Av)(records);
let restores;
if (options.to !== undefined && String(options.to) !== "") {
const id = String(options.to).replace(/^#/, "");
restores = records.find(r => String(r.id) === id);
if (!restores) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`rollback: no deployment #${id} in ${environment}; recent ones: ${records
.slice(0, 10)
.map(r => `#${r.id} ${r.state}`)
.join(", ") || "(none)"} (see promote history --env ${environment})`);
}
if (!(0, _history_js__WEBPACK_IMPORTED_MODULE_5__.EF)(restores)) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`rollback: deployment #${id} in ${environment} never succeeded (${restores.state}); roll back to one that did`);
}
}
else {
if (!live) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`rollback: nothing was ever deployed successfully to ${environment}, so there is nothing to roll back to`);
}
const older = records.slice(records.indexOf(live) + 1).filter(_history_js__WEBPACK_IMPORTED_MODULE_5__.EF);
restores = older.find(r => r.payload.contentHash !== live.payload.contentHash);
if (!restores) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`rollback: ${environment} has no earlier successful deployment of a different artifact than the live #${live.id} ` +
`(hash ${(0, _history_js__WEBPACK_IMPORTED_MODULE_5__.BC)(live.payload.contentHash)}); name one with --to <deployment-id> (input rollback-to)`);
}
}
const raw = restores.payload.manifest;
if (!raw || typeof raw !== "object") {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`rollback: deployment #${restores.id} has no manifest in its payload (it was recorded by another tool); ` +
`deploy its manifest from git instead (${restores.payload.manifestPath} at ${restores.sha.slice(0, 12)})`);
}
const parsed = _core_manifest_js__WEBPACK_IMPORTED_MODULE_4__.rc.safeParse(raw);
if (!parsed.success) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`rollback: the manifest recorded in deployment #${restores.id} is not a valid model manifest: ${parsed.error.issues[0]?.message}`);
}
const record = (0, _core_manifest_js__WEBPACK_IMPORTED_MODULE_4__.A5)(parsed.data, raw);
if (record.contentHash !== restores.payload.contentHash) {
options.log.warning(`deployment #${restores.id}: its manifest hashes to ${(0, _history_js__WEBPACK_IMPORTED_MODULE_5__.BC)(record.contentHash)}, its payload says ${(0, _history_js__WEBPACK_IMPORTED_MODULE_5__.BC)(restores.payload.contentHash)}; deploying the manifest as recorded`);
}
return { restores, ...(live && live.id !== restores.id && { replaces: live }), raw, record };
}
async function writeRollbackManifest(plan, dir) {
const name = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(plan.restores.payload.manifestPath || `${plan.record.name}.yaml`);
const path = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, `rollback-${plan.restores.id}`, name);
await (0, _core_fs_js__WEBPACK_IMPORTED_MODULE_3__.Zf)(path, (0, _core_manifest_js__WEBPACK_IMPORTED_MODULE_4__.Tc)(plan.raw));
return { ...remoteRollbackManifest(plan), path };
}
function remoteRollbackManifest(plan) {
const repositoryPath = plan.restores.payload.manifestPath;
return {
path: repositoryPath ?? "",
...(repositoryPath && { repositoryPath }),
commit: plan.restores.sha,
raw: plan.raw,
record: plan.record
};
}
async function prepareRollbackManifest(plan, runsOnThisMachine, tempRoot) {
if (!runsOnThisMachine)
return { manifest: remoteRollbackManifest(plan), cleanup: async () => { } };
const dir = await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)((0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(tempRoot, "promote-rollback-"));
const cleanup = () => (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dir, { recursive: true, force: true });
try {
return { manifest: await writeRollbackManifest(plan, dir), cleanup };
}
catch (error) {
await cleanup();
throw error;
}
}
})
};
