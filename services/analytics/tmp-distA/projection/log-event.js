/** When the fact was recorded: the metadata's `recordedAt`, else the store's commit time. */
export function recordedAtOf(event) {
    const recordedAt = event.metadata['recordedAt'];
    return typeof recordedAt === 'string' && !Number.isNaN(Date.parse(recordedAt)) ? recordedAt : event.createdAt;
}
//# sourceMappingURL=log-event.js.map