import type { Migration } from './migration'

/**
 * A placeholder holding number 8 for the attachments migration written on another branch at the same
 * time, so that the numbers stay without gaps here; the integrator replaces this file with that one.
 * It changes nothing.
 */
export const migration008: Migration = {
  version: 8,
  name: 'reserved for attachments',
  up() {},
}
