import type { FileChooser, Page } from '@playwright/test'

/** Imports as the user does: Settings' Import button opens the browser's file picker, which gets `files`. */
export async function importFile(
  page: Page,
  files: Parameters<FileChooser['setFiles']>[0],
  buttonName = 'Import…',
): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: buttonName }).click()
  await (await chooser).setFiles(files)
}
