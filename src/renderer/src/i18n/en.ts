import { connectionCauseInEnglish, type ErrorKind, type ImportProblem } from '../../../shared/errors'
import type { KeyProtection } from '../../../shared/key-status'
import type { DiagramKind } from '../markdown/diagram-protocol'
import { formatNumber } from './format'

const diagramKindsEn: Record<DiagramKind, string> = {
  flowchart: 'flowchart',
  sequence: 'sequence',
  class: 'class',
  state: 'state',
  gantt: 'Gantt',
  pie: 'pie chart',
  er: 'entity relationship',
  journey: 'user journey',
  mindmap: 'mind map',
}

/**
 * Every string the renderer shows, in one place, so a translation is one more file of this shape.
 * Error texts say what went wrong and what to do about it.
 */
export const en = {
  appName: 'HolySheep Chat',
  nav: { chat: 'Chat', settings: 'Settings' },
  chat: {
    transcript: 'Conversation',
    message: 'Message',
    messagePlaceholder: 'Ask anything… (Enter to send, Shift+Enter for a new line)',
    send: 'Send',
    stop: 'Stop',
    model: 'Model',
    you: 'You',
    assistant: 'Assistant',
    empty: 'Start a conversation. Your messages go to the gateway shown in Settings.',
    stopped: 'Stopped.',
    interrupted: 'The app closed before this answer finished.',
    /** Said after an answer ended early only when some of its text had arrived. */
    textKept: 'The text received so far is kept.',
    newConversation: 'New conversation',
    retrying: (seconds: number, attempt: number, maxAttempts: number) =>
      `Retrying in ${formatNumber(seconds)} s (attempt ${formatNumber(attempt)} of ${formatNumber(maxAttempts)})…`,
    /** What failed, before the countdown: the app tries again itself, so no "try again" advice here. */
    retryReasons: {
      rate_limited: 'The gateway is busy.',
      server: 'The gateway had a problem.',
      network: 'Could not reach the gateway.',
      timeout: 'The gateway did not answer in time.',
    } as Partial<Record<ErrorKind, string>>,
    retryReasonOther: 'The request failed.',
    loadingOlder: 'Scroll up for earlier messages.',
    thinking: 'Waiting for the first token…',
    newChat: 'New chat',
    openSettings: 'Open settings',
    pickModel: 'Pick another model',
    retry: 'Try again',
    continue: 'Continue',
    thinkingSection: 'Thinking',
    messageActions: 'Message actions',
    copyMessage: 'Copy message',
    edit: 'Edit',
    editMessage: 'Edit message',
    editReplaces: 'Sending replaces this message and every message after it.',
    sendEdited: 'Send edited',
    cancel: 'Cancel',
    regenerate: 'Regenerate',
    deleteMessage: 'Delete',
    confirmDelete: 'Delete for good',
    lengthLimit: 'The answer reached its length limit (max tokens). Continue asks for the rest.',
    contentFilter: 'The provider’s content filter stopped this answer.',
    textCut: (shown: string, total: string) =>
      `This message is long: showing the first ${shown} of ${total} characters.`,
    editTooLong: (max: string) => `Too long to edit here: a message sent can have at most ${max} characters.`,
    showMore: 'Show more',
    noKeyBanner: 'No API key is set yet. Add your HolySheep key in Settings to start chatting.',
    meta: (parts: { model: string; ttftMs: number | null; tokensPerSecond: number | null; tokens: number | null }) =>
      [
        parts.model,
        parts.ttftMs === null ? null : `first token ${formatNumber(Math.round(parts.ttftMs))} ms`,
        parts.tokensPerSecond === null ? null : `${formatNumber(parts.tokensPerSecond, 1)} tokens/s`,
        parts.tokens === null ? null : `${formatNumber(parts.tokens)} tokens`,
      ]
        .filter(Boolean)
        .join(' · '),
  },
  /** The transcript and the composer (issue 14). */
  transcript: {
    thinking: 'Thinking…',
    waiting: 'Waiting for the first token…',
    scrollToBottom: 'Scroll to the latest message',
    emptyTitle: 'What can I help with?',
    emptyDescription: 'Ask anything, or start from a suggestion. Your messages go to the gateway shown in Settings.',
    suggestions: 'Suggestions',
    suggestionList: [
      { label: 'Explain a concept', prompt: 'Explain in simple words, with an example: ' },
      { label: 'Summarise a text', prompt: 'Summarise the following text in five bullet points:\n\n' },
      { label: 'Write code', prompt: 'Write a TypeScript function that ' },
      { label: 'Translate', prompt: 'Translate into English, keeping the tone:\n\n' },
    ],
  },
  markdown: {
    code: 'Code',
    copy: 'Copy',
    copied: 'Copied',
    copyFailed: 'Could not copy',
    copyCode: (language: string) => `Copy ${language} code`,
    image: (alt: string) => (alt ? `Image: ${alt}` : 'Image'),
    taskDone: 'Done',
    taskOpen: 'Not done',
    tooLarge: 'Too large to format: shown as plain text.',
    renderFailed: 'This answer could not be formatted: shown as plain text.',
    shownPart: (shown: number, total: number) =>
      `Showing the first ${formatNumber(shown)} of ${formatNumber(total)} characters.`,
    showMore: 'Show more',
    copyAll: 'Copy all',
  },
  richText: {
    preview: 'Preview',
    previewTooLarge: 'Too large to preview',
    previewTitle: (language: string) => `Preview of the ${language.toUpperCase()} code`,
    previewNote: 'Drawn in a sealed frame: it cannot reach the app, your data or the network.',
    previewFrame: 'Preview',
    formulaFailed: (message: string) => `This formula could not be shown: ${message}`,
    footnote: (label: string) => `Footnote ${label}`,
    backToReference: (label: string) => `Back to the text of footnote ${label}`,
    wrapLines: 'Wrap long lines',
    unwrapLines: 'Do not wrap lines',
    diagram: (kind: DiagramKind | null) => (kind ? `Diagram (${diagramKindsEn[kind]})` : 'Diagram'),
    showSource: 'Show source',
    showDiagram: 'Show diagram',
    drawingDiagram: 'Drawing the diagram…',
    diagramFailed: 'This diagram could not be drawn. Its source is below; the diagram tool says:',
    diagramTooLarge: (limit: string) =>
      `This diagram is too large to draw (more than ${limit} characters): its source is below.`,
    diagramTooSlow: (seconds: number) => `Drawing it took longer than ${seconds} seconds, so it was stopped.`,
    diagramUnavailable: 'The diagram tool did not load. Reload the app to try again.',
    diagramFrame: 'Diagram drawing',
  },
  views: {
    failed: 'This part of the app failed to show. The rest still works.',
    retry: 'Try again',
  },
  history: {
    sidebar: 'Conversations and search',
    conversations: 'Conversations',
    search: 'Search',
    searchPlaceholder: 'Search chats',
    searching: 'Searching…',
    searchFailed: 'The search failed:',
    listFailed: 'The conversations could not be listed:',
    results: 'Search results',
    noResults: (query: string) => `Nothing found for “${query}”.`,
    empty: 'No conversations yet.',
    emptyHint: 'Your chats appear here, newest first. Start one with New chat.',
    noResultsHint: 'Try other words: accents and capitals do not matter.',
    newChatShortcut: 'New chat (Ctrl+N)',
    pin: 'Pin',
    unpin: 'Unpin',
    rename: 'Rename',
    newTitle: 'New title',
    delete: 'Delete',
    deleted: (title: string) => `Deleted “${title}”.`,
    undo: 'Undo',
    more: 'More actions',
    answering: 'Answering…',
    groups: {
      pinned: 'Pinned',
      today: 'Today',
      yesterday: 'Yesterday',
      previous7: 'Previous 7 days',
      previous30: 'Previous 30 days',
    },
  },
  sidebar: {
    show: 'Show sidebar',
    hide: 'Hide sidebar',
    navigation: 'App',
  },
  transfer: {
    title: 'History: export and import',
    explain:
      'Export to Markdown to read or share, or to JSON to keep a full copy. Import a JSON export of this app or ChatGPT’s conversations.json.',
    exportConversation: 'Export this conversation',
    exportMarkdown: 'Export as Markdown',
    exportJson: 'Export as JSON',
    exportAllMarkdown: 'Export all as Markdown',
    exportAllJson: 'Export all as JSON',
    import: 'Import…',
    chosenFile: (name: string) => `File chosen: “${name}”`,
    jobs: 'Exports and imports',
    exporting: 'Exporting',
    importing: 'Importing',
    progress: (done: number, total: number | null, unit: 'bytes' | 'conversations') => {
      const amount = (value: number) =>
        unit === 'bytes' ? `${formatNumber(value / 1_048_576, 1)} MB` : formatNumber(value)
      const of = total === null ? amount(done) : `${amount(done)} of ${amount(total)}`
      return unit === 'bytes' ? `${of} read` : `${of} conversations`
    },
    cancel: 'Cancel',
    dismiss: 'Dismiss',
    cancelled: (kind: 'export' | 'import'): string =>
      kind === 'export' ? 'Export cancelled.' : 'Import cancelled; nothing was imported.',
    failed: (kind: 'export' | 'import'): string =>
      kind === 'export' ? 'Export failed:' : 'Import failed; nothing was imported:',
    imported: (conversations: number, messages: number) =>
      `Imported ${formatNumber(conversations)} conversation${conversations === 1 ? '' : 's'} (${formatNumber(messages)} message${messages === 1 ? '' : 's'}).`,
    attachmentsNotImported: (count: number, names: string[]) =>
      `${formatNumber(count)} attachment${count === 1 ? ' was' : 's were'} not imported (the file names them but does not hold them): ${names.join(', ')}${count > names.length ? ` and ${formatNumber(count - names.length)} more` : ''}. Each message says which it had.`,
    exported: (conversations: number) =>
      `Exported ${formatNumber(conversations)} conversation${conversations === 1 ? '' : 's'}.`,
    download: 'Download',
    importProblem: (problem: ImportProblem): string => {
      switch (problem.kind) {
        case 'zip':
          return 'This is a ZIP archive, not a JSON file. Unzip it first (ChatGPT’s export holds conversations.json), then import the JSON file.'
        case 'gzip':
          return 'This is a gzip-compressed file, not a JSON file. Decompress it first, then import the JSON file.'
        case 'utf16':
          return 'This file is UTF-16 text. Save it as JSON in UTF-8, then import it again.'
        case 'not_utf8':
          return `This file is not UTF-8 text: byte ${formatNumber(problem.byteOffset ?? 0)} is not valid UTF-8. Save it as JSON in UTF-8, then import it again.`
      }
    },
  },
  notices: {
    history_moved_aside: (path: string) =>
      `Your history file could not be opened. It was kept at ${path} and a new one was started.`,
    settings_moved_aside: (path: string) =>
      `Your settings file could not be read. It was kept at ${path} and the defaults are in use.`,
    history_wal_lost: (path: string) =>
      `The app last stopped without closing, and the file holding its latest changes (${path}) was gone when it started again, so your most recent messages may be missing. Everything older is kept.`,
    history_damaged: (path: string) =>
      `Your history file ${path} is damaged: a check found pages that cannot be read. It is kept as it is; export your conversations now (Export all as JSON) and keep a copy of the file before anything else is lost.`,
    key_moved_aside: (path: string) =>
      `The file holding your API key could not be read. It was kept at ${path}; enter your key again.`,
    history_migration_failed: (path: string) =>
      `An update of your history could not be applied, so nothing was changed. A copy taken before the update is at ${path}. Your conversations can be read, searched and exported, but not changed, until a fixed version of the app opens them.`,
    dismiss: 'Dismiss',
    dismissAll: 'Dismiss all',
  },
  updates: {
    ready: (version: string) => `A new version (${version}) is ready.`,
    restart: 'Restart to update',
    later: 'Later',
    restarting: 'Restarting to update…',
    busy: 'An answer is still streaming. Restart to update when it has finished.',
    section: 'Updates',
    autoUpdate: 'Check for updates automatically',
    autoUpdateHint: 'Checks at start and every 4 hours, downloads in the background, and asks before restarting.',
    desktopOnly: 'Applies to the installed desktop app; this copy does not update itself.',
  },
  backups: {
    title: 'Backups',
    explain:
      'A copy of your history is taken once a day while the app runs, and before an update changes it. Restoring one keeps your current history aside first. Your API key is never in a backup.',
    enabled: 'Back up every day',
    keep: 'Daily backups to keep',
    save: 'Save',
    saved: 'Saved.',
    backUpNow: 'Back up now',
    backingUp: 'Backing up…',
    taken: (size: string) => `Backup taken (${size}).`,
    failed: 'The backup could not be taken. Check that the disk has space, then try again.',
    none: 'No backups yet.',
    folder: (path: string) => `Backups are kept in ${path}.`,
    list: 'Backups',
    date: 'Date',
    kindColumn: 'Kind',
    size: 'Size',
    contents: 'Contents',
    kind: { daily: 'Daily', manual: 'Manual', 'pre-migration': 'Before an update' },
    bytes: (bytes: number) =>
      bytes < 1_048_576 ? `${formatNumber(bytes / 1024)} KB` : `${formatNumber(bytes / 1_048_576, 1)} MB`,
    counts: (conversations: number, messages: number) =>
      `${formatNumber(conversations)} conversation${conversations === 1 ? '' : 's'}, ${formatNumber(messages)} message${messages === 1 ? '' : 's'}`,
    restore: 'Restore…',
    restoreLabel: (date: string) => `Restore the backup of ${date}`,
    confirmTitle: 'Restore this backup?',
    confirmBody: (date: string) =>
      `Your history will be replaced by the backup of ${date}. The current history is kept aside first, so nothing is lost.`,
    confirm: 'Restore',
    cancel: 'Cancel',
    restored: (path: string) => `Backup restored. The history you had before was kept at ${path}.`,
    restoreBusy:
      'A backup cannot be restored while an answer streams or an export, import or backup runs. Try again when it has finished.',
    restoreFailed: 'The backup could not be restored; your history is unchanged.',
    restoreDamaged: 'This backup is damaged and cannot be restored; your history is unchanged. Choose another one.',
  },
  settings: {
    title: 'Settings',
    keySection: 'API key',
    apiKey: 'API key',
    saveKey: 'Save key',
    clearKey: 'Remove key',
    keySaved: 'Key saved.',
    keyRemoved: 'Key removed.',
    keyStatus: {
      none: 'No key is set.',
      environment: 'A key is set by the HOLYSHEEP_API_KEY environment variable; it is used in place of a saved key.',
      stored: 'A key is saved.',
    },
    keyOriginChanged: (savedFor: string, inUse: string) =>
      `Your key was saved for ${savedFor}. Enter it again to use it with ${inUse}; until then it is not sent there.`,
    unreadableKey:
      'A key saved by the desktop app is encrypted for it alone and cannot be read here. Enter the key again or set HOLYSHEEP_API_KEY.',
    protection: {
      os_encryption: 'It is encrypted by your operating system’s key store.',
      obfuscated_only:
        'This system has no key store (no keyring on Linux), so the key is only obfuscated on disk, not truly encrypted. Anyone who can read your files can read it.',
      plain_text:
        'This mode has no OS encryption: the key is stored in plain text in your data folder, readable by anyone who can read your files.',
      environment: 'It is never written to disk by the app.',
    } satisfies Record<KeyProtection, string>,
    gatewaySection: 'Gateway',
    baseURL: 'Base URL',
    baseURLHint: 'Leave empty for the HolySheep gateway.',
    baseURLFromEnv: (url: string) => `HOLYSHEEP_BASE_URL is set, so ${url} is used whatever is saved here.`,
    inUse: (url: string) => `In use: ${url}`,
    defaultModel: 'Default model',
    save: 'Save settings',
    saved: 'Settings saved.',
    appearanceSection: 'Appearance and language',
    theme: 'Theme',
    themeOptions: { system: 'Follow the system', light: 'Light', dark: 'Dark' },
    language: 'Language',
    languageOptions: { system: 'Follow the system', en: 'English', vi: 'Tiếng Việt' },
  },
  /** The Settings page (issue 14): its sections, its one save model and its field errors. */
  settingsPage: {
    sectionsLabel: 'Settings sections',
    jumpTo: 'Go to section',
    sections: {
      key: 'Key and gateway',
      model: 'Model and parameters',
      presets: 'Presets',
      prices: 'Prices and currency',
      history: 'History and backups',
      appearance: 'Appearance and language',
      advanced: 'Advanced',
      tools: 'Tools',
    },
    intro: 'Changes are saved as you make them.',
    saved: 'Saved',
    showKey: 'Show the key',
    hideKey: 'Hide the key',
    checkAndSave: 'Check and save',
    saveUnchecked: 'Save without checking',
    saveUncheckedHint:
      'Offline, or the gateway is unreachable? Save the key now; it is checked with your next message.',
    keyHint: 'Paste the key from your HolySheep dashboard. It is checked with the gateway before it is saved.',
    keyChecking: 'Checking the key with the gateway…',
    defaultModelHint: 'New chats start with this model.',
    answersGroup: 'Answers',
    streamingGroup: 'Streaming and network',
    updatesGroup: 'Updates',
    exportGroup: 'Export and import',
    backupsGroup: 'Backups',
    editPreset: (name: string) => `Edit ${name}`,
    deletePreset: (name: string) => `Delete ${name}`,
    removePrice: (model: string) => `Remove the price of ${model || 'this row'}`,
    currencyOption: (code: string, name: string) => `${code} · ${name}`,
    errors: {
      notANumber: 'Enter a number.',
      required: 'This cannot be empty.',
      wholeNumber: 'Enter a whole number.',
      atMost: (max: string) => `Enter a number no greater than ${max}.`,
      atLeast: (min: string) => `Enter a number of at least ${min}.`,
      positive: 'Enter a number greater than 0.',
      tooLong: (max: string) => `Too long: at most ${max} characters.`,
      url: 'Enter an address that starts with http:// or https://.',
      currency: 'Use a three-letter currency code such as CNY, USD or VND.',
      keyTooShort: 'This is too short to be an API key. Paste the whole key.',
      keyTooLong: 'This is too long to be an API key.',
      refused: 'This value was not accepted. Check it and try again.',
    },
  },
  shortcuts: {
    title: 'Keyboard shortcuts',
    open: 'Keyboard shortcuts',
    close: 'Close',
    newChat: 'New chat',
    search: 'Search conversations',
    focusMessage: 'Write a message',
    stop: 'Stop the answer',
    next: 'Next conversation',
    previous: 'Previous conversation',
    settings: 'Open settings',
    list: 'Show these shortcuts',
    toggleSidebar: 'Show or hide the sidebar',
  },
  preferences: {
    parametersSection: 'Answers',
    temperature: 'Temperature (0–2)',
    topP: 'Top P (0–1)',
    maxTokens: 'Max tokens',
    systemPrompt: 'System prompt',
    emptyMeansModel: 'Leave empty to use the model’s own default.',
    streamingSection: 'Streaming and network',
    idleTimeout: 'End an answer when nothing arrives for (seconds)',
    maxConcurrentStreams: 'Answers streaming at once',
    totalTimeout: 'End an answer that takes longer than (seconds)',
    maxAnswerChars: 'Longest answer kept (characters)',
    proxy: 'Proxy',
    proxyHint:
      'An http(s) proxy such as http://127.0.0.1:3128. Empty uses HTTPS_PROXY / HTTP_PROXY; NO_PROXY hosts go direct.',
    proxyInUse: (source: 'none' | 'settings' | 'environment', url: string | null) =>
      source === 'none'
        ? 'No proxy in use: requests go direct.'
        : source === 'environment'
          ? `In use from the environment: ${url}`
          : `In use: ${url}`,
    save: 'Save',
    saved: 'Saved. It applies from the next answer.',
    notANumber: (field: string) => `${field}: enter a number, or leave it empty.`,
  },
  prices: {
    section: 'Prices and payment',
    explain:
      'List prices in USD per million tokens. Costs are shown in your currency at the payment rate: HolySheep bills ¥1 for each $1 of list price, so the default is CNY at a rate of 1.',
    model: 'Model id',
    input: 'Input $/M',
    output: 'Output $/M',
    remove: 'Remove',
    add: 'Add a model',
    currency: 'Currency (code)',
    paymentRate: (currency: string) => `Payment rate (${currency} per USD of list price)`,
    save: 'Save prices',
    saved: 'Prices saved. New answers are priced with them.',
  },
  presets: {
    section: 'Presets',
    explain: 'A preset is a system prompt with parameters. Apply one to a conversation in its settings panel.',
    name: 'Name',
    systemPrompt: 'System prompt',
    model: 'Model (empty: the conversation’s)',
    temperature: 'Temperature',
    maxTokens: 'Max tokens',
    edit: 'Edit',
    delete: 'Delete',
    save: 'Save preset',
    cancel: 'Cancel',
    new: 'New preset',
    saved: 'Preset saved.',
    deleted: (name: string) => `Deleted the preset “${name}”.`,
  },
  header: {
    more: 'More actions',
    actions: 'Conversation actions',
  },
  conversationSettings: {
    open: 'Prompt and parameters',
    title: 'Settings for this conversation',
    explain: 'These win over your defaults in Settings, for this conversation only. Empty fields use the defaults.',
    preset: 'Apply a preset',
    choosePreset: 'Choose…',
    model: 'Model',
    temperature: 'Temperature',
    maxTokens: 'Max tokens',
    systemPrompt: 'System prompt',
    save: 'Save',
    clear: 'Use the defaults',
    close: 'Close',
    saved: 'Saved for this conversation.',
    savedDraft: 'Kept for this new chat: its first message uses these.',
    defaultHint: (value: string) => `Default: ${value}`,
    noDefault: 'model default',
    invalid: 'Check the fields marked in red.',
    notANumber: 'Enter a number, or leave it empty.',
    temperatureRange: 'Enter a number from 0 to 2, or leave it empty.',
    maxTokensRange: 'Enter a whole number from 1 to 1,000,000, or leave it empty.',
  },
  models: {
    picker: 'Model',
    customHint: 'Pick a model or type any model id.',
    search: 'Search models by name or id…',
    useCustom: (id: string) => `Use “${id}”`,
    notListed: 'Not in the gateway’s list: sending may fail.',
    price: (input: string, output: string) => `${input} in · ${output} out /M`,
    chosen: (name: string, id: string) => (name === id ? id : `${name} (${id})`),
    newChatsUseDefault: 'New chats start with the default model from Settings.',
    saveFailed: 'The model could not be saved for this conversation:',
  },
  usage: {
    nav: 'Usage',
    title: 'Usage',
    last30Days: 'Last 30 days',
    intro: 'Tokens, cost and speed of the answers of the last 30 days, from the history on this computer.',
    charts: 'Per day',
    costPerDay: (currency: string) => `Cost per day (${currency})`,
    tokensPerDay: 'Tokens per day',
    chartLabel: (day: string, value: string) => `${day}: ${value}`,
    byModel: 'By model',
    model: 'Model',
    answers: 'Answers',
    inputTokens: 'Input tokens',
    outputTokens: 'Output tokens',
    cost: (currency: string) => `Cost (${currency})`,
    medianTtft: 'Median first token',
    medianSpeed: 'Median speed',
    total: 'Total',
    nothingYet: 'No answers in the last 30 days yet.',
    estimatedNote: (count: number) =>
      `${formatNumber(count)} answer${count === 1 ? '' : 's'} had no usage from the provider; their tokens are estimated (about 4 characters a token).`,
    unpricedNote: (count: number) =>
      `${formatNumber(count)} answer${count === 1 ? '' : 's'} used a model without a price in Settings, so their cost is not counted.`,
    failed: 'Usage could not be loaded:',
    ms: (value: number) => `${formatNumber(Math.round(value))} ms`,
    perSecond: (value: number) => `${formatNumber(value, 1)} tokens/s`,
    none: '—',
    answerCost: (tokensIn: number, tokensOut: number, cost: string | null, estimated: boolean) =>
      [
        `${estimated ? '~' : ''}${formatNumber(tokensIn)} in / ${formatNumber(tokensOut)} out tokens${estimated ? ' (estimated)' : ''}`,
        cost === null ? null : cost,
      ]
        .filter(Boolean)
        .join(' · '),
    /** Every version counts: a regenerated or compared answer's tokens were paid for too. */
    conversationTotal: (tokens: string, cost: string, estimated: boolean, answers: number, answersText: string) =>
      `This conversation: ${estimated ? '~' : ''}${tokens} tokens · ${cost} · ${answersText} ${answers === 1 ? 'answer' : 'answers'}, every version counted`,
  },
  onboarding: {
    title: 'Welcome to HolySheep Chat',
    intro: 'Chat with the models of the HolySheep gateway, with your history kept on this computer.',
    needsTitle: 'To start, you need',
    needKey: 'Your HolySheep API key. Create or copy one in your HolySheep dashboard; it starts with sk-.',
    needGateway:
      'The gateway’s address. HolySheep’s is filled in; change it only for another OpenAI-compatible gateway.',
    key: 'API key',
    baseURL: 'Gateway base URL',
    baseURLHint: 'Leave as it is for HolySheep.',
    check: 'Check and continue',
    checking: 'Checking the key with the gateway…',
    success: (models: number) => `The key works: the gateway offers ${formatNumber(models)} models.`,
    skip: 'Skip for now',
    skipHint: 'You can read your history offline and add the key later in Settings.',
    protectionTitle: 'How your key is kept',
    failures: {
      invalid_key: 'The gateway refused this key. Check that you copied the whole key from your HolySheep dashboard.',
      network: 'Could not reach the gateway. Check your internet connection, proxy or firewall, then try again.',
      timeout: 'The gateway did not answer in time. Check your connection and try again.',
      not_found:
        'Nothing that looks like an OpenAI-compatible gateway answers at this base URL. Check the address (it usually ends in /v1).',
      other: 'The check failed:',
    },
  },
  /** Browser mode's link to the app's local server (the event stream). */
  connection: {
    lost: 'Connection to HolySheep Chat lost, reconnecting…',
    restarted:
      'HolySheep Chat was started again, so this tab’s address is out of date. Open the newest address printed in the terminal.',
    back: 'Connected to HolySheep Chat again.',
    answerInterrupted: 'The connection to HolySheep Chat was lost while this answer arrived.',
  },
  ui: {
    close: 'Close',
    cancel: 'Cancel',
    dismiss: 'Dismiss',
    notifications: 'Notifications',
    noMatches: 'No matches',
  },
  errors: {
    no_key: 'No API key is set. Add your key in Settings.',
    key_origin_changed:
      'Your API key was saved for another gateway address, so it was not sent to this one. Enter it again in Settings to use it here.',
    invalid_key: 'The gateway did not accept your API key. Check the key in Settings.',
    forbidden:
      'Your API key is not allowed to do this (for example, this model is not on your plan). Check the key or pick another model.',
    unknown_model: 'The gateway does not know this model. Pick another model.',
    bad_request: 'The gateway refused the request.',
    context_too_long: 'The conversation is too long for this model. Shorten it or start a new chat.',
    rate_limited: 'Too many requests right now. Wait a moment and try again.',
    busy: 'Several answers are already streaming. Wait for one to finish, or stop one, then try again.',
    server: 'The gateway had a problem. Try again in a moment.',
    network: 'Could not reach the gateway. Check your connection and the base URL in Settings.',
    tls: 'The gateway’s security certificate was refused. A proxy or firewall may be intercepting the connection, or the base URL points at the wrong host. Check the base URL in Settings.',
    timeout: 'The gateway took too long to answer. Try again.',
    stream_broken: 'The answer was cut off: the connection to the gateway broke mid-answer.',
    too_large:
      'The answer was ended because the gateway sent more than the app accepts: an answer past the longest answer kept (Settings → Streaming and network), or data far too large for a chat answer.',
    redirect_refused:
      'The gateway tried to send the request to another host, so the app refused it and sent nothing there. Check the base URL in Settings.',
    aborted: 'Stopped.',
    invalid_payload: 'The app sent a request it should not have. Please report this.',
    not_found: 'The gateway has no such address. Check the base URL in Settings.',
    invalid_file: 'The file cannot be imported.',
    upload_limit:
      'The upload was refused: too many files are waiting for their import, or too much at once. Wait for the imports to finish, then try again.',
    attachment_refused: 'A file could not be attached.',
    read_only:
      'Your history is read-only because an update of it could not be applied. Nothing was changed; see the notice at the top.',
    not_confirmed:
      'Not saved: the tool server’s command was not allowed. In browser mode, start the app with HOLYSHEEP_ALLOW_TOOL_COMMANDS=1 to allow local tool servers.',
    internal: 'Something went wrong inside the app.',
  } satisfies Record<ErrorKind, string>,
  /** Attachments (issue 16): files a question carries, and why one was refused. */
  attachments: {
    settings: {
      readsImages: (model: string) => `${model} reads images`,
      readsImagesHint:
        'Whether images you attach can be sent to this model. GPT-4.1, Claude Sonnet 4.5 and Gemini 2.5 Flash do; turn it on for another model that does.',
      keepOriginalImages: 'Send images at their original size',
      keepOriginalImagesHint:
        'Off: large images are scaled down to 2,048 px on their longest side before they are sent, as models read them anyway. On: sent as they are (larger requests).',
    },
    attach: 'Attach images or documents',
    list: 'Attachments',
    remove: (name: string) => `Remove ${name}`,
    open: (name: string) => `Open ${name}`,
    preparing: 'Preparing…',
    pages: (count: string) => `${count} pages`,
    tokens: (count: string) => `Attachments: about ${count} tokens`,
    dropHere: 'Drop files to attach them',
    viewer: 'Attachment',
    couldNotLoad: 'This attachment could not be shown.',
    refused: {
      file_too_large: (name: string, limit: string) =>
        `“${name}” is larger than ${limit}, the most one file may weigh. Attach a smaller file.`,
      message_too_large: (limit: string) =>
        `The files of one message may weigh ${limit} together at most. Remove one, or send it in another message.`,
      too_many: (limit: string) => `One message can carry ${limit} files at most. Remove one to add another.`,
      svg: (name: string) =>
        `“${name}” is an SVG drawing, which the app does not open (it can carry scripts). Attach it as a PNG or JPEG.`,
      unsupported_type: (name: string) =>
        `“${name}” is not a file the app can read: attach a PNG, JPEG, WebP or GIF image, a PDF, or a text file (text, Markdown, code, CSV, JSON).`,
      unreadable_pdf: (name: string) => `The text of “${name}” could not be read. The PDF may be damaged or protected.`,
      model_without_vision: (model: string) =>
        `${model} does not read images. Pick a model that does (for example GPT-4.1), or remove the images.`,
      missing: (name: string) => `“${name}” is no longer stored. Attach it again.`,
    },
  },
  /** The cause under a network or TLS error. */
  connectionCauses: connectionCauseInEnglish,
  /** Compare: one question to 2–4 models, their answers side by side. */
  compare: {
    title: 'Compared answers',
    toggle: 'Compare models',
    pickModels: 'Send the next question to these models',
    pickedCount: (picked: string, most: string) => `${picked} picked, 2 to ${most}`,
    choose: 'Continue with this one',
    status: {
      streaming: 'Writing…',
      complete: 'Done',
      stopped: 'Stopped',
      error: 'Failed',
      interrupted: 'Interrupted',
    },
  },
  /** Tools (MCP): calls in the transcript, approvals, and the Settings section. */
  tools: {
    callsLabel: 'Tool calls',
    arguments: 'Arguments',
    result: 'Result',
    error: 'Error',
    stderr: 'Server output (stderr)',
    seconds: (value: string) => `${value} s`,
    status: {
      awaiting_approval: 'Waiting for you',
      running: 'Running…',
      done: 'Done',
      failed: 'Failed',
      denied: 'Denied',
      cancelled: 'Cancelled',
    },
    approvalLabel: (tool: string) => `Approve the call to ${tool}`,
    approvalQuestion: (tool: string, server: string) =>
      server ? `Let the model run ${tool} on ${server}?` : `Let the model run ${tool}?`,
    allowOnce: 'Allow once',
    allowAlways: 'Always allow',
    deny: 'Deny',
    stop: 'Stop',
    conversationSwitch: 'Tools',
    conversationSwitchHint: 'Let the model call the tools of your MCP servers in this conversation.',
  },
  /** Settings → Tools (MCP servers). */
  toolSettings: {
    title: 'Tools',
    description:
      'MCP servers give the model tools (files, databases, APIs). Every call asks you first, unless you always allow that tool.',
    enabledByDefault: 'Tools on in new conversations',
    enabledByDefaultHint: 'Each conversation can turn them on or off in its settings.',
    stepLimit: 'Tool steps per answer',
    stepLimitHint: 'After this many rounds of calls, the model must answer with what it has.',
    callTimeout: 'Call time limit (seconds)',
    callTimeoutHint: 'A call still running after this is cancelled and the model is told.',
    wholeNumber: (min: string, max: string) => `Enter a whole number from ${min} to ${max}.`,
    servers: 'Servers',
    noServers: 'No server yet. Add one below.',
    showTools: 'Show tools',
    remove: 'Remove',
    toolsOf: (name: string) => `Tools of ${name}`,
    addTitle: 'Add a server',
    name: 'Name',
    transport: 'Connection',
    stdio: 'Local program (stdio)',
    http: 'Streamable HTTP',
    command: 'Command',
    commandHint: 'The program to start, for example npx or node. It runs without a shell.',
    args: 'Arguments',
    argsHint: 'One argument a line, passed exactly as written.',
    env: 'Environment',
    envHint: 'NAME=value, one a line. The server gets only these and PATH, never the app’s own or your key.',
    cwd: 'Working folder',
    cwdHint: 'Empty: your home folder.',
    url: 'URL',
    headers: 'Headers',
    headersHint: 'Name: value, one a line (for example Authorization: Bearer …).',
    add: 'Add server',
    nameRequired: 'Give the server a name.',
    commandRequired: 'Enter the command that starts the server.',
    urlRequired: 'Enter an http:// or https:// address.',
    alwaysAllowed: 'Always allowed',
    noneAllowed: 'No tool runs without asking.',
    allowedEntry: (tool: string, server: string) => `${tool} on ${server}`,
    revoke: 'Revoke',
    retry: 'Retry',
    remembered: 'It is not started again until you change it, turn it off and on, or press Retry.',
    serverFailed: (name: string) => `The tool server “${name}” could not start`,
    serverFailedHint: 'This answer goes on without its tools. Settings → Tools shows why.',
    errors: {
      server_unavailable: 'The server could not start. Check its command and settings; its last output is below.',
      server_crashed: 'The server stopped unexpectedly; its last output is below.',
      timeout: 'The server did not answer in time.',
      aborted: 'Stopped.',
      tool_failed: 'The server reported an error.',
    },
  },
  /** Answers as a tree: the versions of a message (Regenerate, Edit, Compare) and deleting a branch. */
  versions: {
    group: 'Versions',
    previous: 'Previous version',
    next: 'Next version',
    position: (index: string, count: string) => `${index} / ${count}`,
    positionLabel: (index: string, count: string) => `Version ${index} of ${count}`,
    deleted: 'Message deleted',
    undo: 'Undo',
    switchFailed: 'That version could not be shown:',
  },
}

export type Strings = typeof en
