import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Api } from '../../shared/api'
import type { KeyStatus } from '../../shared/key-status'
import type { SettingsView as SettingsData } from '../../shared/settings'
import { resolvePlatform } from './api/platform'
import { ChatView } from './features/chat/ChatView'
import { Sidebar } from './features/history/Sidebar'
import type { Page } from './features/history/SidebarNav'
import { sidebarId, SidebarToggle } from './features/history/SidebarToggle'
import { SidebarLayoutContext, useSidebarLayout } from './features/history/use-sidebar-layout'
import { useStreamingConversations } from './features/history/use-streaming-conversations'
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
import { useTransfers } from './features/transfer/use-transfers'
import { ViewBoundary } from './lib/ViewBoundary'
import { applyLanguage, resolveLanguage, strings } from './i18n'
import { useTheme } from './theme/use-theme'
import { ShortcutsPanel } from './features/shortcuts/ShortcutsPanel'
import { useShortcuts } from './features/shortcuts/use-shortcuts'
import { cx } from './ui/cx'

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
  const streaming = useStreamingConversations(api)
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

  // The sidebar's fold is remembered (a setting); shown at once, saved behind.
  const saveCollapsed = useCallback(
    (sidebarCollapsed: boolean) => {
      setSettings((current) =>
        current ? { ...current, settings: { ...current.settings, sidebarCollapsed } } : current,
      )
      void api.settings.set({ sidebarCollapsed }).then((result) => {
        if (result.ok) setSettings(result.value)
      })
    },
    [api],
  )
  const layout = useSidebarLayout(settings?.settings.sidebarCollapsed ?? false, saveCollapsed)
  const { dismiss: dismissSidebar } = layout

  const newChat = useCallback(() => {
    setOpen({ conversationId: null, messageId: null })
    setPage('chat')
    dismissSidebar()
    requestAnimationFrame(() => messageRef.current?.focus())
  }, [dismissSidebar])
  const closeConversation = useCallback(() => setOpen({ conversationId: null, messageId: null }), [])
  const openConversation = useCallback(
    (conversationId: string, messageId?: string) => {
      setOpen({ conversationId, messageId: messageId ?? null })
      setPage('chat')
      dismissSidebar()
    },
    [dismissSidebar],
  )
  const navigate = useCallback(
    (target: Page) => {
      setPage(target)
      dismissSidebar()
    },
    [dismissSidebar],
  )
  const overlayOpen = layout.narrow && layout.visible

  // The narrow overlay closes with Esc (when nothing inside used the key, as a rename or the search does).
  useEffect(() => {
    if (!overlayOpen) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return
      event.preventDefault()
      dismissSidebar()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [overlayOpen, dismissSidebar])

  // The toggle pressed is gone once the sidebar folds or opens: the focus moves to the one now shown.
  const sidebarShown = useRef(layout.visible)
  useEffect(() => {
    if (sidebarShown.current === layout.visible) return
    sidebarShown.current = layout.visible
    // A focused element that was just hidden still counts as active until the next frame.
    const active = document.activeElement
    if (active && active !== document.body && active.checkVisibility()) return
    // The narrow overlay takes the focus itself, not its toggle: a toggle's tooltip would take the first Esc.
    const selector = !layout.visible
      ? '.sidebar-rail .sidebar-toggle'
      : layout.narrow
        ? `#${sidebarId}`
        : `#${sidebarId} .sidebar-toggle`
    document.querySelector<HTMLElement>(selector)?.focus()
  }, [layout.visible, layout.narrow])
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
    search: () => {
      if (!layout.visible) layout.toggle()
      requestAnimationFrame(() => searchRef.current?.focus())
    },
    toggleSidebar: () => layout.toggle(),
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
    <SidebarLayoutContext.Provider value={layout}>
      <div className={cx('app', 'shell', layout.narrow ? 'shell--narrow' : null)} key={language}>
        {layout.visible && !layout.narrow ? null : (
          // Until the chat header holds the toggle, a slim rail keeps it in reach. On narrow windows it
          // stays under the open overlay, so the chat does not move when the sidebar opens.
          <div className="sidebar-rail">{layout.visible ? null : <SidebarToggle />}</div>
        )}
        {overlayOpen ? <div className="sidebar-backdrop" aria-hidden="true" onClick={dismissSidebar} /> : null}
        <ViewBoundary label="sidebar">
          <Sidebar
            api={api}
            list={conversations.list}
            store={conversations.store}
            currentId={open.conversationId}
            streaming={streaming}
            page={page}
            hidden={!layout.visible}
            overlay={layout.narrow}
            onOpen={openConversation}
            onNewChat={newChat}
            onNavigate={navigate}
            onShowShortcuts={() => setShowShortcuts(true)}
            onExport={transfers.actions.exportConversation}
            onCurrentDeleted={closeConversation}
            searchRef={searchRef}
          />
        </ViewBoundary>
        {showShortcuts ? <ShortcutsPanel onClose={() => setShowShortcuts(false)} /> : null}
        <main className="page">
          <ConnectionBanner />
          <NoticesBanner api={api} />
          <UpdateBanner api={api} />
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
                  transfers={transfers.actions}
                  platform={platform}
                  onSettingsChange={setSettings}
                  onKeyStatusChange={setKeyStatus}
                />
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
    </SidebarLayoutContext.Provider>
  )
}
