export const id = 2701;
export const ids = [2701, 1934];
export const modules = {
2782: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
h: () => (LocalLedger),
u: () => (DEFAULT_LEDGER_PATH)
});
var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = __webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
var node_path__WEBPACK_IMPORTED_MODULE_1___default = __webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
var _core_zod_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2158);
var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);
var _core_fs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8616);
const DEFAULT_LEDGER_PATH = ".promote/deployments.json";
const DEPLOYMENT_STATES = [
"queued",
"pending",
"in_progress",
"success",
"failure",
"error",
"inactive"
];
const ledgerStatus = _core_zod_js__WEBPACK_IMPORTED_MODULE_2__.Ikc({
state: _core_zod_js__WEBPACK_IMPORTED_MODULE_2__.k5n(DEPLOYMENT_STATES),
createdAt: _core_zod_js__WEBPACK_IMPORTED_MODULE_2__.YjP(),
environmentUrl: _core_zod_js__WEBPACK_IMPORTED_MODULE_2__.lqM(_core_zod_js__WEBPACK_IMPORTED_MODULE_2__.YjP()),
logUrl: _core_zod_js__WEBPACK_IMPORTED_MODULE_2__.lqM(_core_zod_js__WEBPACK_IMPORTED_MODULE_2__.YjP()),
description: _core_zod_js__WEBPACK_IMPORTED_MODULE_2__.lqM(_core_zod_js__WEBPACK_IMPORTED_MODULE_2__.YjP())
});
const ledgerPayload = _core_zod_js__WEBPACK_IMPORTED_MODULE_2__._H3({
modelUri: _core_zod_js__WEBPACK_IMPORTED_MODULE_2__.YjP(),
modelName: _core_zod_js__WEBPACK_IMPORTED_MODULE_2__.YjP(),
modelVersion: _core_zod_js__WEBPACK_IMPORTED_MODULE_2__.lqM(_core_zod_js__WEBPACK_IMPORTED_MODULE_2__.YjP()),
contentHash: _core_zod_js__WEBPACK_IMPORTED_MODULE_2__.YjP(),
metrics: _core_zod_js__WEBPACK_IMPORTED_MODULE_2__.g1P(_core_zod_js__WEBPACK_IMPORTED_MODULE_2__.YjP(), _core_zod_js__WEBPACK_IMPORTED_MODULE_2__.aig()),
manifestPath: _core_zod_js__WEBPACK_IMPORTED_MODULE_2__.YjP(),
manifest: _core_zod_js__WEBPACK_IMPORTED_MODULE_2__.lqM(_core_zod_js__WEBPACK_IMPORTED_MODULE_2__.g1P(_core_zod_js__WEBPACK_IMPORTED_MODULE_2__.YjP(), _core_zod_js__WEBPACK_IMPORTED_MODULE_2__.L5J())),
rollbackOf: _core_zod_js__WEBPACK_IMPORTED_MODULE_2__.lqM(_core_zod_js__WEBPACK_IMPORTED_MODULE_2__.KCZ([_core_zod_js__WEBPACK_IMPORTED_MODULE_2__.YjP(), _core_zod_js__WEBPACK_IMPORTED_MODULE_2__.aig()])),
overrideReason: _core_zod_js__WEBPACK_IMPORTED_MODULE_2__.lqM(_core_zod_js__WEBPACK_IMPORTED_MODULE_2__.YjP()),
approvers: _core_zod_js__WEBPACK_IMPORTED_MODULE_2__.lqM(_core_zod_js__WEBPACK_IMPORTED_MODULE_2__.YOg(_core_zod_js__WEBPACK_IMPORTED_MODULE_2__.YjP())),
runUrl: _core_zod_js__WEBPACK_IMPORTED_MODULE_2__.lqM(_core_zod_js__WEBPACK_IMPORTED_MODULE_2__.YjP()),
results: _core_zod_js__WEBPACK_IMPORTED_MODULE_2__.lqM(_core_zod_js__WEBPACK_IMPORTED_MODULE_2__.g1P(_core_zod_js__WEBPACK_IMPORTED_MODULE_2__.YjP(), _core_zod_js__WEBPACK_IMPORTED_MODULE_2__.L5J()))
});
const ledgerDeployment = _core_zod_js__WEBPACK_IMPORTED_MODULE_2__.Ikc({
id: _core_zod_js__WEBPACK_IMPORTED_MODULE_2__.aig().check(_core_zod_js__WEBPACK_IMPORTED_MODULE_2__.Whr(), _core_zod_js__WEBPACK_IMPORTED_MODULE_2__.yjt()),
environment: _core_zod_js__WEBPACK_IMPORTED_MODULE_2__.YjP().check(_core_zod_js__WEBPACK_IMPORTED_MODULE_2__.BpQ(1)),
ref: _core_zod_js__WEBPACK_IMPORTED_MODULE_2__.YjP(),
sha: _core_zod_js__WEBPACK_IMPORTED_MODULE_2__.YjP(),
createdAt: _core_zod_js__WEBPACK_IMPORTED_MODULE_2__.YjP(),
creator: _core_zod_js__WEBPACK_IMPORTED_MODULE_2__.lqM(_core_zod_js__WEBPACK_IMPORTED_MODULE_2__.YjP()),
description: _core_zod_js__WEBPACK_IMPORTED_MODULE_2__.lqM(_core_zod_js__WEBPACK_IMPORTED_MODULE_2__.YjP()),
payload: ledgerPayload,
statuses: _core_zod_js__WEBPACK_IMPORTED_MODULE_2__.YOg(ledgerStatus)
});
const ledgerFile = _core_zod_js__WEBPACK_IMPORTED_MODULE_2__.Ikc({
version: _core_zod_js__WEBPACK_IMPORTED_MODULE_2__.euz(1),
nextId: _core_zod_js__WEBPACK_IMPORTED_MODULE_2__.aig().check(_core_zod_js__WEBPACK_IMPORTED_MODULE_2__.Whr(), _core_zod_js__WEBPACK_IMPORTED_MODULE_2__.yjt()),
deployments: _core_zod_js__WEBPACK_IMPORTED_MODULE_2__.YOg(ledgerDeployment)
});
function ledgerProblems(file, data, error) {
const lines = error.issues.slice(0, 10).map(issue => {
const path = issue.path.map(p => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("");
const index = issue.path[0] === "deployments" ? issue.path[1] : undefined;
const id = typeof index === "number"
? data.deployments?.[index]?.id
: undefined;
const which = typeof id === "number" ? ` (deployment #${id})` : "";
return `  ${path.replace(/^\./, "") || "(top level)"}${which}: ${issue.message}`;
});
const more = error.issues.length > 10 ? `\n  ...and ${error.issues.length - 10} more` : "";
return `${file}: not a valid promote deployment ledger (fix or remove the entries named, or move the file away to start a new one):\n${lines.join("\n")}${more}`;
}
class LocalLedger {
file;
options;
now;
constructor(file = DEFAULT_LEDGER_PATH, options = {}) {
this.file = file;
this.options = options;
this.now = options.now ?? (() => new Date());
}
async create(input) {
return this.update(ledger => {
const deployment = {
id: ledger.nextId++,
environment: input.environment,
ref: input.ref,
sha: input.sha,
createdAt: this.now().toISOString(),
...(this.options.creator !== undefined && { creator: this.options.creator }),
description: input.description,
payload: input.payload,
statuses: []
};
ledger.deployments.push(deployment);
return this.toRecord(deployment);
});
}
async setStatus(id, state, update = {}) {
await this.update(ledger => {
const deployment = ledger.deployments.find(d => String(d.id) === String(id));
if (!deployment)
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__.ConfigurationError(`${this.file}: no deployment #${id}`);
const createdAt = this.now().toISOString();
const previous = deployment.statuses.at(-1);
deployment.statuses.push({
state,
createdAt,
...((update.environmentUrl ?? previous?.environmentUrl) !== undefined && {
environmentUrl: update.environmentUrl ?? previous?.environmentUrl
}),
...((update.logUrl ?? previous?.logUrl) !== undefined && {
logUrl: update.logUrl ?? previous?.logUrl
}),
...(update.description !== undefined && { description: update.description })
});
if (state === "success") {
for (const other of ledger.deployments) {
if (other.id !== deployment.id &&
other.environment === deployment.environment &&
latestState(other) === "success") {
other.statuses.push({
state: "inactive",
createdAt,
description: `superseded by #${deployment.id}`
});
}
}
}
});
}
async list(environment, options = {}) {
const ledger = await this.read();
const records = ledger.deployments
.filter(d => d.environment === environment)
.sort((a, b) => b.id - a.id)
.map(d => this.toRecord(d));
return options.limit !== undefined ? records.slice(0, options.limit) : records;
}
async environments() {
const ledger = await this.read();
return [...new Set(ledger.deployments.map(d => d.environment))];
}
toRecord(deployment) {
const latest = deployment.statuses.at(-1);
const newest = [...deployment.statuses].reverse();
const environmentUrl = newest.find(s => s.environmentUrl)?.environmentUrl;
const logUrl = newest.find(s => s.logUrl)?.logUrl;
return {
id: deployment.id,
environment: deployment.environment,
ref: deployment.ref,
sha: deployment.sha,
createdAt: deployment.createdAt,
...(deployment.creator !== undefined && { creator: deployment.creator }),
...(deployment.description !== undefined && { description: deployment.description }),
payload: deployment.payload,
state: latest?.state ?? "queued",
...(environmentUrl !== undefined && { environmentUrl }),
...(logUrl !== undefined && { logUrl }),
url: `${this.file}#${deployment.id}`
};
}
async read() {
let text;
try {
text = await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(this.file, "utf8");
}
catch (error) {
if (error.code === "ENOENT")
return { version: 1, nextId: 1, deployments: [] };
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__.ConfigurationError(`${this.file}: cannot read the deployment ledger: ${error.code}`);
}
let data;
try {
data = JSON.parse(text);
}
catch (error) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__.ConfigurationError(`${this.file}: the deployment ledger is not valid JSON (${error.message})`);
}
const parsed = ledgerFile.safeParse(data);
if (!parsed.success)
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__.ConfigurationError(ledgerProblems(this.file, data, parsed.error));
const ids = new Set();
for (const deployment of parsed.data.deployments) {
if (ids.has(deployment.id) || deployment.id >= parsed.data.nextId)
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__.ConfigurationError(`${this.file}: deployment #${deployment.id} ${ids.has(deployment.id) ? "appears twice" : `is not below nextId ${parsed.data.nextId}`} (ids must be unique and below nextId)`);
ids.add(deployment.id);
}
return parsed.data;
}
async update(change) {
const release = await this.lock();
try {
const ledger = await this.read();
const result = change(ledger);
await (0, _core_fs_js__WEBPACK_IMPORTED_MODULE_4__.Zf)(this.file, `${JSON.stringify(ledger, null, 2)}\n`);
return result;
}
finally {
await release();
}
}
async lock() {
const lockFile = `${this.file}.lock`;
const deadline = Date.now() + (this.options.lockTimeoutMs ?? 10000);
await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0, node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(lockFile), { recursive: true });
for (;;) {
try {
const handle = await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(lockFile, "wx");
await handle.writeFile(String(process.pid));
await handle.close();
return () => (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(lockFile, { force: true });
}
catch (error) {
if (error.code !== "EEXIST")
throw error;
const age = await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(lockFile).then(s => Date.now() - s.mtimeMs, () => 0);
if (age > 30000) {
await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(lockFile, { force: true });
continue;
}
if (Date.now() > deadline) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__.ConfigurationError(`${lockFile}: another promote command holds the ledger lock (delete the file if none is running)`);
}
await new Promise(resolve => setTimeout(resolve, 25));
}
}
}
}
function latestState(deployment) {
return deployment.statuses.at(-1)?.state ?? "queued";
}
}),
2701: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.r(__webpack_exports__);
__webpack_require__.d(__webpack_exports__, {
cliApprove: () => (cliApprove),
cliArguments: () => (cliArguments),
cliEnvironment: () => (cliEnvironment),
cliManifest: () => (cliManifest),
cliPath: () => (cliPath),
deployDocument: () => (deployDocument),
detachRepository: () => (detachRepository),
loadCliConfig: () => (loadCliConfig),
localContext: () => (localContext),
localRunContext: () => (localRunContext),
localUser: () => (localUser),
openLedger: () => (openLedger),
runArguments: () => (runArguments),
runCliDeploy: () => (runCliDeploy),
str: () => (str)
});
var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = __webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
var node_os__WEBPACK_IMPORTED_MODULE_1___default = __webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
var node_path__WEBPACK_IMPORTED_MODULE_2___default = __webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
var _adapters_deployments_ledger_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2782);
var _adapters_registries_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7250);
var _app_approval_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3504);
var _app_deploy_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(512);
var _core_config_load_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9168);
var _core_config_resolve_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(2170);
var _core_errors_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(4296);
var _core_fs_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(8616);
var _core_manifest_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(4414);
var _command_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(3567);
var _log_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(7644);
var _prompt_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(1934);
var _signals_js__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(3563);
var _core_yaml_library_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(5650);
function git(cwd, args) {
try {
return ((0, node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFileSync)("git", args, {
cwd,
encoding: "utf8",
stdio: ["ignore", "pipe", "ignore"]
}).trim() || undefined);
}
catch {
return undefined;
}
}
function localUser(context) {
return (context.env.PROMOTE_USER ||
git(context.cwd, ["config", "user.email"]) ||
context.env.USER ||
(() => {
try {
return (0, node_os__WEBPACK_IMPORTED_MODULE_1__.userInfo)().username;
}
catch {
return "local";
}
})());
}
function localContext(context) {
const sha = git(context.cwd, ["rev-parse", "HEAD"]);
const branch = git(context.cwd, ["rev-parse", "--abbrev-ref", "HEAD"]);
const actor = localUser(context);
return {
sha: sha ?? "local",
ref: branch ? `refs/heads/${branch}` : "local",
...(branch && branch !== "HEAD" && { branch }),
actor,
triggeringActor: actor,
eventName: "cli"
};
}
function localRunContext(cwd, env) {
const branch = git(cwd, ["branch", "--show-current"]) ?? git(cwd, ["rev-parse", "--abbrev-ref", "HEAD"]);
let actor = env.USER ?? env.USERNAME;
if (!actor) {
try {
actor = (0, node_os__WEBPACK_IMPORTED_MODULE_1__.userInfo)().username;
}
catch {
actor = "local";
}
}
return {
sha: git(cwd, ["rev-parse", "HEAD"]) ?? "",
ref: branch && branch !== "HEAD" ? `refs/heads/${branch}` : "",
...(branch && branch !== "HEAD" && { branch }),
actor
};
}
function detachRepository(cwd, env) {
const named = /^([^/\s]+)\/([^/\s]+)$/.exec(env.GITHUB_REPOSITORY ?? "");
if (named)
return { repository: { owner: named[1], repo: named[2] } };
const remote = git(cwd, ["remote", "get-url", "origin"]) ?? "";
const match = /github\.com[:/]([^/\s]+)\/([^/\s]+?)(?:\.git)?\/?$/.exec(remote);
return match ? { repository: { owner: match[1], repo: match[2] } } : undefined;
}
function runArguments(pairs) {
const result = {};
for (const pair of pairs) {
const at = pair.indexOf("=");
if (at < 1)
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_9__.ConfigurationError(`--arg ${pair}: expected name=value, e.g. --arg epochs=10`);
const text = pair.slice(at + 1);
let value = text;
try {
value = text === "" ? "" : (0, _core_yaml_library_js__WEBPACK_IMPORTED_MODULE_15__.T)().parse(text, { maxAliasCount: 10 });
}
catch {
value = text;
}
result[pair.slice(0, at)] = value === null ? text : value;
}
return result;
}
function str(values, key) {
const value = values[key];
return typeof value === "string" && value !== "" ? value : undefined;
}
function cliPath(context, path) {
return (0, node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(path) ? path : (0, node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(context.cwd, path);
}
async function loadCliConfig(values, context) {
return (0, _core_config_load_js__WEBPACK_IMPORTED_MODULE_7__.loadConfig)(cliPath(context, str(values, "config") ?? "promote.yaml"));
}
function cliEnvironment(config, values, run) {
return (0, _core_config_resolve_js__WEBPACK_IMPORTED_MODULE_8__.g9)(config, { name: str(values, "env"), branch: run.branch });
}
function openLedger(values, context) {
return new _adapters_deployments_ledger_js__WEBPACK_IMPORTED_MODULE_3__.h(cliPath(context, str(values, "ledger") ?? _adapters_deployments_ledger_js__WEBPACK_IMPORTED_MODULE_3__.u), {
creator: localUser(context)
});
}
function cliArguments(values) {
const out = {};
const text = str(values, "arguments");
if (text) {
let parsed;
try {
parsed = (0, _core_yaml_library_js__WEBPACK_IMPORTED_MODULE_15__.T)().parse(text);
}
catch (error) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_9__.ConfigurationError(`--arguments: not valid YAML/JSON: ${error.message.split("\n")[0]}`);
}
if (!parsed || typeof parsed !== "object" || Array.isArray(parsed))
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_9__.ConfigurationError("--arguments: expected an object, e.g. {\"replicas\": 2}");
Object.assign(out, parsed);
}
const pairs = values.arg;
for (const pair of Array.isArray(pairs) ? pairs : pairs !== undefined ? [pairs] : []) {
const text = String(pair);
const at = text.indexOf("=");
if (at <= 0)
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_9__.ConfigurationError(`--arg ${text}: expected name=value`);
out[text.slice(0, at)] = (0, _core_yaml_library_js__WEBPACK_IMPORTED_MODULE_15__.T)().parse(text.slice(at + 1)) ?? "";
}
return out;
}
function cliApprove(values, context, environment) {
return (what) => (0, _app_approval_js__WEBPACK_IMPORTED_MODULE_5__._F)({
environment: environment.name,
required: environment.requiresApproval,
assumeYes: values.yes === true,
interactive: context.stdin.isTTY === true,
user: localUser(context),
what,
ask: question => (0, _prompt_js__WEBPACK_IMPORTED_MODULE_14__.l)(question, context.stdin, context.stdout)
});
}
async function runCliDeploy(config, request, values, context, run) {
const log = (0, _log_js__WEBPACK_IMPORTED_MODULE_13__.terminalLog)(context);
const ledger = openLedger(values, context);
let outcome;
const startedAt = new Date().toISOString();
try {
outcome = await (0, _signals_js__WEBPACK_IMPORTED_MODULE_16__.cancellable)(signal => log.warning(`${signal}: cancelling the deploy run (Ctrl-C again to leave it running)`), signal => (0, _app_deploy_js__WEBPACK_IMPORTED_MODULE_6__.gg)(request, {
config,
store: ledger,
log,
context: run,
approve: cliApprove(values, context, request.environment),
registry: () => (0, _adapters_registries_index_js__WEBPACK_IMPORTED_MODULE_4__.createRegistry)(config, context.env, { cwd: context.cwd }),
orchestrator: { env: context.env, cwd: context.cwd, log },
signal,
deploymentsUrl: () => (0, node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(context.cwd, ledger.file) || ledger.file
}));
}
catch (error) {
const factsFile = str(values, "facts-file");
if (factsFile && (0, _core_errors_js__WEBPACK_IMPORTED_MODULE_9__.p0)(error)) {
const facts = (0, _app_deploy_js__WEBPACK_IMPORTED_MODULE_6__.t3)(request, config, run, error, startedAt);
await (0, _core_fs_js__WEBPACK_IMPORTED_MODULE_10__.Zf)(cliPath(context, factsFile), `${JSON.stringify(facts, null, 2)}\n`);
}
throw error;
}
await (0, _log_js__WEBPACK_IMPORTED_MODULE_13__.terminalReporter)(context).summary(outcome.report);
const factsFile = str(values, "facts-file");
if (factsFile)
await (0, _core_fs_js__WEBPACK_IMPORTED_MODULE_10__.Zf)(cliPath(context, factsFile), `${JSON.stringify(outcome.facts, null, 2)}\n`);
const failed = (0, _app_deploy_js__WEBPACK_IMPORTED_MODULE_6__.dx)(outcome);
if (failed) {
const reason = outcome.cancelFailed
? `the deploy run could not be cancelled: ${outcome.cancelFailed}`
: (outcome.error ??
outcome.facts.error ??
`deployment ${outcome.deployment.id} ${outcome.status}`);
context.stderr.write(`promote ${request.rollback ? "rollback" : "deploy"}: ${(0, _command_js__WEBPACK_IMPORTED_MODULE_12__.mB)(reason)}\n`);
}
return { code: failed ? 1 : 0, outcome };
}
function deployDocument(outcome, code) {
return {
ok: code === 0,
environment: outcome.facts.environment,
deploymentId: outcome.deployment.id,
status: outcome.status,
rollbackOf: outcome.deployment.payload.rollbackOf ?? null,
model: {
name: outcome.deployment.payload.modelName ?? null,
version: outcome.deployment.payload.modelVersion ?? null,
contentHash: outcome.deployment.payload.contentHash
},
runId: outcome.runId ?? null,
runUrl: outcome.runUrl ?? null,
environmentUrl: outcome.environmentUrl ?? null,
smokeTest: {
values: Object.fromEntries(outcome.smoke.values),
failure: outcome.smoke.failure ?? null,
unavailable: outcome.smoke.unavailable ?? null
},
results: outcome.results,
champion: outcome.champion ?? null,
error: outcome.error ?? null,
cancelFailed: outcome.cancelFailed ?? null,
facts: outcome.facts
};
}
async function cliManifest(config, values, context) {
const path = str(values, "manifest") ?? (0, _core_config_resolve_js__WEBPACK_IMPORTED_MODULE_8__.M0)(config);
const loaded = await (0, _core_manifest_js__WEBPACK_IMPORTED_MODULE_11__.eY)(cliPath(context, path), {
knownTags: [config.model.challengerTag, config.model.championTag]
});
return { path: (0, node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(path) ? path : (0, node_path__WEBPACK_IMPORTED_MODULE_2__.join)(path), raw: loaded.raw, record: loaded.record };
}
}),
7644: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
terminalLog: () => (terminalLog),
terminalReporter: () => (terminalReporter)
});
var _core_log_safety_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(276);
var _core_report_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8557);
var _core_secrets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8198);
function terminalLog(context) {
let depth = 0;
const line = (stream, text) => {
const indent = "  ".repeat(depth);
stream.write((0, _core_log_safety_js__WEBPACK_IMPORTED_MODULE_0__.t)((0, _core_secrets_js__WEBPACK_IMPORTED_MODULE_2__.Zg)(text))
.split("\n")
.map(l => indent + l)
.join("\n") + "\n");
};
const at = (where) => where?.file ? `${where.file}${where.line ? `:${where.line}` : ""}: ` : "";
return {
info: message => line(context.stdout, message),
debug: message => {
if (context.env.PROMOTE_DEBUG)
line(context.stderr, `debug: ${message}`);
},
warning: (message, where) => line(context.stderr, `warning: ${at(where)}${message}`),
error: (message, where) => line(context.stderr, `error: ${at(where)}${message}`),
async group(title, fn) {
line(context.stdout, `▸ ${title}`);
depth++;
try {
return await fn();
}
finally {
depth--;
}
},
secret: value => (0, _core_secrets_js__WEBPACK_IMPORTED_MODULE_2__.cl)(value)
};
}
function withoutCodeSpans(text) {
return text.replace(/`([^`\n]+)`/g, "$1");
}
function terminalReporter(context) {
return {
async summary(report) {
const text = withoutCodeSpans((0, _core_secrets_js__WEBPACK_IMPORTED_MODULE_2__.Zg)((0, _core_report_js__WEBPACK_IMPORTED_MODULE_1__.S5)(report)));
context.stdout.write(`\n${(0, _core_log_safety_js__WEBPACK_IMPORTED_MODULE_0__.t)(text)}\n\n`);
}
};
}
}),
1934: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
askYesNo: () => (askYesNo),
l: () => (confirm)
});
var node_readline__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(481);
var node_readline__WEBPACK_IMPORTED_MODULE_0___default = __webpack_require__.n(node_readline__WEBPACK_IMPORTED_MODULE_0__);
async function askYesNo(question, input, output, options = {}) {
const rl = (0, node_readline__WEBPACK_IMPORTED_MODULE_0__.createInterface)({ input, output, terminal: false });
const lines = rl[Symbol.asyncIterator]();
const yes = options.exact ? ["yes"] : ["yes", "y"];
const no = options.exact ? ["no"] : ["no", "n"];
try {
for (let asked = 0;; asked++) {
output.write(question);
const next = await lines.next();
if (next.done || input.isTTY !== true)
output.write("\n");
if (next.done)
return asked === 0 ? undefined : false;
const answer = String(next.value).trim().toLowerCase();
if (yes.includes(answer))
return true;
if (no.includes(answer))
return false;
output.write(`${options.invalid ?? "Please answer 'yes' or 'no'."}\n`);
}
}
finally {
rl.close();
}
}
async function confirm(question, input, output, options = {}) {
return (await askYesNo(question, input, output, options)) === true;
}
})
};
