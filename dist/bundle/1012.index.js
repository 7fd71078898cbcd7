export const id = 1012;
export const ids = [1012];
export const modules = {
5452: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.r(__webpack_exports__);
__webpack_require__.d(__webpack_exports__, {
post: () => (post),
run: () => (run)
});
var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7264);
var _adapters_github_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7846);
var _adapters_orchestrators_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9314);
var _adapters_orchestrators_options_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7276);
var _app_left_run_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8702);
var _core_config_load_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9168);
var _core_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4296);
var _common_log_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7127);
var _common_run_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9040);
var _common_context_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(9990);
var _inputs_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(9615);
var _common_submission_state_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(4921);
var _state_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(9189);
var _common_surfaces_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(6845);
var _core_secrets_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(8198);
async function post() {
const deploymentId = _actions_core__WEBPACK_IMPORTED_MODULE_0__.Gu(_state_js__WEBPACK_IMPORTED_MODULE_11__.c.deploymentId);
const finished = _actions_core__WEBPACK_IMPORTED_MODULE_0__.Gu(_state_js__WEBPACK_IMPORTED_MODULE_11__.c.finished) === "true";
const retryCancel = _actions_core__WEBPACK_IMPORTED_MODULE_0__.Gu(_state_js__WEBPACK_IMPORTED_MODULE_11__.c.cancelFailed) === "true";
if (!deploymentId || (finished && !retryCancel))
return;
const left = (0, _common_submission_state_js__WEBPACK_IMPORTED_MODULE_10__.Jc)(_state_js__WEBPACK_IMPORTED_MODULE_11__.c);
const clusterName = _actions_core__WEBPACK_IMPORTED_MODULE_0__.Gu(_state_js__WEBPACK_IMPORTED_MODULE_11__.c.cluster);
let cancelled = [];
let failures = [];
if ((left.runId || left.submission) && clusterName) {
try {
const config = await (0, _core_config_load_js__WEBPACK_IMPORTED_MODULE_5__.loadConfig)(_actions_core__WEBPACK_IMPORTED_MODULE_0__.Gu(_state_js__WEBPACK_IMPORTED_MODULE_11__.c.config));
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
_common_surfaces_js__WEBPACK_IMPORTED_MODULE_12__.l.setFailed(failures.join("\n"));
if (finished)
return;
const token = (0, _inputs_js__WEBPACK_IMPORTED_MODULE_9__.vA)(_actions_core__WEBPACK_IMPORTED_MODULE_0__.V4("github-token"));
if (token)
(0, _core_secrets_js__WEBPACK_IMPORTED_MODULE_13__.cl)(token);
try {
const { owner, repo } = (0, _adapters_github_index_js__WEBPACK_IMPORTED_MODULE_1__.parseRepository)(process.env.GITHUB_REPOSITORY);
const store = new _adapters_github_index_js__WEBPACK_IMPORTED_MODULE_1__.GitHubDeploymentStore((0, _adapters_github_index_js__WEBPACK_IMPORTED_MODULE_1__.createGitHubClient)(token), { owner, repo });
const context = (0, _common_context_js__WEBPACK_IMPORTED_MODULE_14__.o)(process.env);
await store.setStatus(deploymentId, "error", {
...(context.runUrl && { logUrl: context.runUrl }),
description: `The job was cancelled before the deploy finished${cancelled.length ? `; run ${cancelled.join(", ")} was cancelled` : ""}${failures.length ? "; the run could not be cancelled and may still be going" : ""}`
});
_common_log_js__WEBPACK_IMPORTED_MODULE_7__.t.info(`Deployment #${deploymentId} marked error (the job was cancelled)`);
}
catch (error) {
_common_surfaces_js__WEBPACK_IMPORTED_MODULE_12__.l.warning(`Could not mark deployment #${deploymentId} as error: ${(0, _core_errors_js__WEBPACK_IMPORTED_MODULE_6__.gJ)(error)}`);
}
}
const run = () => (0, _common_run_js__WEBPACK_IMPORTED_MODULE_8__.C)(post);
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
