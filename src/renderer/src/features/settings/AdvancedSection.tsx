import { useEffect, useState } from 'react'
import type { Api } from '../../../../shared/api'
import type { SettingsView as SettingsData } from '../../../../shared/settings'
import { strings } from '../../i18n'
import { Switch } from '../../ui/Switch'
import { SettingField } from './SettingField'
import { SettingsSection, SettingsSubgroup } from './SettingsSection'
import type { SaveSettings } from './use-settings-save'

/** Advanced: streaming limits, the proxy and updates. */
export function AdvancedSection({
  id,
  api,
  settings,
  save,
}: {
  id: string
  api: Api
  settings: SettingsData
  save: SaveSettings
}) {
  const t = strings.preferences
  const p = strings.settingsPage
  const common = { settings: settings.settings, save }
  /** Whether this copy updates itself (the installed desktop app); null until main has said. */
  const [updatable, setUpdatable] = useState<boolean | null>(null)
  useEffect(() => {
    void api.app.updateStatus().then((result) => setUpdatable(result.ok ? result.value.supported : null))
  }, [api])
  return (
    <SettingsSection id={id} title={p.sections.advanced}>
      <SettingsSubgroup title={p.streamingGroup}>
        <div className="settings-row">
          <SettingField {...common} name="idleTimeoutSeconds" kind="number" label={t.idleTimeout} min={5} max={600} />
          <SettingField
            {...common}
            name="maxConcurrentStreams"
            kind="number"
            label={t.maxConcurrentStreams}
            min={1}
            max={16}
          />
          <SettingField
            {...common}
            name="totalTimeoutSeconds"
            kind="number"
            label={t.totalTimeout}
            min={30}
            max={7200}
          />
          <SettingField {...common} name="maxAnswerChars" kind="number" label={t.maxAnswerChars} min={10_000} />
        </div>
        <SettingField
          {...common}
          name="proxy"
          kind="optional-text"
          type="url"
          label={t.proxy}
          placeholder="http://127.0.0.1:3128"
          hint={`${t.proxyHint} ${t.proxyInUse(settings.proxySource, settings.effectiveProxy)}`}
        />
      </SettingsSubgroup>
      <SettingsSubgroup title={p.updatesGroup}>
        <Switch
          label={strings.updates.autoUpdate}
          hint={updatable === false ? strings.updates.desktopOnly : strings.updates.autoUpdateHint}
          checked={settings.settings.autoUpdate}
          onCheckedChange={(autoUpdate) => void save({ autoUpdate }, strings.updates.autoUpdate)}
        />
      </SettingsSubgroup>
    </SettingsSection>
  )
}
