import type { ConnectionCause, ErrorKind, ImportProblem } from '../../../shared/errors'
import type { KeyProtection } from '../../../shared/key-status'
import type { Strings } from './en'
import { formatNumber } from './format'

/**
 * Tiếng Việt: the same keys as `en.ts` (the type makes a missing or extra one a compile error).
 * A new section added to `en.ts` gets its Vietnamese here under the same key.
 */
export const vi: Strings = {
  appName: 'HolySheep Chat',
  nav: { chat: 'Trò chuyện', settings: 'Cài đặt' },
  chat: {
    transcript: 'Cuộc trò chuyện',
    message: 'Tin nhắn',
    messagePlaceholder: 'Hỏi bất cứ điều gì… (Enter để gửi, Shift+Enter để xuống dòng)',
    send: 'Gửi',
    stop: 'Dừng',
    model: 'Mô hình',
    you: 'Bạn',
    assistant: 'Trợ lý',
    empty: 'Hãy bắt đầu trò chuyện. Tin nhắn của bạn được gửi tới cổng kết nối ghi trong Cài đặt.',
    stopped: 'Đã dừng.',
    interrupted: 'Ứng dụng đã đóng trước khi câu trả lời này xong.',
    textKept: 'Phần văn bản nhận được đến lúc này vẫn được giữ lại.',
    newConversation: 'Cuộc trò chuyện mới',
    retrying: (seconds: number, attempt: number, maxAttempts: number) =>
      `Thử lại sau ${formatNumber(seconds)} giây (lần ${formatNumber(attempt)}/${formatNumber(maxAttempts)})…`,
    retryReasons: {
      rate_limited: 'Cổng đang bận.',
      server: 'Cổng gặp sự cố.',
      network: 'Không kết nối được tới cổng.',
      timeout: 'Cổng không trả lời kịp.',
    },
    retryReasonOther: 'Yêu cầu không thành công.',
    loadingOlder: 'Cuộn lên để xem các tin nhắn trước.',
    thinking: 'Đang chờ token đầu tiên…',
    newChat: 'Trò chuyện mới',
    openSettings: 'Mở Cài đặt',
    pickModel: 'Chọn mô hình khác',
    retry: 'Thử lại',
    continue: 'Tiếp tục',
    thinkingSection: 'Suy nghĩ',
    messageActions: 'Thao tác với tin nhắn',
    copyMessage: 'Sao chép tin nhắn',
    edit: 'Sửa',
    editMessage: 'Sửa tin nhắn',
    editReplaces: 'Khi gửi, tin nhắn này và mọi tin nhắn sau nó sẽ được thay thế.',
    sendEdited: 'Gửi bản đã sửa',
    cancel: 'Hủy',
    regenerate: 'Tạo lại',
    deleteMessage: 'Xóa',
    confirmDelete: 'Xóa vĩnh viễn',
    lengthLimit: 'Câu trả lời đã chạm giới hạn độ dài (max tokens). Bấm Tiếp tục để nhận phần còn lại.',
    contentFilter: 'Bộ lọc nội dung của nhà cung cấp đã dừng câu trả lời này.',
    textCut: (shown: string, total: string) =>
      `Tin nhắn này rất dài: đang hiển thị ${shown} ký tự đầu tiên trong tổng số ${total} ký tự.`,
    editTooLong: (max: string) => `Quá dài để sửa tại đây: tin nhắn gửi đi chỉ được tối đa ${max} ký tự.`,
    showMore: 'Xem thêm',
    noKeyBanner: 'Chưa có khóa API. Hãy thêm khóa HolySheep của bạn trong Cài đặt để bắt đầu trò chuyện.',
    meta: (parts: { model: string; ttftMs: number | null; tokensPerSecond: number | null; tokens: number | null }) =>
      [
        parts.model,
        parts.ttftMs === null ? null : `token đầu tiên ${formatNumber(Math.round(parts.ttftMs))} ms`,
        parts.tokensPerSecond === null ? null : `${formatNumber(parts.tokensPerSecond, 1)} token/giây`,
        parts.tokens === null ? null : `${formatNumber(parts.tokens)} token`,
      ]
        .filter(Boolean)
        .join(' · '),
  },
  /** The transcript and the composer (issue 14). */
  transcript: {
    thinking: 'Đang suy nghĩ…',
    waiting: 'Đang chờ token đầu tiên…',
    scrollToBottom: 'Cuộn xuống tin nhắn mới nhất',
    emptyTitle: 'Tôi có thể giúp gì cho bạn?',
    emptyDescription:
      'Hỏi bất cứ điều gì, hoặc bắt đầu từ một gợi ý. Tin nhắn của bạn được gửi tới cổng kết nối ghi trong Cài đặt.',
    suggestions: 'Gợi ý',
    suggestionList: [
      { label: 'Giải thích một khái niệm', prompt: 'Giải thích bằng lời đơn giản, kèm một ví dụ: ' },
      { label: 'Tóm tắt văn bản', prompt: 'Tóm tắt văn bản sau thành năm ý chính:\n\n' },
      { label: 'Viết mã', prompt: 'Viết một hàm TypeScript để ' },
      { label: 'Dịch', prompt: 'Dịch sang tiếng Việt, giữ nguyên giọng văn:\n\n' },
    ],
  },
  markdown: {
    code: 'Mã',
    copy: 'Sao chép',
    copied: 'Đã sao chép',
    copyFailed: 'Không sao chép được',
    copyCode: (language: string) => `Sao chép mã ${language}`,
    image: (alt: string) => (alt ? `Hình ảnh: ${alt}` : 'Hình ảnh'),
    taskDone: 'Đã xong',
    taskOpen: 'Chưa xong',
    tooLarge: 'Quá lớn để định dạng: hiển thị dạng văn bản thuần.',
    renderFailed: 'Không định dạng được câu trả lời này: hiển thị dạng văn bản thuần.',
    shownPart: (shown: number, total: number) =>
      `Đang hiển thị ${formatNumber(shown)} ký tự đầu trong tổng số ${formatNumber(total)}.`,
    showMore: 'Hiển thị thêm',
    copyAll: 'Sao chép tất cả',
  },
  views: {
    failed: 'Phần này của ứng dụng không hiển thị được. Các phần khác vẫn hoạt động.',
    retry: 'Thử lại',
  },
  history: {
    sidebar: 'Các cuộc trò chuyện và tìm kiếm',
    conversations: 'Các cuộc trò chuyện',
    search: 'Tìm kiếm',
    searchPlaceholder: 'Tìm kiếm',
    searching: 'Đang tìm…',
    searchFailed: 'Tìm kiếm thất bại:',
    listFailed: 'Không liệt kê được các cuộc trò chuyện:',
    results: 'Kết quả tìm kiếm',
    noResults: (query: string) => `Không tìm thấy “${query}”.`,
    empty: 'Chưa có cuộc trò chuyện nào.',
    emptyHint: 'Các cuộc trò chuyện sẽ hiện ở đây, mới nhất trước. Bắt đầu bằng Trò chuyện mới.',
    noResultsHint: 'Hãy thử từ khác: dấu và chữ hoa không quan trọng.',
    newChatShortcut: 'Trò chuyện mới (Ctrl+N)',
    pin: 'Ghim',
    unpin: 'Bỏ ghim',
    rename: 'Đổi tên',
    newTitle: 'Tên mới',
    delete: 'Xóa',
    deleted: (title: string) => `Đã xóa “${title}”.`,
    undo: 'Hoàn tác',
    more: 'Thao tác khác',
    answering: 'Đang trả lời…',
    groups: {
      pinned: 'Đã ghim',
      today: 'Hôm nay',
      yesterday: 'Hôm qua',
      previous7: '7 ngày qua',
      previous30: '30 ngày qua',
    },
  },
  sidebar: {
    show: 'Hiện thanh bên',
    hide: 'Ẩn thanh bên',
    navigation: 'Ứng dụng',
  },
  transfer: {
    title: 'Lịch sử: xuất và nhập',
    explain:
      'Xuất ra Markdown để đọc hoặc chia sẻ, hoặc ra JSON để giữ bản sao đầy đủ. Nhập tệp JSON xuất từ ứng dụng này hoặc tệp conversations.json của ChatGPT.',
    exportConversation: 'Xuất cuộc trò chuyện này',
    exportMarkdown: 'Xuất ra Markdown',
    exportJson: 'Xuất ra JSON',
    exportAllMarkdown: 'Xuất tất cả ra Markdown',
    exportAllJson: 'Xuất tất cả ra JSON',
    import: 'Nhập…',
    chosenFile: (name: string) => `Tệp đã chọn: “${name}”`,
    jobs: 'Xuất và nhập',
    exporting: 'Đang xuất',
    importing: 'Đang nhập',
    progress: (done: number, total: number | null, unit: 'bytes' | 'conversations') => {
      const amount = (value: number) =>
        unit === 'bytes' ? `${formatNumber(value / 1_048_576, 1)} MB` : formatNumber(value)
      const of = total === null ? amount(done) : `${amount(done)} / ${amount(total)}`
      return unit === 'bytes' ? `đã đọc ${of}` : `${of} cuộc trò chuyện`
    },
    cancel: 'Hủy',
    dismiss: 'Đóng',
    cancelled: (kind: 'export' | 'import') =>
      kind === 'export' ? 'Đã hủy xuất.' : 'Đã hủy nhập; không có gì được nhập.',
    failed: (kind: 'export' | 'import') =>
      kind === 'export' ? 'Xuất thất bại:' : 'Nhập thất bại; không có gì được nhập:',
    imported: (conversations: number, messages: number) =>
      `Đã nhập ${formatNumber(conversations)} cuộc trò chuyện (${formatNumber(messages)} tin nhắn).`,
    exported: (conversations: number) => `Đã xuất ${formatNumber(conversations)} cuộc trò chuyện.`,
    download: 'Tải xuống',
    importProblem: (problem: ImportProblem): string => {
      switch (problem.kind) {
        case 'zip':
          return 'Đây là tệp nén ZIP, không phải tệp JSON. Hãy giải nén trước (bản xuất của ChatGPT chứa conversations.json), rồi nhập tệp JSON đó.'
        case 'gzip':
          return 'Đây là tệp nén gzip, không phải tệp JSON. Hãy giải nén trước, rồi nhập tệp JSON đó.'
        case 'utf16':
          return 'Tệp này là văn bản UTF-16. Hãy lưu lại dưới dạng JSON mã hóa UTF-8, rồi nhập lại.'
        case 'not_utf8':
          return `Tệp này không phải văn bản UTF-8: byte thứ ${formatNumber(problem.byteOffset ?? 0)} không hợp lệ trong UTF-8. Hãy lưu lại dưới dạng JSON mã hóa UTF-8, rồi nhập lại.`
      }
    },
  },
  notices: {
    history_moved_aside: (path: string) =>
      `Không mở được tệp lịch sử của bạn. Tệp cũ được giữ lại tại ${path} và một tệp mới đã được tạo.`,
    settings_moved_aside: (path: string) =>
      `Không đọc được tệp cài đặt của bạn. Tệp cũ được giữ lại tại ${path} và các giá trị mặc định đang được dùng.`,
    history_wal_lost: (path: string) =>
      `Lần trước ứng dụng dừng mà không đóng đúng cách, và tệp chứa các thay đổi mới nhất (${path}) đã mất khi khởi động lại, nên những tin nhắn gần đây nhất có thể bị thiếu. Mọi dữ liệu cũ hơn vẫn được giữ.`,
    history_damaged: (path: string) =>
      `Tệp lịch sử ${path} bị hỏng: một lần kiểm tra thấy có trang không đọc được. Tệp được giữ nguyên; hãy xuất các cuộc trò chuyện ngay (Xuất tất cả ra JSON) và giữ một bản sao của tệp trước khi mất thêm dữ liệu.`,
    key_moved_aside: (path: string) =>
      `Không đọc được tệp chứa khóa API của bạn. Tệp cũ được giữ lại tại ${path}; hãy nhập lại khóa.`,
    history_migration_failed: (path: string) =>
      `Không áp dụng được bản cập nhật cho lịch sử của bạn, nên không có gì bị thay đổi. Bản sao lưu tạo trước khi cập nhật nằm tại ${path}. Bạn vẫn có thể đọc, tìm kiếm và xuất các cuộc trò chuyện, nhưng chưa thể thay đổi chúng cho đến khi một phiên bản đã sửa lỗi của ứng dụng mở được chúng.`,
    dismiss: 'Đóng',
    dismissAll: 'Đóng tất cả',
  },
  updates: {
    ready: (version: string) => `Đã có phiên bản mới (${version}).`,
    restart: 'Khởi động lại để cập nhật',
    later: 'Để sau',
    restarting: 'Đang khởi động lại để cập nhật…',
    busy: 'Vẫn còn câu trả lời đang được truyền về. Hãy khởi động lại để cập nhật khi nó xong.',
    section: 'Cập nhật',
    autoUpdate: 'Tự động kiểm tra bản cập nhật',
    autoUpdateHint: 'Kiểm tra khi mở ứng dụng và mỗi 4 giờ, tải về ở chế độ nền, và hỏi bạn trước khi khởi động lại.',
    desktopOnly: 'Chỉ áp dụng cho ứng dụng máy tính đã cài đặt; bản này không tự cập nhật.',
  },
  backups: {
    title: 'Sao lưu',
    explain:
      'Lịch sử của bạn được sao lưu mỗi ngày một lần khi ứng dụng đang chạy, và trước khi một bản cập nhật thay đổi nó. Khi khôi phục một bản sao lưu, lịch sử hiện tại được giữ lại trước. Khóa API không bao giờ nằm trong bản sao lưu.',
    enabled: 'Sao lưu mỗi ngày',
    keep: 'Số bản sao lưu hằng ngày được giữ',
    save: 'Lưu',
    saved: 'Đã lưu.',
    backUpNow: 'Sao lưu ngay',
    backingUp: 'Đang sao lưu…',
    taken: (size: string) => `Đã sao lưu (${size}).`,
    failed: 'Không thể sao lưu. Hãy kiểm tra ổ đĩa còn chỗ trống rồi thử lại.',
    none: 'Chưa có bản sao lưu nào.',
    folder: (path: string) => `Các bản sao lưu được lưu trong ${path}.`,
    list: 'Các bản sao lưu',
    date: 'Ngày',
    kindColumn: 'Loại',
    size: 'Dung lượng',
    contents: 'Nội dung',
    kind: { daily: 'Hằng ngày', manual: 'Thủ công', 'pre-migration': 'Trước khi cập nhật' },
    bytes: (bytes: number) =>
      bytes < 1_048_576 ? `${formatNumber(bytes / 1024)} KB` : `${formatNumber(bytes / 1_048_576, 1)} MB`,
    counts: (conversations: number, messages: number) =>
      `${formatNumber(conversations)} cuộc trò chuyện, ${formatNumber(messages)} tin nhắn`,
    restore: 'Khôi phục…',
    restoreLabel: (date: string) => `Khôi phục bản sao lưu lúc ${date}`,
    confirmTitle: 'Khôi phục bản sao lưu này?',
    confirmBody: (date: string) =>
      `Lịch sử của bạn sẽ được thay bằng bản sao lưu lúc ${date}. Lịch sử hiện tại được giữ lại trước, nên không mất gì cả.`,
    confirm: 'Khôi phục',
    cancel: 'Hủy',
    restored: (path: string) => `Đã khôi phục bản sao lưu. Lịch sử trước đó được giữ lại tại ${path}.`,
    restoreBusy:
      'Không thể khôi phục khi đang có câu trả lời được truyền về, hoặc khi đang xuất, nhập hay sao lưu. Hãy thử lại khi việc đó xong.',
    restoreFailed: 'Không thể khôi phục bản sao lưu; lịch sử của bạn không thay đổi.',
    restoreDamaged:
      'Bản sao lưu này bị hỏng nên không thể khôi phục; lịch sử của bạn không thay đổi. Hãy chọn bản khác.',
  },
  settings: {
    title: 'Cài đặt',
    keySection: 'Khóa API',
    apiKey: 'Khóa API',
    saveKey: 'Lưu khóa',
    clearKey: 'Xóa khóa',
    keySaved: 'Đã lưu khóa.',
    keyRemoved: 'Đã xóa khóa.',
    keyStatus: {
      none: 'Chưa có khóa nào.',
      environment: 'Khóa được đặt bằng biến môi trường HOLYSHEEP_API_KEY; khóa này được dùng thay cho khóa đã lưu.',
      stored: 'Đã lưu một khóa.',
    },
    keyOriginChanged: (savedFor: string, inUse: string) =>
      `Khóa của bạn được lưu cho ${savedFor}. Hãy nhập lại khóa để dùng với ${inUse}; trước khi đó khóa sẽ không được gửi tới địa chỉ này.`,
    unreadableKey:
      'Khóa do ứng dụng máy tính lưu được mã hóa riêng cho ứng dụng đó nên không đọc được ở đây. Hãy nhập lại khóa hoặc đặt HOLYSHEEP_API_KEY.',
    protection: {
      os_encryption: 'Khóa được mã hóa bằng kho khóa của hệ điều hành.',
      obfuscated_only:
        'Hệ thống này không có kho khóa (không có keyring trên Linux), nên khóa chỉ được làm rối trên đĩa chứ không thật sự được mã hóa. Ai đọc được tệp của bạn cũng đọc được khóa.',
      plain_text:
        'Chế độ này không có mã hóa của hệ điều hành: khóa được lưu dạng văn bản thường trong thư mục dữ liệu, ai đọc được tệp của bạn cũng đọc được.',
      environment: 'Ứng dụng không bao giờ ghi khóa này ra đĩa.',
    } satisfies Record<KeyProtection, string>,
    gatewaySection: 'Cổng kết nối',
    baseURL: 'URL gốc',
    baseURLHint: 'Để trống để dùng cổng HolySheep.',
    baseURLFromEnv: (url: string) => `HOLYSHEEP_BASE_URL đã được đặt, nên ${url} được dùng bất kể giá trị lưu ở đây.`,
    inUse: (url: string) => `Đang dùng: ${url}`,
    defaultModel: 'Mô hình mặc định',
    save: 'Lưu cài đặt',
    saved: 'Đã lưu cài đặt.',
    appearanceSection: 'Giao diện và ngôn ngữ',
    theme: 'Giao diện',
    themeOptions: { system: 'Theo hệ thống', light: 'Sáng', dark: 'Tối' },
    language: 'Ngôn ngữ',
    languageOptions: { system: 'Theo hệ thống', en: 'English', vi: 'Tiếng Việt' },
  },
  /** The Settings page (issue 14): its sections, its one save model and its field errors. */
  settingsPage: {
    sectionsLabel: 'Các mục cài đặt',
    jumpTo: 'Đi tới mục',
    sections: {
      key: 'Khóa và cổng kết nối',
      model: 'Mô hình và tham số',
      presets: 'Mẫu thiết lập',
      prices: 'Giá và tiền tệ',
      history: 'Lịch sử và sao lưu',
      appearance: 'Giao diện và ngôn ngữ',
      advanced: 'Nâng cao',
    },
    intro: 'Thay đổi được lưu ngay khi bạn thực hiện.',
    saved: 'Đã lưu',
    showKey: 'Hiện khóa',
    hideKey: 'Ẩn khóa',
    checkAndSave: 'Kiểm tra và lưu',
    saveUnchecked: 'Lưu mà không kiểm tra',
    saveUncheckedHint:
      'Đang ngoại tuyến hoặc không kết nối được tới cổng? Hãy lưu khóa ngay; khóa sẽ được kiểm tra khi bạn gửi tin nhắn tiếp theo.',
    keyHint: 'Dán khóa từ trang quản lý HolySheep. Khóa được kiểm tra với cổng trước khi lưu.',
    keyChecking: 'Đang kiểm tra khóa với cổng…',
    defaultModelHint: 'Các cuộc trò chuyện mới bắt đầu với mô hình này.',
    answersGroup: 'Câu trả lời',
    streamingGroup: 'Truyền luồng và mạng',
    updatesGroup: 'Cập nhật',
    exportGroup: 'Xuất và nhập',
    backupsGroup: 'Sao lưu',
    editPreset: (name: string) => `Sửa ${name}`,
    deletePreset: (name: string) => `Xóa ${name}`,
    removePrice: (model: string) => `Xóa giá của ${model || 'dòng này'}`,
    currencyOption: (code: string, name: string) => `${code} · ${name}`,
    errors: {
      notANumber: 'Hãy nhập một số.',
      required: 'Ô này không được để trống.',
      wholeNumber: 'Hãy nhập một số nguyên.',
      atMost: (max: string) => `Hãy nhập một số không lớn hơn ${max}.`,
      atLeast: (min: string) => `Hãy nhập một số không nhỏ hơn ${min}.`,
      positive: 'Hãy nhập một số lớn hơn 0.',
      tooLong: (max: string) => `Quá dài: tối đa ${max} ký tự.`,
      url: 'Hãy nhập một địa chỉ bắt đầu bằng http:// hoặc https://.',
      currency: 'Hãy dùng mã tiền tệ ba chữ cái, ví dụ CNY, USD hoặc VND.',
      keyTooShort: 'Chuỗi này quá ngắn để là khóa API. Hãy dán toàn bộ khóa.',
      keyTooLong: 'Chuỗi này quá dài để là khóa API.',
      refused: 'Giá trị này không được chấp nhận. Hãy kiểm tra rồi thử lại.',
    },
  },
  shortcuts: {
    title: 'Phím tắt',
    open: 'Phím tắt',
    close: 'Đóng',
    newChat: 'Trò chuyện mới',
    search: 'Tìm trong các cuộc trò chuyện',
    focusMessage: 'Viết tin nhắn',
    stop: 'Dừng câu trả lời',
    next: 'Cuộc trò chuyện tiếp theo',
    previous: 'Cuộc trò chuyện trước',
    settings: 'Mở Cài đặt',
    list: 'Hiện các phím tắt này',
    toggleSidebar: 'Hiện hoặc ẩn thanh bên',
  },
  preferences: {
    parametersSection: 'Câu trả lời',
    temperature: 'Nhiệt độ (0–2)',
    topP: 'Top P (0–1)',
    maxTokens: 'Số token tối đa',
    systemPrompt: 'Lời nhắc hệ thống',
    emptyMeansModel: 'Để trống để dùng mặc định của mô hình.',
    streamingSection: 'Truyền luồng và mạng',
    idleTimeout: 'Kết thúc câu trả lời khi không nhận được gì trong (giây)',
    maxConcurrentStreams: 'Số câu trả lời truyền cùng lúc',
    totalTimeout: 'Kết thúc câu trả lời kéo dài quá (giây)',
    maxAnswerChars: 'Độ dài tối đa của câu trả lời (ký tự)',
    proxy: 'Proxy',
    proxyHint:
      'Một proxy http(s), ví dụ http://127.0.0.1:3128. Để trống sẽ dùng HTTPS_PROXY / HTTP_PROXY; các máy trong NO_PROXY đi thẳng.',
    proxyInUse: (source: 'none' | 'settings' | 'environment', url: string | null) =>
      source === 'none'
        ? 'Không dùng proxy: yêu cầu đi thẳng.'
        : source === 'environment'
          ? `Đang dùng từ biến môi trường: ${url}`
          : `Đang dùng: ${url}`,
    save: 'Lưu',
    saved: 'Đã lưu. Áp dụng từ câu trả lời tiếp theo.',
    notANumber: (field: string) => `${field}: hãy nhập một số, hoặc để trống.`,
  },
  prices: {
    section: 'Giá và thanh toán',
    explain:
      'Giá niêm yết tính bằng USD cho mỗi triệu token. Chi phí hiển thị theo tiền tệ của bạn với tỷ giá thanh toán: HolySheep tính ¥1 cho mỗi $1 giá niêm yết, nên mặc định là CNY với tỷ giá 1.',
    model: 'Mã mô hình',
    input: 'Đầu vào $/M',
    output: 'Đầu ra $/M',
    remove: 'Xóa',
    add: 'Thêm mô hình',
    currency: 'Tiền tệ (mã)',
    paymentRate: (currency: string) => `Tỷ giá thanh toán (${currency} cho mỗi USD giá niêm yết)`,
    save: 'Lưu bảng giá',
    saved: 'Đã lưu bảng giá. Các câu trả lời mới được tính theo giá này.',
  },
  presets: {
    section: 'Mẫu thiết lập',
    explain:
      'Mẫu thiết lập gồm lời nhắc hệ thống và các tham số. Áp dụng cho một cuộc trò chuyện trong bảng thiết lập của nó.',
    name: 'Tên',
    systemPrompt: 'Lời nhắc hệ thống',
    model: 'Mô hình (để trống: theo cuộc trò chuyện)',
    temperature: 'Nhiệt độ',
    maxTokens: 'Số token tối đa',
    edit: 'Sửa',
    delete: 'Xóa',
    save: 'Lưu mẫu',
    cancel: 'Hủy',
    new: 'Mẫu mới',
    saved: 'Đã lưu mẫu.',
    deleted: (name: string) => `Đã xóa mẫu “${name}”.`,
  },
  header: {
    more: 'Thêm thao tác',
    actions: 'Thao tác với cuộc trò chuyện',
  },
  conversationSettings: {
    open: 'Lời nhắc và tham số',
    title: 'Thiết lập cho cuộc trò chuyện này',
    explain: 'Các giá trị này thay cho mặc định trong Cài đặt, chỉ cho cuộc trò chuyện này. Ô trống dùng mặc định.',
    preset: 'Áp dụng mẫu',
    choosePreset: 'Chọn…',
    model: 'Mô hình',
    temperature: 'Nhiệt độ',
    maxTokens: 'Số token tối đa',
    systemPrompt: 'Lời nhắc hệ thống',
    save: 'Lưu',
    clear: 'Dùng mặc định',
    close: 'Đóng',
    saved: 'Đã lưu cho cuộc trò chuyện này.',
    savedDraft: 'Đã giữ cho cuộc trò chuyện mới này: tin nhắn đầu tiên sẽ dùng các giá trị này.',
    defaultHint: (value: string) => `Mặc định: ${value}`,
    noDefault: 'mặc định của mô hình',
    invalid: 'Hãy kiểm tra các ô được đánh dấu đỏ.',
    notANumber: 'Hãy nhập một số, hoặc để trống.',
    temperatureRange: 'Hãy nhập một số từ 0 đến 2, hoặc để trống.',
    maxTokensRange: 'Hãy nhập một số nguyên từ 1 đến 1.000.000, hoặc để trống.',
  },
  models: {
    picker: 'Mô hình',
    customHint: 'Chọn một mô hình hoặc gõ bất kỳ mã mô hình nào.',
    search: 'Tìm mô hình theo tên hoặc mã…',
    useCustom: (id: string) => `Dùng “${id}”`,
    notListed: 'Không có trong danh sách của cổng: gửi có thể thất bại.',
    price: (input: string, output: string) => `vào ${input} · ra ${output} /1 triệu`,
    chosen: (name: string, id: string) => (name === id ? id : `${name} (${id})`),
    newChatsUseDefault: 'Cuộc trò chuyện mới bắt đầu với mô hình mặc định trong Cài đặt.',
    saveFailed: 'Không lưu được mô hình cho cuộc trò chuyện này:',
  },
  usage: {
    nav: 'Sử dụng',
    title: 'Mức sử dụng',
    last30Days: '30 ngày qua',
    intro: 'Số token, chi phí và tốc độ của các câu trả lời trong 30 ngày qua, từ lịch sử trên máy này.',
    charts: 'Theo ngày',
    costPerDay: (currency: string) => `Chi phí mỗi ngày (${currency})`,
    tokensPerDay: 'Token mỗi ngày',
    chartLabel: (day: string, value: string) => `${day}: ${value}`,
    byModel: 'Theo mô hình',
    model: 'Mô hình',
    answers: 'Câu trả lời',
    inputTokens: 'Token đầu vào',
    outputTokens: 'Token đầu ra',
    cost: (currency: string) => `Chi phí (${currency})`,
    medianTtft: 'Trung vị token đầu tiên',
    medianSpeed: 'Trung vị tốc độ',
    total: 'Tổng',
    nothingYet: 'Chưa có câu trả lời nào trong 30 ngày qua.',
    estimatedNote: (count: number) =>
      `${formatNumber(count)} câu trả lời không có số liệu sử dụng từ nhà cung cấp; số token được ước tính (khoảng 4 ký tự một token).`,
    unpricedNote: (count: number) =>
      `${formatNumber(count)} câu trả lời dùng mô hình chưa có giá trong Cài đặt, nên chi phí của chúng không được tính.`,
    failed: 'Không tải được mức sử dụng:',
    ms: (value: number) => `${formatNumber(Math.round(value))} ms`,
    perSecond: (value: number) => `${formatNumber(value, 1)} token/giây`,
    none: '—',
    answerCost: (tokensIn: number, tokensOut: number, cost: string | null, estimated: boolean) =>
      [
        `${estimated ? '~' : ''}${formatNumber(tokensIn)} vào / ${formatNumber(tokensOut)} ra token${estimated ? ' (ước tính)' : ''}`,
        cost === null ? null : cost,
      ]
        .filter(Boolean)
        .join(' · '),
    conversationTotal: (tokens: string, cost: string, estimated: boolean, _answers: number, answersText: string) =>
      `Cuộc trò chuyện này: ${estimated ? '~' : ''}${tokens} token · ${cost} · ${answersText} câu trả lời, tính mọi phiên bản`,
  },
  onboarding: {
    title: 'Chào mừng đến với HolySheep Chat',
    intro: 'Trò chuyện với các mô hình của cổng HolySheep, lịch sử được giữ trên máy tính này.',
    needsTitle: 'Để bắt đầu, bạn cần',
    needKey: 'Khóa API HolySheep của bạn. Tạo hoặc sao chép khóa trong trang quản lý HolySheep; khóa bắt đầu bằng sk-.',
    needGateway:
      'Địa chỉ của cổng. Địa chỉ của HolySheep đã được điền sẵn; chỉ đổi khi dùng một cổng tương thích OpenAI khác.',
    key: 'Khóa API',
    baseURL: 'URL gốc của cổng',
    baseURLHint: 'Giữ nguyên nếu dùng HolySheep.',
    check: 'Kiểm tra và tiếp tục',
    checking: 'Đang kiểm tra khóa với cổng…',
    success: (models: number) => `Khóa hợp lệ: cổng cung cấp ${formatNumber(models)} mô hình.`,
    skip: 'Bỏ qua lúc này',
    skipHint: 'Bạn vẫn xem được lịch sử khi ngoại tuyến và thêm khóa sau trong Cài đặt.',
    protectionTitle: 'Khóa của bạn được giữ thế nào',
    failures: {
      invalid_key: 'Cổng từ chối khóa này. Hãy kiểm tra bạn đã sao chép đủ khóa từ trang quản lý HolySheep.',
      network: 'Không kết nối được tới cổng. Hãy kiểm tra kết nối Internet, proxy hoặc tường lửa rồi thử lại.',
      timeout: 'Cổng không trả lời kịp. Hãy kiểm tra kết nối và thử lại.',
      not_found:
        'Không có cổng tương thích OpenAI nào trả lời ở URL gốc này. Hãy kiểm tra địa chỉ (thường kết thúc bằng /v1).',
      other: 'Kiểm tra thất bại:',
    },
  },
  connection: {
    lost: 'Mất kết nối tới HolySheep Chat, đang kết nối lại…',
    restarted:
      'HolySheep Chat đã được khởi động lại nên địa chỉ của thẻ này đã cũ. Hãy mở địa chỉ mới nhất được in trong cửa sổ dòng lệnh.',
    back: 'Đã kết nối lại với HolySheep Chat.',
    answerInterrupted: 'Kết nối tới HolySheep Chat bị mất khi câu trả lời này đang đến.',
  },
  ui: {
    close: 'Đóng',
    cancel: 'Hủy',
    dismiss: 'Bỏ qua',
    notifications: 'Thông báo',
    noMatches: 'Không có kết quả phù hợp',
  },
  errors: {
    no_key: 'Chưa có khóa API. Hãy thêm khóa trong Cài đặt.',
    key_origin_changed:
      'Khóa API của bạn được lưu cho một địa chỉ cổng kết nối khác nên không được gửi tới địa chỉ này. Hãy nhập lại khóa trong Cài đặt để dùng ở đây.',
    invalid_key: 'Cổng kết nối không chấp nhận khóa API của bạn. Hãy kiểm tra khóa trong Cài đặt.',
    forbidden:
      'Khóa API của bạn không được phép làm việc này (ví dụ mô hình này không có trong gói của bạn). Hãy kiểm tra khóa hoặc chọn mô hình khác.',
    unknown_model: 'Cổng kết nối không biết mô hình này. Hãy chọn mô hình khác.',
    bad_request: 'Cổng kết nối đã từ chối yêu cầu.',
    context_too_long: 'Cuộc trò chuyện quá dài với mô hình này. Hãy rút ngắn hoặc bắt đầu cuộc trò chuyện mới.',
    rate_limited: 'Hiện có quá nhiều yêu cầu. Hãy đợi một lát rồi thử lại.',
    busy: 'Đang có vài câu trả lời được truyền về. Hãy đợi một câu xong hoặc dừng bớt, rồi thử lại.',
    server: 'Cổng kết nối gặp sự cố. Hãy thử lại sau giây lát.',
    network: 'Không kết nối được tới cổng. Hãy kiểm tra mạng và URL gốc trong Cài đặt.',
    tls: 'Chứng chỉ bảo mật của cổng bị từ chối. Có thể một proxy hoặc tường lửa đang chặn giữa kết nối, hoặc URL gốc trỏ sai máy chủ. Hãy kiểm tra URL gốc trong Cài đặt.',
    timeout: 'Cổng kết nối trả lời quá lâu. Hãy thử lại.',
    stream_broken: 'Câu trả lời bị cắt ngang: kết nối tới cổng bị đứt giữa chừng.',
    too_large:
      'Câu trả lời đã bị kết thúc vì cổng gửi nhiều hơn mức ứng dụng chấp nhận: câu trả lời dài quá độ dài tối đa (Cài đặt → Truyền luồng và mạng), hoặc dữ liệu quá lớn so với một câu trả lời.',
    redirect_refused:
      'Cổng kết nối định chuyển yêu cầu sang một máy chủ khác, nên ứng dụng đã từ chối và không gửi gì tới đó. Hãy kiểm tra URL gốc trong Cài đặt.',
    aborted: 'Đã dừng.',
    invalid_payload: 'Ứng dụng đã gửi một yêu cầu không hợp lệ. Vui lòng báo lỗi này.',
    not_found: 'Cổng kết nối không có địa chỉ này. Hãy kiểm tra URL gốc trong Cài đặt.',
    invalid_file: 'Không thể nhập tệp này.',
    upload_limit:
      'Tệp tải lên bị từ chối: có quá nhiều tệp đang chờ nhập, hoặc tải lên quá nhiều cùng lúc. Hãy đợi các lần nhập xong rồi thử lại.',
    attachment_refused: 'Không đính kèm được tệp.',
    read_only:
      'Lịch sử của bạn đang ở chế độ chỉ đọc vì không áp dụng được bản cập nhật. Không có gì bị thay đổi; xem thông báo ở đầu trang.',
    internal: 'Đã có lỗi bên trong ứng dụng.',
  } satisfies Record<ErrorKind, string>,
  attachments: {
    settings: {
      readsImages: (model: string) => `${model} đọc được ảnh`,
      readsImagesHint:
        'Ảnh bạn đính kèm có được gửi tới mô hình này hay không. GPT-4.1, Claude Sonnet 4.5 và Gemini 2.5 Flash đọc được; hãy bật cho mô hình khác nếu nó đọc được ảnh.',
      keepOriginalImages: 'Gửi ảnh ở kích thước gốc',
      keepOriginalImagesHint:
        'Tắt: ảnh lớn được thu nhỏ còn 2.048 px ở cạnh dài nhất trước khi gửi, vì mô hình cũng chỉ đọc ở cỡ đó. Bật: gửi nguyên ảnh (yêu cầu lớn hơn).',
    },
    attach: 'Đính kèm ảnh hoặc tài liệu',
    list: 'Tệp đính kèm',
    remove: (name: string) => `Bỏ ${name}`,
    open: (name: string) => `Mở ${name}`,
    preparing: 'Đang chuẩn bị…',
    pages: (count: string) => `${count} trang`,
    tokens: (count: string) => `Tệp đính kèm: khoảng ${count} token`,
    dropHere: 'Thả tệp vào đây để đính kèm',
    viewer: 'Tệp đính kèm',
    couldNotLoad: 'Không hiển thị được tệp đính kèm này.',
    refused: {
      file_too_large: (name: string, limit: string) =>
        `“${name}” lớn hơn ${limit}, mức tối đa cho một tệp. Hãy đính kèm tệp nhỏ hơn.`,
      message_too_large: (limit: string) =>
        `Các tệp của một tin nhắn tổng cộng chỉ được tối đa ${limit}. Hãy bỏ bớt một tệp, hoặc gửi nó trong tin nhắn khác.`,
      too_many: (limit: string) => `Một tin nhắn chỉ mang được tối đa ${limit} tệp. Hãy bỏ một tệp để thêm tệp khác.`,
      svg: (name: string) =>
        `“${name}” là hình vẽ SVG, ứng dụng không mở loại này (nó có thể chứa mã lệnh). Hãy đính kèm dưới dạng PNG hoặc JPEG.`,
      unsupported_type: (name: string) =>
        `“${name}” không phải loại tệp ứng dụng đọc được: hãy đính kèm ảnh PNG, JPEG, WebP hoặc GIF, tệp PDF, hoặc tệp văn bản (văn bản, Markdown, mã nguồn, CSV, JSON).`,
      unreadable_pdf: (name: string) =>
        `Không đọc được văn bản của “${name}”. Tệp PDF có thể bị hỏng hoặc được bảo vệ.`,
      model_without_vision: (model: string) =>
        `${model} không đọc được ảnh. Hãy chọn một mô hình đọc được ảnh (ví dụ GPT-4.1), hoặc bỏ các ảnh đi.`,
      missing: (name: string) => `“${name}” không còn được lưu. Hãy đính kèm lại.`,
    },
  },
  connectionCauses: {
    ECONNREFUSED: 'Cổng từ chối kết nối.',
    ENOTFOUND: 'Không tìm thấy địa chỉ của cổng (DNS).',
    EAI_AGAIN: 'Không tra được địa chỉ của cổng; có thể mạng đang ngoại tuyến.',
    ECONNRESET: 'Kết nối tới cổng bị ngắt giữa chừng.',
    ENETUNREACH: 'Không tới được mạng; có thể máy đang ngoại tuyến.',
    EHOSTUNREACH: 'Không tới được máy chủ của cổng.',
    ETIMEDOUT: 'Kết nối tới cổng quá thời gian chờ.',
    UND_ERR_CONNECT_TIMEOUT: 'Kết nối tới cổng quá thời gian chờ.',
    CERT_HAS_EXPIRED: 'Chứng chỉ TLS của cổng đã hết hạn.',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'Chứng chỉ TLS của cổng là tự ký và không được tin cậy.',
    SELF_SIGNED_CERT_IN_CHAIN: 'Chứng chỉ TLS của cổng do một tổ chức mà máy này không tin cậy cấp.',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'Không xác minh được chứng chỉ TLS của cổng.',
    UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'Không xác minh được chứng chỉ TLS của cổng.',
    ERR_TLS_CERT_ALTNAME_INVALID: 'Chứng chỉ TLS của cổng không khớp với địa chỉ của nó.',
    EPROTO: 'Kết nối bảo mật tới cổng thất bại (TLS).',
  } satisfies Record<ConnectionCause, string>,
  compare: {
    title: 'Các câu trả lời được so sánh',
    toggle: 'So sánh mô hình',
    pickModels: 'Gửi câu hỏi tiếp theo tới các mô hình này',
    pickedCount: (picked: string, most: string) => `Đã chọn ${picked}, từ 2 đến ${most}`,
    choose: 'Tiếp tục với câu này',
    status: {
      streaming: 'Đang viết…',
      complete: 'Xong',
      stopped: 'Đã dừng',
      error: 'Thất bại',
      interrupted: 'Bị gián đoạn',
    },
  },
  versions: {
    group: 'Các phiên bản',
    previous: 'Phiên bản trước',
    next: 'Phiên bản sau',
    position: (index: string, count: string) => `${index} / ${count}`,
    positionLabel: (index: string, count: string) => `Phiên bản ${index} trên ${count}`,
    deleted: 'Đã xóa tin nhắn',
    undo: 'Hoàn tác',
    switchFailed: 'Không hiển thị được phiên bản đó:',
  },
}
