import { useEffect, useState } from 'react'
import type { Api } from '../../../../shared/api'
import type { Notice } from '../../../../shared/contract'
import { strings } from '../../i18n'
import { Button } from '../../ui/Button'
import { Banner } from './Banner'
import './banner.css'

const sameNotice = (a: Notice, b: Notice) => a.kind === b.kind && a.path === b.path

/**
 * What start-up had to tell: a damaged file that was kept aside, and where; and what the check that
 * runs after start finds later (it arrives as an event while the window is open). Each notice is
 * dismissed on its own (or all at once), and one told twice shows once.
 */
export function NoticesBanner({ api }: { api: Api }) {
  const [notices, setNotices] = useState<Notice[]>([])
  useEffect(() => {
    const add = (incoming: Notice[]) =>
      setNotices((shown) => [
        ...shown,
        // The same notice told twice (at start and again as an event) shows once; another file of the
        // same kind (a second failed update, a restore) is news.
        ...incoming.filter((notice) => !shown.some((seen) => sameNotice(seen, notice))),
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
    <div className="app-banners notices" role="alert">
      {notices.map((notice) => (
        <Banner
          key={`${notice.kind} ${notice.path}`}
          tone="warning"
          dismissLabel={strings.notices.dismiss}
          onDismiss={() => setNotices((shown) => shown.filter((seen) => !sameNotice(seen, notice)))}
        >
          <p>{strings.notices[notice.kind](notice.path)}</p>
        </Banner>
      ))}
      {notices.length > 1 ? (
        <Button size="sm" variant="ghost" className="app-banners__all" onClick={() => setNotices([])}>
          {strings.notices.dismissAll}
        </Button>
      ) : null}
    </div>
  )
}
