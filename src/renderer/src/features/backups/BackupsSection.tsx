import { useCallback, useEffect, useState } from 'react'
import type { Api } from '../../../../shared/api'
import type { BackupInfo, BackupList } from '../../../../shared/backups'
import type { SettingsView as SettingsData } from '../../../../shared/settings'
import { strings } from '../../i18n'
import { formatDateTime } from '../../i18n/format'
import { Button } from '../../ui/Button'
import { showToast } from '../../ui/toast-store'
import { Switch } from '../../ui/Switch'
import { errorText, SaveNoticeLine, type SaveNotice } from '../settings/save-notice'
import { SettingField } from '../settings/SettingField'
import type { SaveSettings } from '../settings/use-settings-save'
import { RestoreDialog } from './RestoreDialog'
import './backups.css'

interface Props {
  api: Api
  settings: SettingsData
  save: SaveSettings
}

/** Settings → History and backups: the daily backup's switch and how many to keep, the list, Back up now, Restore. */
export function BackupsSection({ api, settings, save }: Props) {
  const t = strings.backups
  const [list, setList] = useState<BackupList | null>(null)
  const [working, setWorking] = useState(false)
  const [notice, setNotice] = useState<SaveNotice>(null)
  const [confirming, setConfirming] = useState<BackupInfo | null>(null)

  const reload = useCallback(
    () =>
      api.backups.list().then((result) => {
        if (result.ok) setList(result.value)
        else setNotice({ kind: 'error', text: errorText(result.error) })
      }),
    [api],
  )
  useEffect(() => {
    void api.backups.list().then((result) => {
      if (result.ok) setList(result.value)
    })
  }, [api])

  const backUpNow = async () => {
    setWorking(true)
    setNotice(null)
    const result = await api.backups.create()
    setWorking(false)
    setNotice(
      result.ok ? { kind: 'ok', text: t.taken(t.bytes(result.value.bytes)) } : { kind: 'error', text: t.failed },
    )
    await reload()
  }

  const restore = async (backup: BackupInfo) => {
    setWorking(true)
    setNotice(null)
    const result = await api.backups.restore({ id: backup.id })
    setWorking(false)
    if (result.ok) setNotice({ kind: 'ok', text: t.restored(result.value.keptAt) })
    else
      setNotice({
        kind: 'error',
        text:
          result.error.kind === 'busy'
            ? t.restoreBusy
            : result.error.kind === 'invalid_file'
              ? t.restoreDamaged
              : result.error.kind === 'not_found'
                ? errorText(result.error)
                : t.restoreFailed,
      })
    await reload()
  }

  return (
    <section className="settings-subgroup backups" aria-labelledby="backups-title">
      <h3 id="backups-title" className="settings-subgroup__title">
        {t.title}
      </h3>
      <p className="settings-hint">{t.explain}</p>
      <Switch
        label={t.enabled}
        checked={settings.settings.backupsEnabled}
        onCheckedChange={(backupsEnabled) =>
          void save({ backupsEnabled }, t.enabled).then((result) => {
            if (!result.ok) showToast({ key: 'settings-saved', title: Object.values(result.errors)[0]!, tone: 'error' })
          })
        }
      />
      <div className="settings-row">
        <SettingField
          name="backupsToKeep"
          kind="number"
          label={t.keep}
          settings={settings.settings}
          save={save}
          min={1}
          max={100}
          step={1}
        />
      </div>
      <div className="settings-actions">
        <Button onClick={() => void backUpNow()} disabled={working} aria-busy={working}>
          {working ? t.backingUp : t.backUpNow}
        </Button>
      </div>
      <SaveNoticeLine notice={notice} />

      {list === null ? null : list.backups.length === 0 ? (
        <p className="settings-hint">{t.none}</p>
      ) : (
        <table className="backups-table" aria-label={t.list}>
          <thead>
            <tr>
              <th scope="col">{t.date}</th>
              <th scope="col">{t.kindColumn}</th>
              <th scope="col">{t.size}</th>
              <th scope="col">{t.contents}</th>
              <th scope="col">
                <span className="visually-hidden">{t.restore}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.backups.map((backup) => (
              <tr key={backup.id}>
                <td>{formatDateTime(backup.createdAt)}</td>
                <td>{t.kind[backup.kind]}</td>
                <td>{t.bytes(backup.bytes)}</td>
                <td>{t.counts(backup.conversations, backup.messages)}</td>
                <td>
                  <Button
                    size="sm"
                    disabled={working}
                    aria-label={t.restoreLabel(formatDateTime(backup.createdAt))}
                    onClick={() => setConfirming(backup)}
                  >
                    {t.restore}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list ? <p className="settings-hint settings-path">{t.folder(list.folder)}</p> : null}
      {confirming ? (
        <RestoreDialog
          date={formatDateTime(confirming.createdAt)}
          onConfirm={() => void restore(confirming)}
          onClose={() => setConfirming(null)}
        />
      ) : null}
    </section>
  )
}
