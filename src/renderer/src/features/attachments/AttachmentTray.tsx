import './attachments.css'
import { isImageMime } from '../../../../shared/attachments'
import { strings } from '../../i18n'
import { formatBytes, formatNumber } from '../../i18n/format'
import { IconButton } from '../../ui/IconButton'
import { FileText, X } from '../../ui/icons'
import { Spinner } from '../../ui/Spinner'
import type { DraftAttachment } from './use-composer-attachments'

/** The composer's files: a thumbnail (images) or a chip (documents) each, with its name, size and a remove button. */
export function AttachmentTray(props: {
  items: DraftAttachment[]
  error: string | null
  estimatedTokens: number
  onRemove(key: string): void
}) {
  const { items, error, estimatedTokens } = props
  if (items.length === 0 && !error) return null
  return (
    <div className="attachment-tray">
      {items.length ? (
        <ul className="attachment-list" aria-label={strings.attachments.list}>
          {items.map((item) => (
            <li key={item.key} className={`attachment-item${item.status === 'refused' ? ' is-refused' : ''}`}>
              {item.previewUrl && (!item.added || isImageMime(item.added.mime)) ? (
                <img className="attachment-thumb" src={item.previewUrl} alt="" />
              ) : (
                <span className="attachment-icon" aria-hidden>
                  <FileText size={16} />
                </span>
              )}
              <span className="attachment-meta">
                <span className="attachment-name" title={item.name}>
                  {item.name}
                </span>
                <span className="attachment-detail">
                  {item.status === 'adding' ? (
                    <>
                      <Spinner size={12} /> {strings.attachments.preparing}
                    </>
                  ) : item.added ? (
                    [
                      formatBytes(item.added.size),
                      item.added.pageCount !== null
                        ? strings.attachments.pages(formatNumber(item.added.pageCount))
                        : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')
                  ) : null}
                </span>
                {item.error ? (
                  <span className="attachment-error" role="alert">
                    {item.error}
                  </span>
                ) : null}
              </span>
              <IconButton
                size="sm"
                variant="ghost"
                label={strings.attachments.remove(item.name)}
                icon={<X size={14} aria-hidden />}
                onClick={() => props.onRemove(item.key)}
              />
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p className="attachment-error" role="alert">
          {error}
        </p>
      ) : null}
      {estimatedTokens > 0 ? (
        <p className="attachment-tokens">{strings.attachments.tokens(formatNumber(estimatedTokens))}</p>
      ) : null}
    </div>
  )
}
