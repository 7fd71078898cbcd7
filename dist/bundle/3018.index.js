export const id = 3018;
export const ids = [3018];
export const modules = {
770: ((module, __unused_webpack_exports, __webpack_require__) => {
module.exports = __webpack_require__(218);
}),
218: ((__unused_webpack_module, exports, __webpack_require__) => {
var net = __webpack_require__(9278);
var tls = __webpack_require__(4756);
var http = __webpack_require__(8611);
var https = __webpack_require__(5692);
var events = __webpack_require__(4434);
var assert = __webpack_require__(2613);
var util = __webpack_require__(9023);
exports.httpOverHttp = httpOverHttp;
exports.httpsOverHttp = httpsOverHttp;
exports.httpOverHttps = httpOverHttps;
exports.httpsOverHttps = httpsOverHttps;
function httpOverHttp(options) {
var agent = new TunnelingAgent(options);
agent.request = http.request;
return agent;
}
function httpsOverHttp(options) {
var agent = new TunnelingAgent(options);
agent.request = http.request;
agent.createSocket = createSecureSocket;
agent.defaultPort = 443;
return agent;
}
function httpOverHttps(options) {
var agent = new TunnelingAgent(options);
agent.request = https.request;
return agent;
}
function httpsOverHttps(options) {
var agent = new TunnelingAgent(options);
agent.request = https.request;
agent.createSocket = createSecureSocket;
agent.defaultPort = 443;
return agent;
}
function TunnelingAgent(options) {
var self = this;
self.options = options || {};
self.proxyOptions = self.options.proxy || {};
self.maxSockets = self.options.maxSockets || http.Agent.defaultMaxSockets;
self.requests = [];
self.sockets = [];
self.on("free", function onFree(socket, host, port, localAddress) {
var options = toOptions(host, port, localAddress);
for (var i = 0, len = self.requests.length; i < len; ++i) {
var pending = self.requests[i];
if (pending.host === options.host && pending.port === options.port) {
self.requests.splice(i, 1);
pending.request.onSocket(socket);
return;
}
}
socket.destroy();
self.removeSocket(socket);
});
}
util.inherits(TunnelingAgent, events.EventEmitter);
TunnelingAgent.prototype.addRequest = function addRequest(req, host, port, localAddress) {
var self = this;
var options = mergeOptions({ request: req }, self.options, toOptions(host, port, localAddress));
if (self.sockets.length >= this.maxSockets) {
self.requests.push(options);
return;
}
self.createSocket(options, function (socket) {
socket.on("free", onFree);
socket.on("close", onCloseOrRemove);
socket.on("agentRemove", onCloseOrRemove);
req.onSocket(socket);
function onFree() {
self.emit("free", socket, options);
}
function onCloseOrRemove(err) {
self.removeSocket(socket);
socket.removeListener("free", onFree);
socket.removeListener("close", onCloseOrRemove);
socket.removeListener("agentRemove", onCloseOrRemove);
}
});
};
TunnelingAgent.prototype.createSocket = function createSocket(options, cb) {
var self = this;
var placeholder = {};
self.sockets.push(placeholder);
var connectOptions = mergeOptions({}, self.proxyOptions, {
method: "CONNECT",
path: options.host + ":" + options.port,
agent: false,
headers: {
host: options.host + ":" + options.port
}
});
if (options.localAddress) {
connectOptions.localAddress = options.localAddress;
}
if (connectOptions.proxyAuth) {
connectOptions.headers = connectOptions.headers || {};
connectOptions.headers["Proxy-Authorization"] = "Basic " +
new Buffer(connectOptions.proxyAuth).toString("base64");
}
debug("making CONNECT request");
var connectReq = self.request(connectOptions);
connectReq.useChunkedEncodingByDefault = false;
connectReq.once("response", onResponse);
connectReq.once("upgrade", onUpgrade);
connectReq.once("connect", onConnect);
connectReq.once("error", onError);
connectReq.end();
function onResponse(res) {
res.upgrade = true;
}
function onUpgrade(res, socket, head) {
process.nextTick(function () {
onConnect(res, socket, head);
});
}
function onConnect(res, socket, head) {
connectReq.removeAllListeners();
socket.removeAllListeners();
if (res.statusCode !== 200) {
debug("tunneling socket could not be established, statusCode=%d", res.statusCode);
socket.destroy();
var error = new Error("tunneling socket could not be established, " +
"statusCode=" + res.statusCode);
error.code = "ECONNRESET";
options.request.emit("error", error);
self.removeSocket(placeholder);
return;
}
if (head.length > 0) {
debug("got illegal response body from proxy");
socket.destroy();
var error = new Error("got illegal response body from proxy");
error.code = "ECONNRESET";
options.request.emit("error", error);
self.removeSocket(placeholder);
return;
}
debug("tunneling connection has established");
self.sockets[self.sockets.indexOf(placeholder)] = socket;
return cb(socket);
}
function onError(cause) {
connectReq.removeAllListeners();
debug("tunneling socket could not be established, cause=%s\n", cause.message, cause.stack);
var error = new Error("tunneling socket could not be established, " +
"cause=" + cause.message);
error.code = "ECONNRESET";
options.request.emit("error", error);
self.removeSocket(placeholder);
}
};
TunnelingAgent.prototype.removeSocket = function removeSocket(socket) {
var pos = this.sockets.indexOf(socket);
if (pos === -1) {
return;
}
this.sockets.splice(pos, 1);
var pending = this.requests.shift();
if (pending) {
this.createSocket(pending, function (socket) {
pending.request.onSocket(socket);
});
}
};
function createSecureSocket(options, cb) {
var self = this;
TunnelingAgent.prototype.createSocket.call(self, options, function (socket) {
var hostHeader = options.request.getHeader("host");
var tlsOptions = mergeOptions({}, self.options, {
socket: socket,
servername: hostHeader ? hostHeader.replace(/:.*$/, "") : options.host
});
var secureSocket = tls.connect(0, tlsOptions);
self.sockets[self.sockets.indexOf(socket)] = secureSocket;
cb(secureSocket);
});
}
function toOptions(host, port, localAddress) {
if (typeof host === "string") {
return {
host: host,
port: port,
localAddress: localAddress
};
}
return host;
}
function mergeOptions(target) {
for (var i = 1, len = arguments.length; i < len; ++i) {
var overrides = arguments[i];
if (typeof overrides === "object") {
var keys = Object.keys(overrides);
for (var j = 0, keyLen = keys.length; j < keyLen; ++j) {
var k = keys[j];
if (overrides[k] !== undefined) {
target[k] = overrides[k];
}
}
}
}
return target;
}
var debug;
if (process.env.NODE_DEBUG && /\btunnel\b/.test(process.env.NODE_DEBUG)) {
debug = function () {
var args = Array.prototype.slice.call(arguments);
if (typeof args[0] === "string") {
args[0] = "TUNNEL: " + args[0];
}
else {
args.unshift("TUNNEL:");
}
console.error.apply(console, args);
};
}
else {
debug = function () { };
}
exports.debug = debug;
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
3669: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.r(__webpack_exports__);
__webpack_require__.d(__webpack_exports__, {
post: () => (post),
run: () => (run)
});
var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7264);
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
9314: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
hc: () => (createOrchestrator)
});
var _options_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7276);
var _types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5203);
var _poll_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6313);
async function createOrchestrator(cluster, options = {}) {
const resolved = (0, _options_js__WEBPACK_IMPORTED_MODULE_0__.$i)(options);
switch (cluster.kind) {
case "command":
return new (await __webpack_require__.e(6043).then(__webpack_require__.bind(__webpack_require__, 6043))).CommandOrchestrator(cluster, resolved);
case "mlrun":
return new (await __webpack_require__.e(818).then(__webpack_require__.bind(__webpack_require__, 818))).MlrunOrchestrator(cluster, resolved);
case "kfp":
return new (await __webpack_require__.e(6797).then(__webpack_require__.bind(__webpack_require__, 6797))).KfpOrchestrator(cluster, resolved);
case "argo":
return new (await __webpack_require__.e(4068).then(__webpack_require__.bind(__webpack_require__, 4068))).ArgoOrchestrator(cluster, resolved);
}
}
}),
7276: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
$i: () => (resolveOptions),
n5: () => (readSecret)
});
var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
var _poll_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6313);
var _core_secrets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8198);
const silentLog = {
info: () => { },
debug: () => { },
warning: () => { },
error: () => { },
group: (_title, fn) => fn(),
secret: () => { }
};
function resolveOptions(options = {}) {
const env = options.env ?? process.env;
const fromEnv = Number(env.PROMOTE_POLL_SCALE);
const scale = options.pollScale ?? (Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 1);
const timerClock = options.clock ?? _poll_js__WEBPACK_IMPORTED_MODULE_1__.dQ;
const clock = (0, _poll_js__WEBPACK_IMPORTED_MODULE_1__.vs)(timerClock, scale);
const secrets = new Set();
const baseLog = options.log ?? silentLog;
const log = {
info: message => baseLog.info(message),
debug: message => baseLog.debug(message),
warning: (message, where) => baseLog.warning(message, where),
error: (message, where) => baseLog.error(message, where),
group: (title, fn) => baseLog.group(title, fn),
secret: value => {
if (value)
secrets.add(value);
baseLog.secret(value);
}
};
return {
env,
cwd: options.cwd ?? process.cwd(),
log,
scrub: text => [...secrets].reduce((out, secret) => out.split(secret).join("***"), text),
clock,
timerClock,
schedule: options.schedule ?? (0, _poll_js__WEBPACK_IMPORTED_MODULE_1__.g4)(),
sleep: ms => clock.sleep(ms),
...(options.fetch && { fetch: options.fetch }),
requestTimeoutMs: options.requestTimeoutMs ?? 30000,
...(options.scope && { scope: options.scope })
};
}
function readSecret(env, name, log, what) {
if (!name)
return undefined;
const value = env[name];
if (!value) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`${what}: the environment variable ${name} is empty or unset (pass the secret to the step as env: ${name}: \${{ secrets.${name} }})`);
}
(0, _core_secrets_js__WEBPACK_IMPORTED_MODULE_2__.cl)(value);
log.secret(value);
return value;
}
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
