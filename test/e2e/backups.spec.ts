import { DatabaseSync } from 'node:sqlite'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

async function send(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Message' }).fill(text)
  await page.getByRole('button', { name: 'Send' }).click()
  const answer = page.getByRole('log').getByRole('article', { name: 'Assistant' }).last()
  await expect(answer.locator('.meta')).toBeVisible({ timeout: 15_000 })
}

const conversationList = (page: Page) => page.getByRole('list', { name: 'Conversations' })

test('restore round trip: back up, delete a conversation for good, restore the backup, it is back', async ({
  page,
  app,
}) => {
  await page.goto(app.url)
  await send(page, '[[tokens=4]] Giữ cuộc trò chuyện này')
  await page.getByRole('button', { name: 'New chat' }).click()
  await send(page, '[[tokens=4]] This one will be lost')
  const items = conversationList(page).getByRole('listitem')
  await expect(items).toHaveCount(2)

  await page.getByRole('button', { name: 'Settings' }).click()
  const backups = page.getByRole('region', { name: 'Backups', exact: true })
  await backups.getByRole('button', { name: 'Back up now' }).click()
  await expect(backups.getByRole('status')).toContainText('Backup taken')
  const rows = backups.getByRole('table', { name: 'Backups' }).getByRole('row')
  // A header row and the one backup, with both conversations and their four messages.
  await expect(rows).toHaveCount(2)
  await expect(rows.nth(1)).toContainText('2 conversations, 4 messages')
  // "Back up now" is a manual backup, counted apart from the daily ones.
  await expect(rows.nth(1).getByRole('cell', { name: 'Manual', exact: true })).toBeVisible()

  // Delete it in the UI, let the Undo pass, then purge it as the app does a day later: really gone.
  await items.filter({ hasText: 'This one will be lost' }).getByRole('button', { name: 'More actions' }).click()
  await page.getByRole('menuitem', { name: 'Delete' }).click()
  await expect(items).toHaveCount(1)
  const db = new DatabaseSync(join(app.dataDir, 'history.sqlite'))
  db.exec('PRAGMA busy_timeout = 5000')
  const purged = db.prepare('DELETE FROM conversations WHERE deleted_at IS NOT NULL').run()
  db.close()
  expect(purged.changes).toBe(1)

  await rows
    .nth(1)
    .getByRole('button', { name: /^Restore the backup of / })
    .click()
  const dialog = page.getByRole('alertdialog', { name: 'Restore this backup?' })
  await expect(dialog).toBeVisible()
  // Focus starts on Cancel, and Esc closes without restoring.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(items).toHaveCount(1)

  await rows
    .nth(1)
    .getByRole('button', { name: /^Restore the backup of / })
    .click()
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click()
  await expect(backups.getByRole('status')).toContainText('Backup restored')
  await expect(backups.getByRole('status')).toContainText('history.sqlite.before-restore-')

  // The list reloads by itself, and the conversation opens with its text.
  await expect(items).toHaveCount(2)
  await items.filter({ hasText: 'This one will be lost' }).getByRole('button').first().click()
  await expect(page.getByRole('log').getByRole('article', { name: 'You' }).locator('.text')).toHaveText(
    '[[tokens=4]] This one will be lost',
  )
})
