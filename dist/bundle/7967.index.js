export const id = 7967;
export const ids = [7967, 8282, 8571];
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
7967: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
configSchema: () => (configSchema)
});
var _zod_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2158);
var _git_ref_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4831);
var _duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8571);
var _paths_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6107);
var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);
var _parameters_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3184);
const EVENTS = ["started", "approval-pending", "succeeded", "failed", "cancelled"];
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SECRET_PREFIXES = /^(xox[abposr]-|xapp-|ghp_|gho_|ghs_|ghu_|ghr_|github_pat_|glpat-|sk-|AKIA|eyJ)/;
const LITERAL_SECRETS = [
{ pattern: /\bxox[abposr]-[A-Za-z0-9-]{8,}/, what: "a Slack token" },
{ pattern: /\bxapp-[A-Za-z0-9-]{8,}/, what: "a Slack app token" },
{ pattern: /\b(ghp|gho|ghs|ghu|ghr)_[A-Za-z0-9]{20,}/, what: "a GitHub token" },
{ pattern: /\bgithub_pat_[A-Za-z0-9_]{20,}/, what: "a GitHub token" },
{ pattern: /\bglpat-[A-Za-z0-9_-]{16,}/, what: "a GitLab token" },
{ pattern: /\bsk-[A-Za-z0-9_-]{20,}/, what: "an API key" },
{ pattern: /\bAKIA[0-9A-Z]{16}\b/, what: "an AWS access key" },
{ pattern: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\./, what: "a JWT" },
{ pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/, what: "a private key" },
{ pattern: /hooks\.slack\.com\/(services|workflows|triggers)\//, what: "a Slack webhook URL" },
{ pattern: /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:[^/\s@]+@/i, what: "a URL with a password" },
{
pattern: /(?:^|\s)(?!(?:git\+)?ssh:)[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+@/i,
what: "a URL with credentials in its user part"
}
];
function looksLikeSecret(value) {
if (SECRET_PREFIXES.test(value) || literalSecretKind(value))
return true;
return (value.length >= 24 &&
/[a-z]/.test(value) &&
/[A-Z]/.test(value) &&
/\d/.test(value) &&
!value.includes("_"));
}
function literalSecretKind(value) {
return LITERAL_SECRETS.find(s => s.pattern.test(value))?.what;
}
const SECRET_MESSAGE = "looks like a literal secret: store it as a repository secret, pass it to the job as an environment variable, and put that variable name here (e.g. MLRUN_TOKEN)";
const secretEnv = _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.C(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP().check(_zod_js__WEBPACK_IMPORTED_MODULE_0__.zni((value, ctx) => {
if (looksLikeSecret(value))
ctx.addIssue({ code: "custom", message: SECRET_MESSAGE });
else if (!ENV_NAME.test(value)) {
ctx.addIssue({
code: "custom",
message: `'${value}' is not an environment variable name (letters, digits and _, e.g. MLRUN_TOKEN)`
});
}
})), { pattern: ENV_NAME.source }), "Name of the environment variable holding the secret (never the secret itself)");
function durationProblem(value, positive) {
if (typeof value === "number" && value < 0)
return `must not be negative, got ${value}`;
let ms;
try {
ms = (0, _duration_js__WEBPACK_IMPORTED_MODULE_1__.parseDuration)(value);
}
catch {
return `'${value}' is not a duration: use a number with a unit, e.g. 90s, 45m, 2h or 1h30m`;
}
return positive && ms <= 0 ? "must be longer than zero" : undefined;
}
const durationBase = (positive) => _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.C(_zod_js__WEBPACK_IMPORTED_MODULE_0__.KCZ([_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP(), _zod_js__WEBPACK_IMPORTED_MODULE_0__.aig()], {
error: "must be a duration such as 90s, 45m, 2h or 1h30m"
})
.check(_zod_js__WEBPACK_IMPORTED_MODULE_0__.zni((value, ctx) => {
const problem = durationProblem(value, positive);
if (problem)
ctx.addIssue({ code: "custom", message: problem });
})), { examples: ["90s", "45m", "2h", "1h30m"] }), "Duration: 90s, 45m, 2h, 1h30m, or a number of seconds");
const duration = durationBase(false);
const positiveDuration = durationBase(true);
const httpUrl = _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.OZ5({
protocol: /^https?$/,
error: issue => issue.code === "invalid_format"
? `must be an http:// or https:// URL, got ${(0, _errors_js__WEBPACK_IMPORTED_MODULE_3__.bp)(issue.input)}`
: undefined
}), "http(s) URL");
const name = _zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP().check(_zod_js__WEBPACK_IMPORTED_MODULE_0__.BpQ(1, "must not be empty"));
const jsonValue = _zod_js__WEBPACK_IMPORTED_MODULE_0__.L5J();
const argumentsMap = _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.g1P(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP(), jsonValue), "Workflow arguments (any JSON values)");
const projectSecretKey = _zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP().check(_zod_js__WEBPACK_IMPORTED_MODULE_0__.zni((value, ctx) => {
if (looksLikeSecret(value))
ctx.addIssue({ code: "custom", message: SECRET_NAME_MESSAGE });
else if (!/^[-._a-zA-Z0-9]{1,253}$/.test(value))
ctx.addIssue({
code: "custom",
message: `'${value}' is not a secret key name (letters, digits, '-', '_' and '.', e.g. PROMOTE_GITHUB_DISPATCH)`
});
}));
const kubernetesName = _zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP().check(_zod_js__WEBPACK_IMPORTED_MODULE_0__.zni((value, ctx) => {
if (looksLikeSecret(value))
ctx.addIssue({ code: "custom", message: SECRET_NAME_MESSAGE });
else if (value.length > 253 ||
!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(value))
ctx.addIssue({
code: "custom",
message: `'${value}' is not a Kubernetes name (lowercase letters, digits, '-' and '.')`
});
}));
const SECRET_NAME_MESSAGE = "looks like a literal secret: name the secret that holds the token here, never the token";
const callbackApiUrl = _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(httpUrl), "GitHub REST API URL the orchestrator calls (default: the submitting run's GITHUB_API_URL, https://api.github.com on github.com)");
const mlrunCallback = _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.rej({
tokenSecret: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(projectSecretKey, "Key of an MLRun project secret whose value is the JSON {\"headers\": {\"Authorization\": \"Bearer <token>\"}}: the run notification's secret_params name it ({\"secret\": key}), so the token never travels in the submit request; the token needs Contents: write (fine-grained) or repo scope"),
apiUrl: callbackApiUrl
}), "Detached runs: a webhook run notification that sends the repository_dispatch 'promote-training-finished' when the workflow runner ends (completed, error or aborted)");
const argoCallback = _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.rej({
tokenSecret: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(kubernetesName, "Kubernetes Secret (in the cluster's namespace) holding the GitHub token, read by the exit handler's container through secretKeyRef; the token needs Contents: write (fine-grained) or repo scope"),
tokenKey: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP()
.check(_zod_js__WEBPACK_IMPORTED_MODULE_0__.yGV(/^[-._a-zA-Z0-9]+$/, "must be a Secret data key (letters, digits, '-', '_' and '.')")), "token"), "Key of the token in that Secret"),
template: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(kubernetesName, "promote-callback"), "WorkflowTemplate holding the exit handler (docs/argo-callback.yaml has it): a Workflow referring to a WorkflowTemplate may not carry templates of its own (workflow/validate/validate.go WorkflowTemplateRefFields)"),
entrypoint: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP().check(_zod_js__WEBPACK_IMPORTED_MODULE_0__.BpQ(1)), "dispatch"), "Template of that WorkflowTemplate the exit hook runs"),
clusterScope: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(_zod_js__WEBPACK_IMPORTED_MODULE_0__.zMY(), false), "The callback template is a ClusterWorkflowTemplate"),
apiUrl: callbackApiUrl
}), "Detached runs: an exit hook (spec.hooks.exit) on the Workflow that POSTs the repository_dispatch 'promote-training-finished' when the workflow ends, whatever its phase");
const mlrunCluster = _zod_js__WEBPACK_IMPORTED_MODULE_0__.rej({
kind: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.euz("mlrun"), "MLRun (runs project workflows through the MLRun API)"),
url: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(httpUrl, "MLRun API URL, e.g. https://mlrun-api.default-tenant.app.example.com"),
uiUrl: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(httpUrl), "MLRun UI URL for run links (default: the API URL)"),
tokenEnv: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(secretEnv), "Bearer token environment variable"),
usernameEnv: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(secretEnv), "Iguazio username environment variable (Basic auth with accessKeyEnv)"),
accessKeyEnv: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(secretEnv), "Iguazio access key environment variable (V3IO_ACCESS_KEY)"),
source: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP()), "Project source loaded by the runner, e.g. git://github.com/org/repo#{branch}; '{branch}' becomes the environment's branch"),
artifactPath: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP()), "Where the runner writes artifacts"),
clientVersion: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP(), "1.7.0"), "Sent as x-mlrun-client-version"),
createProject: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(_zod_js__WEBPACK_IMPORTED_MODULE_0__.zMY(), true), "Create an environment's project when it does not exist (as mlrun.get_or_create_project), with the source, artifact path and the workflows that have a path; false fails with the fix instead"),
callback: _zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(mlrunCallback)
});
const kfpCluster = _zod_js__WEBPACK_IMPORTED_MODULE_0__.rej({
kind: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.euz("kfp"), "Kubeflow Pipelines v2"),
url: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(httpUrl, "Kubeflow Pipelines API URL (the ml-pipeline service or its ingress)"),
uiUrl: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(httpUrl), "KFP UI URL for run links (default: the API URL)"),
tokenEnv: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(secretEnv), "Bearer token environment variable"),
experimentId: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP()), "Experiment the runs are filed under"),
namespace: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP()), "Kubernetes namespace (multi-user KFP)")
});
const argoCluster = _zod_js__WEBPACK_IMPORTED_MODULE_0__.rej({
kind: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.euz("argo"), "Argo Workflows (WorkflowTemplates)"),
url: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(httpUrl, "Argo Server URL"),
uiUrl: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(httpUrl), "Argo UI URL for run links (default: the server URL)"),
namespace: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP(), "argo"), "Namespace of the WorkflowTemplates and Workflows"),
tokenEnv: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(secretEnv), "Bearer token environment variable"),
callback: _zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(argoCallback)
});
const commandCluster = _zod_js__WEBPACK_IMPORTED_MODULE_0__.rej({
kind: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.euz("command"), "Any CLI run on the runner (or your laptop)"),
cwd: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP()), "Working directory of the commands (default: the repository root)"),
env: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_0__.g1P(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP(), _zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP())), "Extra environment variables (not secrets)")
});
const CLUSTER_KINDS = (null && (["mlrun", "kfp", "argo", "command"]));
const clusterSchema = _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.gMt("kind", [mlrunCluster, kfpCluster, argoCluster, commandCluster]), "An orchestrator: kind mlrun, kfp, argo or command (any CLI, or local)");
const workflowSchema = _zod_js__WEBPACK_IMPORTED_MODULE_0__.rej({
name: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP()), "Remote workflow / pipeline / WorkflowTemplate name (default: the key)"),
path: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP().check(_zod_js__WEBPACK_IMPORTED_MODULE_0__.BpQ(1, "must not be empty"))), "MLRun: the workflow file in the project source, as project_setup.py's set_workflow (e.g. src/workflows/train_workflow.py); sent with each submit and used when promote-actions creates the project"),
command: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_0__.KCZ([
_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP().check(_zod_js__WEBPACK_IMPORTED_MODULE_0__.BpQ(1, "must not be empty")),
_zod_js__WEBPACK_IMPORTED_MODULE_0__.YOg(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP()).check(_zod_js__WEBPACK_IMPORTED_MODULE_0__.BpQ(1, "needs at least the program name"))
])), "Command line for `command` clusters, e.g. python project_run.py --workflow-name train"),
pipelineId: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP()), "KFP pipeline id (default: resolved by name)"),
pipelineVersionId: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP()), "KFP pipeline version id (default: the latest)"),
arguments: _zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(argumentsMap, {}),
parameters: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_parameters_js__WEBPACK_IMPORTED_MODULE_4__.Wv), "Declared arguments, by name, e.g. {source_url: {type: string, required: true}, test_size: {type: number, default: 0.2}}; when set, every argument of this workflow must be one of them, with its type"),
timeout: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(positiveDuration, "60m"), "How long to wait before cancelling the remote run")
});
const THRESHOLDS = ["min", "max", "maxDrop", "maxRelativeDrop"];
const gateFields = {
better: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.k5n(["higher", "lower"]), "Which direction of the metric is better (default: higher)"),
min: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_0__.aig()), "Fail below this value"),
max: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_0__.aig()), "Fail above this value"),
maxDrop: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_0__.aig().check(_zod_js__WEBPACK_IMPORTED_MODULE_0__.ZnW())), "Largest allowed worsening against the champion, absolute"),
maxRelativeDrop: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_0__.aig().check(_zod_js__WEBPACK_IMPORTED_MODULE_0__.ZnW())), "Largest allowed worsening against the champion, as a fraction (0.05 = 5%)")
};
const minNotAboveMax = (rule) => rule.min === undefined || rule.max === undefined || rule.min <= rule.max;
const gateRule = _zod_js__WEBPACK_IMPORTED_MODULE_0__.rej({ ...gateFields, better: _zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(gateFields.better, "higher") })
.check(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YPB(minNotAboveMax, { message: "min must not exceed max", path: ["min"] }), _zod_js__WEBPACK_IMPORTED_MODULE_0__.YPB(rule => THRESHOLDS.some(t => rule[t] !== undefined), {
message: `set at least one of ${THRESHOLDS.join(", ")}`
}));
const gateOverride = _zod_js__WEBPACK_IMPORTED_MODULE_0__.rej({ ...gateFields, better: _zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(gateFields.better) })
.check(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YPB(minNotAboveMax, { message: "min must not exceed max", path: ["min"] }));
const gatesSchema = _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.g1P(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP(), gateRule), "Metric gates, by metric name");
const gateOverridesSchema = _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.g1P(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP(), gateOverride), "Gate overrides for this environment, by metric name (merged over `gates`)");
const approvalSchema = _zod_js__WEBPACK_IMPORTED_MODULE_0__.rej({
distinctApprover: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(_zod_js__WEBPACK_IMPORTED_MODULE_0__.zMY(), false), "Refuse an approval given by the actor who triggered the run"),
allowUnprotected: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(_zod_js__WEBPACK_IMPORTED_MODULE_0__.zMY(), false), "Accept the risk of deploying to an environment without required reviewers (private repos without GitHub Enterprise)")
});
const environmentSchema = _zod_js__WEBPACK_IMPORTED_MODULE_0__.rej({
branch: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(name.check(_zod_js__WEBPACK_IMPORTED_MODULE_0__.zni((value, ctx) => {
const problem = value ? (0, _git_ref_js__WEBPACK_IMPORTED_MODULE_5__.h)(value) : undefined;
if (problem)
ctx.addIssue({ code: "custom", message: `not a git branch name: ${problem}` });
})), "Git branch this environment deploys from"),
cluster: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(name, "Name of the cluster (under `clusters`) this environment uses"),
requireApproval: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_0__.zMY()), "Require a GitHub environment approval (default: true for every environment but the first)"),
fourEyes: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(_zod_js__WEBPACK_IMPORTED_MODULE_0__.zMY(), false), "Four-eyes rule: the approver is neither the merged pull request's author nor its merger (without a pull request, not who triggered the run)"),
url: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(httpUrl), "URL shown on the GitHub deployment"),
arguments: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(_zod_js__WEBPACK_IMPORTED_MODULE_0__.g1P(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP(), argumentsMap), {}), "Per-workflow argument overrides, e.g. {deploy: {replicas: 3}}"),
projectSuffix: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP()), "Appended to the project name, e.g. -staging"),
userProject: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_0__.zMY()), "MLRun user_project=True: append '-<user>' to the project name (after projectSuffix), the user being the cluster's usernameEnv value normalised as MLRun does (the seed's staging/master in --single-cluster-mode)"),
source: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP()), "Project source for this environment (MLRun), overriding the cluster's `source`"),
gates: _zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(gateOverridesSchema)
});
const registrySchema = _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.gMt("kind", [
_zod_js__WEBPACK_IMPORTED_MODULE_0__.rej({
kind: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.euz("mlrun"), "The MLRun artifact store of an mlrun cluster"),
cluster: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP()), "MLRun cluster to read (default: the first mlrun cluster)")
}),
_zod_js__WEBPACK_IMPORTED_MODULE_0__.rej({
kind: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.euz("mlflow"), "An MLflow model registry"),
url: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(httpUrl, "MLflow tracking server URL"),
tokenEnv: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(secretEnv), "Bearer token environment variable"),
usernameEnv: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(secretEnv), "Basic auth username environment variable"),
passwordEnv: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(secretEnv), "Basic auth password environment variable")
}),
_zod_js__WEBPACK_IMPORTED_MODULE_0__.rej({
kind: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.euz("file"), "A registry in a local directory (tests, demos, the CLI)"),
path: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP(), ".promote/registry"), "Directory of the local registry")
})
]), "Where model versions, tags and aliases live: mlrun, mlflow or a local file registry");
const tagName = _zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP()
.check(_zod_js__WEBPACK_IMPORTED_MODULE_0__.yGV(/^[A-Za-z0-9_-]+$/, "must be letters, digits, '-' or '_' (it names files, MLRun tags and MLflow aliases)"));
const modelSchema = _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.rej({
name: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(name.check(_zod_js__WEBPACK_IMPORTED_MODULE_0__.yGV(_paths_js__WEBPACK_IMPORTED_MODULE_2__.px, _paths_js__WEBPACK_IMPORTED_MODULE_2__.BE)), "Registry key / registered model name, e.g. model"),
registry: _zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(registrySchema, { kind: "file", path: ".promote/registry" }),
exportDir: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP().check(_zod_js__WEBPACK_IMPORTED_MODULE_0__.BpQ(1, "must not be empty"), _zod_js__WEBPACK_IMPORTED_MODULE_0__.zni((dir, ctx) => {
const problem = (0, _paths_js__WEBPACK_IMPORTED_MODULE_2__.Vf)(dir);
if (problem)
ctx.addIssue({ code: "custom", message: problem });
})), "artifacts"), "Where exported manifests are committed: a directory inside the repository, relative to its root"),
challengerTag: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(tagName, "challenger"), "Tag (or alias) of the model under review"),
championTag: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(tagName, "champion"), "Tag (or alias) of the model in production")
}), "The model being promoted");
const eventList = _zod_js__WEBPACK_IMPORTED_MODULE_0__.YOg(_zod_js__WEBPACK_IMPORTED_MODULE_0__.k5n(EVENTS))
.check(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YPB(events => new Set(events).size === events.length, { message: "lists an event twice" }));
const notificationsSchema = _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.rej({
slack: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_0__.rej({
channel: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP().check(_zod_js__WEBPACK_IMPORTED_MODULE_0__.BpQ(1))), "Channel id or name (bot token mode)"),
tokenEnv: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(secretEnv), "Bot token environment variable (xoxb-...)"),
webhookEnv: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(secretEnv), "Incoming webhook URL environment variable"),
events: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(eventList, [...EVENTS]), `Events to post: ${EVENTS.join(", ")}`),
mentionOnFailure: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP()), "User group id (S0123ABC) mentioned on failure")
})), "Slack: a bot token and channel, or an incoming webhook"),
email: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_0__.rej({
to: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YOg(_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rpp("must be an email address"))
.check(_zod_js__WEBPACK_IMPORTED_MODULE_0__.BpQ(1, "needs at least one recipient")), "Recipients"),
from: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rpp("must be an email address"), "promote-actions@localhost"), "Sender address"),
smtpUrlEnv: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(secretEnv, "Environment variable holding the SMTP URL, e.g. smtps://user:pass@host:465"),
events: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(eventList, ["failed"]), `Events to mail: ${EVENTS.join(", ")}`)
})), "Email through an SMTP server")
}), "Where run events are announced");
const deploymentSchema = _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.rej({
workflow: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP(), "deploy"), "Workflow (under `workflows`) that deploys a model"),
approval: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(approvalSchema, { distinctApprover: false, allowUnprotected: false }), "Rules for GitHub environment approvals"),
sameArtifact: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(_zod_js__WEBPACK_IMPORTED_MODULE_0__.zMY(), true), "Refuse a promotion unless the same manifest hash succeeded in the previous environment"),
updateChampion: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(_zod_js__WEBPACK_IMPORTED_MODULE_0__.zMY(), false), "After a successful deploy to the last environment, move the champion tag/alias to it"),
smokeTest: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(_zod_js__WEBPACK_IMPORTED_MODULE_0__.rej({
step: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(name), "The deploy workflow's step that reports the smoke test (total_tests, errors, match, latencies), e.g. model-server-tester: its results are read, and a deploy where it did not run or reported nothing fails")
}), {}), "Where the smoke-test results of the deploy workflow come from")
}), "How deployments are approved and recorded");
const configObject = _zod_js__WEBPACK_IMPORTED_MODULE_0__.rej({
$schema: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP()), "JSON Schema of this file, for editors"),
project: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(name, "Project name (the MLRun project, the KFP experiment prefix, ...)"),
model: modelSchema,
clusters: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(_zod_js__WEBPACK_IMPORTED_MODULE_0__.g1P(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP(), clusterSchema), { local: { kind: "command" } }), "Orchestrators, by name (default: one `command` cluster named local)"),
environments: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.g1P(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP(), environmentSchema).check(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YPB(envs => Object.keys(envs).length > 0, {
message: "define at least one environment"
})), "Environments in promotion order, e.g. development, staging, production"),
workflows: _zod_js__WEBPACK_IMPORTED_MODULE_0__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(_zod_js__WEBPACK_IMPORTED_MODULE_0__.g1P(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP(), workflowSchema), {}), "Workflows, by name (train, deploy, ...)"),
gates: _zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(gatesSchema, {}),
deployment: _zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(deploymentSchema, {
workflow: "deploy",
approval: { distinctApprover: false, allowUnprotected: false },
sameArtifact: true,
updateChampion: false,
smokeTest: {}
}),
notifications: _zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(notificationsSchema, {})
});
const isRecord = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
const entries = (value) => isRecord(value)
? Object.entries(value).filter(([, v]) => isRecord(v))
: [];
const listOf = (names, shown = 10) => names.length === 0
? "(none)"
: names.length <= shown
? names.join(", ")
: `${names.slice(0, shown).join(", ")} and ${names.length - shown} more`;
function crossReferenceIssues(config) {
const issues = [];
if (!isRecord(config))
return issues;
const clustersValid = config.clusters === undefined || isRecord(config.clusters);
const clusters = isRecord(config.clusters) ? config.clusters : {};
const workflows = isRecord(config.workflows) ? config.workflows : {};
const clusterNames = Object.keys(clusters);
const workflowNames = Object.keys(workflows);
const gates = isRecord(config.gates) ? config.gates : {};
const branches = new Map();
let commandEnvironment;
const userProjectEnvironments = Object.create(null);
for (const [envName, env] of entries(config.environments)) {
if (clustersValid &&
typeof env.cluster === "string" &&
env.cluster &&
!Object.hasOwn(clusters, env.cluster)) {
issues.push({
path: ["environments", envName, "cluster"],
message: `unknown cluster '${env.cluster}'; defined: ${listOf(clusterNames)}`
});
}
if (typeof env.branch === "string") {
const other = branches.get(env.branch);
if (other !== undefined) {
issues.push({
path: ["environments", envName, "branch"],
message: `branch '${env.branch}' already deploys to '${other}'; each environment needs its own branch`
});
}
else
branches.set(env.branch, envName);
}
for (const workflowName of isRecord(env.arguments) ? Object.keys(env.arguments) : []) {
if (!Object.hasOwn(workflows, workflowName)) {
issues.push({
path: ["environments", envName, "arguments", workflowName],
message: `unknown workflow '${workflowName}'; defined: ${listOf(workflowNames)}`
});
}
}
for (const [metric, rule] of entries(env.gates)) {
if (!Object.hasOwn(gates, metric) && !THRESHOLDS.some(t => rule[t] !== undefined)) {
issues.push({
path: ["environments", envName, "gates", metric],
message: `'${metric}' has no global gate, so this override needs one of ${THRESHOLDS.join(", ")}`
});
}
}
const cluster = isRecord(env.cluster === undefined ? undefined : clusters[String(env.cluster)])
? clusters[String(env.cluster)]
: undefined;
if (cluster?.kind === "command" && commandEnvironment === undefined)
commandEnvironment = { envName, clusterName: String(env.cluster) };
if (env.userProject === true && typeof env.cluster === "string")
(userProjectEnvironments[env.cluster] ??= []).push(envName);
}
if (commandEnvironment) {
for (const [workflowName, workflow] of entries(workflows)) {
if (workflow.command === undefined) {
issues.push({
path: ["workflows", workflowName, "command"],
message: `environment '${commandEnvironment.envName}' runs on command cluster '${commandEnvironment.clusterName}', so this workflow needs a command`
});
}
}
}
for (const [clusterName, cluster] of entries(clusters)) {
if (cluster.kind === "mlrun" &&
(cluster.usernameEnv === undefined) !== (cluster.accessKeyEnv === undefined)) {
issues.push({
path: [
"clusters",
clusterName,
cluster.usernameEnv === undefined ? "usernameEnv" : "accessKeyEnv"
],
message: "Basic auth needs both usernameEnv and accessKeyEnv"
});
}
if (cluster.kind === "mlrun" && cluster.usernameEnv === undefined) {
for (const envName of userProjectEnvironments[clusterName] ?? []) {
issues.push({
path: ["environments", envName, "userProject"],
message: `MLRun appends the user name (V3IO_USERNAME) to the project: cluster '${clusterName}' needs usernameEnv naming the variable that holds it`
});
}
}
if (cluster.kind === "mlrun" &&
cluster.tokenEnv !== undefined &&
cluster.accessKeyEnv !== undefined) {
issues.push({
path: ["clusters", clusterName, "tokenEnv"],
message: "choose one: tokenEnv (bearer) or usernameEnv/accessKeyEnv (basic)"
});
}
if (cluster.kind === "command") {
for (const [variable, value] of Object.entries(isRecord(cluster.env) ? cluster.env : {})) {
if (typeof value === "string" &&
value &&
/(TOKEN|SECRET|PASSWORD|PASSWD|ACCESS_KEY|API_KEY)/i.test(variable)) {
issues.push({
path: ["clusters", clusterName, "env", variable],
message: `${variable} looks like a secret: set it from a repository secret in the workflow's env, not in promote.yaml`
});
}
}
}
}
if (typeof config.project === "string" && config.project) {
const badProjects = new Map();
for (const [envName, env] of entries(config.environments)) {
const cluster = typeof env.cluster === "string" && Object.hasOwn(clusters, env.cluster)
? clusters[env.cluster]
: undefined;
if (!isRecord(cluster) || cluster.kind !== "mlrun")
continue;
const suffix = typeof env.projectSuffix === "string" ? env.projectSuffix : undefined;
const projectName = `${config.project}${suffix ?? ""}`;
if (/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(projectName) && projectName.length <= 63)
continue;
const path = suffix === undefined ? ["project"] : ["environments", envName, "projectSuffix"];
const key = path.join(".");
const entry = badProjects.get(key) ?? { path, name: projectName, envs: [] };
entry.envs.push(envName);
badProjects.set(key, entry);
}
for (const { path, name: projectName, envs } of badProjects.values()) {
issues.push({
path,
message: `MLRun project '${projectName}' (${envs.length === 1 ? "environment" : "environments"} ${envs.join(", ")}) must be at most 63 lowercase letters, digits and inner dashes`
});
}
}
const model = isRecord(config.model) ? config.model : {};
const registry = isRecord(model.registry) ? model.registry : undefined;
if (registry?.kind === "mlrun") {
const mlrunClusters = entries(clusters)
.filter(([, c]) => c.kind === "mlrun")
.map(([n]) => n);
if (typeof registry.cluster === "string") {
if (clusters[registry.cluster]?.kind !== "mlrun") {
issues.push({
path: ["model", "registry", "cluster"],
message: `'${registry.cluster}' is not an mlrun cluster; mlrun clusters: ${listOf(mlrunClusters)}`
});
}
}
else if (mlrunClusters.length === 0) {
issues.push({
path: ["model", "registry"],
message: "an mlrun registry needs an mlrun cluster under `clusters`"
});
}
}
if ((model.challengerTag ?? "challenger") === (model.championTag ?? "champion")) {
issues.push({
path: ["model", "championTag"],
message: "the champion and challenger tags must differ"
});
}
const deployment = isRecord(config.deployment) ? config.deployment : {};
const deployWorkflow = typeof deployment.workflow === "string" ? deployment.workflow : "deploy";
if (workflowNames.length > 0 && !Object.hasOwn(workflows, deployWorkflow)) {
issues.push({
path: ["deployment", "workflow"],
message: `no workflow '${deployWorkflow}' under \`workflows\` deploys the model (deployment.workflow, default 'deploy'); defined: ${listOf(workflowNames)}`
});
}
const notifications = isRecord(config.notifications) ? config.notifications : {};
const slack = isRecord(notifications.slack) ? notifications.slack : undefined;
if (slack && slack.tokenEnv === undefined && slack.webhookEnv === undefined) {
issues.push({
path: ["notifications", "slack"],
message: "set tokenEnv (bot token) or webhookEnv (incoming webhook)"
});
}
if (slack && slack.tokenEnv !== undefined && slack.channel === undefined) {
issues.push({
path: ["notifications", "slack", "channel"],
message: "bot token mode needs a channel"
});
}
issues.push(...(0, _parameters_js__WEBPACK_IMPORTED_MODULE_4__.Ui)(config));
walkStrings(config, [], (value, path) => {
const last = String(path[path.length - 1]);
if (path[0] === "$schema" || last.endsWith("Env") || last === "tokenSecret")
return;
const kind = literalSecretKind(value);
if (kind) {
issues.push({
path,
message: `contains ${kind}: secrets are never literal in promote.yaml; store it as a repository secret and name its environment variable in a ...Env field`
});
}
});
return issues;
}
function walkStrings(value, path, visit) {
if (typeof value === "string")
visit(value, path);
else if (Array.isArray(value))
value.forEach((item, i) => walkStrings(item, [...path, i], visit));
else if (isRecord(value))
for (const [key, item] of Object.entries(value))
walkStrings(item, [...path, key], visit);
}
function withDerivedDefaults(config) {
const environments = Object.fromEntries(Object.entries(config.environments).map(([envName, env], index) => [
envName,
{ ...env, requireApproval: env.requireApproval ?? index > 0 }
]));
return { ...config, environments };
}
const configSchema = _zod_js__WEBPACK_IMPORTED_MODULE_0__.FsL(configObject.check(_zod_js__WEBPACK_IMPORTED_MODULE_0__.zni((config, ctx) => {
for (const issue of crossReferenceIssues(config))
ctx.addIssue({ code: "custom", ...issue });
}, { when: () => true })), _zod_js__WEBPACK_IMPORTED_MODULE_0__.pdi(withDerivedDefaults));
const CONFIG_KEYS = Object.keys(configObject.shape);
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
4831: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
h: () => (branchNameProblem)
});
const FORBIDDEN_CHARACTERS = /[\x00-\x20\x7f~^:?*[\\]/;
function branchNameProblem(name) {
if (name === "")
return "must not be empty";
if (name.startsWith("-"))
return "must not start with '-' (git would read it as an option)";
if (name === "@")
return "must not be '@'";
if (FORBIDDEN_CHARACTERS.test(name))
return "must not contain spaces, control characters or any of ~ ^ : ? * [ \\";
if (name.includes(".."))
return "must not contain '..'";
if (name.includes("@{"))
return "must not contain '@{'";
if (name.startsWith("/") || name.endsWith("/") || name.includes("//"))
return "must not start or end with '/' or contain '//'";
if (name.endsWith("."))
return "must not end with '.'";
for (const component of name.split("/")) {
if (component.startsWith("."))
return "no part between slashes may start with '.'";
if (component.endsWith(".lock"))
return "no part between slashes may end with '.lock'";
}
return undefined;
}
}),
6107: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
BE: () => (MODEL_KEY_RULE),
FK: () => (isInside),
Vf: () => (outsideRepositoryProblem),
fd: () => (isYamlName),
px: () => (MODEL_KEY_PATTERN),
sg: () => (isHiddenName),
sv: () => (modelKeyProblem)
});
var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
var node_path__WEBPACK_IMPORTED_MODULE_0___default = __webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
function isHiddenName(name) {
return name.startsWith(".");
}
function isYamlName(name) {
return /\.ya?ml$/.test(name);
}
const MODEL_KEY_PATTERN = /^(?!\.)[^/\\:\s\x00-\x1f\x7f]+$/;
const MODEL_KEY_RULE = "must not start with '.' or contain '/', '\\', ':', spaces or control characters (it names the exported file <name>:<tag>.yaml)";
function modelKeyProblem(key) {
if (key === "")
return "must not be empty";
return MODEL_KEY_PATTERN.test(key) ? undefined : MODEL_KEY_RULE;
}
function outsideRepositoryProblem(path) {
if (path.includes("\0"))
return "must not contain NUL characters";
if (node_path__WEBPACK_IMPORTED_MODULE_0__.posix.isAbsolute(path) || node_path__WEBPACK_IMPORTED_MODULE_0__.win32.isAbsolute(path))
return "must be a path relative to the repository root, not an absolute path";
const normal = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(path.replace(/\\/g, "/"));
if (normal === ".." || normal.startsWith("../"))
return "must stay inside the repository ('..' leads out of it)";
return undefined;
}
function isInside(root, path) {
const rest = (0, node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(root, path);
return rest === "" || (rest !== ".." && !rest.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_0__.sep}`) && !(0, node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(rest));
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
