export const id = 7846;
export const ids = [7846];
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
7846: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
JA: () => (CommentPermissionError),
GitHubDeploymentStore: () => (GitHubDeploymentStore),
createGitHubClient: () => (github_client.LX),
PS: () => (getEnvironmentProtection),
rY: () => (getRepositoryVisibility),
Ch: () => (listRunApprovals),
ul: () => (pulls.u),
parseRepository: () => (github_client.SU),
qD: () => (upsertStickyComment)
});
var github_client = __webpack_require__(5423);
var limits = __webpack_require__(6419);
;
class CommentPermissionError extends Error {
apiError;
constructor(message, apiError) {
super(message, { cause: apiError });
this.apiError = apiError;
this.name = "CommentPermissionError";
}
}
function markerLine(marker) {
const trimmed = marker.trim();
if (/^<!--[\s\S]*-->$/.test(trimmed))
return trimmed;
if (!trimmed || trimmed.includes("--"))
throw new Error(`invalid sticky comment marker '${marker}': use letters, digits, ':' or '-' without '--'`);
return `<!-- ${trimmed} -->`;
}
function isPermissionProblem(error) {
return error.status === 403 && !/rate limit/i.test(error.githubMessage);
}
function permissionError(error, issueNumber) {
return new CommentPermissionError(`Could not write the comment on #${issueNumber}: ${error.githubMessage}. Pull requests from forks get a read-only GITHUB_TOKEN; otherwise grant the job \`permissions: { pull-requests: write }\`. The report is in the job summary.`, error);
}
async function upsertStickyComment(client, input) {
const marker = markerLine(input.marker);
const body = (0, limits.DJ)(`${marker}\n${input.body
.split(marker)
.join("")
.replace(/^\s*\n/, "")}`, limits.dq, input.overflowNotice ?? "This report was cut to fit GitHub's comment size limit.");
const where = { owner: input.owner, repo: input.repo };
let existing;
for await (const page of client.paginate.iterator(client.rest.issues.listComments, {
...where,
issue_number: input.issueNumber,
per_page: 100
})) {
existing = page.data.find(comment => comment.body?.startsWith(marker));
if (existing)
break;
}
try {
if (existing) {
const { data } = await client.rest.issues.updateComment({
...where,
comment_id: existing.id,
body
});
return { id: data.id, action: "updated", url: data.html_url };
}
const { data } = await client.rest.issues.createComment({
...where,
issue_number: input.issueNumber,
body
});
return { id: data.id, action: "created", url: data.html_url };
}
catch (error) {
const apiError = error instanceof github_client.OS
? error
: (0, github_client.Vu)(error, existing ? "PATCH" : "POST", existing
? "/repos/{owner}/{repo}/issues/comments/{comment_id}"
: "/repos/{owner}/{repo}/issues/{issue_number}/comments");
if (isPermissionProblem(apiError))
throw permissionError(apiError, input.issueNumber);
throw apiError;
}
}
;
async function getEnvironmentProtection(client, owner, repo, name) {
let data;
try {
;
({ data } = await client.rest.repos.getEnvironment({ owner, repo, environment_name: name }));
}
catch (error) {
if (error instanceof github_client.OS && error.status === 404) {
return {
name,
exists: false,
hasRequiredReviewersRule: false,
requiredReviewers: [],
preventSelfReview: false
};
}
throw error;
}
const rules = (data.protection_rules ?? []);
const reviewersRule = rules.find(rule => rule.type === "required_reviewers");
const waitTimer = rules.find(rule => rule.type === "wait_timer")?.wait_timer;
const requiredReviewers = (reviewersRule?.reviewers ?? []).flatMap(entry => {
const type = entry.type === "Team" ? "Team" : "User";
const reviewerName = type === "Team" ? entry.reviewer?.slug : entry.reviewer?.login;
return reviewerName ? [{ type, name: reviewerName, id: entry.reviewer?.id ?? 0 }] : [];
});
const policy = data.deployment_branch_policy;
return {
name: data.name,
exists: true,
hasRequiredReviewersRule: reviewersRule !== undefined,
requiredReviewers,
preventSelfReview: reviewersRule?.prevent_self_review ?? false,
...(waitTimer !== undefined ? { waitTimerMinutes: waitTimer } : {}),
...(policy
? {
branchPolicy: {
protectedBranches: policy.protected_branches,
customBranchPolicies: policy.custom_branch_policies
}
}
: {}),
htmlUrl: data.html_url
};
}
async function listRunApprovals(client, owner, repo, runId) {
const { data } = await client.rest.actions.getReviewsForRun({ owner, repo, run_id: runId });
return data.map(entry => ({
environments: (entry.environments ?? []).map(env => env.name ?? "").filter(Boolean),
state: entry.state,
user: entry.user.login,
comment: entry.comment ?? ""
}));
}
async function getRepositoryVisibility(client, owner, repo) {
const { data } = await client.rest.repos.get({ owner, repo });
const visibility = data.visibility ?? (data.private ? "private" : "public");
return visibility === "internal" || visibility === "private" ? visibility : "public";
}
;
const MAX_DESCRIPTION = 140;
const LIST_STATUSES_PAGE = 100;
function truncate(text, max = MAX_DESCRIPTION) {
if (text === undefined)
return undefined;
return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
function parsePayload(payload) {
let value = payload;
if (typeof value === "string") {
try {
value = JSON.parse(value);
}
catch {
return undefined;
}
}
if (!value || typeof value !== "object" || Array.isArray(value))
return undefined;
const candidate = value;
if (typeof candidate.modelUri !== "string" || typeof candidate.contentHash !== "string")
return undefined;
return candidate;
}
async function mapLimit(items, limit, fn) {
const results = new Array(items.length);
let next = 0;
const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
while (next < items.length) {
const index = next++;
results[index] = await fn(items[index]);
}
});
await Promise.all(workers);
return results;
}
class GitHubDeploymentStore {
client;
options;
production;
transient;
webUrl;
constructor(client, options) {
this.client = client;
this.options = options;
this.production = new Set(options.productionEnvironments ?? ["production"]);
this.transient = new Set(options.transientEnvironments ?? []);
this.webUrl = (options.webUrl ?? process.env.GITHUB_SERVER_URL ?? "https://github.com").replace(/\/$/, "");
}
get where() {
return { owner: this.options.owner, repo: this.options.repo };
}
environmentPage(environment) {
return `${this.webUrl}/${this.options.owner}/${this.options.repo}/deployments/activity_log?environments_filter=${encodeURIComponent(environment)}`;
}
async create(input) {
const ref = input.sha || input.ref;
const payload = {
...input.payload,
...(input.ref && input.ref !== ref ? { gitRef: input.ref } : {})
};
const response = await this.client.rest.repos.createDeployment({
...this.where,
ref,
environment: input.environment,
payload: payload,
description: input.description,
auto_merge: false,
required_contexts: [],
transient_environment: this.transient.has(input.environment),
production_environment: this.production.has(input.environment)
});
const data = response.data;
if (!("id" in data)) {
throw new github_client.OS(`GitHub API POST /repos/{owner}/{repo}/deployments did not create a deployment (${response.status}): ${data.message ?? "no message"}.`, response.status, "POST /repos/{owner}/{repo}/deployments", data.message ?? "");
}
return this.toRecord(data, []);
}
async setStatus(id, state, update = {}) {
await this.client.rest.repos.createDeploymentStatus({
...this.where,
deployment_id: Number(id),
state,
...(update.environmentUrl ? { environment_url: update.environmentUrl } : {}),
...(update.logUrl ? { log_url: update.logUrl } : {}),
...(update.description !== undefined ? { description: truncate(update.description) } : {}),
auto_inactive: true
});
}
async get(id) {
try {
const { data } = await this.client.rest.repos.getDeployment({
...this.where,
deployment_id: Number(id)
});
if (!parsePayload(data.payload))
return undefined;
return this.toRecord(data, await this.statuses(data.id));
}
catch (error) {
if (error instanceof github_client.OS && error.status === 404)
return undefined;
throw error;
}
}
async list(environment, options = {}) {
const limit = options.limit ?? Number.POSITIVE_INFINITY;
const found = [];
for await (const page of this.client.paginate.iterator(this.client.rest.repos.listDeployments, {
...this.where,
environment,
per_page: 100
})) {
for (const deployment of page.data) {
if (found.length < limit && parsePayload(deployment.payload))
found.push(deployment);
}
if (found.length >= limit)
break;
}
return mapLimit(found, this.options.concurrency ?? 4, async (deployment) => this.toRecord(deployment, await this.statuses(deployment.id)));
}
async statuses(deploymentId) {
const { data } = await this.client.rest.repos.listDeploymentStatuses({
...this.where,
deployment_id: deploymentId,
per_page: LIST_STATUSES_PAGE
});
return data;
}
toRecord(deployment, statuses) {
const payload = parsePayload(deployment.payload);
if (!payload)
throw new Error(`deployment ${deployment.id} was not recorded by promote-actions (its payload has no modelUri/contentHash)`);
const { gitRef, ...rest } = payload;
const environmentUrl = statuses.find(s => s.environment_url)?.environment_url;
const logUrl = statuses.map(s => s.log_url || s.target_url).find(Boolean);
return {
id: deployment.id,
environment: deployment.environment,
ref: gitRef ?? deployment.ref,
sha: deployment.sha,
createdAt: deployment.created_at,
...(deployment.creator ? { creator: deployment.creator.login } : {}),
...(deployment.description ? { description: deployment.description } : {}),
payload: rest,
state: statuses[0]?.state ?? "queued",
...(environmentUrl ? { environmentUrl } : {}),
...(logUrl ? { logUrl } : {}),
url: this.environmentPage(deployment.environment)
};
}
}
var pulls = __webpack_require__(3206);
;
}),
3206: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
u: () => (openOrUpdatePull)
});
var _client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5423);
async function findOpen(client, input) {
const head = input.head.includes(":") ? input.head : `${input.owner}:${input.head}`;
const { data } = await client.rest.pulls.list({
owner: input.owner,
repo: input.repo,
head,
base: input.base,
state: "open",
per_page: 10
});
return data[0];
}
async function openOrUpdatePull(client, input) {
const where = { owner: input.owner, repo: input.repo };
const update = async (number) => {
const { data } = await client.rest.pulls.update({
...where,
pull_number: number,
title: input.title,
body: input.body
});
return { number: data.number, url: data.html_url, action: "updated" };
};
const existing = await findOpen(client, input);
if (existing)
return update(existing.number);
try {
const { data } = await client.rest.pulls.create({
...where,
head: input.head,
base: input.base,
title: input.title,
body: input.body
});
return { number: data.number, url: data.html_url, action: "created" };
}
catch (error) {
if (error instanceof _client_js__WEBPACK_IMPORTED_MODULE_0__.OS &&
error.status === 422 &&
/already exists/i.test(error.githubMessage)) {
const raced = await findOpen(client, input);
if (raced)
return update(raced.number);
}
throw error;
}
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
})
};
