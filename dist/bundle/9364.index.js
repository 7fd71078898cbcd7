export const id = 9364;
export const ids = [9364, 4296, 8571];
export const modules = {
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
8571: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
a: () => (formatDuration),
parseDuration: () => (parseDuration)
});
var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
const UNIT_MS = { ms: 1, s: 1000, m: 60000, h: 3600000, d: 86400000 };
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;
function parseDuration(text) {
if (typeof text === "number") {
if (!Number.isFinite(text) || text < 0)
throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`invalid duration ${text}: use a number of seconds or a number with a unit, e.g. 90s, 45m, 2h`);
return text * 1000;
}
const trimmed = text.trim();
if (/^\d+(\.\d+)?$/.test(trimmed))
return Number(trimmed) * 1000;
let total = 0;
let consumed = 0;
for (const match of trimmed.matchAll(PART)) {
if (match.index !== consumed)
break;
total += Number(match[1]) * UNIT_MS[match[2]];
consumed += match[0].length;
}
if (consumed === 0 || consumed !== trimmed.length) {
throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`invalid duration '${text}': use a number with a unit, e.g. 90s, 45m, 2h, 1h30m`);
}
return total;
}
function formatDuration(ms) {
if (ms < 1000)
return `${Math.round(ms)}ms`;
const seconds = Math.round(ms / 1000);
const h = Math.floor(seconds / 3600);
const m = Math.floor((seconds % 3600) / 60);
const s = seconds % 60;
return [h ? `${h}h` : "", m ? `${m}m` : "", s || (!h && !m) ? `${s}s` : ""].join("");
}
}),
4296: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
ConfigurationError: () => (ConfigurationError),
Vw: () => (formatProblem),
XQ: () => (RefusalError),
bp: () => (describeValue),
gJ: () => (errorMessage),
p0: () => (isConfigurationError)
});
var _log_safety_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(276);
function formatProblem(problem) {
const where = [problem.file, problem.line, problem.column].filter(v => v !== undefined).join(":");
const field = problem.path ? `${problem.path}: ` : "";
if (!where)
return `${field}${problem.message}`;
return problem.line === undefined && !field
? `${where}: ${problem.message}`
: `${where} ${field}${problem.message}`;
}
class ConfigurationError extends Error {
problems;
constructor(problems, heading) {
const list = typeof problems === "string" ? [{ message: problems }] : problems;
const lines = list.map(formatProblem);
const text = lines.length === 1 && !heading
? lines[0]
: [heading ?? `${lines.length} problems`, ...lines.map(l => `  - ${l}`)].join("\n");
super(text);
this.name = "ConfigurationError";
this.problems = list;
}
}
class RefusalError extends ConfigurationError {
refusal;
constructor(refusal) {
super(`${refusal.reason}. Rule: ${refusal.rule}. Fix: ${refusal.fix}`);
this.refusal = refusal;
}
}
function isConfigurationError(error) {
return (error instanceof ConfigurationError ||
error?.name === "ConfigurationError");
}
function errorMessage(error) {
return error instanceof Error ? error.message : String(error);
}
function describeValue(value) {
if (value === null)
return "null";
if (value === undefined)
return "nothing";
if (typeof value === "string")
return `'${(0, _log_safety_js__WEBPACK_IMPORTED_MODULE_0__.g)(value.length > 40 ? `${value.slice(0, 37)}...` : value)}'`;
if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
return String(value);
if (Array.isArray(value))
return "a list";
if (value instanceof Uint8Array)
return "binary data";
if (value instanceof Date)
return "a date";
if (value instanceof Map || value instanceof Set)
return "a YAML collection with non-string keys";
return typeof value === "object" ? "a mapping" : typeof value;
}
}),
276: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
g: () => (printable),
t: () => (neutralizeWorkflowCommands)
});
const BREAK = "\u200B";
const COMMAND_START = /^(\s*)::/;
const LEGACY_COMMAND = /##\[/g;
function neutralizeWorkflowCommands(text) {
if (!text.includes("::") && !text.includes("##["))
return text;
return text
.split("\n")
.map(line => line.replace(COMMAND_START, `$1${BREAK}::`).replace(LEGACY_COMMAND, `##${BREAK}[`))
.join("\n");
}
const CONTROL = /\r\n?|\n|[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]/g;
const NAMED = { "\n": "\\n", "\r": "\\r", "\r\n": "\\r\\n" };
function printable(value) {
return value.replace(CONTROL, c => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
})
};
