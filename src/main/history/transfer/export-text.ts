/**
 * The words and dates of the Markdown export, in the language of the UI that asked for it (the
 * renderer sends its language with the request): the file is for people to read, so it reads like
 * the app. The JSON export stays language-free (ISO dates), as it is for machines and for import.
 */
import type { ExportLanguage } from '../../../shared/transfer'

interface ExportText {
  locale: string
  untitled: string
  dates(started: string, last: string): string
  you: string
  system: string
  assistant(model: string | null): string
  stopped: string
  interrupted: string
  streaming: string
  /** `detail` is main's own message for the failure, kept as it was stored. */
  failed(detail: string | null): string
  /** Said under the title when other branches exist: only the shown one is written. */
  otherVersions(count: number): string
}

const texts: Record<ExportLanguage, ExportText> = {
  en: {
    locale: 'en-US',
    untitled: 'Untitled conversation',
    dates: (started, last) => `Started ${started}, last message ${last}`,
    you: 'You',
    system: 'System',
    assistant: (model) => (model ? `Assistant (${model})` : 'Assistant'),
    stopped: 'Stopped before the end.',
    interrupted: 'The app closed before this answer finished.',
    streaming: 'Still being written when exported.',
    failed: (detail) => `Failed: ${detail ?? 'unknown error'}`,
    otherVersions: (count) =>
      `This is the shown branch. ${count} other ${count === 1 ? 'version' : 'versions'} of messages in this conversation ${count === 1 ? 'is' : 'are'} not included; the JSON export keeps them.`,
  },
  vi: {
    locale: 'vi-VN',
    untitled: 'Cuộc trò chuyện không tên',
    dates: (started, last) => `Bắt đầu ${started}, tin nhắn cuối ${last}`,
    you: 'Bạn',
    system: 'Hệ thống',
    assistant: (model) => (model ? `Trợ lý (${model})` : 'Trợ lý'),
    stopped: 'Đã dừng trước khi xong.',
    interrupted: 'Ứng dụng đã đóng trước khi câu trả lời này xong.',
    streaming: 'Vẫn đang được viết khi xuất.',
    failed: (detail) => `Lỗi: ${detail ?? 'lỗi không rõ'}`,
    otherVersions: (count) =>
      `Đây là nhánh đang hiển thị. ${count} phiên bản tin nhắn khác trong cuộc trò chuyện này không có ở đây; bản xuất JSON giữ chúng.`,
  },
}

export function exportText(language: ExportLanguage): ExportText & { date(epochMs: number): string } {
  const text = texts[language]
  // Medium date and short time, as the app shows a message's time; in this machine's time zone.
  const format = new Intl.DateTimeFormat(text.locale, { dateStyle: 'medium', timeStyle: 'short' })
  return { ...text, date: (epochMs) => format.format(epochMs) }
}
