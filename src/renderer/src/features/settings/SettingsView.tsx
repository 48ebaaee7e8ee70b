import type { Api } from '../../../../shared/api'
import type { KeyStatus } from '../../../../shared/key-status'
import type { SettingsView as SettingsData } from '../../../../shared/settings'
import type { Platform } from '../../api/platform'
import { strings } from '../../i18n'
import { BackupsSection } from '../backups/BackupsSection'
import { TransferSection } from '../transfer/TransferSection'
import type { TransferActions } from '../transfer/use-transfers'
import { ToolsSection } from '../tools/ToolsSection'
import { AdvancedSection } from './AdvancedSection'
import { AppearanceSection } from './AppearanceSection'
import { KeySection } from './KeySection'
import { PreferencesSection } from './PreferencesSection'
import { PresetsSection } from './PresetsSection'
import { PricesSection } from './PricesSection'
import { SettingsNav } from './SettingsNav'
import { SettingsSection } from './SettingsSection'
import { sectionElementId } from './settings-sections'
import { useSettingsSave } from './use-settings-save'
import './settings-extra.css'

interface SettingsViewProps {
  api: Api
  settings: SettingsData
  keyStatus: KeyStatus
  transfers: TransferActions
  platform: Platform
  onSettingsChange(settings: SettingsData): void
  onKeyStatusChange(status: KeyStatus): void
}

/**
 * Settings as one page that scrolls once: a section list (sticky on the left, or a select on top
 * when narrow) and the sections in one design. Every change is saved as it is made (see
 * use-settings-save), so there is no Save button to forget and nothing to guard on leaving.
 */
export function SettingsView({
  api,
  settings,
  keyStatus,
  transfers,
  platform,
  onSettingsChange,
  onKeyStatusChange,
}: SettingsViewProps) {
  const save = useSettingsSave(api, onSettingsChange)
  const p = strings.settingsPage
  return (
    <div className="settings-layout">
      <header className="settings-header">
        <h1 id="settings-title">{strings.settings.title}</h1>
        <p className="settings-hint">{p.intro}</p>
      </header>
      <div className="settings-grid">
        <SettingsNav />
        <div className="settings-sections" aria-labelledby="settings-title" role="region">
          <KeySection
            id={sectionElementId('key')}
            api={api}
            settings={settings}
            keyStatus={keyStatus}
            save={save}
            onKeyStatusChange={onKeyStatusChange}
          />
          <PreferencesSection
            id={sectionElementId('model')}
            api={api}
            settings={settings.settings}
            save={save}
            hasKey={keyStatus.isSet}
          />
          <PresetsSection id={sectionElementId('presets')} api={api} />
          <PricesSection id={sectionElementId('prices')} settings={settings} save={save} />
          <SettingsSection id={sectionElementId('history')} title={p.sections.history}>
            <TransferSection actions={transfers} platform={platform} />
            <BackupsSection api={api} settings={settings} save={save} />
          </SettingsSection>
          <AppearanceSection id={sectionElementId('appearance')} settings={settings.settings} save={save} />
          <ToolsSection id={sectionElementId('tools')} api={api} settings={settings} save={save} />
          <AdvancedSection id={sectionElementId('advanced')} api={api} settings={settings} save={save} />
        </div>
      </div>
    </div>
  )
}
