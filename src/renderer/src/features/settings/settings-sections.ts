import { strings } from '../../i18n'

/** The page's sections, in order: the section list and the page are built from this one list. */
export const settingsSectionIds = [
  'key',
  'model',
  'presets',
  'prices',
  'history',
  'appearance',
  'tools',
  'advanced',
] as const
export type SettingsSectionId = (typeof settingsSectionIds)[number]

export const sectionElementId = (id: SettingsSectionId): string => `settings-${id}`
export const sectionTitle = (id: SettingsSectionId): string => strings.settingsPage.sections[id]
