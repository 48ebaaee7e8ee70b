/** `npm run bench`: every benchmark in turn, each printing its own table. */
export {}

await import('./chat-stream.bench')
const { runRendererBench } = await import('./renderer-stream.bench')
await runRendererBench()
const { runHistoryBench } = await import('./history.bench')
await runHistoryBench()
const { runTreeBench } = await import('./tree.bench')
await runTreeBench()
const { runBackupBench } = await import('./backup.bench')
await runBackupBench()
const { runHostileMemoryBench } = await import('./hostile-memory.bench')
await runHostileMemoryBench()
const { runAttachmentsBench } = await import('./attachments.bench')
await runAttachmentsBench()
const { runStartupBench } = await import('./startup.bench')
await runStartupBench()
