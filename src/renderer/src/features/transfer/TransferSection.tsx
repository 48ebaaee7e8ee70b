import type { Platform } from '../../api/platform'
import { strings } from '../../i18n'
import { Button } from '../../ui/Button'
import { FileJson, FileText, Upload } from '../../ui/icons'
import { ImportFileButton } from './ImportFileButton'
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
          <Button icon={<Upload aria-hidden />} onClick={() => actions.importFile(null)}>
            {strings.transfer.import}
          </Button>
        ) : (
          <ImportFileButton onFile={(file) => actions.importFile(file)} />
        )}
      </div>
    </section>
  )
}
