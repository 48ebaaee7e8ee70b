import { useEffect, useState } from 'react'
import { strings } from '../../i18n'
import type { StreamState } from './chat-stream-store'

/**
 * "The gateway is busy. Retrying in 4 s (attempt 1 of 3)…", counting down each second; Stop ends the
 * wait. The reason is short and gives no advice of its own: the app is already trying again.
 */
export function RetryCountdown({ retry }: { retry: NonNullable<StreamState['retry']> }) {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250)
    return () => clearInterval(timer)
  }, [])
  const seconds = Math.max(0, Math.ceil((retry.until - now) / 1000))
  return (
    <div className="note retrying" role="status">
      {strings.chat.retryReasons[retry.error.kind] ?? strings.chat.retryReasonOther}{' '}
      {strings.chat.retrying(seconds, retry.attempt, retry.maxAttempts)}
    </div>
  )
}
