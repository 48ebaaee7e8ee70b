import type { ConnectionCause, ErrorKind } from '../../../shared/errors'
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
    stopped: 'Đã dừng. Phần văn bản nhận được đến lúc này vẫn được giữ lại.',
    interrupted: 'Ứng dụng đã đóng trước khi câu trả lời này xong. Phần văn bản nhận được vẫn được giữ lại.',
    newConversation: 'Cuộc trò chuyện mới',
    retrying: (seconds: number, attempt: number, maxAttempts: number) =>
      `Thử lại sau ${formatNumber(seconds)} giây (lần ${attempt}/${maxAttempts})…`,
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
  markdown: {
    code: 'Mã',
    copy: 'Sao chép',
    copied: 'Đã sao chép',
    copyFailed: 'Không sao chép được',
    copyCode: (language: string) => `Sao chép mã ${language}`,
    image: (alt: string) => (alt ? `Hình ảnh: ${alt}` : 'Hình ảnh'),
    taskDone: 'Đã xong',
    taskOpen: 'Chưa xong',
  },
  history: {
    sidebar: 'Các cuộc trò chuyện và tìm kiếm',
    conversations: 'Các cuộc trò chuyện',
    search: 'Tìm kiếm',
    searchPlaceholder: 'Tìm trong mọi cuộc trò chuyện (Ctrl+K)',
    searching: 'Đang tìm…',
    searchFailed: 'Tìm kiếm thất bại:',
    listFailed: 'Không liệt kê được các cuộc trò chuyện:',
    results: 'Kết quả tìm kiếm',
    noResults: (query: string) => `Không tìm thấy “${query}”.`,
    empty: 'Chưa có cuộc trò chuyện nào.',
    newChatShortcut: 'Trò chuyện mới (Ctrl+N)',
    pin: 'Ghim',
    unpin: 'Bỏ ghim',
    rename: 'Đổi tên',
    newTitle: 'Tên mới',
    delete: 'Xóa',
    deleted: (title: string) => `Đã xóa “${title}”.`,
    undo: 'Hoàn tác',
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
  },
  notices: {
    history_moved_aside: (path: string) =>
      `Không mở được tệp lịch sử của bạn. Tệp cũ được giữ lại tại ${path} và một tệp mới đã được tạo.`,
    settings_moved_aside: (path: string) =>
      `Không đọc được tệp cài đặt của bạn. Tệp cũ được giữ lại tại ${path} và các giá trị mặc định đang được dùng.`,
    key_moved_aside: (path: string) =>
      `Không đọc được tệp chứa khóa API của bạn. Tệp cũ được giữ lại tại ${path}; hãy nhập lại khóa.`,
    dismiss: 'Đóng',
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
  },
  models: {
    picker: 'Mô hình',
    customHint: 'Chọn một mô hình hoặc gõ bất kỳ mã mô hình nào.',
  },
  usage: {
    nav: 'Sử dụng',
    title: 'Mức sử dụng',
    last30Days: '30 ngày qua',
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
    conversationTotal: (tokens: string, cost: string, estimated: boolean) =>
      `Cuộc trò chuyện này: ${estimated ? '~' : ''}${tokens} token · ${cost}`,
  },
  onboarding: {
    title: 'Chào mừng đến với HolySheep Chat',
    intro: 'Nhập khóa API HolySheep để bắt đầu. Ứng dụng kiểm tra khóa với cổng trước khi lưu.',
    key: 'Khóa API',
    baseURL: 'URL gốc của cổng',
    baseURLHint: 'Giữ nguyên nếu dùng HolySheep.',
    check: 'Kiểm tra và lưu',
    checking: 'Đang kiểm tra khóa với cổng…',
    success: (models: number) => `Khóa hợp lệ: cổng cung cấp ${formatNumber(models)} mô hình.`,
    skip: 'Bỏ qua: xem lịch sử khi ngoại tuyến',
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
  errors: {
    no_key: 'Chưa có khóa API. Hãy thêm khóa trong Cài đặt.',
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
    stream_broken:
      'Câu trả lời bị cắt ngang: kết nối tới cổng bị đứt giữa chừng. Phần văn bản đã nhận vẫn được giữ lại.',
    too_large:
      'Câu trả lời đã bị kết thúc vì cổng gửi nhiều hơn mức ứng dụng chấp nhận: câu trả lời dài quá độ dài tối đa (Cài đặt → Truyền luồng và mạng), hoặc dữ liệu quá lớn so với một câu trả lời. Phần văn bản đã nhận vẫn được giữ lại.',
    redirect_refused:
      'Cổng kết nối định chuyển yêu cầu sang một máy chủ khác, nên ứng dụng đã từ chối và không gửi gì tới đó. Hãy kiểm tra URL gốc trong Cài đặt.',
    aborted: 'Đã dừng.',
    invalid_payload: 'Ứng dụng đã gửi một yêu cầu không hợp lệ. Vui lòng báo lỗi này.',
    not_found: 'Cổng kết nối không có địa chỉ này. Hãy kiểm tra URL gốc trong Cài đặt.',
    invalid_file: 'Không thể nhập tệp này.',
    internal: 'Đã có lỗi bên trong ứng dụng.',
  } satisfies Record<ErrorKind, string>,
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
}
