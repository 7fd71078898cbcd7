export const id = 9142;
export const ids = [9142];
export const modules = {
5423: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
LX: () => (createGitHubClient),
OS: () => (GitHubApiError),
SU: () => (parseRepository),
Vu: () => (toGitHubApiError)
});
var _http_client_deferred_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2902);
var _http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3618);
var _core_secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8198);
class GitHubApiError extends Error {
status;
endpoint;
githubMessage;
ambiguous;
constructor(message, status, endpoint, githubMessage, ambiguous = false) {
super(message);
this.status = status;
this.endpoint = endpoint;
this.githubMessage = githubMessage;
this.ambiguous = ambiguous;
this.name = "GitHubApiError";
}
}
const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH"]);
const CONNECTION_NEVER_MADE = new Set([
"ECONNREFUSED",
"ENOTFOUND",
"EAI_AGAIN",
"ENETUNREACH",
"EHOSTUNREACH"
]);
function permissionFor(method, route) {
const access = method.toUpperCase() === "GET" ? "read" : "write";
if (/\/deployments/.test(route))
return `deployments: ${access}`;
if (/\/actions\//.test(route))
return `actions: read`;
if (/\/environments/.test(route) && access === "read")
return `actions: read`;
if (/\/pulls/.test(route))
return `pull-requests: ${access}`;
if (/\/issues\//.test(route))
return `pull-requests: ${access}` + (access === "write" ? " (or issues: write on issues)" : "");
if (/\/(contents|commits|git|branches)/.test(route))
return `contents: ${access}`;
return undefined;
}
function errorCode(error) {
let current = error;
for (let depth = 0; depth < 4 && current; depth++) {
const code = current.code;
if (typeof code === "string")
return code;
current = current.cause;
}
return undefined;
}
function headerValue(headers, name) {
const value = headers?.[name];
return value === undefined ? undefined : String(value);
}
function acceptedPermissions(header) {
if (!header)
return undefined;
const sets = header
.split(";")
.map(set => set
.split(",")
.map(pair => pair.trim())
.filter(Boolean)
.map(pair => {
const [name = "", level = ""] = pair.split("=");
return `${name.trim().replace(/_/g, "-")}: ${level.trim()}`;
})
.join(", "))
.filter(Boolean);
return sets.length > 0 ? sets.join(" or ") : undefined;
}
function githubMessageOf(error) {
const data = error.response?.data;
if (data && typeof data.message === "string") {
const details = Array.isArray(data.errors)
? data.errors
.map(e => typeof e === "string" ? e : (e.message ?? JSON.stringify(e)))
.join("; ")
: "";
return details ? `${data.message}: ${details}` : data.message;
}
return (error.message ?? "unknown error").replace(/ - https:\/\/docs\.github\.com\S*$/, "");
}
function hintFor(status, method, route, message, accepted) {
const permission = accepted ?? permissionFor(method, route);
switch (status) {
case undefined:
return "GitHub could not be reached: check the network, and GITHUB_API_URL on GitHub Enterprise Server.";
case 401:
return "The token is missing, invalid or expired: pass a valid github-token (the workflow\u2019s GITHUB_TOKEN or a token with access to this repository).";
case 403:
if (/rate limit/i.test(message))
return "GitHub\u2019s rate limit was exceeded: retry later or use a token with a higher limit.";
if (/not permitted to create or approve pull requests/i.test(message)) {
return "Allow it under Settings > Actions > General > \"Allow GitHub Actions to create and approve pull requests\", or pass a token of a user or GitHub App.";
}
return [
permission
? `The token lacks the permission this needs: add \`permissions: { ${permission} }\` to the job.`
: "The token lacks the permission this needs.",
"On pull requests from forks the GITHUB_TOKEN is read-only whatever the workflow asks for."
].join(" ");
case 404:
return `Check the repository, the names and ids in the request${permission ? `, and that the token may read it (\`${permission}\`)` : ""}: GitHub answers 404 rather than 403 when a token cannot see a private repository.`;
case 409:
return "GitHub refused because of a conflict (for deployments: commit status checks that are not green, or a merge conflict).";
case 422:
return "GitHub rejected the request\u2019s content (see its message).";
default:
return status >= 500
? "GitHub had a server error: retry the job; see https://www.githubstatus.com."
: "";
}
}
function redact(text, token) {
return _core_secrets_js__WEBPACK_IMPORTED_MODULE_1__.O3.scrub(token ? text.split(token).join("***") : text);
}
const REQUEST_PLUMBING = new Set(["method", "url", "baseUrl", "headers", "request", "mediaType"]);
function scrubRequest(options) {
for (const [key, value] of Object.entries(options)) {
if (!REQUEST_PLUMBING.has(key))
options[key] = _core_secrets_js__WEBPACK_IMPORTED_MODULE_1__.O3.scrubValue(value);
}
}
function toGitHubApiError(error, method, route, token = "") {
if (error instanceof GitHubApiError)
return error;
const e = error;
const reached = e.response !== undefined;
const status = reached ? e.status : undefined;
const githubMessage = redact(reached ? githubMessageOf(e) : (e.message ?? String(error)), token);
const endpoint = `${method.toUpperCase()} ${route}`;
const accepted = acceptedPermissions(headerValue(e.response?.headers, "x-accepted-github-permissions"));
const hint = hintFor(status, method, route, githubMessage, accepted);
const what = reached ? `${status} ${githubMessage}` : `no response (${githubMessage})`;
const ambiguous = !IDEMPOTENT.has(method.toUpperCase()) &&
(reached ? (status ?? 0) >= 500 : !CONNECTION_NEVER_MADE.has(errorCode(error) ?? ""));
return new GitHubApiError(`GitHub API ${endpoint} failed: ${what}.${hint ? ` ${hint}` : ""}`, status, endpoint, githubMessage, ambiguous);
}
function retryDelay(error, method, attempt, policy, maxRateLimitWaitMs, now = Date.now()) {
const e = error;
const idempotent = IDEMPOTENT.has(method.toUpperCase());
if (!e.response) {
if (e.name === "AbortError")
return undefined;
const neverConnected = CONNECTION_NEVER_MADE.has(errorCode(error) ?? "");
return idempotent || neverConnected ? (0, _http_js__WEBPACK_IMPORTED_MODULE_0__.EY)(attempt, policy) : undefined;
}
const status = e.response.status;
const headers = e.response.headers;
const retryAfter = (0, _http_js__WEBPACK_IMPORTED_MODULE_0__.mu)(headerValue(headers, "retry-after") ?? null, now);
const remaining = headerValue(headers, "x-ratelimit-remaining");
const reset = headerValue(headers, "x-ratelimit-reset");
if (status === 429 || (status === 403 && (retryAfter !== undefined || remaining === "0"))) {
const wait = retryAfter ??
(reset ? Math.max(0, Number(reset) * 1000 - now) : (0, _http_js__WEBPACK_IMPORTED_MODULE_0__.EY)(attempt, policy));
return wait <= maxRateLimitWaitMs ? wait : undefined;
}
if (status >= 500 && idempotent)
return retryAfter ?? (0, _http_js__WEBPACK_IMPORTED_MODULE_0__.EY)(attempt, policy);
return undefined;
}
async function loadGitHub() {
await (0, _http_client_deferred_js__WEBPACK_IMPORTED_MODULE_2__.w)();
return __webpack_require__.e(2413).then(__webpack_require__.bind(__webpack_require__, 2413));
}
async function createGitHubClient(token, options = {}) {
if (!token) {
throw new GitHubApiError("No GitHub token: pass the github-token input (default `${{ github.token }}`) or set GITHUB_TOKEN.", undefined, "(none)", "no token");
}
const baseUrl = (options.baseUrl ??
process.env.GITHUB_API_URL ??
"https://api.github.com").replace(/\/$/, "");
const policy = { ..._http_js__WEBPACK_IMPORTED_MODULE_0__.vI, ...options.retry };
const sleep = options.sleep ?? _http_js__WEBPACK_IMPORTED_MODULE_0__.uk;
const maxRateLimitWaitMs = options.maxRateLimitWaitMs ?? 60000;
const timeoutMs = options.timeoutMs ?? 60000;
_core_secrets_js__WEBPACK_IMPORTED_MODULE_1__.O3.add(token);
const { getOctokit } = await loadGitHub();
const octokit = getOctokit(token, { baseUrl });
octokit.hook.wrap("request", async (request, endpointOptions) => {
scrubRequest(endpointOptions);
const { method = "GET", url = "" } = endpointOptions;
const route = url.replace(baseUrl, "").split("?")[0] ?? url;
const callerSignal = endpointOptions.request?.signal;
for (let attempt = 0;; attempt++) {
const timer = new AbortController();
const timeout = setTimeout(() => timer.abort(), timeoutMs);
const signal = callerSignal ? AbortSignal.any([callerSignal, timer.signal]) : timer.signal;
try {
return await request({
...endpointOptions,
request: { ...endpointOptions.request, signal }
});
}
catch (caught) {
const timedOut = timer.signal.aborted && !callerSignal?.aborted;
const error = timedOut
? Object.assign(new Error(`timed out after ${timeoutMs} ms`), { code: "ETIMEDOUT" })
: caught;
const status = error.response?.status;
if (status === 304)
throw error;
const delay = attempt + 1 < policy.attempts
? retryDelay(error, method, attempt, policy, maxRateLimitWaitMs)
: undefined;
if (delay === undefined)
throw toGitHubApiError(error, method, route, token);
options.onRetry?.(`GitHub API ${method} ${route}: ${status ?? "no response"}; retrying in ${Math.round(delay / 100) / 10}s (attempt ${attempt + 2} of ${policy.attempts})`);
await sleep(delay);
}
finally {
clearTimeout(timeout);
}
}
});
return octokit;
}
function parseRepository(value) {
const match = /^([^/\s]+)\/([^/\s]+)$/.exec(value ?? "");
if (!match)
throw new Error(`expected a repository as 'owner/name' (GITHUB_REPOSITORY), got '${value ?? ""}'`);
return { owner: match[1], repo: match[2] };
}
}),
2902: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
Q: () => (HttpClient),
w: () => (loadHttpClient)
});
let real;
let loading;
function loadHttpClient() {
loading ??= __webpack_require__.e(4942).then(__webpack_require__.bind(__webpack_require__, 4942)).then(module => (real = module));
return loading;
}
class HttpClient {
constructor(...args) {
if (!real)
throw new Error("internal: @actions/http-client was needed before it was loaded (await loadHttpClient() first)");
return new real.HttpClient(...args);
}
}
}),
2170: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
Ay: () => (isLastEnvironment),
KV: () => (resolveWorkflow),
M0: () => (challengerManifestPath),
V6: () => (manifestFileName),
environmentNames: () => (environmentNames),
g9: () => (resolveEnvironment),
wQ: () => (gatesFor),
xw: () => (previousEnvironment)
});
var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
var _duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8571);
var _parameters_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3184);
function environmentNames(config) {
return Object.keys(config.environments);
}
function normalizeProjectUsername(username) {
const local = username.toLowerCase().split("@")[0] ?? "";
const ascii = local.normalize("NFKD").replace(/[\u0080-\uffff]/g, "");
return ascii
.replace(/[^a-z0-9\-_]+/gi, "")
.toLowerCase()
.replaceAll("_", "-")
.replace(/[-_]+$/, "");
}
function environmentProjectName(config, envName, env) {
const environment = config.environments[envName];
const base = `${config.project}${environment.projectSuffix ?? ""}`;
if (!environment.userProject)
return base;
const cluster = config.clusters[environment.cluster];
const variable = cluster?.kind === "mlrun" ? cluster.usernameEnv : undefined;
const username = variable ? env[variable] : undefined;
if (!variable || !username) {
throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`environment '${envName}' has userProject: true, so its MLRun project is '${base}-<user>', but ${variable ? `the environment variable ${variable} is empty or unset (pass it to the step: env: ${variable}: \${{ secrets.${variable} }})` : `cluster '${environment.cluster}' names no usernameEnv (set usernameEnv: V3IO_USERNAME)`}`);
}
const user = normalizeProjectUsername(username);
if (!user)
throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`environment '${envName}' has userProject: true, but the user name in ${variable} has no letters or digits MLRun keeps`);
return `${base}-${user}`;
}
function resolveEnvironment(config, selector) {
const names = environmentNames(config);
let name = selector.name || undefined;
if (!name && selector.branch) {
name = names.find(n => config.environments[n].branch === selector.branch);
if (!name) {
throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`no environment deploys from branch '${selector.branch}'; branches: ${names
.map(n => `${n}=${config.environments[n].branch}`)
.join(", ")} (set the environment input or --env)`);
}
}
if (!name)
throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`choose an environment: ${names.join(", ")}`);
const env = Object.hasOwn(config.environments, name) ? config.environments[name] : undefined;
if (!env)
throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`unknown environment '${name}'; defined: ${names.join(", ")}`);
const index = names.indexOf(name);
return {
...env,
name,
index,
requiresApproval: env.requireApproval ?? index > 0,
clusterConfig: config.clusters[env.cluster],
projectName: environmentProjectName(config, name, selector.env ?? process.env)
};
}
function previousEnvironment(config, envName) {
const names = environmentNames(config);
const index = names.indexOf(envName);
return index > 0 ? resolveEnvironment(config, { name: names[index - 1] }) : undefined;
}
function isLastEnvironment(config, envName) {
const names = environmentNames(config);
return names[names.length - 1] === envName;
}
function resolveWorkflow(config, workflowKey, env, overrides = {}, timeoutOverride, supplied = {}) {
const workflow = Object.hasOwn(config.workflows, workflowKey)
? config.workflows[workflowKey]
: undefined;
if (!workflow) {
throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`unknown workflow '${workflowKey}'; defined in the config: ${Object.keys(config.workflows).join(", ") || "(none)"}`);
}
const args = (0, _parameters_js__WEBPACK_IMPORTED_MODULE_2__.Bq)(workflowKey, workflow.parameters, [
{ from: `workflows.${workflowKey}.arguments`, values: workflow.arguments },
{
from: `environments.${env.name}.arguments.${workflowKey}`,
values: env.arguments[workflowKey] ?? {}
},
{ from: "promote-actions", values: supplied, builtIn: true },
{ from: "the `arguments` input / --arg", values: overrides }
]);
return {
...workflow,
key: workflowKey,
remoteName: workflow.name ?? workflowKey,
timeoutMs: (0, _duration_js__WEBPACK_IMPORTED_MODULE_1__.parseDuration)(timeoutOverride || workflow.timeout),
arguments: args
};
}
function gatesFor(config, envName) {
const overrides = envName ? (config.environments[envName]?.gates ?? {}) : {};
const merged = { ...config.gates };
for (const [metric, rule] of Object.entries(overrides)) {
const set = Object.fromEntries(Object.entries(rule).filter(([, value]) => value !== undefined));
merged[metric] = { better: "higher", ...merged[metric], ...set };
}
return merged;
}
function manifestFileName(key, tag) {
return `${key}:${tag}.yaml`;
}
function challengerManifestPath(config) {
return `${config.model.exportDir}/${manifestFileName(config.model.name, config.model.challengerTag)}`;
}
}),
299: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
d: () => (canonicalJson),
s: () => (sha256)
});
var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = __webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
function canonicalJson(value) {
return JSON.stringify(sortKeys(value));
}
function sortKeys(value) {
if (Array.isArray(value))
return value.map(sortKeys);
if (value && typeof value === "object" && !(value instanceof Date)) {
return Object.fromEntries(Object.keys(value)
.sort()
.map(key => [key, sortKeys(value[key])]));
}
return value;
}
function sha256(text) {
return (0, node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256").update(text).digest("hex");
}
})
};
