export const id = 8282;
export const ids = [8282, 8571];
export const modules = {
3184: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
Bq: () => (resolveArguments),
Ui: () => (argumentIssues),
VX: () => (locateParameters),
Wv: () => (parametersSchema)
});
var _zod_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2158);
var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
var _suggest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2085);
const PARAMETER_TYPES = [
"string",
"number",
"integer",
"boolean",
"list",
"object",
"any"
];
const TYPE_TEXT = {
string: "a string",
number: "a number",
integer: "a whole number",
boolean: "true or false",
list: "a list",
object: "a mapping",
any: "any value"
};
const isRecord = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
function hasType(type, value) {
switch (type) {
case "string":
return typeof value === "string";
case "number":
return typeof value === "number" && Number.isFinite(value);
case "integer":
return typeof value === "number" && Number.isSafeInteger(value);
case "boolean":
return typeof value === "boolean";
case "list":
return Array.isArray(value);
case "object":
return isRecord(value) && !(value instanceof Map) && !(value instanceof Set);
case "any":
return true;
}
}
function typeProblem(type, value) {
if (hasType(type, value))
return undefined;
const quote = type === "string" && (typeof value === "number" || typeof value === "boolean")
? ` (quote it to pass text: '${String(value)}')`
: "";
return `expected ${TYPE_TEXT[type]}, got ${(0, _errors_js__WEBPACK_IMPORTED_MODULE_1__.bp)(value)}${quote}`;
}
const parameterSchema = _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.rej({
type: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(_zod_js__WEBPACK_IMPORTED_MODULE_0__.k5n(PARAMETER_TYPES), "any"), "string, number (any number), integer, boolean, list, object (a mapping) or any (default)"),
required: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(_zod_js__WEBPACK_IMPORTED_MODULE_0__.zMY(), false), "The run is refused before it is submitted when no layer sets this argument"),
default: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_0__.L5J()), "Value used when no layer sets the argument (must have the declared type)"),
description: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP()), "What the argument means (for people)")
})
.check(_zod_js__WEBPACK_IMPORTED_MODULE_0__.zni((parameter, ctx) => {
if (parameter.default === undefined)
return;
const problem = typeProblem(parameter.type, parameter.default);
if (problem)
ctx.addIssue({ code: "custom", path: ["default"], message: problem });
if (parameter.required) {
ctx.addIssue({
code: "custom",
path: ["required"],
message: "a parameter with a default is never missing: drop `required: true` or the default"
});
}
})), "A declared workflow argument: its type, whether it is required, its default");
const parametersSchema = _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.g1P(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP().check(_zod_js__WEBPACK_IMPORTED_MODULE_0__.BpQ(1, "must not be empty")), parameterSchema), "Declared arguments, by name. When set, every argument given to the workflow (here, per environment, or by the `arguments` input / --arg) must be one of these, with its type");
const SUGGESTION_BUDGET = 50;
const LISTED = 12;
function listNames(names) {
const shown = names.slice(0, LISTED).join(", ");
return names.length > LISTED ? `${shown}, … (${names.length} in all)` : shown;
}
function unknownArgument(name, workflow, declared, budget) {
const hint = budget.left > 0 && name.length <= 64 ? (budget.left--, (0, _suggest_js__WEBPACK_IMPORTED_MODULE_2__.Z)(name, declared)) : undefined;
return `'${name}' is not a parameter of workflow '${workflow}'; ${hint
? `did you mean '${hint}'?`
: `declare it under workflows.${workflow}.parameters or use one of: ${listNames(declared) || "(none)"}`}`;
}
function declaredTypes(parameters) {
const types = new Map();
for (const [name, spec] of Object.entries(parameters)) {
const type = isRecord(spec) ? spec.type : undefined;
types.set(name, typeof type === "string" && PARAMETER_TYPES.includes(type)
? type
: "any");
}
return types;
}
function checkArguments(args, path, workflow, types, budget, issues) {
if (!isRecord(args))
return;
let names;
for (const [name, value] of Object.entries(args)) {
const type = types.get(name);
if (type === undefined) {
names ??= [...types.keys()];
issues.push({
path: [...path, name],
message: unknownArgument(name, workflow, names, budget)
});
continue;
}
const problem = typeProblem(type, value);
if (problem) {
issues.push({
path: [...path, name],
message: `${problem} (parameter '${name}' of workflow '${workflow}' is ${type})`
});
}
}
}
function argumentIssues(config) {
const issues = [];
if (!isRecord(config) || !isRecord(config.workflows))
return issues;
const budget = { left: SUGGESTION_BUDGET };
const declared = new Map();
for (const [workflow, spec] of Object.entries(config.workflows)) {
if (!isRecord(spec) || !isRecord(spec.parameters))
continue;
const types = declaredTypes(spec.parameters);
declared.set(workflow, types);
checkArguments(spec.arguments, ["workflows", workflow, "arguments"], workflow, types, budget, issues);
}
if (declared.size === 0 || !isRecord(config.environments))
return issues;
for (const [envName, env] of Object.entries(config.environments)) {
if (!isRecord(env) || !isRecord(env.arguments))
continue;
for (const [workflow, args] of Object.entries(env.arguments)) {
const types = declared.get(workflow);
if (types) {
const path = ["environments", envName, "arguments", workflow];
checkArguments(args, path, workflow, types, budget, issues);
}
}
}
return issues;
}
function locateParameters(config, source) {
for (const [workflow, spec] of Object.entries(config.workflows)) {
for (const [name, parameter] of Object.entries(spec.parameters ?? {})) {
let declaredAt;
Object.defineProperty(parameter, "declaredAt", {
configurable: true,
enumerable: false,
get: () => (declaredAt ??= {
file: source.file,
...source.positionOf(["workflows", workflow, "parameters", name], "key")
})
});
}
}
}
function resolveArguments(workflow, parameters, layers) {
const merged = {};
if (!parameters) {
for (const layer of layers)
Object.assign(merged, layer.values);
return merged;
}
const problems = [];
const budget = { left: SUGGESTION_BUDGET };
let names;
for (const [name, parameter] of Object.entries(parameters)) {
if (parameter.default !== undefined)
merged[name] = structuredClone(parameter.default);
}
for (const layer of layers) {
for (const [name, value] of Object.entries(layer.values)) {
const parameter = Object.hasOwn(parameters, name) ? parameters[name] : undefined;
if (!parameter) {
if (!layer.builtIn) {
names ??= Object.keys(parameters);
problems.push({
message: `argument ${unknownArgument(name, workflow, names, budget)} (from ${layer.from})`
});
continue;
}
}
else {
const problem = typeProblem(parameter.type, value);
if (problem) {
problems.push({
...(parameter.declaredAt ?? {}),
path: `workflows.${workflow}.parameters.${name}`,
message: `argument '${name}' from ${layer.from}: ${problem} (the parameter is ${parameter.type})`
});
continue;
}
}
merged[name] = value;
}
}
for (const [name, parameter] of Object.entries(parameters)) {
if (!parameter.required || merged[name] !== undefined)
continue;
problems.push({
...(parameter.declaredAt ?? {}),
path: `workflows.${workflow}.parameters.${name}`,
message: `required argument '${name}' of workflow '${workflow}' is not set: give it in workflows.${workflow}.arguments, in environments.<env>.arguments.${workflow}, or with the \`arguments\` input / --arg ${name}=...`
});
}
if (problems.length > 0) {
throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__.ConfigurationError(problems, problems.length === 1
? undefined
: `workflow '${workflow}': ${problems.length} problems with its arguments (nothing was submitted)`);
}
return merged;
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
2085: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
Z: () => (suggest)
});
function suggest(word, candidates) {
const limit = word.length <= 4 ? 1 : word.length < 9 ? 2 : 3;
const lower = word.toLowerCase();
let best;
let bestDistance = Infinity;
for (const candidate of candidates) {
const other = candidate.toLowerCase();
if (Math.abs(other.length - lower.length) > limit)
continue;
const distance = editDistance(lower, other);
if (distance < bestDistance) {
best = candidate;
bestDistance = distance;
}
}
return best !== undefined && best !== word && bestDistance <= limit ? best : undefined;
}
function editDistance(a, b) {
let before = new Uint32Array(b.length + 1);
let previous = new Uint32Array(b.length + 1);
let current = new Uint32Array(b.length + 1);
for (let j = 0; j <= b.length; j++)
previous[j] = j;
for (let i = 1; i <= a.length; i++) {
current[0] = i;
for (let j = 1; j <= b.length; j++) {
const cost = a[i - 1] === b[j - 1] ? 0 : 1;
let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
value = Math.min(value, before[j - 2] + 1);
current[j] = value;
}
;
[before, previous, current] = [previous, current, before];
}
return previous[b.length];
}
}),
2158: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
BA7: () => (withDescription),
BpQ: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.BpQ),
C: () => (withMeta),
FsL: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.FsL),
Ikc: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.Ikc),
KCZ: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.KCZ),
L5J: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.L5J),
OZ5: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.OZ5),
Rpp: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.Rpp),
Ru6: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.Ru6),
Rvf: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.Rvf),
Whr: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.Whr),
YOg: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.YOg),
YPB: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.YPB),
YjP: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.YjP),
ZnW: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.ZnW),
_H3: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__._H3),
aig: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.aig),
chJ: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.chJ),
euz: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.euz),
g1P: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.g1P),
gMt: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.gMt),
k5n: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.k5n),
lqM: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.lqM),
p6U: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.p6U),
pdi: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.pdi),
rej: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.rej),
tmp: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.tmp),
yGV: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.yGV),
yjt: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.yjt),
zMY: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.zMY),
zni: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.zni)
});
var zod_mini__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8532);
var zod_mini__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4723);
var zod_mini__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9396);
var zod_v4_locales_en_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(252);
var zod_mini__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8183);
if (!(0, zod_mini__WEBPACK_IMPORTED_MODULE_0__.$W)().localeError)
(0, zod_mini__WEBPACK_IMPORTED_MODULE_0__.$W)((0, zod_v4_locales_en_js__WEBPACK_IMPORTED_MODULE_1__.A)());
function withMeta(schema, metadata) {
const copy = (0, zod_mini__WEBPACK_IMPORTED_MODULE_3__.o8)(schema);
zod_mini__WEBPACK_IMPORTED_MODULE_4__.fd.add(copy, metadata);
return copy;
}
function withDescription(schema, description) {
return withMeta(schema, { description });
}
})
};
