export const id = 3660;
export const ids = [3660];
export const modules = {
3660: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
FA: () => (resultRows),
Lr: () => (buildStageReply),
NOTIFY_EVENTS: () => (NOTIFY_EVENTS),
TS: () => (eventLabel),
resolveEvent: () => (resolveEvent),
yY: () => (buildSlackMessage),
zF: () => (buildEmail)
});
var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8571);
var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
var _promotion_thread_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9955);
var _report_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8557);
const SLACK_LIMITS = {
blocks: 50,
sectionText: 3000,
headerText: 150,
fields: 10,
fieldText: 2000,
contextElements: 10,
contextText: 3000,
actionsElements: 25,
buttonText: 75,
buttonUrl: 3000,
actionId: 255,
fallbackText: 3000
};
const LABEL = {
started: "Started",
"approval-pending": "Awaiting approval",
succeeded: "Succeeded",
failed: "Failed",
cancelled: "Cancelled"
};
const SLACK_EMOJI = {
started: ":rocket:",
"approval-pending": ":hourglass_flowing_sand:",
succeeded: ":white_check_mark:",
failed: ":x:",
cancelled: ":no_entry_sign:"
};
const UNICODE_EMOJI = {
started: "\uD83D\uDE80",
"approval-pending": "\u23F3",
succeeded: "\u2705",
failed: "\u274C",
cancelled: "\uD83D\uDEAB"
};
function isRefusal(input) {
return input.facts.state === "refused";
}
function labelOf(input) {
return isRefusal(input) ? "Refused" : LABEL[input.event];
}
function slackEmojiOf(input) {
return isRefusal(input) ? ":no_entry:" : SLACK_EMOJI[input.event];
}
function unicodeEmojiOf(input) {
return isRefusal(input) ? "\u26D4" : UNICODE_EMOJI[input.event];
}
function eventLabel(event) {
return LABEL[event];
}
const NOTIFY_EVENTS = [
"started",
"approval-pending",
"succeeded",
"failed",
"cancelled",
"auto"
];
function resolveEvent(event, jobStatus, factsState) {
if (event !== "auto")
return event;
const status = jobStatus?.trim().toLowerCase();
if (status === "success")
return "succeeded";
if (status === "failure")
return "failed";
if (status === "cancelled")
return "cancelled";
if (status)
throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__.ConfigurationError(`input 'job-status': '${jobStatus}' is not one of success, failure, cancelled (pass \${{ job.status }})`);
switch (stepStatus(factsState)) {
case "succeeded":
return "succeeded";
case "failed":
return "failed";
case "cancelled":
return "cancelled";
case "running":
case "pending":
return "started";
default:
throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__.ConfigurationError("input 'event': 'auto' needs the job status (job-status: ${{ job.status }}) or facts with a state");
}
}
function stepStatus(state) {
const s = (state ?? "").trim().toLowerCase();
if (/^(succeeded|success|successful|completed|complete|done|ok|passed|pass)$/.test(s))
return "succeeded";
if (/^(failed|failure|error|errored|fail|crashed|timeout|timed[-_ ]?out|refused)$/.test(s))
return "failed";
if (/^(running|in[-_ ]?progress|executing|started)$/.test(s))
return "running";
if (/^(pending|queued|created|waiting|scheduled|approval-pending)$/.test(s))
return "pending";
if (/^(cancelled|canceled|aborted|aborting|terminated|stopped)$/.test(s))
return "cancelled";
if (/^(skipped|omitted|skip)$/.test(s))
return "skipped";
return "unknown";
}
const STEP_SLACK_EMOJI = {
succeeded: ":white_check_mark:",
failed: ":x:",
running: ":arrows_counterclockwise:",
pending: ":hourglass_flowing_sand:",
cancelled: ":no_entry_sign:",
skipped: ":fast_forward:",
unknown: ":grey_question:"
};
const STEP_UNICODE = {
succeeded: "\u2705",
failed: "\u274C",
running: "\uD83D\uDD04",
pending: "\u23F3",
cancelled: "\uD83D\uDEAB",
skipped: "\u23ED\uFE0F",
unknown: "\u2754"
};
function slackEscape(text) {
return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function slackLink(url, label) {
const safeLabel = slackEscape(label).replace(/\|/g, "\u00A6");
return url && isHttpUrl(url) ? `<${url}|${safeLabel}>` : safeLabel;
}
function isHttpUrl(url) {
return /^https?:\/\/\S+$/.test(url) && !/[<>|]/.test(url);
}
function slackMention(id) {
const value = id?.trim().replace(/^@/, "");
if (!value)
return undefined;
if (/^(here|channel|everyone)$/i.test(value))
return `<!${value.toLowerCase()}>`;
if (/^[UW][A-Z0-9]+$/.test(value))
return `<@${value}>`;
return `<!subteam^${value}>`;
}
function truncate(text, max, suffix = "\u2026") {
if (text.length <= max)
return text;
return text.slice(0, Math.max(0, max - suffix.length)) + suffix;
}
function pad(text, width) {
return text + " ".repeat(Math.max(0, width - text.length));
}
function textTable(columns, rows) {
const widths = columns.map((c, i) => Math.max(c.length, ...rows.map(r => (r[i] ?? "").length)));
const line = (cells) => cells
.map((c, i) => pad(c, widths[i]))
.join("  ")
.trimEnd();
return [line(columns), widths.map(w => "-".repeat(w)).join("  "), ...rows.map(line)];
}
function cell(value, max = 200) {
return truncate((0, _report_js__WEBPACK_IMPORTED_MODULE_3__.Fl)(value).replace(/\s+/g, " "), max);
}
function resultRows(results) {
return Object.entries(results).map(([key, value]) => [key, cell(value)]);
}
function metricRows(facts) {
const challenger = facts.model?.metrics ?? {};
const champion = facts.model?.championMetrics ?? {};
const names = [...new Set([...Object.keys(challenger), ...Object.keys(champion)])];
return names.map(metric => {
const a = challenger[metric];
const b = champion[metric];
const delta = a !== undefined && b !== undefined ? a - b : undefined;
return {
metric,
challenger: (0, _report_js__WEBPACK_IMPORTED_MODULE_3__.Fl)(a),
champion: (0, _report_js__WEBPACK_IMPORTED_MODULE_3__.Fl)(b),
delta: delta === undefined ? "" : `${delta > 0 ? "+" : ""}${(0, _report_js__WEBPACK_IMPORTED_MODULE_3__.Fl)(delta)}`
};
});
}
function codeBlockWithin(lines, max, cutNote) {
const clean = lines.map(l => slackEscape(l.replace(/```/g, "'''")));
const wrap = (body) => "```\n" + body.join("\n") + "\n```";
const whole = wrap(clean);
if (whole.length <= max)
return whole;
const kept = [];
let length = wrap([]).length - 1;
for (const line of clean) {
const next = length + line.length + 1;
const note = "\n" + cutNote(clean.length - kept.length - 1);
if (next + note.length > max)
break;
kept.push(line);
length = next;
}
if (kept.length === 0) {
const note = "\n" + cutNote(clean.length - 1);
const room = max - note.length - 8;
return wrap([truncate(clean[0] ?? "", Math.max(1, room))]) + note;
}
return wrap(kept) + "\n" + cutNote(clean.length - kept.length);
}
function stageOf(input) {
const { facts } = input;
const kind = facts.kind === "workflow" ? undefined : facts.kind;
const name = facts.workflow && kind && facts.workflow !== kind
? `${kind} (${facts.workflow})`
: (facts.workflow ?? kind ?? "pipeline");
return { name, project: facts.project ?? input.project, environment: facts.environment };
}
function headline(input) {
const stage = stageOf(input);
const where = [stage.project, stage.environment && `(${stage.environment})`]
.filter(Boolean)
.join(" ");
return `${labelOf(input)} · ${stage.name}${where ? ` · ${where}` : ""}`;
}
function modelLabel(facts) {
const model = facts.model;
if (!model)
return undefined;
if (model.name)
return model.version ? `${model.name} v${model.version}` : model.name;
return model.uri;
}
function shortSha(sha) {
return /^[0-9a-f]{12,}$/i.test(sha) ? sha.slice(0, 7) : sha;
}
function commitUrl(input) {
const sha = input.facts.commit;
return sha && input.repositoryUrl && /^[0-9a-f]{7,40}$/i.test(sha)
? `${input.repositoryUrl}/commit/${sha}`
: undefined;
}
function durationOf(facts) {
if (!facts.startedAt || !facts.finishedAt)
return undefined;
const ms = Date.parse(facts.finishedAt) - Date.parse(facts.startedAt);
return Number.isFinite(ms) && ms >= 0 ? (0, _duration_js__WEBPACK_IMPORTED_MODULE_0__.a)(ms) : undefined;
}
function deploymentUrl(facts) {
return facts.deployment?.url ?? facts.deployment?.environmentUrl;
}
function isFailure(event) {
return event === "failed";
}
function cutNoteFor(input, what) {
return hidden => {
if (input.cuts && !input.cuts.includes(what))
input.cuts.push(what);
const count = hidden > 0
? `${hidden} more ${hidden === 1 ? "line" : "lines"} of ${what}`
: `the rest of ${what}`;
return input.summaryUrl
? `_${count} cut: ${slackLink(input.summaryUrl, "see the run summary")}_`
: `_${count} cut (see the run summary)_`;
};
}
function stepSection(step, input) {
const status = stepStatus(step.state);
const took = durationOf(step);
const heading = `${STEP_SLACK_EMOJI[status]} *${slackEscape(truncate(step.name, 200))}* · ${slackEscape(truncate(step.state, 50))}${took ? ` · ${took}` : ""}`;
const parts = [heading];
let room = SLACK_LIMITS.sectionText - heading.length - 1;
if (step.error) {
const error = `> ${slackEscape(truncate(step.error.replace(/\s+/g, " "), 600))}`;
parts.push(error);
room -= error.length + 1;
}
const rows = resultRows(step.results);
if (rows.length > 0 && room > 80) {
parts.push(codeBlockWithin(textTable(["result", "value"], rows), room, cutNoteFor(input, `${step.name}'s results`)));
}
return {
type: "section",
text: { type: "mrkdwn", text: truncate(parts.join("\n"), SLACK_LIMITS.sectionText) }
};
}
function field(label, value) {
return { type: "mrkdwn", text: truncate(`*${label}*\n${value}`, SLACK_LIMITS.fieldText) };
}
function factFields(input) {
const { facts } = input;
const stage = stageOf(input);
const fields = [];
if (stage.project)
fields.push(field("Project", slackEscape(stage.project)));
if (stage.environment)
fields.push(field("Environment", slackEscape(stage.environment)));
const model = modelLabel(facts);
if (model)
fields.push(field("Model", slackEscape(model)));
if (facts.commit)
fields.push(field("Commit", slackLink(commitUrl(input), shortSha(facts.commit))));
if (facts.actor)
fields.push(field("Actor", slackEscape(facts.actor)));
if (facts.runId)
fields.push(field("Run", slackLink(facts.runUrl, truncate(facts.runId, 80))));
if (facts.workflowId)
fields.push(field("Workflow id", slackLink(facts.runUrl, truncate(facts.workflowId, 80))));
if (facts.state)
fields.push(field("State", slackEscape(truncate(facts.state, 100))));
const duration = durationOf(facts);
if (duration)
fields.push(field("Duration", duration));
if (facts.model?.contentHash)
fields.push(field("Manifest", `\`${slackEscape(facts.model.contentHash.slice(0, 12))}\``));
return fields.slice(0, SLACK_LIMITS.fields);
}
function reviewUrlOf(facts) {
return facts.reviewUrl ?? facts.logUrl;
}
function buttons(input) {
const { facts } = input;
const candidates = [
...(input.event === "approval-pending"
? [["Review deployment", reviewUrlOf(facts), "promote_review"]]
: []),
["View run", facts.runUrl, "promote_run"],
["GitHub run", facts.logUrl, "promote_github_run"],
["Deployment", deploymentUrl(facts), "promote_deployment"]
];
if (facts.deployment?.environmentUrl &&
facts.deployment.environmentUrl !== deploymentUrl(facts)) {
candidates.push(["Open environment", facts.deployment.environmentUrl, "promote_environment"]);
}
const seen = new Set();
const out = [];
for (const [label, url, actionId] of candidates) {
if (!url || !isHttpUrl(url) || url.length > SLACK_LIMITS.buttonUrl || seen.has(url))
continue;
seen.add(url);
out.push({
type: "button",
text: { type: "plain_text", text: label, emoji: true },
url,
action_id: actionId
});
}
const first = out[0];
if (first && (input.event === "failed" || input.event === "succeeded"))
first.style = input.event === "failed" ? "danger" : "primary";
return out.slice(0, SLACK_LIMITS.actionsElements);
}
function errorSection(input) {
const error = input.facts.error;
const mention = isFailure(input.event) ? slackMention(input.mention) : undefined;
if (!error && !mention)
return undefined;
const parts = [];
if (mention)
parts.push(`${mention} this needs a look.`);
const refusal = input.facts.refusal;
if (refusal) {
parts.push([
`*Why*\n${slackEscape(truncate(refusal.reason, 1200))}`,
refusal.rule && `*Rule*\n${slackEscape(truncate(refusal.rule, 300))}`,
refusal.fix && `*Fix*\n${slackEscape(truncate(refusal.fix, 1000))}`
]
.filter(Boolean)
.join("\n"));
}
else if (error) {
const head = "*Error*\n";
const room = SLACK_LIMITS.sectionText - head.length - (mention ? mention.length + 20 : 0);
parts.push(head +
codeBlockWithin(error.split(/\r?\n/).slice(0, 200), room, cutNoteFor(input, "the error")));
}
return {
type: "section",
text: { type: "mrkdwn", text: truncate(parts.join("\n"), SLACK_LIMITS.sectionText) }
};
}
function metricsSection(input) {
const rows = metricRows(input.facts);
if (rows.length === 0)
return undefined;
const hasChampion = rows.some(r => r.champion !== "\u2014");
const table = hasChampion
? textTable(["metric", "challenger", "champion", "\u0394"], rows.map(r => [r.metric, r.challenger, r.champion, r.delta]))
: textTable(["metric", "value"], rows.map(r => [r.metric, r.challenger]));
const head = hasChampion ? "*Metrics* (challenger vs champion)\n" : "*Metrics*\n";
return {
type: "section",
text: {
type: "mrkdwn",
text: head +
codeBlockWithin(table, SLACK_LIMITS.sectionText - head.length, cutNoteFor(input, "metrics"))
}
};
}
function resultsSection(input) {
const rows = resultRows(input.facts.results);
if (rows.length === 0)
return undefined;
const head = "*Results*\n";
return {
type: "section",
text: {
type: "mrkdwn",
text: head +
codeBlockWithin(textTable(["result", "value"], rows), SLACK_LIMITS.sectionText - head.length, cutNoteFor(input, "results"))
}
};
}
function pickSteps(steps, room) {
if (steps.length <= room)
return { shown: steps, hidden: [] };
const urgent = new Set(steps.filter(s => ["failed", "running"].includes(stepStatus(s.state))).slice(0, room));
const keep = new Set(urgent);
for (const step of steps) {
if (keep.size >= room)
break;
keep.add(step);
}
return { shown: steps.filter(s => keep.has(s)), hidden: steps.filter(s => !keep.has(s)) };
}
function hiddenStepsNote(hidden, input) {
input.cuts?.push(`${hidden.length} steps`);
const counts = new Map();
for (const step of hidden)
counts.set(stepStatus(step.state), (counts.get(stepStatus(step.state)) ?? 0) + 1);
const tally = [...counts].map(([status, n]) => `${n} ${status}`).join(", ");
const link = input.summaryUrl
? slackLink(input.summaryUrl, "see the run summary")
: "see the run summary";
return {
type: "section",
text: {
type: "mrkdwn",
text: truncate(`_${hidden.length} more steps (${tally}) cut: ${link}_`, SLACK_LIMITS.sectionText)
}
};
}
function fallbackText(input) {
const { facts } = input;
const bits = [`${unicodeEmojiOf(input)} ${headline(input)}`];
const model = modelLabel(facts);
if (model)
bits.push(model);
if (facts.runId)
bits.push(`id=${facts.runId}`);
if (facts.workflowId)
bits.push(`workflow id=${facts.workflowId}`);
if (facts.commit)
bits.push(`commit=${shortSha(facts.commit)}`);
if (facts.actor)
bits.push(`by ${facts.actor}`);
let text = slackEscape(bits.join(", "));
if (input.event === "started" && (facts.runUrl ?? facts.logUrl))
text += `; check progress in ${slackEscape(facts.runUrl ?? facts.logUrl ?? "")}`;
if (facts.error)
text += ` — ${slackEscape(truncate(facts.error.replace(/\s+/g, " "), 500))}`;
const mention = isFailure(input.event) ? slackMention(input.mention) : undefined;
if (mention)
text = `${mention} ${text}`;
return truncate(text, SLACK_LIMITS.fallbackText);
}
function buildSlackMessage(notification) {
const input = { ...notification, cuts: [] };
const header = {
type: "header",
text: {
type: "plain_text",
text: truncate(`${slackEmojiOf(input)} ${headline(input)}`, SLACK_LIMITS.headerText),
emoji: true
}
};
const head = [header];
const stages = stagesSection(input);
if (stages)
head.push(stages);
const fields = factFields(input);
if (fields.length > 0)
head.push({ type: "section", fields });
const error = errorSection(input);
if (error)
head.push(error);
const metrics = metricsSection(input);
if (metrics)
head.push(metrics);
const results = resultsSection(input);
if (results)
head.push(results);
const tail = [];
const actions = buttons(input);
if (actions.length > 0)
tail.push({ type: "actions", elements: actions });
const when = input.facts.finishedAt ?? input.facts.startedAt;
tail.push({
type: "context",
elements: [
{
type: "mrkdwn",
text: truncate(`promote-actions · ${input.event}${when ? ` · ${slackEscape(when)}` : ""}`, SLACK_LIMITS.contextText)
}
]
});
const steps = input.facts.steps;
const blocks = [...head];
if (steps.length > 0) {
blocks.push({ type: "divider" });
const room = SLACK_LIMITS.blocks - blocks.length - tail.length;
const { shown, hidden } = pickSteps(steps, steps.length <= room ? room : room - 1);
blocks.push(...shown.map(step => stepSection(step, input)));
if (hidden.length > 0)
blocks.push(hiddenStepsNote(hidden, input));
}
blocks.push(...tail);
return { text: fallbackText(input), blocks, cuts: input.cuts };
}
function buildStageReply(notification) {
const input = { ...notification, cuts: [] };
const { facts } = input;
const stage = stageOf(input);
const duration = durationOf(facts);
const mention = isFailure(input.event) ? slackMention(input.mention) : undefined;
const first = [
mention,
`${slackEmojiOf(input)} *${slackEscape(stage.name)}* ${labelOf(input).toLowerCase()}`,
stage.environment ? `in *${slackEscape(stage.environment)}*` : undefined,
duration ? `after ${duration}` : undefined,
facts.runId ? `· run ${slackLink(facts.runUrl, truncate(facts.runId, 80))}` : undefined
]
.filter(Boolean)
.join(" ");
const lines = [first];
if (input.event === "approval-pending") {
const reviewUrl = reviewUrlOf(facts);
const review = reviewUrl
? slackLink(reviewUrl, "review the deployment")
: "review the deployment in GitHub";
lines.push(`Waiting for a reviewer: ${review}.`);
}
if (facts.error)
lines.push(`> ${slackEscape(truncate(facts.error.replace(/\s+/g, " "), 500))}`);
const stepLines = facts.steps.map(step => {
const status = stepStatus(step.state);
const error = step.error ? ` — ${truncate(step.error.replace(/\s+/g, " "), 120)}` : "";
const took = durationOf(step);
return `${STEP_UNICODE[status]} ${truncate(step.name, 80)}  ${truncate(step.state, 30)}${took ? ` (${took})` : ""}${error}`;
});
let text = lines.join("\n");
if (stepLines.length > 0) {
text +=
"\n" +
codeBlockWithin(stepLines, SLACK_LIMITS.sectionText - text.length - 1, cutNoteFor(input, "steps"));
}
const blocks = [
{ type: "section", text: { type: "mrkdwn", text: truncate(text, SLACK_LIMITS.sectionText) } }
];
if (facts.plan && input.event === "approval-pending")
blocks.push(...planBlocks(facts.plan, input));
const actions = buttons(input);
if (actions.length > 0)
blocks.push({ type: "actions", elements: actions });
const fallback = [mention, `${unicodeEmojiOf(input)} ${slackEscape(headline(input))}`]
.filter(Boolean)
.join(" ");
return { text: truncate(fallback, SLACK_LIMITS.fallbackText), blocks, cuts: input.cuts };
}
const STAGE_LABEL = {
started: "running",
"approval-pending": "awaiting approval",
succeeded: "succeeded",
failed: "failed",
cancelled: "cancelled",
refused: "refused"
};
const STAGE_EMOJI = { ...SLACK_EMOJI, refused: ":no_entry:" };
function stagesSection(input) {
const stages = input.stages ?? [];
if (stages.length < 2)
return undefined;
const overall = (0, _promotion_thread_js__WEBPACK_IMPORTED_MODULE_2__.gX)(stages);
const lines = stages.map(s => {
const name = `*${slackEscape(truncate(s.stage, 60))}*${s.environment ? ` in *${slackEscape(truncate(s.environment, 60))}*` : ""}`;
const model = s.model ? ` · ${slackEscape(truncate(s.model, 80))}` : "";
const status = s.url && isHttpUrl(s.url) ? slackLink(s.url, STAGE_LABEL[s.status]) : STAGE_LABEL[s.status];
return `${STAGE_EMOJI[s.status]} ${name}${model} · ${status}`;
});
let text = `*Promotion* · ${STAGE_LABEL[overall]}`;
const kept = [];
for (const line of [...lines].reverse()) {
if (text.length + kept.join("\n").length + line.length + 40 > SLACK_LIMITS.sectionText)
break;
kept.unshift(line);
}
if (kept.length < lines.length)
text += `\n_${lines.length - kept.length} earlier stages not shown_`;
text += `\n${kept.join("\n")}`;
return {
type: "section",
text: { type: "mrkdwn", text: truncate(text, SLACK_LIMITS.sectionText) }
};
}
const VERDICT_EMOJI = {
pass: ":white_check_mark:",
info: ":information_source:",
warn: ":warning:",
fail: ":x:",
skip: ":fast_forward:"
};
function mrkdwnSection(text) {
return {
type: "section",
text: { type: "mrkdwn", text: truncate(text, SLACK_LIMITS.sectionText) }
};
}
function planBlocks(plan, input) {
const blocks = [];
const model = `${plan.model.name}${plan.model.version ? ` v${plan.model.version}` : ""}`;
const hash = plan.model.contentHash
? ` (\`${slackEscape(plan.model.contentHash.slice(0, 12))}\`)`
: "";
const where = [
plan.environment.cluster,
plan.environment.clusterKind && `(${plan.environment.clusterKind})`
]
.filter(Boolean)
.join(" ");
const live = plan.live
? `#${slackEscape(String(plan.live.id ?? "?"))}: ${slackEscape(`${plan.live.modelName ?? ""}${plan.live.modelVersion ? ` v${plan.live.modelVersion}` : ""}`)}${plan.live.contentHash ? ` (\`${slackEscape(plan.live.contentHash.slice(0, 12))}\`)` : ""}`
: "nothing deployed yet";
blocks.push(mrkdwnSection(`*Plan* · deploy *${slackEscape(truncate(model, 200))}*${hash} to *${slackEscape(truncate(plan.environment.name, 100))}*${where ? ` on ${slackEscape(truncate(where, 200))}` : ""}\nLive now: ${truncate(live, 400)}`));
if (plan.refusals.length > 0) {
const head = `${VERDICT_EMOJI.fail} *Would be refused* (a reviewer should reject it)\n`;
const items = plan.refusals.map(r => `• ${slackEscape(truncate(r.replace(/\s+/g, " "), 600))}`);
blocks.push(mrkdwnSection(head + items.join("\n")));
}
if (plan.metrics.length > 0) {
const head = `*Metrics* (this model vs live in ${slackEscape(truncate(plan.environment.name, 100))})\n`;
const table = textTable(["metric", "this model", "live"], plan.metrics.map(m => [
truncate(m.name, 60),
m.candidate === undefined ? "\u2014" : cell(m.candidate, 40),
m.live === undefined ? "\u2014" : cell(m.live, 40)
]));
blocks.push(mrkdwnSection(head +
codeBlockWithin(table, SLACK_LIMITS.sectionText - head.length, cutNoteFor(input, "the plan's metrics"))));
}
const fields = [];
if (plan.sameArtifact)
fields.push(field("Same artifact", `${VERDICT_EMOJI[plan.sameArtifact.verdict] ?? ""} ${slackEscape(truncate(plan.sameArtifact.note, 1500))}`.trim()));
if (plan.approval) {
fields.push(field("Approval", `${VERDICT_EMOJI[plan.approval.verdict ?? ""] ?? ""} ${plan.approval.required ? "required" : "not required"}${plan.approval.rule ? `: ${slackEscape(truncate(plan.approval.rule, 1200))}` : ""}`.trim()));
if (plan.approval.approvers)
fields.push(field("Who may approve", slackEscape(truncate(plan.approval.approvers, 1500))));
}
if (plan.workflow) {
const remote = plan.workflow.remoteName && plan.workflow.remoteName !== plan.workflow.key
? ` (submitted as ${plan.workflow.remoteName})`
: "";
fields.push(field("Pipeline", slackEscape(truncate(`${plan.workflow.key}${remote}${plan.workflow.project ? ` in ${plan.workflow.project}` : ""}${plan.workflow.timeout ? `, timeout ${plan.workflow.timeout}` : ""}`, 1500))));
}
if (fields.length > 0)
blocks.push({ type: "section", fields });
const args = Object.entries(plan.workflow?.arguments ?? {});
if (args.length > 0) {
const head = "*Arguments*\n";
blocks.push(mrkdwnSection(head +
codeBlockWithin(textTable(["argument", "value"], args.map(([k, v]) => [truncate(k, 80), cell(v)])), SLACK_LIMITS.sectionText - head.length, cutNoteFor(input, "the plan's arguments"))));
}
return blocks;
}
function checkSlackLimits(message) {
const problems = [];
if (!message.text)
problems.push("text (the fallback) is empty");
if (message.text.length > SLACK_LIMITS.fallbackText)
problems.push(`text has ${message.text.length} characters (max ${SLACK_LIMITS.fallbackText})`);
if (message.blocks.length > SLACK_LIMITS.blocks)
problems.push(`${message.blocks.length} blocks (max ${SLACK_LIMITS.blocks})`);
message.blocks.forEach((block, i) => {
const at = `blocks[${i}] (${block.type})`;
if (block.type === "header" && block.text.text.length > SLACK_LIMITS.headerText)
problems.push(`${at} text over ${SLACK_LIMITS.headerText}`);
if (block.type === "section") {
if (!block.text && !block.fields?.length)
problems.push(`${at} has neither text nor fields`);
if (block.text && block.text.text.length > SLACK_LIMITS.sectionText)
problems.push(`${at} text has ${block.text.text.length} characters`);
if ((block.fields?.length ?? 0) > SLACK_LIMITS.fields)
problems.push(`${at} has ${block.fields.length} fields`);
for (const f of block.fields ?? [])
if (f.text.length > SLACK_LIMITS.fieldText)
problems.push(`${at} field over ${SLACK_LIMITS.fieldText}`);
}
if (block.type === "context" && block.elements.length > SLACK_LIMITS.contextElements)
problems.push(`${at} has too many elements`);
if (block.type === "actions") {
if (block.elements.length > SLACK_LIMITS.actionsElements)
problems.push(`${at} has too many elements`);
for (const b of block.elements) {
if (b.text.text.length > SLACK_LIMITS.buttonText)
problems.push(`${at} button text over ${SLACK_LIMITS.buttonText}`);
if (b.url.length > SLACK_LIMITS.buttonUrl)
problems.push(`${at} button url over ${SLACK_LIMITS.buttonUrl}`);
}
}
});
return problems;
}
const EMAIL_MAX_STEPS = 100;
const EMAIL_MAX_RESULTS = 40;
function escapeHtml(text) {
return text
.replace(/&/g, "&amp;")
.replace(/</g, "&lt;")
.replace(/>/g, "&gt;")
.replace(/"/g, "&quot;");
}
function emailFacts(input) {
const { facts } = input;
const stage = stageOf(input);
const rows = [];
if (stage.project)
rows.push(["Project", stage.project]);
if (stage.environment)
rows.push(["Environment", stage.environment]);
rows.push(["Stage", stage.name]);
const model = modelLabel(facts);
if (model)
rows.push(["Model", model]);
if (facts.model?.uri && facts.model.uri !== model)
rows.push(["Model URI", facts.model.uri]);
if (facts.runId)
rows.push(["Run", facts.runId]);
if (facts.state)
rows.push(["State", facts.state]);
if (facts.commit)
rows.push(["Commit", facts.commit]);
if (facts.actor)
rows.push(["Actor", facts.actor]);
const duration = durationOf(facts);
if (duration)
rows.push(["Duration", duration]);
const links = [];
const add = (label, url) => {
if (url && isHttpUrl(url) && !links.some(([, u]) => u === url))
links.push([label, url]);
};
add("Orchestrator run", facts.runUrl);
add("GitHub run", facts.logUrl);
add("Deployment", deploymentUrl(facts));
add("Environment", facts.deployment?.environmentUrl);
add("Commit", commitUrl(input));
add("Run summary", input.summaryUrl);
return { rows, links };
}
function buildEmail(input) {
const { facts } = input;
const stage = stageOf(input);
const { rows, links } = emailFacts(input);
const where = [stage.project, stage.environment && `in ${stage.environment}`]
.filter(Boolean)
.join(" ");
const subject = truncate(`[promote] ${unicodeEmojiOf(input)} ${labelOf(input)}: ${stage.name}${where ? ` of ${where}` : ""}${modelLabel(facts) ? ` (${modelLabel(facts)})` : ""}`, 200).replace(/[\r\n]+/g, " ");
const width = Math.max(...rows.map(([k]) => k.length));
const text = [
`${labelOf(input).toUpperCase()}: ${stage.name}${where ? ` of ${where}` : ""}`,
""
];
text.push(...rows.map(([k, v]) => `${pad(k, width)}  ${v}`), "");
if (facts.error)
text.push("Error:", ...truncate(facts.error, 20000)
.split(/\r?\n/)
.map(l => `  ${l}`), "");
const metrics = metricRows(facts);
if (metrics.length > 0) {
text.push("Metrics (challenger vs champion):", ...textTable(["metric", "challenger", "champion", "\u0394"], metrics.map(m => [m.metric, m.challenger, m.champion, m.delta])).map(l => `  ${l}`), "");
}
const { shown: mailSteps, hidden: hiddenSteps } = pickSteps(facts.steps, EMAIL_MAX_STEPS);
const more = (n, what) => `… ${n} more ${what} (see the run summary${input.summaryUrl ? `: ${input.summaryUrl}` : ""})`;
const stepResults = (step) => {
const rows = resultRows(step.results);
return {
rows: rows.slice(0, EMAIL_MAX_RESULTS),
hidden: Math.max(0, rows.length - EMAIL_MAX_RESULTS)
};
};
if (mailSteps.length > 0) {
text.push("Steps:");
for (const step of mailSteps) {
text.push(`  ${STEP_UNICODE[stepStatus(step.state)]} ${step.name}  ${step.state}`);
if (step.error)
text.push(`      error: ${truncate(step.error, 2000)}`);
const { rows, hidden } = stepResults(step);
for (const [key, value] of rows)
text.push(`      ${key}: ${value}`);
if (hidden > 0)
text.push(`      ${more(hidden, "results")}`);
}
if (hiddenSteps.length > 0)
text.push(`  ${more(hiddenSteps.length, "steps")}`);
text.push("");
}
const allResults = resultRows(facts.results);
const results = allResults.slice(0, EMAIL_MAX_RESULTS);
if (results.length > 0) {
text.push("Results:", ...results.map(([k, v]) => `  ${k}: ${v}`));
if (allResults.length > results.length)
text.push(`  ${more(allResults.length - results.length, "results")}`);
text.push("");
}
if (links.length > 0)
text.push("Links:", ...links.map(([label, url]) => `  ${label}: ${url}`), "");
text.push("-- ", "Sent by promote-actions.");
const h = escapeHtml;
const color = input.event === "failed" ? "#b42318" : input.event === "succeeded" ? "#067647" : "#344054";
const table = (header, body) => `<table cellpadding="4" cellspacing="0" style="border-collapse:collapse">${header
? `<tr>${header.map(c => `<th align="left" style="border-bottom:1px solid #ccc">${h(c)}</th>`).join("")}</tr>`
: ""}${body.map(r => `<tr>${r.map((c, i) => (i === 0 && !header ? `<th align="left">${h(c)}</th>` : `<td>${h(c)}</td>`)).join("")}</tr>`).join("")}</table>`;
const html = [
"<!doctype html><html><body style=\"font-family:sans-serif\">",
`<h2 style="color:${color}">${h(`${unicodeEmojiOf(input)} ${labelOf(input)}: ${stage.name}${where ? ` of ${where}` : ""}`)}</h2>`,
table(undefined, rows)
];
if (facts.error)
html.push("<h3>Error</h3>", `<pre style="background:#f6f6f6;padding:8px;white-space:pre-wrap">${h(truncate(facts.error, 20000))}</pre>`);
if (metrics.length > 0) {
html.push("<h3>Metrics (challenger vs champion)</h3>", table(["metric", "challenger", "champion", "\u0394"], metrics.map(m => [m.metric, m.challenger, m.champion, m.delta])));
}
if (mailSteps.length > 0) {
html.push("<h3>Steps</h3>", table(["step", "state", "results"], mailSteps.map(step => {
const { rows, hidden } = stepResults(step);
return [
`${STEP_UNICODE[stepStatus(step.state)]} ${step.name}`,
step.state,
[
step.error ? `error: ${truncate(step.error, 2000)}` : "",
...rows.map(([k, v]) => `${k}=${v}`),
hidden > 0 ? more(hidden, "results") : ""
]
.filter(Boolean)
.join("; ")
];
})));
if (hiddenSteps.length > 0)
html.push(`<p>${h(more(hiddenSteps.length, "steps"))}</p>`);
}
if (results.length > 0) {
html.push("<h3>Results</h3>", table(["result", "value"], results));
if (allResults.length > results.length)
html.push(`<p>${h(more(allResults.length - results.length, "results"))}</p>`);
}
if (links.length > 0) {
html.push(`<p>${links.map(([label, url]) => `<a href="${h(url)}">${h(label)}</a>`).join(" \u00B7 ")}</p>`);
}
html.push("<p style=\"color:#667085;font-size:12px\">Sent by promote-actions.</p></body></html>");
return { subject, text: text.join("\n"), html: html.join("\n") };
}
}),
9955: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
EX: () => (stageFromFacts),
_3: () => (recordStage),
gX: () => (overallStatus),
lj: () => (parseStages)
});
var _zod_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2158);
const STAGE_STATUSES = [
"started",
"approval-pending",
"succeeded",
"failed",
"cancelled",
"refused"
];
const promotionStageSchema = _zod_js__WEBPACK_IMPORTED_MODULE_0__.Ikc({
stage: _zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP().check(_zod_js__WEBPACK_IMPORTED_MODULE_0__.BpQ(1), _zod_js__WEBPACK_IMPORTED_MODULE_0__.Ru6(100)),
environment: _zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP().check(_zod_js__WEBPACK_IMPORTED_MODULE_0__.Ru6(100))),
status: _zod_js__WEBPACK_IMPORTED_MODULE_0__.k5n(STAGE_STATUSES),
model: _zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP().check(_zod_js__WEBPACK_IMPORTED_MODULE_0__.Ru6(200))),
url: _zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP().check(_zod_js__WEBPACK_IMPORTED_MODULE_0__.Ru6(1000)))
});
const MAX_STAGES = 20;
function stageFromFacts(event, facts) {
const stage = facts.kind === "workflow" ? (facts.workflow ?? "pipeline") : facts.kind;
const model = facts.model?.name
? facts.model.version
? `${facts.model.name} v${facts.model.version}`
: facts.model.name
: undefined;
return {
stage: stage.slice(0, 100),
...(facts.environment && { environment: facts.environment.slice(0, 100) }),
status: facts.state === "refused" ? "refused" : event,
...(model && { model: model.slice(0, 200) }),
...(facts.logUrl && /^https?:\/\//.test(facts.logUrl) && { url: facts.logUrl.slice(0, 1000) })
};
}
function recordStage(stages, current) {
const same = (s) => s.stage === current.stage && (s.environment ?? "") === (current.environment ?? "");
const at = stages.findIndex(same);
const next = at >= 0
? stages.map((s, i) => (i === at ? { ...s, ...current, model: current.model ?? s.model } : s))
: [...stages, current];
return next.slice(-MAX_STAGES);
}
function parseStages(text, warn) {
if (!text?.trim())
return [];
let data;
try {
data = JSON.parse(text);
}
catch (error) {
warn(`input 'stages' is not JSON (${error.message}): showing this stage only`);
return [];
}
if (!Array.isArray(data)) {
warn("input 'stages' is not a JSON list (pass the stages output of the last notify step)");
return [];
}
const stages = [];
for (const [i, item] of data.entries()) {
const parsed = promotionStageSchema.safeParse(item);
if (parsed.success)
stages.push(parsed.data);
else
warn(`input 'stages': entry ${i} is not a stage (${parsed.error.issues[0]?.message}): left out`);
}
return stages.slice(-MAX_STAGES);
}
function overallStatus(stages) {
const stopped = stages.find(s => ["failed", "refused", "cancelled"].includes(s.status));
return stopped?.status ?? stages[stages.length - 1]?.status;
}
})
};
