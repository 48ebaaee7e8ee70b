import { useEffect, useState } from 'react'
import type { Api } from '../../shared/api'
import type { KeyStatus } from '../../shared/key-status'
import type { SettingsView as SettingsData } from '../../shared/settings'
import { ChatView } from './features/chat/ChatView'
import { SettingsView } from './features/settings/SettingsView'
import { strings } from './i18n'

type Page = 'chat' | 'settings'

export function App({ api }: { api: Api }) {
  const [page, setPage] = useState<Page>('chat')
  const [settings, setSettings] = useState<SettingsData | null>(null)
  const [keyStatus, setKeyStatus] = useState<KeyStatus | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)

  useEffect(() => {
    void Promise.all([api.settings.get(), api.key.status()]).then(([settingsResult, keyResult]) => {
      if (settingsResult.ok) setSettings(settingsResult.value)
      else setLoadError(strings.errors[settingsResult.error.kind])
      if (keyResult.ok) setKeyStatus(keyResult.value)
      else setLoadError(strings.errors[keyResult.error.kind])
    })
  }, [api])

  if (loadError)
    return (
      <p role="alert" className="load-error">
        {loadError}
      </p>
    )
  if (!settings || !keyStatus) return null

  return (
    <div className="app">
      <nav className="topbar" aria-label={strings.appName}>
        <span className="brand">{strings.appName}</span>
        <button type="button" aria-current={page === 'chat' ? 'page' : undefined} onClick={() => setPage('chat')}>
          {strings.nav.chat}
        </button>
        <button
          type="button"
          aria-current={page === 'settings' ? 'page' : undefined}
          onClick={() => setPage('settings')}
        >
          {strings.nav.settings}
        </button>
      </nav>
      <main className="page">
        {/* The chat stays mounted while Settings is open, so a streaming answer keeps its place. */}
        <div hidden={page !== 'chat'} className="page-body">
          <ChatView
            api={api}
            defaultModel={settings.settings.defaultModel}
            hasKey={keyStatus.isSet}
            onOpenSettings={() => setPage('settings')}
          />
        </div>
        {page === 'settings' ? (
          <SettingsView
            api={api}
            settings={settings}
            keyStatus={keyStatus}
            onSettingsChange={setSettings}
            onKeyStatusChange={setKeyStatus}
          />
        ) : null}
      </main>
    </div>
  )
}
