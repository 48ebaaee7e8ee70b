import './attachments.css'
import { useState } from 'react'
import { isImageMime, type Attachment } from '../../../../shared/attachments'
import { strings } from '../../i18n'
import { formatBytes, formatNumber } from '../../i18n/format'
import { Button } from '../../ui/Button'
import { Dialog } from '../../ui/Dialog'
import { FileText } from '../../ui/icons'
import { useAttachmentUrl } from './attachment-urls'

/** A question's files in the transcript: thumbnails and document chips; a click opens the larger view. */
export function MessageAttachments({ attachments }: { attachments: Attachment[] }) {
  const [open, setOpen] = useState<Attachment | null>(null)
  return (
    <>
      <ul className="message-attachments" aria-label={strings.attachments.list}>
        {attachments.map((attachment, index) => (
          <li key={`${attachment.id}-${index}`}>
            <Button
              variant="ghost"
              size="sm"
              className="message-attachment"
              aria-label={strings.attachments.open(attachment.name)}
              onClick={() => setOpen(attachment)}
            >
              {isImageMime(attachment.mime) ? (
                <Thumbnail id={attachment.id} />
              ) : (
                <>
                  <FileText size={16} aria-hidden />
                  <span className="attachment-name">{attachment.name}</span>
                </>
              )}
            </Button>
          </li>
        ))}
      </ul>
      <Dialog
        open={open !== null}
        onOpenChange={(next) => !next && setOpen(null)}
        title={open?.name ?? strings.attachments.viewer}
        size="lg"
        initialFocus="content"
      >
        {open ? <AttachmentView attachment={open} /> : null}
      </Dialog>
    </>
  )
}

function Thumbnail({ id }: { id: string }) {
  const url = useAttachmentUrl(id)
  return url ? <img className="attachment-thumb" src={url} alt="" /> : <span className="attachment-thumb" />
}

function AttachmentView({ attachment }: { attachment: Attachment }) {
  const url = useAttachmentUrl(attachment.id)
  const details = [
    formatBytes(attachment.size),
    attachment.width && attachment.height
      ? `${formatNumber(attachment.width)} × ${formatNumber(attachment.height)}`
      : null,
    attachment.pageCount !== null ? strings.attachments.pages(formatNumber(attachment.pageCount)) : null,
  ]
    .filter(Boolean)
    .join(' · ')
  return (
    <div className="attachment-viewer">
      {isImageMime(attachment.mime) ? (
        url ? (
          <img className="attachment-viewer__image" src={url} alt={attachment.name} />
        ) : url === null ? (
          <p>{strings.attachments.couldNotLoad}</p>
        ) : null
      ) : null}
      <p className="attachment-viewer__details">{details}</p>
    </div>
  )
}
