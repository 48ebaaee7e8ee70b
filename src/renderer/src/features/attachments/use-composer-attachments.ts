/**
 * The files waiting in the composer: each is prepared (size checked, large images downscaled),
 * sent once to main (`attachments:add`, which checks its type from the bytes and stores it), then
 * shown as a thumbnail or a chip until the question is sent or the file removed. Limits are said
 * inline, beside the files, in the user's language.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'react'
import type { Api } from '../../../../shared/api'
import {
  estimateImageTokens,
  isImageMime,
  maxAttachmentBytes,
  maxAttachmentsPerMessage,
  maxMessageAttachmentBytes,
  type AttachmentAdded,
} from '../../../../shared/attachments'
import { strings } from '../../i18n'
import { refusalText } from './attachment-words'
import { prepareFile, toBase64 } from './prepare-file'

export interface DraftAttachment {
  key: string
  name: string
  /** A local blob: URL of an image, for its thumbnail. */
  previewUrl: string | null
  status: 'adding' | 'ready' | 'refused'
  added: AttachmentAdded | null
  error: string | null
}

let nextKey = 0

/** `model`: the conversation's, whose provider's rule counts the images' tokens in the estimate shown. */
export function useComposerAttachments(api: Api, keepOriginalImages: boolean, model?: string) {
  const [items, setItems] = useState<DraftAttachment[]>([])
  const [limitError, setLimitError] = useState<string | null>(null)
  // What add and clear read at the moment they run (they may run before the next render).
  const itemsRef = useRef(items)
  useLayoutEffect(() => {
    itemsRef.current = items
  })

  const update = useCallback((key: string, change: Partial<DraftAttachment>) => {
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)))
  }, [])

  const addOne = useCallback(
    async (file: File, key: string) => {
      const prepared = await prepareFile(file, keepOriginalImages)
      if (!prepared.ok) {
        const error = refusalText({ reason: 'file_too_large', name: file.name, limit: maxAttachmentBytes })
        return update(key, { status: 'refused', error })
      }
      const result = await api.attachments.add({ name: prepared.name, dataBase64: await toBase64(prepared.bytes) })
      if (result.ok) return update(key, { status: 'ready', added: result.value })
      const error = result.error.attachment ? refusalText(result.error.attachment) : strings.errors[result.error.kind]
      update(key, { status: 'refused', error })
    },
    [api, keepOriginalImages, update],
  )

  const add = useCallback(
    (files: readonly File[]) => {
      setLimitError(null)
      const kept = itemsRef.current.filter((item) => item.status !== 'refused')
      const room = maxAttachmentsPerMessage - kept.length
      if (files.length > room)
        setLimitError(refusalText({ reason: 'too_many', name: '', limit: maxAttachmentsPerMessage }))
      const taken = files.slice(0, Math.max(0, room)).map((file) => ({
        file,
        item: {
          key: `attachment-${nextKey++}`,
          name: file.name,
          previewUrl:
            file.type.startsWith('image/') && file.type !== 'image/svg+xml' ? URL.createObjectURL(file) : null,
          status: 'adding' as const,
          added: null,
          error: null,
        },
      }))
      setItems((current) => [...current, ...taken.map(({ item }) => item)])
      for (const { file, item } of taken) void addOne(file, item.key)
    },
    [addOne],
  )

  const remove = useCallback((key: string) => {
    setLimitError(null)
    setItems((current) => {
      const gone = current.find((item) => item.key === key)
      if (gone?.previewUrl) URL.revokeObjectURL(gone.previewUrl)
      return current.filter((item) => item.key !== key)
    })
  }, [])

  const clear = useCallback(() => {
    for (const item of itemsRef.current) if (item.previewUrl) URL.revokeObjectURL(item.previewUrl)
    setItems([])
    setLimitError(null)
  }, [])

  const ready = items.filter((item) => item.added !== null)
  const totalBytes = ready.reduce((sum, item) => sum + item.added!.size, 0)
  const tooHeavy = totalBytes > maxMessageAttachmentBytes
  const error =
    limitError ??
    (tooHeavy ? refusalText({ reason: 'message_too_large', name: '', limit: maxMessageAttachmentBytes }) : null)
  return {
    items,
    add,
    remove,
    clear,
    error,
    estimatedTokens: ready.reduce((sum, item) => {
      const added = item.added!
      const image = isImageMime(added.mime)
      return sum + (image ? estimateImageTokens(added.width ?? 512, added.height ?? 512, model) : added.estimatedTokens)
    }, 0),
    /** The files to send; null while one is still being added or the question is over a limit. */
    links:
      items.some((item) => item.status === 'adding') || tooHeavy
        ? null
        : ready.map((item) => ({ id: item.added!.id, name: item.added!.name })),
  }
}
