export const id = 1155;
export const ids = [1155, 9171];
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
}),
1155: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
runDemo: () => (runDemo)
});
var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = __webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
var node_fs__WEBPACK_IMPORTED_MODULE_1___default = __webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
var node_os__WEBPACK_IMPORTED_MODULE_2___default = __webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
var node_path__WEBPACK_IMPORTED_MODULE_3___default = __webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
var node_url__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3136);
var node_url__WEBPACK_IMPORTED_MODULE_4___default = __webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_4__);
var _adapters_deployments_ledger_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2782);
var _app_history_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(9171);
var _core_config_load_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9168);
var _core_errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4296);
var _core_report_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8557);
var _signals_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(3563);
const MODEL = "heart-classifier";
const PROBE_ROW = [67, 1, 0, 160, 286, 0, 0, 108, 1, 1.5, 1, 3, 2];
const STEP_TIMEOUT_MS = 120000;
const QUESTION_END = "(yes/no) ";
class DemoStopped extends Error {
constructor(message) {
super(message);
this.name = "DemoStopped";
}
}
function findExamplesRoot(starts) {
for (const start of starts) {
for (let dir = start;; dir = (0, node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(dir)) {
if ((0, node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)((0, node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, "examples", "quickstart", "promote.yaml")))
return dir;
if ((0, node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(dir) === dir)
break;
}
}
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_7__.ConfigurationError(`promote demo: cannot find examples/quickstart above ${starts.join(" or ")}`);
}
function cliEntry(root) {
const script = process.argv[1];
if (script && /\.(c|m)?js$/.test(script) && (0, node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(script))
return script;
const bin = (0, node_path__WEBPACK_IMPORTED_MODULE_3__.join)(root, "bin", "promote.js");
if (!(0, node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)((0, node_path__WEBPACK_IMPORTED_MODULE_3__.join)(root, "dist", "cli", "index.js"))) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_7__.ConfigurationError("promote demo: dist/cli/index.js is missing; run npm run build -- cli first");
}
return bin;
}
function childEnv(env, user) {
const clean = {};
for (const [key, value] of Object.entries(env)) {
if (key.startsWith("GITHUB_") || key.startsWith("INPUT_") || key.startsWith("STATE_"))
continue;
if (key.startsWith("PROMOTE_") && key !== "PROMOTE_DEBUG")
continue;
if (key === "GIT_DIR" || key === "GIT_WORK_TREE" || key === "GIT_INDEX_FILE")
continue;
clean[key] = value;
}
return { ...clean, PROMOTE_USER: user, GIT_TERMINAL_PROMPT: "0" };
}
function seconds(ms) {
return `${(ms / 1000).toFixed(1)} s`;
}
function metric(value) {
return typeof value === "number" ? (0, _core_report_js__WEBPACK_IMPORTED_MODULE_8__.Fl)(value) : "\u2014";
}
function lastLine(text) {
return (text
.split("\n")
.map(line => line.trim())
.filter(Boolean)
.at(-1) ?? "");
}
function gutter(text) {
return text
.replace(/\n+$/, "")
.split("\n")
.map(line => `  │ ${line}`.trimEnd())
.join("\n");
}
function trainFact(run, ms) {
const { runId, state, results = {} } = run.json ?? {};
return `run ${runId} ${state} in ${seconds(ms)} · version ${results.model_version ?? "\u2014"} · accuracy ${metric(results.accuracy)} · f1 ${metric(results.f1)}`;
}
function checkFact(run, ms, expectFail) {
const document = run.json ?? {};
if (expectFail) {
const failures = document.gates?.failures ?? [];
const more = failures.length > 1 ? ` (and ${failures.length - 1} more)` : "";
return `stopped by the gates in ${seconds(ms)}, as it should be: ${failures[0] ?? lastLine(run.stderr)}${more}`;
}
const checks = document.checks ?? [];
const passed = checks.filter(c => c.verdict === "pass").map(c => c.name);
const champion = document.champion
? `compared with the champion ${document.champion.source}`
: "no champion yet: thresholds only";
return `${passed.join(", ")} passed in ${seconds(ms)} · accuracy ${metric(document.challenger?.metrics?.accuracy)} · ${champion}`;
}
function deployFact(run, ms) {
const document = run.json ?? {};
const smoke = document.smokeTest?.values ?? {};
const results = document.results ?? {};
const latency = typeof results.avg_latency === "number"
? `, mean latency ${(results.avg_latency / 1000).toFixed(1)} ms`
: "";
const restores = document.rollbackOf;
return [
`deployment #${document.deploymentId}${restores !== null && restores !== undefined ? ` restores #${restores}` : ""} ${document.status} in ${seconds(ms)}`,
`version ${document.model?.version ?? results.model_version ?? "\u2014"}`,
`smoke test ${smoke.total_tests ?? "\u2014"} requests, ${smoke.errors ?? "\u2014"} errors${latency}`,
...(document.environmentUrl ? [document.environmentUrl] : [])
].join(" \u00B7 ");
}
function historyFact(run, ms) {
const rows = Array.isArray(run.json)
? run.json
: [];
const live = rows.find(row => row.state === "success");
return `${rows.length} deployments in ${seconds(ms)}${live ? ` · live: #${live.id}, version ${live.version}${live.note ? ` (${live.note})` : ""}` : ""}`;
}
async function runDemo(options, context) {
const started = Date.now();
const out = context.stdout;
const say = (text = "") => out.write(`${text}\n`);
const root = findExamplesRoot([(0, node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)((0, node_url__WEBPACK_IMPORTED_MODULE_4__.fileURLToPath)(import.meta.url)), context.cwd]);
const bin = cliEntry(root);
const interactive = context.stdin.isTTY === true;
if (!options.yes && !interactive) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_7__.ConfigurationError("promote demo asks you to approve the staging and production deployments, and there is no terminal to ask: run it in a terminal, or pass --yes");
}
try {
(0, node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFileSync)("git", ["--version"], { stdio: "ignore" });
}
catch {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_7__.ConfigurationError("promote demo needs git on the PATH (it plays the flow in a git repository)");
}
let dir;
if (options.dir) {
dir = (0, node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(context.cwd, options.dir);
if ((0, node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(dir) && (0, node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(dir).length > 0)
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_7__.ConfigurationError(`--dir ${options.dir}: the directory is not empty`);
(0, node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)(dir, { recursive: true });
}
else {
dir = (0, node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdtempSync)((0, node_path__WEBPACK_IMPORTED_MODULE_3__.join)(context.env.TMPDIR || (0, node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), "promote-demo-"));
}
const user = "demo@promote.local";
const env = childEnv(context.env, user);
const result = {
ok: false,
dir,
deployed: [],
steps: [],
seconds: 0,
answeringSeconds: 0
};
let answeringMs = 0;
let current;
let stopped = false;
const git = (...args) => (0, node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFileSync)("git", args, { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
const promote = (args, asks) => {
if (stopped)
return Promise.reject(new DemoStopped("interrupted"));
return new Promise((resolvePromise, reject) => {
const child = (0, node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(process.execPath, [bin, ...args], {
cwd: dir,
env,
stdio: [asks && !options.yes ? "inherit" : "ignore", "pipe", "pipe"]
});
current = child;
const run = { code: 1, stdout: "", stderr: "", answeringMs: 0, json: undefined };
let askedAt;
const answered = () => {
if (askedAt === undefined)
return;
run.answeringMs += Date.now() - askedAt;
askedAt = undefined;
};
child.stdout.on("data", chunk => {
answered();
run.stdout += chunk;
});
child.stderr.on("data", chunk => {
answered();
const text = String(chunk);
run.stderr += text;
if (asks && !options.yes && run.stderr.endsWith(QUESTION_END)) {
out.write(`  ? ${run.stderr.slice(run.stderr.lastIndexOf("\n") + 1)}`);
askedAt = Date.now();
}
});
const timer = setTimeout(() => child.kill("SIGTERM"), STEP_TIMEOUT_MS);
child.on("error", reject);
child.on("close", (code, signal) => {
answered();
clearTimeout(timer);
current = undefined;
if (stopped)
return reject(new DemoStopped("interrupted"));
run.code = code ?? (signal ? 128 : 1);
const jsonLine = run.stdout.trim().split("\n").at(-1) ?? "";
try {
run.json =
jsonLine.startsWith("{") || jsonLine.startsWith("[") ? JSON.parse(jsonLine) : undefined;
}
catch {
run.json = undefined;
}
resolvePromise(run);
});
});
};
let stepNumber = 0;
const TOTAL_STEPS = 17;
const step = async (title, args, fact, { expect = "pass", asks = false } = {}) => {
stepNumber++;
const label = `${String(stepNumber).padStart(2)}/${TOTAL_STEPS} ${title}`;
const t0 = Date.now();
const run = await promote(args, asks);
answeringMs += run.answeringMs;
const ms = Date.now() - t0 - run.answeringMs;
const passed = run.code === 0;
const outcome = passed ? "passed" : `failed (exit ${run.code})`;
result.steps.push({
title,
command: `promote ${args[0]}`,
outcome: expect === "fail" && !passed ? `${outcome}, as expected` : outcome,
seconds: ms / 1000
});
if (passed !== (expect === "pass")) {
say(`✗ ${label}: ${passed ? "passed, but the demo expected it to fail" : outcome}`);
say(`  $ promote ${args.map(a => (/[\s"']/.test(a) ? JSON.stringify(a) : a)).join(" ")}`);
const output = [run.stderr, run.json === undefined ? run.stdout : ""].join("\n").trim();
if (output)
say(gutter(output));
throw new DemoStopped(`step ${stepNumber} (${title}) ${passed ? "unexpectedly passed" : `failed: ${lastLine(run.stderr)}`}`);
}
say(`✓ ${label}  ${fact(run, ms)}`);
};
const train = (title, extra = []) => step(title, ["run", "--workflow", "train", "--env", "development", "--json", ...extra], trainFact);
const exportChallenger = async (label) => {
const manifest = `artifacts/${MODEL}:challenger.yaml`;
await step(`Export ${label} as the challenger`, ["export", "--model-uri", `models:/${MODEL}@latest`, "--yes"], (_run, ms) => `wrote ${manifest} in ${seconds(ms)}, committed on development`);
git("add", "artifacts");
git("commit", "-q", "-m", `Export ${label} as the challenger`);
};
const validate = (title, expect = "pass", withTests = false) => step(title, [
"validate",
"--env",
"development",
"--json",
...(withTests ? ["--lint", "node scripts/lint.mjs", "--test", "node --test"] : [])
], (run, ms) => checkFact(run, ms, expect === "fail"), { expect });
const deployTo = async (environment, branch, from) => {
if (from) {
git("checkout", "-q", branch);
git("merge", "-q", "--no-ff", "-m", `Merge ${from} into ${branch}`, from);
}
const asks = environment !== "development";
await step(`Deploy to ${environment}${asks && options.yes ? " (approved with --yes)" : ""}`, ["deploy", "--env", environment, "--json", ...(options.yes ? ["--yes"] : [])], deployFact, { asks });
};
let failure;
try {
await (0, _signals_js__WEBPACK_IMPORTED_MODULE_9__.cancellable)(signal => {
say(`\n${signal === "SIGINT" ? "Interrupted" : `Got ${signal}`}: stopping the demo and its model servers...`);
stopped = true;
current?.kill(signal);
}, async () => {
say("promote demo: the promotion flow of promote-actions, played with the promote CLI on examples/quickstart");
say(`in ${dir} (a fresh git repository: branches development, staging and main).`);
say();
(0, node_fs__WEBPACK_IMPORTED_MODULE_1__.cpSync)((0, node_path__WEBPACK_IMPORTED_MODULE_3__.join)(root, "examples", "quickstart"), dir, {
recursive: true,
filter: source => !/[\\/](\.promote|out|data|node_modules)$/.test(source)
});
git("init", "-q");
git("symbolic-ref", "HEAD", "refs/heads/main");
git("config", "user.name", "promote demo");
git("config", "user.email", user);
git("config", "commit.gpgsign", "false");
git("add", "-A");
git("commit", "-q", "-m", "Start from examples/quickstart");
git("branch", "staging");
git("checkout", "-q", "-b", "development");
await train("Train a model on development");
await exportChallenger("version 1");
await validate("Check the challenger (lint, tests, config, gates)", "pass", true);
await deployTo("development", "development", undefined);
await deployTo("staging", "staging", "development");
await deployTo("production", "main", "staging");
git("checkout", "-q", "development");
await train("Train a second challenger (seed 3)", ["--arg", "seed=3"]);
await exportChallenger("version 2");
await validate("Check it against the champion");
await deployTo("development", "development", undefined);
await deployTo("staging", "staging", "development");
await deployTo("production", "main", "staging");
git("checkout", "-q", "development");
await train("Train a worse challenger (2 epochs)", [
"--arg",
"epochs=2",
"--arg",
"learning_rate=0.005"
]);
await exportChallenger("version 3");
await validate("Check it: the gates stop it", "fail");
git("checkout", "-q", "main");
await step(`Roll production back${options.yes ? " (approved with --yes)" : ""}`, ["rollback", "--env", "production", "--json", ...(options.yes ? ["--yes"] : [])], deployFact, { asks: true });
await step("Show the production history", ["history", "--env", "production", "--json"], historyFact);
result.ok = true;
});
}
catch (error) {
failure = error;
}
try {
result.deployed = await deployedTable(dir);
}
catch (error) {
context.stderr.write(`promote demo: could not read what is deployed: ${error.message}\n`);
}
const serversStopped = await stopServers(dir);
result.answeringSeconds = answeringMs / 1000;
result.seconds = (Date.now() - started - answeringMs) / 1000;
const took = answeringMs > 0
? `${seconds(Date.now() - started - answeringMs)} (not counting ${seconds(answeringMs)} at the approval questions)`
: seconds(Date.now() - started);
const report = {
title: result.ok ? "promote demo: the whole flow ran" : "promote demo: stopped before the end",
verdict: result.ok ? "pass" : "fail",
facts: [
["Took", took],
["Repository", options.keep || options.dir ? dir : `${dir} (removed)`],
["Model servers stopped", String(serversStopped)]
],
sections: [
{
title: "What is deployed where",
tables: [
{
columns: [
"Environment",
"Branch",
"Deployment",
"Model version",
"Accuracy",
"Endpoint",
"Answers"
],
rows: result.deployed.map(r => [
r.environment,
r.branch,
r.deployment,
r.version,
r.accuracy,
r.endpoint,
r.answers
])
}
]
}
]
};
say();
say((0, _core_report_js__WEBPACK_IMPORTED_MODULE_8__.S5)(report));
if (!options.keep && !options.dir)
(0, node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(dir, { recursive: true, force: true });
else
say(`\nThe repository is kept at ${dir} (its model servers are stopped; git log --all --graph there shows the flow).`);
if (failure && !(failure instanceof DemoStopped))
throw failure;
if (failure)
context.stderr.write(`promote demo: ${failure.message}\n`);
return result;
}
async function deployedTable(dir) {
const config = await (0, _core_config_load_js__WEBPACK_IMPORTED_MODULE_6__.loadConfig)((0, node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, "promote.yaml"));
const ledger = new _adapters_deployments_ledger_js__WEBPACK_IMPORTED_MODULE_5__.h((0, node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, _adapters_deployments_ledger_js__WEBPACK_IMPORTED_MODULE_5__.u));
const rows = [];
for (const [environment, env] of Object.entries(config.environments)) {
const live = (0, _app_history_js__WEBPACK_IMPORTED_MODULE_10__.Av)(await ledger.list(environment, { limit: 100 }));
const server = readServer(dir, environment);
let answers = "no server";
if (server) {
try {
const response = await fetch(`${server.url}/v2/models/${MODEL}/infer`, {
method: "POST",
headers: { "content-type": "application/json" },
body: JSON.stringify({
inputs: [
{ name: "input-0", shape: [1, PROBE_ROW.length], datatype: "FP32", data: PROBE_ROW }
]
}),
signal: AbortSignal.timeout(3000)
});
const body = (await response.json());
const prediction = body.outputs?.find(o => o.name === "predict")?.data[0];
answers = response.ok
? `yes: version ${body.model_version}, predicts ${prediction}`
: `HTTP ${response.status}`;
}
catch (error) {
answers = `no (${error.message})`;
}
}
rows.push({
environment,
branch: env.branch,
deployment: live
? `#${live.id}${live.payload.rollbackOf !== undefined ? ` (rollback to #${live.payload.rollbackOf})` : ""}`
: "\u2014",
version: live
? `${live.payload.modelVersion ?? "\u2014"} (${(0, _app_history_js__WEBPACK_IMPORTED_MODULE_10__.BC)(live.payload.contentHash)})`
: "\u2014",
accuracy: live?.payload.metrics.accuracy !== undefined ? String(live.payload.metrics.accuracy) : "\u2014",
endpoint: server?.url ?? "\u2014",
answers
});
}
return rows;
}
function readServer(dir, environment) {
const file = (0, node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, ".promote", "servers", `${environment}.json`);
if (!(0, node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(file))
return undefined;
try {
return JSON.parse((0, node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(file, "utf8"));
}
catch {
return undefined;
}
}
function alive(pid) {
try {
process.kill(pid, 0);
return true;
}
catch {
return false;
}
}
async function isModelServer(url) {
try {
const response = await fetch(`${url}/v2`, { signal: AbortSignal.timeout(1000) });
return (response.ok && (await response.json()).name === "promote-quickstart");
}
catch {
return false;
}
}
async function stopServers(dir) {
const serversDir = (0, node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, ".promote", "servers");
if (!(0, node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(serversDir))
return 0;
let stopped = 0;
for (const name of (0, node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(serversDir).filter(n => n.endsWith(".json"))) {
const server = readServer(dir, name.slice(0, -".json".length));
if (!server || !alive(server.pid) || !(await isModelServer(server.url)))
continue;
process.kill(server.pid, "SIGTERM");
for (let waited = 0; waited < 3000 && alive(server.pid); waited += 25)
await new Promise(r => setTimeout(r, 25));
if (alive(server.pid))
process.kill(server.pid, "SIGKILL");
stopped++;
}
return stopped;
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
