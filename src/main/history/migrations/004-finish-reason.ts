import type { Migration } from './migration'

/**
 * Why an answer ended, as the model said (`stop`, `length`, `content_filter`, …): the UI offers
 * Continue after `length` and says so after `content_filter`. Older answers have none (NULL).
 */
export const migration004: Migration = {
  version: 4,
  name: 'finish reason',
  up(db) {
    db.exec('ALTER TABLE messages ADD COLUMN finish_reason TEXT')
  },
}
