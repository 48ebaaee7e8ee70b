/**
 * `npm run fake-gateway`: the test gateway on 127.0.0.1 for demos and manual testing.
 *   FAKE_GATEWAY_PORT (default 8787), FAKE_GATEWAY_KEY (default sk-fake-holysheep-key),
 *   FAKE_GATEWAY_DELAY_MS (default 30) between tokens.
 */
import { startFakeGateway } from './server'

const gateway = await startFakeGateway({
  port: Number(process.env.FAKE_GATEWAY_PORT ?? 8787),
  ...(process.env.FAKE_GATEWAY_KEY ? { apiKey: process.env.FAKE_GATEWAY_KEY } : {}),
  tokenDelayMs: Number(process.env.FAKE_GATEWAY_DELAY_MS ?? 30),
})
process.stdout.write(
  `Fake gateway on ${gateway.baseURL} (key ${gateway.apiKey}).\n` +
    `Try: HOLYSHEEP_BASE_URL=${gateway.baseURL} HOLYSHEEP_API_KEY=${gateway.apiKey} npm run web\n`,
)
const stop = () => void gateway.close().then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
