/**
 * A question with attachments as the model gets it (OpenAI's content parts): each document as a
 * clearly delimited text block naming its file, then the question's own text, then each image as an
 * `image_url` part holding a base64 data URL. Kept apart from the rest of the request building so a
 * change here touches nothing else.
 */
import { estimateImageTokens, estimateTextTokens, isImageMime, type Attachment } from '../../shared/attachments'
import type { ContentPart } from '../../shared/chat'
import type { StoredMessage } from '../../shared/history'

/** Where the parts come from: a file's bytes, and a PDF's text as extracted when it was attached. */
export interface AttachmentSource {
  bytes(id: string): Buffer
  pdfText(id: string): string | null
}

export function questionParts(message: StoredMessage, source: AttachmentSource): ContentPart[] | undefined {
  const attachments = message.attachments ?? []
  if (message.role !== 'user' || attachments.length === 0) return undefined
  const documents = attachments.filter((attachment) => !isImageMime(attachment.mime))
  const images = attachments.filter((attachment) => isImageMime(attachment.mime))
  return [
    ...documents.map((document): ContentPart => ({ type: 'text', text: documentBlock(document, source) })),
    ...(message.content ? [{ type: 'text' as const, text: message.content }] : []),
    ...images.map((image): ContentPart => ({
      type: 'image_url',
      image_url: { url: `data:${image.mime};base64,${source.bytes(image.id).toString('base64')}` },
    })),
  ]
}

/**
 * A document as a block the model can tell apart from the question: its name, type and (a PDF) page
 * count on the opening line, its text, a closing line. The name is quoted with its quotes removed.
 */
export function documentBlock(document: Attachment, source: AttachmentSource): string {
  const text =
    document.mime === 'application/pdf'
      ? (source.pdfText(document.id) ?? '')
      : source.bytes(document.id).toString('utf8')
  const name = document.name.replace(/"/g, '')
  const pages = document.pageCount === null ? '' : ` pages="${document.pageCount}"`
  return `<document name="${name}" type="${document.mime}"${pages}>\n${text}\n</document>`
}

/** Whether any question on the path carries an image: the model must read images. */
export function hasImages(messages: readonly StoredMessage[]): boolean {
  return messages.some((message) => message.attachments?.some((attachment) => isImageMime(attachment.mime)))
}

/**
 * A question's attachments in tokens, estimated without building the request: images by the
 * published rule of the answering model's provider (see estimateImageTokens), documents at about
 * four characters a token.
 */
export function attachmentTokens(message: StoredMessage, source: AttachmentSource, model: string): number {
  return (message.attachments ?? []).reduce((sum, attachment) => {
    if (isImageMime(attachment.mime))
      return sum + estimateImageTokens(attachment.width ?? 512, attachment.height ?? 512, model)
    const characters =
      attachment.mime === 'application/pdf' ? (source.pdfText(attachment.id)?.length ?? 0) : attachment.size
    return sum + estimateTextTokens(characters)
  }, 0)
}
