import { useEffect, useRef, useSyncExternalStore } from 'react'
import { connection } from '../../api/connection-store'
import { strings } from '../../i18n'
import { Spinner } from '../../ui/Spinner'
import { showToast } from '../../ui/toast-store'
import './connection.css'

/**
 * Says when browser mode's link to the app's server is gone, and that it is being restored. The
 * status region is always there (a live region added together with its text may go unannounced);
 * it holds text only while the link is down. Its return is a short toast.
 */
export function ConnectionBanner() {
  const link = useSyncExternalStore(connection.subscribe, connection.getSnapshot)
  const seenReconnects = useRef(link.reconnects)
  useEffect(() => {
    if (link.reconnects === seenReconnects.current) return
    seenReconnects.current = link.reconnects
    showToast({ key: 'connection', title: strings.connection.back, tone: 'success' })
  }, [link.reconnects])
  const text =
    link.status === 'lost' ? strings.connection.lost : link.status === 'restarted' ? strings.connection.restarted : ''
  return (
    <div role="status" className={text ? 'connection-banner' : undefined}>
      {text ? (
        <>
          {link.status === 'lost' ? <Spinner /> : null}
          <span>{text}</span>
        </>
      ) : null}
    </div>
  )
}
