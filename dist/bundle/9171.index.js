export const id = 9171;
export const ids = [9171];
export const modules = {
9171: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
Av: () => (liveDeployment),
BC: () => (shortHash),
EF: () => (wasSuccessful),
historyReport: () => (historyReport),
historyRows: () => (historyRows),
loadHistory: () => (loadHistory)
});
function wasSuccessful(record) {
return record.state === "success" || record.state === "inactive";
}
function liveDeployment(records) {
return records.find(r => r.state === "success") ?? records.find(wasSuccessful);
}
function shortHash(hash) {
return hash ? hash.slice(0, 12) : "\u2014";
}
function historyRows(records) {
return records.map(record => {
const notes = [];
if (record.payload.rollbackOf !== undefined)
notes.push(`rollback to #${record.payload.rollbackOf}`);
if (record.payload.overrideReason)
notes.push(`same-artifact override: ${record.payload.overrideReason}`);
return {
id: String(record.id),
time: record.createdAt,
state: record.state,
model: record.payload.modelName ?? "\u2014",
version: record.payload.modelVersion ?? "\u2014",
hash: shortHash(record.payload.contentHash),
creator: record.creator ?? "\u2014",
note: notes.join("; ")
};
});
}
async function loadHistory(store, environment, limit = 30) {
return store.list(environment, { limit });
}
function historyReport(environment, records, source) {
const live = liveDeployment(records);
const rows = historyRows(records);
return {
title: `Deployments of ${environment}`,
verdict: "info",
facts: [
["Environment", environment],
["Source", source],
[
"Live",
live
? `#${live.id} ${live.payload.modelName} ${live.payload.modelVersion ?? ""}`.trim()
: "nothing deployed successfully"
]
],
sections: [
rows.length
? {
title: `${rows.length} deployment${rows.length === 1 ? "" : "s"}, newest first`,
tables: [
{
columns: ["id", "time", "state", "model", "version", "hash", "creator", "note"],
rows: rows.map(r => [
r.id,
r.time,
r.state,
r.model,
r.version,
r.hash,
r.creator,
r.note
])
}
]
}
: {
title: "No deployments recorded",
text: [`Nothing has been deployed to ${environment} yet.`]
}
]
};
}
})
};
