export const id = 6043;
export const ids = [6043];
export const modules = {
6043: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.r(__webpack_exports__);
__webpack_require__.d(__webpack_exports__, {
CommandOrchestrator: () => (CommandOrchestrator),
argumentEnvName: () => (argumentEnvName),
commandRunId: () => (commandRunId),
pidOf: () => (pidOf)
});
var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = __webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
var node_fs__WEBPACK_IMPORTED_MODULE_1___default = __webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
var node_os__WEBPACK_IMPORTED_MODULE_2___default = __webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
var node_path__WEBPACK_IMPORTED_MODULE_3___default = __webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
var _core_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4296);
var _poll_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6313);
var _states_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1174);
var _types_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5203);
const KILL_GRACE_MS = 5000;
const STDERR_TAIL_LINES = 20;
function argumentEnvName(name) {
return `PROMOTE_ARG_${name.replace(/[^A-Za-z0-9]+/g, "_").toUpperCase()}`;
}
function argumentValue(value) {
return typeof value === "string" ? value : JSON.stringify(value);
}
function commandRunId(pid) {
return `pid-${pid}`;
}
function pidOf(runId) {
const match = /^pid-(\d+)$/.exec(runId);
return match ? Number(match[1]) : undefined;
}
function alive(pid) {
try {
process.kill(pid, 0);
return true;
}
catch (error) {
return error.code === "EPERM";
}
}
function killTree(pid, signal) {
try {
if (process.platform === "win32") {
(0, node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)("taskkill", ["/pid", String(pid), "/T", "/F"], { stdio: "ignore" });
}
else {
process.kill(-pid, signal);
}
}
catch {
try {
process.kill(pid, signal);
}
catch {
}
}
}
class CommandOrchestrator {
cluster;
options;
kind = "command";
runs = new Map();
constructor(cluster, options) {
this.cluster = cluster;
this.options = options;
}
async submit(request) {
const command = request.command;
if (!command || (Array.isArray(command) && command.length === 0)) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__.ConfigurationError(`workflow '${request.workflow}' runs on a command cluster, so it needs a command (workflows.${request.workflow}.command)`);
}
const tempDir = (0, node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdtempSync)((0, node_path__WEBPACK_IMPORTED_MODULE_3__.join)(this.options.env.RUNNER_TEMP || (0, node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), "promote-run-"));
const resultsFile = (0, node_path__WEBPACK_IMPORTED_MODULE_3__.join)(tempDir, "results.json");
const env = { ...this.options.env, ...this.cluster.env };
for (const [name, value] of Object.entries(request.arguments))
env[argumentEnvName(name)] = argumentValue(value);
Object.assign(env, {
PROMOTE_ARGUMENTS: JSON.stringify(request.arguments),
PROMOTE_RESULTS_FILE: resultsFile,
PROMOTE_WORKFLOW: request.workflow,
PROMOTE_PROJECT: request.project,
PROMOTE_RUN_KEY: request.labels[_types_js__WEBPACK_IMPORTED_MODULE_6__.Bt] ?? "",
PROMOTE_SUBMISSION: request.labels[_types_js__WEBPACK_IMPORTED_MODULE_6__.kY] ?? "",
PROMOTE_ATTEMPT: request.labels[_types_js__WEBPACK_IMPORTED_MODULE_6__.zq] ?? "1"
});
const cwd = (0, node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(this.options.cwd, this.cluster.cwd ?? ".");
const detached = process.platform !== "win32";
const child = typeof command === "string"
? (0, node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, { cwd, env, shell: true, detached, stdio: ["ignore", "pipe", "pipe"] })
: (0, node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command[0], command.slice(1), {
cwd,
env,
detached,
stdio: ["ignore", "pipe", "pipe"]
});
const run = {
runId: "",
runKey: request.labels[_types_js__WEBPACK_IMPORTED_MODULE_6__.Bt] ?? "",
submission: request.labels[_types_js__WEBPACK_IMPORTED_MODULE_6__.kY] ?? "",
attempt: Number(request.labels[_types_js__WEBPACK_IMPORTED_MODULE_6__.zq] ?? 1),
child,
resultsFile,
tempDir,
startedAt: new Date().toISOString(),
exit: Promise.resolve(),
cancelled: false,
stderrTail: []
};
run.exit = new Promise(done => {
child.on("error", error => {
run.spawnError = error;
run.finishedAt = new Date().toISOString();
done();
});
child.on("close", (code, signal) => {
run.exitCode = code;
run.exitSignal = signal;
run.finishedAt = new Date().toISOString();
done();
});
});
this.stream(child.stdout, line => this.options.log.info(line));
this.stream(child.stderr, line => {
this.options.log.info(line);
run.stderrTail.push(line);
if (run.stderrTail.length > STDERR_TAIL_LINES)
run.stderrTail.shift();
});
await new Promise(setImmediate);
run.runId = child.pid !== undefined ? commandRunId(child.pid) : `failed-${Date.now()}`;
this.runs.set(run.runId, run);
return { runId: run.runId, adopted: false };
}
stream(stream, onLine) {
let buffer = "";
stream.setEncoding("utf8");
stream.on("data", (chunk) => {
buffer += chunk;
const lines = buffer.split(/\r?\n/);
buffer = lines.pop() ?? "";
for (const line of lines)
onLine(line);
});
stream.on("end", () => {
if (buffer)
onLine(buffer);
buffer = "";
});
}
async getStatus(runId) {
const run = this.runs.get(runId);
if (!run) {
const pid = pidOf(runId);
const running = pid !== undefined && alive(pid);
return {
runId,
state: running ? "running" : "cancelled",
rawState: running ? "running" : "gone",
steps: [],
results: {}
};
}
if (run.final)
return run.final;
if (!run.finishedAt) {
return {
runId,
state: "running",
rawState: "running",
startedAt: run.startedAt,
steps: [],
results: {}
};
}
run.final = this.finalStatus(run);
(0, node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(run.tempDir, { recursive: true, force: true });
return run.final;
}
finalStatus(run) {
const base = { runId: run.runId, startedAt: run.startedAt, finishedAt: run.finishedAt };
if (run.spawnError) {
const error = `could not start the command: ${run.spawnError.message}`;
return { ...base, state: "failed", rawState: "spawn-error", error, steps: [], results: {} };
}
let results = {};
let steps = [];
let resultsError;
let text;
try {
text = (0, node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(run.resultsFile, "utf8");
}
catch {
}
if (text !== undefined && text.trim() !== "") {
try {
const parsed = JSON.parse(text);
if (!parsed || typeof parsed !== "object" || Array.isArray(parsed))
throw new Error("expected a JSON object");
const record = parsed;
if ("results" in record || "steps" in record) {
steps = (0, _states_js__WEBPACK_IMPORTED_MODULE_7__.$i)(record.steps);
const own = record.results && typeof record.results === "object"
? record.results
: {};
results = (0, _states_js__WEBPACK_IMPORTED_MODULE_7__.n0)(steps, own);
}
else {
results = record;
}
}
catch (error) {
resultsError = `the results file (PROMOTE_RESULTS_FILE) is not valid: ${error.message}`;
}
}
const signal = run.exitSignal;
const code = run.exitCode;
const state = run.cancelled ? "cancelled" : code === 0 && !resultsError ? "succeeded" : "failed";
const rawState = signal ? `killed by ${signal}` : `exit ${code}`;
let error;
if (state === "failed") {
error =
resultsError && code === 0
? resultsError
: [
`the command exited with ${signal ? `signal ${signal}` : `code ${code}`}`,
...run.stderrTail.slice(-5)
].join("\n");
}
if (steps.length === 0)
steps = [
{
name: "command",
state,
rawState,
results,
startedAt: run.startedAt,
finishedAt: run.finishedAt
}
];
return { ...base, state, rawState, ...(error && { error }), steps, results };
}
async wait(runId, options) {
const run = this.runs.get(runId);
if (!run)
throw new Error(`unknown command run ${runId}`);
const stopSleep = new AbortController();
const timer = this.options.timerClock.sleep(options.timeoutMs, stopSleep.signal).then(() => "timeout", () => "stopped");
const aborted = new Promise(done => {
if (options.signal?.aborted)
done("abort");
options.signal?.addEventListener("abort", () => done("abort"), { once: true });
});
const outcome = await Promise.race([run.exit.then(() => "exit"), timer, aborted]);
stopSleep.abort();
if (outcome === "exit") {
const status = await this.getStatus(runId);
options.onStatus?.(status);
return status;
}
return (0, _poll_js__WEBPACK_IMPORTED_MODULE_5__.KV)(outcome === "timeout" ? "timeout" : "abort", () => this.cancel(runId), await this.getStatus(runId), options.timeoutMs);
}
async cancel(runId) {
const run = this.runs.get(runId);
const pid = run?.child.pid ?? pidOf(runId);
if (pid === undefined || run?.finishedAt || (!run && !alive(pid)))
return this.getStatus(runId);
if (run)
run.cancelled = true;
killTree(pid, "SIGTERM");
const exited = run ? run.exit.then(() => true) : this.waitGone(pid);
const stopGrace = new AbortController();
const graceOver = this.options.clock.sleep(KILL_GRACE_MS, stopGrace.signal).then(() => false, () => true);
const stopped = await Promise.race([exited, graceOver]);
stopGrace.abort();
if (!stopped) {
killTree(pid, "SIGKILL");
if (run)
await run.exit;
else
await this.waitGone(pid);
}
const status = await this.getStatus(runId);
if (!(0, _poll_js__WEBPACK_IMPORTED_MODULE_5__.Hd)(status))
throw new _types_js__WEBPACK_IMPORTED_MODULE_6__.O8(runId, `process ${pid} is still running after SIGKILL`, status);
return status;
}
async waitGone(pid) {
for (let i = 0; i < 100 && alive(pid); i++)
await new Promise(done => setTimeout(done, 50));
return !alive(pid);
}
runUrl() {
return undefined;
}
async findRuns(identity) {
const found = [];
for (const run of this.runs.values()) {
if (run.runKey !== identity.key || run.submission !== identity.submission)
continue;
found.unshift({
runId: run.runId,
state: (await this.getStatus(run.runId)).state,
attempt: run.attempt
});
}
return found;
}
listSubmissions() {
return Promise.resolve([]);
}
async describeRun(runId) {
for (const run of this.runs.values()) {
if (run.runId !== runId)
continue;
return {
runId,
key: run.runKey,
submission: run.submission,
state: (await this.getStatus(runId)).state,
labels: {
[_types_js__WEBPACK_IMPORTED_MODULE_6__.Bt]: run.runKey,
[_types_js__WEBPACK_IMPORTED_MODULE_6__.kY]: run.submission,
[_types_js__WEBPACK_IMPORTED_MODULE_6__.zq]: String(run.attempt)
},
annotations: {},
createdAt: run.startedAt
};
}
return undefined;
}
}
}),
1174: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
$i: () => (parseSteps),
Vw: () => (normalizeState),
n0: () => (mergeResults)
});
function normalizeState(raw) {
switch ((raw ?? "").trim().toLowerCase()) {
case "succeeded":
case "success":
case "successful":
case "completed":
case "complete":
case "done":
case "ok":
return "succeeded";
case "failed":
case "failure":
case "error":
case "errored":
return "failed";
case "canceled":
case "cancelled":
case "aborted":
case "terminated":
return "cancelled";
case "skipped":
return "skipped";
case "pending":
case "created":
case "queued":
case "runtime_state_unspecified":
case "":
return "pending";
default:
return "running";
}
}
function parseSteps(value) {
if (!Array.isArray(value))
return [];
return value
.filter((step) => typeof step === "object" && step !== null)
.map((step, index) => {
const rawState = typeof step.state === "string" ? step.state : "succeeded";
const results = step.results && typeof step.results === "object" && !Array.isArray(step.results)
? step.results
: {};
return {
name: typeof step.name === "string" ? step.name : `step-${index + 1}`,
state: normalizeState(rawState),
rawState,
results,
...(typeof step.error === "string" && { error: step.error }),
...(typeof step.startedAt === "string" && { startedAt: step.startedAt }),
...(typeof step.finishedAt === "string" && { finishedAt: step.finishedAt })
};
});
}
function mergeResults(steps, own = {}) {
const merged = {};
for (const step of steps)
Object.assign(merged, step.results);
return { ...merged, ...own };
}
})
};
