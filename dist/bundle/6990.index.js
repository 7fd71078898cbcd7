export const id = 6990;
export const ids = [6990, 3618];
export const modules = {
3618: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
BO: () => (redactUrl),
CM: () => (bearer),
EY: () => (backoffDelay),
HX: () => (basic),
Qq: () => (HttpClient),
j$: () => (HttpError),
mu: () => (parseRetryAfter),
uk: () => (realSleep),
vI: () => (DEFAULT_RETRY)
});
var _core_secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8198);
var _proxy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8316);
const realSleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const DEFAULT_RETRY = { attempts: 5, baseDelayMs: 500, maxDelayMs: 30000 };
class HttpError extends Error {
status;
body;
ambiguous;
retryAfterMs;
constructor(message, status, body, ambiguous = false, retryAfterMs) {
super(message);
this.status = status;
this.body = body;
this.ambiguous = ambiguous;
this.retryAfterMs = retryAfterMs;
this.name = "HttpError";
}
}
function parseRetryAfter(value, now = Date.now()) {
if (!value)
return undefined;
if (/^\d+(\.\d+)?$/.test(value.trim()))
return Number(value) * 1000;
const date = Date.parse(value);
return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
function backoffDelay(attempt, policy, random = Math.random) {
const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
class HttpClient {
options;
retry;
sleep;
fetchImpl;
constructor(options) {
this.options = options;
this.retry = { ...DEFAULT_RETRY, ...options.retry };
this.sleep = options.sleep ?? realSleep;
this.fetchImpl = options.fetch ?? (0, _proxy_js__WEBPACK_IMPORTED_MODULE_1__.Fm)(options.env ?? process.env);
for (const [name, value] of Object.entries(options.headers ?? {})) {
if (CREDENTIAL_HEADERS.test(name))
_core_secrets_js__WEBPACK_IMPORTED_MODULE_0__.O3.addAuthorization(value);
}
}
url(path, query) {
const url = new URL(this.options.baseUrl.replace(/\/+$/, "") + path);
for (const [key, value] of Object.entries(query ?? {})) {
if (value !== undefined)
url.searchParams.set(key, String(value));
}
return url.toString();
}
get(path, options = {}) {
return this.request("GET", path, { idempotent: true, ...options });
}
post(path, options = {}) {
return this.request("POST", path, options);
}
put(path, options = {}) {
return this.request("PUT", path, { idempotent: true, ...options });
}
async request(method, path, options = {}) {
const url = this.url(path, options.query);
const headers = {
accept: "application/json",
"user-agent": "promote-actions",
...this.options.headers,
...options.headers
};
let payload;
if (options.body !== undefined) {
payload = JSON.stringify(options.body);
headers["content-type"] = "application/json";
}
const idempotent = options.idempotent ?? false;
for (let attempt = 0;; attempt++) {
const last = attempt + 1 >= this.retry.attempts;
const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 30000);
const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
let response;
try {
response = await this.fetchImpl(url, { method, headers, body: payload, signal });
}
catch (error) {
if (options.signal?.aborted)
throw error;
const reason = _core_secrets_js__WEBPACK_IMPORTED_MODULE_0__.O3.scrub(describeNetworkError(error));
const neverSent = CONNECTION_NEVER_MADE.has(networkErrorCode(error) ?? "");
if ((!idempotent && !neverSent) || last) {
throw new HttpError(`${this.options.service}: ${method} ${linkOf(url)} failed: ${reason}`, undefined, undefined, !neverSent);
}
await this.sleep(backoffDelay(attempt, this.retry));
continue;
}
const body = await readBody(response, response.ok ? options.parse : undefined);
if (response.ok || options.acceptStatus?.includes(response.status)) {
return { status: response.status, body: body, headers: response.headers };
}
const transient = response.status === 429 || response.status >= 500;
const retryAfter = parseRetryAfter(response.headers.get("retry-after"));
if (transient && idempotent && !last) {
await this.sleep(Math.min(retryAfter ?? backoffDelay(attempt, this.retry), this.retry.maxDelayMs * 4));
continue;
}
throw new HttpError(this.describe(method, url, response.status, body), response.status, _core_secrets_js__WEBPACK_IMPORTED_MODULE_0__.O3.scrubValue(body), transient && !idempotent, retryAfter);
}
}
describe(method, url, status, body) {
const detail = this.options.describeError?.(body, status) ??
(typeof body === "string"
? body.slice(0, 500)
: body
? JSON.stringify(body).slice(0, 500)
: "");
const hint = status === 401 || status === 403
? " (check the credentials: the token is missing, wrong or lacks permission)"
: "";
return _core_secrets_js__WEBPACK_IMPORTED_MODULE_0__.O3.scrub(`${this.options.service}: ${method} ${linkOf(url)} returned ${status}${detail ? `: ${detail}` : ""}${hint}`);
}
}
async function readBody(response, parse = JSON.parse) {
const text = await response.text();
if (!text)
return undefined;
try {
return parse(text);
}
catch {
return text;
}
}
const CONNECTION_NEVER_MADE = new Set([
"ECONNREFUSED",
"ENOTFOUND",
"EAI_AGAIN",
"ENETUNREACH",
"EHOSTUNREACH"
]);
function networkErrorCode(error) {
let current = error;
for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
const code = current.code;
if (typeof code === "string")
return code;
current = current.cause;
}
return undefined;
}
function describeNetworkError(error) {
if (error.name === "TimeoutError")
return "timed out";
const causes = [];
for (let cause = error.cause; cause && typeof cause === "object" && causes.length < 5; cause = cause.cause)
causes.push(cause);
const refusal = causes
.map(cause => /^Proxy response \((\d+)\)/.exec(cause.message ?? "")?.[1])
.find(Boolean);
if (refusal) {
return refusal === "407"
? "the proxy wants credentials (407): check the user and password in the proxy URL (http://user:password@host:port)"
: `the proxy refused the connection (${refusal})`;
}
const cause = causes[0];
return ((typeof cause?.code === "string" && cause.code) || cause?.message || error.message);
}
function linkOf(url) {
try {
const parsed = new URL(redactUrl(url));
parsed.search = "";
parsed.hash = "";
return parsed.toString();
}
catch {
return redactUrl(url);
}
}
function redactUrl(url) {
try {
const parsed = new URL(url);
if (parsed.username || parsed.password) {
parsed.username = "***";
parsed.password = "";
}
return parsed.toString();
}
catch {
return url;
}
}
const CREDENTIAL_HEADERS = /^(authorization|proxy-authorization|x-api-key|private-token|x-v3io-session-key)$/i;
function bearer(token) {
_core_secrets_js__WEBPACK_IMPORTED_MODULE_0__.O3.add(token);
return token ? { authorization: `Bearer ${token}` } : {};
}
function basic(username, password) {
_core_secrets_js__WEBPACK_IMPORTED_MODULE_0__.O3.addBasic(username, password);
return { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}` };
}
}),
2984: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
GZ: () => (webApiFix),
l$: () => (SlackDeliveryError),
ly: () => (webhookFix)
});
class SlackDeliveryError extends Error {
code;
fix;
constructor(message, code, fix) {
super(fix ? `${message}. Fix: ${fix}` : message);
this.code = code;
this.fix = fix;
this.name = "SlackDeliveryError";
}
}
const BUG = "this is a promote-actions bug (messages are kept within Slack limits): please report it with the facts input";
const WEB_API_FIXES = {
channel_not_found: "the channel does not exist or the bot cannot see it: set notifications.slack.channel (or the channel input) to the channel ID (C0123ABCD, in the channel details), and invite the bot to private channels (/invite @your-app)",
not_in_channel: "invite the bot to the channel (/invite @your-app), or add the chat:write.public scope to post in public channels without joining",
is_archived: "the channel is archived: unarchive it or point notifications.slack.channel at another channel",
invalid_auth: "the token is not valid: the secret must hold the app's Bot User OAuth Token (xoxb-..., under OAuth & Permissions) for this workspace",
not_authed: "no token reached Slack: pass the secret to the step (env: SLACK_BOT_TOKEN: ${{ secrets.SLACK_BOT_TOKEN }}) or the slack-token input",
token_revoked: "the token was revoked (the app was uninstalled or the token rotated): reinstall the app and update the secret",
token_expired: "the token expired (token rotation is on): use a non-expiring bot token or refresh it before the run",
account_inactive: "the token belongs to a deactivated user or a removed app: reinstall the app and update the secret",
missing_scope: "add the chat:write scope to the app (OAuth & Permissions), reinstall it to the workspace and update the secret",
no_permission: "the token lacks permission for this channel: invite the bot, or check the workspace posting restrictions",
restricted_action: "a workspace admin restricts posting in this channel: ask them to allow the app, or use another channel",
ratelimited: "Slack kept rate-limiting these calls: notify fewer events (notifications.slack.events) or share fewer steps per workflow",
rate_limited: "Slack kept rate-limiting these calls: notify fewer events (notifications.slack.events) or share fewer steps per workflow",
message_not_found: "the ts input does not name a message in this channel: pass both the ts and channel outputs of the step that posted it",
cant_update_message: "the message was not posted by this bot token: pass the ts output of a notify step that used the same token",
edit_window_closed: "the workspace no longer lets this message be edited: post a new one (leave the ts input empty)",
msg_too_long: BUG,
no_text: BUG,
invalid_blocks: BUG,
invalid_blocks_format: BUG,
invalid_arguments: BUG,
team_access_not_granted: "the token is not granted access to the workspace of this channel: install the app there",
ekm_access_denied: "your workspace administrators have suspended the ability to post a message",
fatal_error: "Slack failed on its side: retry the job later"
};
function webApiFix(code, data) {
const fix = WEB_API_FIXES[code];
if (code === "missing_scope" && data?.needed)
return `${fix} (needed: ${data.needed}; the token has: ${data.provided ?? "none"})`;
return fix ?? "see https://api.slack.com/methods/chat.postMessage#errors";
}
const WEBHOOK_FIXES = {
invalid_payload: BUG,
invalid_token: "the webhook URL is wrong or was regenerated: copy it again from the app (Incoming Webhooks) into the secret",
no_service: "the webhook was removed or disabled: create a new one (Incoming Webhooks) and update the secret",
no_service_id: "the webhook URL is incomplete: copy the whole https://hooks.slack.com/services/T.../B.../... URL into the secret",
no_team: "the workspace of this webhook no longer exists: create a webhook in the right workspace",
team_disabled: "the workspace of this webhook is disabled",
channel_not_found: "the webhook's channel was deleted: create a new webhook for an existing channel",
channel_is_archived: "the webhook's channel is archived: unarchive it or create a webhook for another channel",
action_prohibited: "a workspace admin restricts this webhook or channel: ask them, or use another channel",
posting_to_general_channel_denied: "only admins may post to #general: create the webhook for another channel",
too_many_attachments: BUG,
no_text: BUG,
invalid_blocks: BUG,
rollup_error: "Slack failed on its side: retry the job later"
};
function webhookFix(code, status) {
if (WEBHOOK_FIXES[code])
return WEBHOOK_FIXES[code];
if (status === 404)
return WEBHOOK_FIXES.no_service;
if (status === 403)
return WEBHOOK_FIXES.action_prohibited;
if (status === 429)
return WEB_API_FIXES.ratelimited;
return undefined;
}
}),
6990: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
postWebhook: () => (postWebhook)
});
var _http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3618);
var _core_secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8198);
var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2984);
async function postWebhook(url, message, options = {}) {
_core_secrets_js__WEBPACK_IMPORTED_MODULE_1__.O3.add(url);
let parsed;
try {
parsed = new URL(url);
if (!/^https?:$/.test(parsed.protocol))
throw new Error("not http(s)");
}
catch {
throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__.l$("the Slack webhook URL is not a URL", "invalid_url", "the secret must hold the whole https://hooks.slack.com/services/T.../B.../... URL");
}
const http = new _http_js__WEBPACK_IMPORTED_MODULE_0__.Qq({
baseUrl: url,
service: "Slack webhook",
retry: { attempts: 5, baseDelayMs: 1000, maxDelayMs: 20000, ...options.retry },
timeoutMs: options.timeoutMs ?? 30000,
...(options.sleep && { sleep: options.sleep }),
...(options.fetch && { fetch: options.fetch }),
...(options.env && { env: options.env })
});
try {
await http.request("POST", "", {
body: _core_secrets_js__WEBPACK_IMPORTED_MODULE_1__.O3.scrubValue({ text: message.text, blocks: message.blocks }),
idempotent: true,
headers: { accept: "*/*" }
});
}
catch (error) {
if (!(error instanceof _http_js__WEBPACK_IMPORTED_MODULE_0__.j$))
throw error;
if (error.status === undefined) {
const reason = error.message.split(" failed: ").pop() ?? "request failed";
throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__.l$(`the Slack webhook at ${parsed.host} could not be reached: ${reason}`, "network", "check that the runner can reach hooks.slack.com over HTTPS (proxy, firewall, self-hosted runner egress)");
}
const code = typeof error.body === "string" && /^[a-z_]+$/.test(error.body.trim())
? error.body.trim()
: `http_${error.status}`;
throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__.l$(`the Slack webhook answered ${error.status} ${code}`, code, (0, _errors_js__WEBPACK_IMPORTED_MODULE_2__.ly)(code, error.status));
}
}
})
};
