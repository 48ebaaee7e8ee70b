import { useCallback, useEffect, useState, type FormEvent } from 'react'
import type { Api } from '../../../../shared/api'
import type { BackupInfo, BackupList } from '../../../../shared/backups'
import type { SettingsView as SettingsData } from '../../../../shared/settings'
import { strings } from '../../i18n'
import { formatDateTime } from '../../i18n/format'
import { errorText, SaveNoticeLine, type SaveNotice } from '../settings/save-notice'
import { RestoreDialog } from './RestoreDialog'
import './backups.css'

interface Props {
  api: Api
  settings: SettingsData
  onSettingsChange(settings: SettingsData): void
}

/** Settings → History: the daily backup's switch and how many to keep, the list, Back up now and Restore. */
export function BackupsSection({ api, settings, onSettingsChange }: Props) {
  const t = strings.backups
  const [enabled, setEnabled] = useState(settings.settings.backupsEnabled)
  const [keep, setKeep] = useState(String(settings.settings.backupsToKeep))
  const [settingsNotice, setSettingsNotice] = useState<SaveNotice>(null)
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

  const saveSettings = async (event: FormEvent) => {
    event.preventDefault()
    const count = Number(keep.trim())
    if (!Number.isInteger(count))
      return setSettingsNotice({ kind: 'error', text: strings.preferences.notANumber(t.keep) })
    const result = await api.settings.set({ backupsEnabled: enabled, backupsToKeep: count })
    if (!result.ok) return setSettingsNotice({ kind: 'error', text: errorText(result.error) })
    onSettingsChange(result.value)
    setSettingsNotice({ kind: 'ok', text: t.saved })
  }

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
    <section className="settings-section backups" aria-labelledby="backups-title">
      <h2 id="backups-title">{t.title}</h2>
      <p>{t.explain}</p>
      <form onSubmit={saveSettings} className="field-row backups-settings">
        <label className="checkbox">
          <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
          <span>{t.enabled}</span>
        </label>
        <label>
          <span>{t.keep}</span>
          <input inputMode="numeric" value={keep} onChange={(event) => setKeep(event.target.value)} />
        </label>
        <div className="actions">
          <button type="submit">{t.save}</button>
        </div>
      </form>
      <SaveNoticeLine notice={settingsNotice} />

      <div className="actions">
        <button type="button" onClick={() => void backUpNow()} disabled={working} aria-busy={working}>
          {working ? t.backingUp : t.backUpNow}
        </button>
      </div>
      <SaveNoticeLine notice={notice} />

      {list === null ? null : list.backups.length === 0 ? (
        <p className="hint">{t.none}</p>
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
                  <button
                    type="button"
                    disabled={working}
                    aria-label={t.restoreLabel(formatDateTime(backup.createdAt))}
                    onClick={() => setConfirming(backup)}
                  >
                    {t.restore}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list ? <p className="hint">{t.folder(list.folder)}</p> : null}
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
