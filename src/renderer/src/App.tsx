import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Api } from '../../shared/api'
import type { KeyStatus } from '../../shared/key-status'
import type { SettingsView as SettingsData } from '../../shared/settings'
import { resolvePlatform } from './api/platform'
import { BackupsSection } from './features/backups/BackupsSection'
import { ChatView } from './features/chat/ChatView'
import { Sidebar } from './features/history/Sidebar'
import { useConversations } from './features/history/use-conversations'
import { useOpenConversation } from './features/history/use-open-conversation'
import { rememberConversation, rememberedConversation } from './features/history/remembered-conversation'
import { NoticesBanner } from './features/notices/NoticesBanner'
import { ConnectionBanner } from './features/connection/ConnectionBanner'
import { UpdateBanner } from './features/updates/UpdateBanner'
import { OnboardingView } from './features/onboarding/OnboardingView'
import { SettingsView } from './features/settings/SettingsView'
import { paymentStore } from './features/usage/money'
import { UsageView } from './features/usage/UsageView'
import { JobsPanel } from './features/transfer/JobsPanel'
import { TransferSection } from './features/transfer/TransferSection'
import { useTransfers } from './features/transfer/use-transfers'
import { ViewBoundary } from './lib/ViewBoundary'
import { applyLanguage, resolveLanguage, strings } from './i18n'
import { AppearanceSection } from './features/settings/AppearanceSection'
import { useTheme } from './theme/use-theme'
import { ShortcutsPanel } from './features/shortcuts/ShortcutsPanel'
import { useShortcuts } from './features/shortcuts/use-shortcuts'

type Page = 'chat' | 'settings' | 'usage'

