import { useEffect, useState } from 'react'
import type { Api } from '../../../../shared/api'
import type { AppError } from '../../../../shared/errors'
import { strings } from '../../i18n'
import { Button } from '../../ui/Button'
import { Banner } from '../notices/Banner'
import '../notices/banner.css'

function refusal(error: AppError): string {
  // Main refuses while an answer streams, so the restart never cuts one off.
  return error.kind === 'busy' ? strings.updates.busy : strings.errors[error.kind]
}

/**
 * "A new version is ready — Restart to update": shown when main offers a downloaded update (only ever
 * while nothing streams), and again after a reload, until the user restarts or puts it off (Later
 * dismisses it, until a newer version is ready).
 */
export function UpdateBanner({ api }: { api: Api }) {
  const t = strings.updates
  const [version, setVersion] = useState<string | null>(null)
  const [dismissed, setDismissed] = useState<string | null>(null)
  const [restarting, setRestarting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    const unsubscribe = api.onEvent((event) => {
      if (event.type === 'update') setVersion(event.ready.version)
    })
    void api.app.updateStatus().then((result) => {
      if (result.ok && result.value.ready) setVersion(result.value.ready.version)
    })
    return unsubscribe
  }, [api])
  if (version === null || dismissed === version) return null

  const restart = async () => {
    setError(null)
    const result = await api.app.installUpdate()
    if (result.ok) setRestarting(true)
    else setError(refusal(result.error))
  }
  return (
    <div className="app-banners update-banner" role="status">
      <Banner
        tone="info"
        actions={
          restarting ? null : (
            <>
              <Button size="sm" variant="primary" onClick={() => void restart()}>
                {t.restart}
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setDismissed(version)}>
                {t.later}
              </Button>
            </>
          )
        }
      >
        <p>{restarting ? t.restarting : t.ready(version)}</p>
        {error ? (
          <p className="app-banner__error" role="alert">
            {error}
          </p>
        ) : null}
      </Banner>
    </div>
  )
}
