import type { PagedMessage } from '../../../../shared/history'
import type { ToolCallRecord } from '../../../../shared/tool-calls'
import { strings } from '../../i18n'
import { formatNumber } from '../../i18n/format'
import { Button } from '../../ui/Button'
import { Spinner } from '../../ui/Spinner'
import { Square, Wrench } from '../../ui/icons'
import { approvalFor, liveCall, useToolLive } from './tool-approvals-store'
import './tools.css'

/** Arguments as the model wrote them, indented when they are JSON. */
function prettyArguments(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}

/** One call: a collapsible card with its tool, server, status and time; arguments and result inside. */
function ToolCallCard(props: { messageId: string; call: ToolCallRecord; approvalId: string | null }) {
  const { messageId, call, approvalId } = props
  const { store } = useToolLive()
  const t = strings.tools
  const seconds =
    call.startedAt !== null && call.endedAt !== null
      ? t.seconds(formatNumber((call.endedAt - call.startedAt) / 1000, 1))
      : null
  return (
    <details className={`tool-call tool-call--${call.status}`} open={approvalId !== null}>
      <summary>
        <Wrench aria-hidden className="tool-call-icon" />
        <span className="tool-call-name">{call.tool}</span>
        {call.serverName ? <span className="tool-call-server">{call.serverName}</span> : null}
        <span className="tool-call-status">
          {call.status === 'running' ? <Spinner /> : null}
          {t.status[call.status]}
        </span>
        {seconds ? <span className="tool-call-time">{seconds}</span> : null}
      </summary>
      {call.status === 'running' && store ? (
        <div className="tool-call-running">
          <Button size="sm" icon={<Square aria-hidden />} onClick={() => void store.stop(messageId, call.id)}>
            {t.stop}
          </Button>
        </div>
      ) : null}
      <div className="tool-call-body">
        <div className="tool-call-label">{t.arguments}</div>
        <pre className="tool-call-pre">{prettyArguments(call.arguments)}</pre>
        {call.result !== null ? (
          <>
            <div className="tool-call-label">{call.isError ? t.error : t.result}</div>
            {/* Untrusted text from a server: shown as text, never as HTML. */}
            <pre className="tool-call-pre tool-call-pre--text">{call.result}</pre>
          </>
        ) : null}
        {call.stderr.length > 0 ? (
          <>
            <div className="tool-call-label">{t.stderr}</div>
            <pre className="tool-call-pre">{call.stderr.join('\n')}</pre>
          </>
        ) : null}
      </div>
      {/* No autofocus here: taking the focus from the composer would let an Enter typed there approve
          a call the user never read. */}
      {approvalId && store ? (
        <div className="tool-approval" role="group" aria-label={t.approvalLabel(call.tool)}>
          <span className="tool-approval-question">{t.approvalQuestion(call.tool, call.serverName ?? '')}</span>
          <div className="tool-approval-actions">
            <Button size="sm" variant="primary" onClick={() => void store.answer(approvalId, 'once')}>
              {t.allowOnce}
            </Button>
            <Button size="sm" onClick={() => void store.answer(approvalId, 'always')}>
              {t.allowAlways}
            </Button>
            <Button size="sm" variant="danger" onClick={() => void store.answer(approvalId, 'deny')}>
              {t.deny}
            </Button>
          </div>
        </div>
      ) : null}
    </details>
  )
}

/** The calls an answer asked for, with the live state of each and any approval waiting. */
export function ToolCalls(props: { message: PagedMessage }) {
  const live = useToolLive()
  const stored = props.message.toolCalls ?? []
  if (stored.length === 0) return null
  return (
    <div className="tool-calls" aria-label={strings.tools.callsLabel}>
      {stored.map((call) => {
        const latest = liveCall(live, props.message.id, call.id)
        const shown = latest && (latest.endedAt ?? 0) >= (call.endedAt ?? 0) ? latest : call
        const approval = approvalFor(live, props.message.id, call.id)
        return (
          <ToolCallCard
            key={call.id}
            messageId={props.message.id}
            call={shown}
            approvalId={approval?.approvalId ?? null}
          />
        )
      })}
    </div>
  )
}
