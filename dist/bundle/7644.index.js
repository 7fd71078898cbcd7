export const id = 7644;
export const ids = [7644];
export const modules = {
7644: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
terminalLog: () => (terminalLog),
terminalReporter: () => (terminalReporter)
});
var _core_log_safety_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(276);
var _core_report_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8557);
var _core_secrets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8198);
function terminalLog(context) {
let depth = 0;
const line = (stream, text) => {
const indent = "  ".repeat(depth);
stream.write((0, _core_log_safety_js__WEBPACK_IMPORTED_MODULE_0__.t)((0, _core_secrets_js__WEBPACK_IMPORTED_MODULE_2__.Zg)(text))
.split("\n")
.map(l => indent + l)
.join("\n") + "\n");
};
const at = (where) => where?.file ? `${where.file}${where.line ? `:${where.line}` : ""}: ` : "";
return {
info: message => line(context.stdout, message),
debug: message => {
if (context.env.PROMOTE_DEBUG)
line(context.stderr, `debug: ${message}`);
},
warning: (message, where) => line(context.stderr, `warning: ${at(where)}${message}`),
error: (message, where) => line(context.stderr, `error: ${at(where)}${message}`),
async group(title, fn) {
line(context.stdout, `▸ ${title}`);
depth++;
try {
return await fn();
}
finally {
depth--;
}
},
secret: value => (0, _core_secrets_js__WEBPACK_IMPORTED_MODULE_2__.cl)(value)
};
}
function withoutCodeSpans(text) {
return text.replace(/`([^`\n]+)`/g, "$1");
}
function terminalReporter(context) {
return {
async summary(report) {
const text = withoutCodeSpans((0, _core_secrets_js__WEBPACK_IMPORTED_MODULE_2__.Zg)((0, _core_report_js__WEBPACK_IMPORTED_MODULE_1__.S5)(report)));
context.stdout.write(`\n${(0, _core_log_safety_js__WEBPACK_IMPORTED_MODULE_0__.t)(text)}\n\n`);
}
};
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
