export const id = 8571;
export const ids = [8571, 4296];
export const modules = {
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