export function App({ api }: { api: Api }) {
  const [page, setPage] = useState<Page>('chat')
  const [settings, setSettings] = useState<SettingsData | null>(null)
  const [keyStatus, setKeyStatus] = useState<KeyStatus | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  /** First run without a key shows onboarding, until a key is saved or the user skips it. */
  const [skippedOnboarding, setSkippedOnboarding] = useState(false)
  // A reload reopens what this window had open; a window that remembers nothing opens the
  // conversation whose answer is streaming, if one is (see the effect below).
  const [remembered] = useState(rememberedConversation)
  const [open, setOpen] = useState<{ conversationId: string | null; messageId: string | null }>({
    conversationId: remembered ?? null,
    messageId: null,
  })
  const platform = useMemo(() => resolvePlatform(), [])
  const conversations = useConversations(api)
  const transfers = useTransfers(api, platform)
  const current = useOpenConversation(
    api,
    open.conversationId,
    conversations.list.conversations.find((item) => item.id === open.conversationId) ?? null,
  )
  useTheme(settings?.settings.theme ?? 'system')
  // Before the first render of any view, so every string in it is in the chosen language.
  const language = applyLanguage(resolveLanguage(settings?.settings.language ?? 'system'))
  const messageRef = useRef<HTMLTextAreaElement>(null)
  const searchRef = useRef<HTMLInputElement>(null)

  useEffect(() => rememberConversation(open.conversationId), [open.conversationId])
  useEffect(() => {
    const showIfStillNew = (conversationId: string | null) =>
      setOpen((current) =>
        current.conversationId === (remembered ?? null) ? { conversationId, messageId: null } : current,
      )
    // The remembered conversation may have been deleted meanwhile (in another window): a new chat then.
    if (remembered)
      void api.history.get({ conversationId: remembered }).then((result) => {
        if (!result.ok) showIfStillNew(null)
      })
    else if (remembered === undefined)
      void api.chat.active().then((r) => {
        const streaming = r.ok ? r.value[0] : undefined
        if (streaming) showIfStillNew(streaming.conversationId)
      })
  }, [api, remembered])

  useEffect(() => {
    void Promise.all([api.settings.get(), api.key.status()]).then(([settingsResult, keyResult]) => {
      if (settingsResult.ok) setSettings(settingsResult.value)
      else setLoadError(strings.errors[settingsResult.error.kind])
      if (keyResult.ok) setKeyStatus(keyResult.value)
      else setLoadError(strings.errors[keyResult.error.kind])
    })
  }, [api])

  const newChat = useCallback(() => {
    setOpen({ conversationId: null, messageId: null })
    setPage('chat')
    requestAnimationFrame(() => messageRef.current?.focus())
  }, [])
  const closeConversation = useCallback(() => setOpen({ conversationId: null, messageId: null }), [])
  const openConversation = useCallback((conversationId: string, messageId?: string) => {
    setOpen({ conversationId, messageId: messageId ?? null })
    setPage('chat')
  }, [])
  // The search hit was scrolled to: forget it, so following the answer resumes and the hit can be asked for again.
  const onFocusHandled = useCallback(
    () => setOpen((current) => (current.messageId ? { ...current, messageId: null } : current)),
    [],
  )
  const onConversationCreated = useCallback(
    (conversationId: string) => setOpen({ conversationId, messageId: null }),
    [],
  )

  const [showShortcuts, setShowShortcuts] = useState(false)
  /** Opens the conversation `step` places down (or up) the list from the open one. */
  const stepConversation = (step: 1 | -1) => {
    const list = conversations.list.conversations
    if (!list.length) return false
    const at = list.findIndex((item) => item.id === open.conversationId)
    const next = at === -1 ? (step === 1 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, at + step))
    openConversation(list[next]!.id)
    return true
  }
  // Esc (stop) belongs to the chat view, which knows what streams.
  useShortcuts({
    newChat,
    search: () => searchRef.current?.focus(),
    focusMessage: () => {
      setPage('chat')
      requestAnimationFrame(() => messageRef.current?.focus())
    },
    next: () => stepConversation(1),
    previous: () => stepConversation(-1),
    settings: () => setPage('settings'),
    list: () => setShowShortcuts(true),
  })

  // Every cost on screen follows the currency and payment rate in Settings.
  const currency = settings?.settings.currency
  const paymentRate = settings?.settings.paymentRate
  useEffect(() => {
    if (currency !== undefined && paymentRate !== undefined) paymentStore.update(currency, paymentRate)
  }, [currency, paymentRate])

  if (loadError)
    return (
      <p role="alert" className="load-error">
        {loadError}
      </p>
    )
  if (!settings || !keyStatus) return null

  if (!keyStatus.isSet && !keyStatus.unreadableStoredKey && !skippedOnboarding)
    return (
      <div className="app" key={language}>
        <NoticesBanner api={api} />
        <OnboardingView
          api={api}
          keyStatus={keyStatus}
          settings={settings}
          onKeySaved={(status, nextSettings) => {
            setSettings(nextSettings)
            setKeyStatus(status)
          }}
          onSkip={() => setSkippedOnboarding(true)}
        />
      </div>
    )

  return (
    // Keyed by language: a switch re-mounts the views, so memoised ones show the new strings too.
    <div className="app" key={language}>
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
        <button type="button" aria-current={page === 'usage' ? 'page' : undefined} onClick={() => setPage('usage')}>
          {strings.usage.nav}
        </button>
        <button
          type="button"
          aria-label={strings.shortcuts.open}
          aria-haspopup="dialog"
          onClick={() => setShowShortcuts(true)}
        >
          ⌨
        </button>
      </nav>
      {showShortcuts ? <ShortcutsPanel onClose={() => setShowShortcuts(false)} /> : null}
      <ConnectionBanner />
      <NoticesBanner api={api} />
      <UpdateBanner api={api} />
      <div className="workspace">
        <ViewBoundary label="sidebar">
          <Sidebar
            api={api}
            list={conversations.list}
            store={conversations.store}
            currentId={open.conversationId}
            onOpen={openConversation}
            onNewChat={newChat}
            onCurrentDeleted={closeConversation}
            searchRef={searchRef}
          />
        </ViewBoundary>
        <main className="page">
          {/* The chat stays mounted while Settings is open, so a streaming answer keeps its place. */}
          <div hidden={page !== 'chat'} className="page-body">
            <ViewBoundary label="chat view" resetKey={open.conversationId}>
              <ChatView
                api={api}
                conversation={current}
                conversationId={open.conversationId}
                focusMessageId={open.messageId}
                onFocusHandled={onFocusHandled}
                defaultModel={settings.settings.defaultModel}
                settings={settings.settings}
                hasKey={keyStatus.isSet}
                transfers={transfers.actions}
                onConversationCreated={onConversationCreated}
                onOpenSettings={() => setPage('settings')}
                onNewChat={newChat}
                inputRef={messageRef}
              />
            </ViewBoundary>
          </div>
          {page === 'settings' ? (
            <div className="page-body settings-page">
              <ViewBoundary label="settings view">
                <SettingsView
                  api={api}
                  settings={settings}
                  keyStatus={keyStatus}
                  onSettingsChange={setSettings}
                  onKeyStatusChange={setKeyStatus}
                />
                <TransferSection actions={transfers.actions} platform={platform} />
                <BackupsSection api={api} settings={settings} onSettingsChange={setSettings} />
                <AppearanceSection api={api} settings={settings} onSettingsChange={setSettings} />
              </ViewBoundary>
            </div>
          ) : null}
          {page === 'usage' ? (
            <div className="page-body">
              <ViewBoundary label="usage view">
                <UsageView api={api} visible={page === 'usage'} />
              </ViewBoundary>
            </div>
          ) : null}
          <JobsPanel jobs={transfers.jobs} onCancel={transfers.cancel} onDismiss={transfers.dismiss} />
        </main>
      </div>
    </div>
  )
}
