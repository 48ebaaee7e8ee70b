import { useEffect, useState } from 'react'
import type { Api } from '../../../../shared/api'
import type { Notice } from '../../../../shared/contract'
import { strings } from '../../i18n'

/**
 * What start-up had to tell: a damaged file that was kept aside, and where; and what the check that
 * runs after start finds later (it arrives as an event while the window is open).
 */
export function NoticesBanner({ api }: { api: Api }) {
  const [notices, setNotices] = useState<Notice[]>([])
  useEffect(() => {
    const add = (incoming: Notice[]) =>
      setNotices((shown) => [
        ...shown,
        // The same notice told twice (at start and again as an event) shows once; another file of the
        // same kind (a second failed update, a restore) is news.
        ...incoming.filter((notice) => !shown.some((seen) => seen.kind === notice.kind && seen.path === notice.path)),
      ])
    const unsubscribe = api.onEvent((event) => {
      if (event.type === 'notice') add([event.notice])
    })
    void api.app.notices().then((result) => {
      if (result.ok) add(result.value)
    })
    return unsubscribe
  }, [api])
  if (notices.length === 0) return null
  return (
    <div className="banner notices" role="alert">
      {notices.map((notice) => (
        <p key={`${notice.kind} ${notice.path}`}>{strings.notices[notice.kind](notice.path)}</p>
      ))}
      <button type="button" onClick={() => setNotices([])}>
        {strings.notices.dismiss}
      </button>
    </div>
  )
}
