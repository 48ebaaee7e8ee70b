import { useCallback } from 'react'
import type { Api } from '../../../../shared/api'
import type { SettingsPatch, SettingsView } from '../../../../shared/settings'
import { strings } from '../../i18n'
import { showToast } from '../../ui/toast-store'
import { validateSettingsPatch, type FieldErrors } from './settings-validation'

export type SaveResult = { ok: true; view: SettingsView } | { ok: false; errors: FieldErrors }
export type SaveSettings = (patch: SettingsPatch, label: string) => Promise<SaveResult>

/**
 * The page's one save model: a change is saved when it is made (a switch or a select at once, a
 * field when it is left or Enter is pressed), after the same schema main applies has accepted it.
 * Success is one quiet "Saved" toast (keyed, so saving five fields shows one toast, not five);
 * a refusal comes back as errors by field, for the field to show beside itself.
 */
export function useSettingsSave(api: Api, onSettingsChange: (view: SettingsView) => void): SaveSettings {
  return useCallback(
    async (patch, label) => {
      const errors = validateSettingsPatch(patch)
      if (Object.keys(errors).length) return { ok: false, errors }
      const result = await api.settings.set(patch)
      if (!result.ok) {
        // Main's own refusal carries developer text (English, field names): the user gets ours.
        const text =
          result.error.kind === 'invalid_payload'
            ? strings.settingsPage.errors.refused
            : strings.errors[result.error.kind]
        return { ok: false, errors: Object.fromEntries(Object.keys(patch).map((key) => [key, text])) }
      }
      onSettingsChange(result.value)
      showToast({ key: 'settings-saved', title: strings.settingsPage.saved, description: label, tone: 'success' })
      return { ok: true, view: result.value }
    },
    [api, onSettingsChange],
  )
}
