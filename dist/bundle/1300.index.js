export const id = 1300;
export const ids = [1300];
export const modules = {
1300: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
notify: () => (notify),
parseFactsInput: () => (parseFactsInput)
});
var resolve = __webpack_require__(2170);
var errors = __webpack_require__(4296);
var zod = __webpack_require__(2158);
;
const stepFactsSchema = zod._H3({
name: zod.YjP(),
state: zod.YjP(),
results: zod.Rvf(zod.g1P(zod.YjP(), zod.L5J()), {}),
error: zod.lqM(zod.YjP()),
startedAt: zod.lqM(zod.YjP()),
finishedAt: zod.lqM(zod.YjP())
});
const planFactsSchema = zod._H3({
environment: zod._H3({
name: zod.YjP(),
branch: zod.lqM(zod.YjP()),
cluster: zod.lqM(zod.YjP()),
clusterKind: zod.lqM(zod.YjP())
}),
model: zod._H3({
name: zod.YjP(),
version: zod.lqM(zod.YjP()),
uri: zod.lqM(zod.YjP()),
contentHash: zod.lqM(zod.YjP()),
manifestPath: zod.lqM(zod.YjP())
}),
live: zod.lqM(zod._H3({
id: zod.lqM(zod.KCZ([zod.YjP(), zod.aig()])),
modelName: zod.lqM(zod.YjP()),
modelVersion: zod.lqM(zod.YjP()),
contentHash: zod.lqM(zod.YjP())
})),
metrics: zod.Rvf(zod.YOg(zod._H3({
name: zod.YjP(),
candidate: zod.lqM(zod.L5J()),
live: zod.lqM(zod.L5J())
})), []),
sameArtifact: zod.lqM(zod._H3({ verdict: zod.YjP(), note: zod.YjP() })),
approval: zod.lqM(zod._H3({
required: zod.zMY(),
verdict: zod.lqM(zod.YjP()),
rule: zod.lqM(zod.YjP()),
approvers: zod.lqM(zod.YjP())
})),
workflow: zod.lqM(zod._H3({
key: zod.YjP(),
remoteName: zod.lqM(zod.YjP()),
project: zod.lqM(zod.YjP()),
timeout: zod.lqM(zod.YjP()),
arguments: zod.Rvf(zod.g1P(zod.YjP(), zod.L5J()), {})
})),
refusals: zod.Rvf(zod.YOg(zod.YjP()), [])
});
const pipelineFactsSchema = zod._H3({
kind: zod.Rvf(zod.k5n(["train", "deploy", "rollback", "check", "workflow"]), "workflow"),
project: zod.lqM(zod.YjP()),
environment: zod.lqM(zod.YjP()),
workflow: zod.lqM(zod.YjP()),
runId: zod.lqM(zod.YjP()),
workflowId: zod.lqM(zod.YjP()),
runUrl: zod.lqM(zod.YjP()),
logUrl: zod.lqM(zod.YjP()),
state: zod.lqM(zod.YjP()),
error: zod.lqM(zod.YjP()),
model: zod.lqM(zod._H3({
name: zod.lqM(zod.YjP()),
version: zod.lqM(zod.YjP()),
uri: zod.lqM(zod.YjP()),
contentHash: zod.lqM(zod.YjP()),
metrics: zod.lqM(zod.g1P(zod.YjP(), zod.aig())),
championMetrics: zod.lqM(zod.g1P(zod.YjP(), zod.aig()))
})),
deployment: zod.lqM(zod._H3({
id: zod.lqM(zod.KCZ([zod.YjP(), zod.aig()])),
url: zod.lqM(zod.YjP()),
environmentUrl: zod.lqM(zod.YjP())
})),
refusal: zod.lqM(zod._H3({
kind: zod.lqM(zod.YjP()),
reason: zod.YjP(),
rule: zod.lqM(zod.YjP()),
fix: zod.lqM(zod.YjP())
})),
plan: zod.lqM(planFactsSchema),
reviewUrl: zod.lqM(zod.YjP()),
steps: zod.Rvf(zod.YOg(stepFactsSchema), []),
results: zod.Rvf(zod.g1P(zod.YjP(), zod.L5J()), {}),
commit: zod.lqM(zod.YjP()),
actor: zod.lqM(zod.YjP()),
startedAt: zod.lqM(zod.YjP()),
finishedAt: zod.lqM(zod.YjP())
});
var notification = __webpack_require__(3660);
var promotion_thread = __webpack_require__(9955);
var yaml_library = __webpack_require__(5650);
;
function repositoryUrl(context) {
return context.repository
? `${context.serverUrl ?? "https://github.com"}/${context.repository.owner}/${context.repository.repo}`
: undefined;
}
function withRunContext(facts, context) {
return {
...facts,
commit: facts.commit ?? (/^[0-9a-f]{7,40}$/i.test(context.sha) ? context.sha : undefined),
actor: facts.actor ?? (context.triggeringActor || context.actor || undefined),
logUrl: facts.logUrl ?? context.runUrl
};
}
function parseFactsInput(text, warn) {
const empty = pipelineFactsSchema.parse({});
if (!text?.trim())
return empty;
let data;
try {
data = (0, yaml_library.T)().parse(text, { maxAliasCount: 50 });
}
catch (error) {
warn(`input 'facts' is not valid JSON/YAML (${error.message.split("\n")[0]}): notifying without facts`);
return empty;
}
const parsed = pipelineFactsSchema.safeParse(data ?? {});
if (parsed.success)
return parsed.data;
const problems = parsed.error.issues
.map(i => `${i.path.join(".") || "(root)"}: ${i.message}`)
.join("; ");
const broken = new Set(parsed.error.issues.map(i => i.path[0]).filter(k => k !== undefined));
if (data && typeof data === "object" && !Array.isArray(data) && broken.size > 0) {
const kept = Object.fromEntries(Object.entries(data).filter(([key]) => !broken.has(key)));
const salvaged = pipelineFactsSchema.safeParse(kept);
if (salvaged.success) {
warn(`input 'facts' does not match the pipeline facts shape (${problems}): notifying without ${[...broken].map(String).join(", ")}`);
return salvaged.data;
}
}
warn(`input 'facts' does not match the pipeline facts shape (${problems}): notifying without facts`);
return empty;
}
function safeDecode(text) {
try {
return decodeURIComponent(text);
}
catch {
return text;
}
}
function printMessage(log, title, message) {
return log.group(title, async () => {
log.info(`text: ${message.text}`);
log.info(`blocks: ${JSON.stringify(message.blocks, null, 2)}`);
});
}
function submittedProject(config, facts, env) {
const where = facts.environment;
if (!where)
return undefined;
const byName = Object.hasOwn(config.environments, where);
try {
return (0, resolve.g9)(config, byName ? { name: where, env } : { branch: where, env })
.projectName;
}
catch {
return undefined;
}
}
async function notify(request, ports) {
const { log } = ports;
const { event } = request;
const slackConfig = request.config?.notifications.slack;
const emailConfig = request.config?.notifications.email;
const facts = withRunContext(request.facts, request.context);
const stages = (0, promotion_thread._3)(request.stages ?? [], (0, promotion_thread.EX)(event, facts));
const input = {
event,
facts,
stages,
...(request.config?.project && {
project: submittedProject(request.config, facts, request.env) ?? request.config.project
}),
...(slackConfig?.mentionOnFailure && { mention: slackConfig.mentionOnFailure }),
...((request.summaryUrl ?? request.context.runUrl) && {
summaryUrl: request.summaryUrl ?? request.context.runUrl
}),
...(repositoryUrl(request.context) && { repositoryUrl: repositoryUrl(request.context) })
};
const message = (0, notification.yY)(input);
const deliveries = [];
const result = {
ok: true,
stages,
deliveries,
message,
...(request.ts && { ts: request.ts }),
...((request.channel ?? slackConfig?.channel) && {
channel: request.channel ?? slackConfig?.channel
}),
...((request.threadTs ?? request.ts) && { threadTs: request.threadTs ?? request.ts })
};
const fail = (via, detail) => {
deliveries.push({ via, ok: false, detail });
log.warning(`${via === "slack" ? "Slack" : "Email"} notification failed: ${detail}`, {
title: `promote notify: ${via} not delivered`
});
};
const token = request.slackToken ?? (slackConfig?.tokenEnv ? request.env[slackConfig.tokenEnv] : undefined);
const webhookUrl = request.slackWebhook ??
(slackConfig?.webhookEnv ? request.env[slackConfig.webhookEnv] : undefined);
const smtpUrl = emailConfig ? request.env[emailConfig.smtpUrlEnv] : undefined;
for (const secret of [token, webhookUrl, smtpUrl])
if (secret)
log.secret(secret);
const channel = request.channel ?? slackConfig?.channel;
const slackConfigured = Boolean(slackConfig || request.slackToken || request.slackWebhook);
if (!slackConfigured) {
await printMessage(log, "Slack is not configured (notifications.slack, slack-token or slack-webhook): this is what would be sent", message);
deliveries.push({
via: "slack",
ok: true,
skipped: true,
detail: "not configured: the message was printed to the log instead"
});
}
else if (slackConfig && !slackConfig.events.includes(event)) {
log.info(`Slack: '${event}' is not in notifications.slack.events (${slackConfig.events.join(", ")}): nothing sent`);
deliveries.push({
via: "slack",
ok: true,
skipped: true,
detail: `'${event}' is not in notifications.slack.events`
});
}
else if (request.dryRun) {
await printMessage(log, `Slack (dry run, not sent)${token ? ` to ${channel ?? "(no channel)"}` : " via webhook"}`, message);
deliveries.push({ via: "slack", ok: true, skipped: true, detail: "dry run: printed, not sent" });
}
else if (token) {
if (!channel) {
fail("slack", "bot token mode needs a channel: set notifications.slack.channel or the channel input");
}
else {
try {
const posted = await postWithBot(ports.slack(token), channel, request, input, message, log);
Object.assign(result, { ts: posted.ts, channel: posted.channel, threadTs: posted.threadTs });
deliveries.push({ via: "slack", ok: true, detail: posted.detail });
}
catch (error) {
fail("slack", (0, errors.gJ)(error));
}
}
}
else if (webhookUrl) {
if (request.ts)
log.info("Slack: webhook mode cannot update a message: posting a new one for this event");
try {
await ports.webhook(webhookUrl, message);
deliveries.push({
via: "slack",
ok: true,
detail: "posted through the incoming webhook (webhooks cannot update or thread)"
});
}
catch (error) {
fail("slack", (0, errors.gJ)(error));
}
}
else {
const names = [slackConfig?.tokenEnv, slackConfig?.webhookEnv].filter(Boolean);
fail("slack", `no Slack credential in this step's environment: ${names.join(" and ") || "the token"} ${names.length > 1 ? "are" : "is"} empty; pass the secret to the step (env: ${names[0] ?? "SLACK_BOT_TOKEN"}: \${{ secrets.${names[0] ?? "SLACK_BOT_TOKEN"} }}) or use the slack-token / slack-webhook input`);
}
if (emailConfig && emailConfig.events.includes(event)) {
const mail = (0, notification.zF)(input);
if (smtpUrl) {
const password = /^smtps?:\/\/[^:/@]*:([^@]+)@/.exec(smtpUrl)?.[1];
if (password)
log.secret(safeDecode(password));
}
if (request.dryRun) {
await log.group(`Email (dry run, not sent) to ${emailConfig.to.join(", ")}`, async () => {
log.info(`Subject: ${mail.subject}`);
log.info(mail.text);
});
deliveries.push({
via: "email",
ok: true,
skipped: true,
detail: "dry run: printed, not sent"
});
}
else if (!smtpUrl) {
fail("email", `${emailConfig.smtpUrlEnv} is empty: pass the SMTP URL secret to the step (env: ${emailConfig.smtpUrlEnv}: \${{ secrets.${emailConfig.smtpUrlEnv} }})`);
}
else {
try {
const sent = await ports
.mailer(smtpUrl)
.send({ from: emailConfig.from, to: emailConfig.to, ...mail });
const rejected = sent.rejected.length ? `; rejected: ${sent.rejected.join(", ")}` : "";
if (sent.accepted.length === 0)
fail("email", `no recipient was accepted${rejected}`);
else
deliveries.push({
via: "email",
ok: true,
detail: `sent to ${sent.accepted.join(", ")}${rejected}`
});
}
catch (error) {
fail("email", (0, errors.gJ)(error));
}
}
}
else if (emailConfig) {
deliveries.push({
via: "email",
ok: true,
skipped: true,
detail: `'${event}' is not in notifications.email.events`
});
}
result.ok = deliveries.every(d => d.ok);
await ports.reporter?.summary(notifyReport(event, facts, result));
return result;
}
async function postWithBot(slack, channel, request, input, message, log) {
const done = [];
let parentTs = request.ts;
let threadTs = request.threadTs;
let parentChannel = channel;
if (parentTs) {
try {
const updated = await slack.update({
channel,
ts: parentTs,
text: message.text,
blocks: message.blocks
});
parentChannel = updated.channel;
done.push(`updated message ${parentTs}`);
}
catch (error) {
const code = error.code;
const why = code === "channel_not_found" && !isChannelId(channel)
? `channel_not_found: chat.update takes the channel ID, not the name '${channel}'; pass the channel output of the notify step that posted it`
: (0, errors.gJ)(error);
log.warning(`Slack: could not update message ${parentTs} in ${channel} (${why}): posting a new message instead${threadTs && threadTs !== parentTs ? "" : "; later steps get its ts"}`, { title: "promote notify" });
done.push(`could not update ${parentTs} (${code ?? "error"})`);
if (threadTs === parentTs)
threadTs = undefined;
parentTs = undefined;
}
}
if (!parentTs) {
const posted = await slack.postMessage({
channel,
text: message.text,
blocks: message.blocks,
...(threadTs && { thread_ts: threadTs })
});
parentTs = posted.ts;
parentChannel = posted.channel;
done.push(`posted message ${posted.ts}`);
}
if (input.event !== "started" && (request.ts || input.event === "approval-pending")) {
const reply = (0, notification.Lr)(input);
const replyTo = threadTs ?? parentTs;
const posted = await slack.postMessage({
channel: parentChannel,
text: reply.text,
blocks: reply.blocks,
thread_ts: replyTo,
reply_broadcast: input.event === "failed"
});
done.push(`replied in thread ${replyTo} (${posted.ts})`);
}
return {
ts: parentTs,
channel: parentChannel,
threadTs: threadTs ?? parentTs,
detail: `${done.join(", ")} in ${parentChannel}`
};
}
function isChannelId(channel) {
return /^[CGD][A-Z0-9]{6,}$/.test(channel);
}
function notifyReport(event, facts, result) {
const sections = [
{
title: "Deliveries",
tables: [
{
columns: ["channel", "result", "detail"],
rows: result.deliveries.map(d => [
d.via,
d.ok ? (d.skipped ? "skipped" : "sent") : "FAILED",
d.detail
])
}
]
}
];
if (result.message.cuts.length > 0) {
const cut = {
title: "In full (cut from the Slack message)",
text: [`Cut to fit Slack's limits: ${result.message.cuts.join(", ")}.`],
tables: []
};
if (facts.error)
cut.text.push("Error:", facts.error);
for (const step of facts.steps) {
const rows = (0, notification.FA)(step.results);
cut.tables.push({
title: `${step.name} (${step.state})${step.error ? `: ${step.error}` : ""}`,
columns: ["result", "value"],
rows: rows.length ? rows : [["\u2014", "\u2014"]]
});
}
const results = (0, notification.FA)(facts.results);
if (results.length > 0)
cut.tables.push({ title: "Results", columns: ["result", "value"], rows: results });
sections.push(cut);
}
const summaryFacts = [["Event", event]];
if (result.channel)
summaryFacts.push(["Slack channel", result.channel]);
if (result.ts)
summaryFacts.push(["Slack message ts", result.ts]);
return {
title: `Notification: ${(0, notification.TS)(event)}`,
verdict: result.ok ? "info" : "warn",
facts: summaryFacts,
sections
};
}
})
};
