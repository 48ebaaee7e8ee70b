import type { Platform } from '../../api/platform'
import { strings } from '../../i18n'
import { ImportFileButton } from './ImportFileButton'
import type { TransferActions } from './use-transfers'

/** Settings → History: export everything, or import our JSON or ChatGPT's conversations.json. */
export function TransferSection({ actions, platform }: { actions: TransferActions; platform: Platform }) {
  return (
    <section className="settings-section" aria-labelledby="transfer-title">
      <h2 id="transfer-title">{strings.transfer.title}</h2>
      <p>{strings.transfer.explain}</p>
      <div className="actions">
        <button type="button" onClick={() => actions.exportAll('markdown')}>
          {strings.transfer.exportAllMarkdown}
        </button>
        <button type="button" onClick={() => actions.exportAll('json')}>
          {strings.transfer.exportAllJson}
        </button>
        {platform.kind === 'desktop' ? (
          <button type="button" onClick={() => actions.importFile(null)}>
            {strings.transfer.import}
          </button>
        ) : (
          <ImportFileButton onFile={(file) => actions.importFile(file)} />
        )}
      </div>
    </section>
  )
}
