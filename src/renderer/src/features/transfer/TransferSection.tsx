import type { Platform } from '../../api/platform'
import { strings } from '../../i18n'
import { Button } from '../../ui/Button'
import { FileJson, FileText } from '../../ui/icons'
import type { TransferActions } from './use-transfers'

/** Settings → History and backups: export everything, or import our JSON or ChatGPT's conversations.json. */
export function TransferSection({ actions, platform }: { actions: TransferActions; platform: Platform }) {
  return (
    <section className="settings-subgroup" aria-labelledby="transfer-title">
      <h3 id="transfer-title" className="settings-subgroup__title">
        {strings.settingsPage.exportGroup}
      </h3>
      <p className="settings-hint">{strings.transfer.explain}</p>
      <div className="settings-actions">
        <Button icon={<FileText aria-hidden />} onClick={() => actions.exportAll('markdown')}>
          {strings.transfer.exportAllMarkdown}
        </Button>
        <Button icon={<FileJson aria-hidden />} onClick={() => actions.exportAll('json')}>
          {strings.transfer.exportAllJson}
        </Button>
        {platform.kind === 'desktop' ? (
          <button type="button" onClick={() => actions.importFile(null)}>
            {strings.transfer.import}
          </button>
        ) : (
          <label className="file-button">
            {strings.transfer.import}
            <input
              type="file"
              accept=".json,application/json"
              aria-label={strings.transfer.import}
              onChange={(event) => {
                actions.importFile(event.target.files?.[0] ?? null)
                event.target.value = ''
              }}
            />
          </label>
        )}
      </div>
    </section>
  )
}
