/** `npm run bench`: every benchmark in turn, each printing its own table. */
await import('./chat-stream.bench')
