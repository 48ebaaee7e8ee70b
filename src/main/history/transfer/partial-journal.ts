/**
 * The exports being written, remembered in a small file in the data folder, so a `.partial` left by
 * a killed process is removed at the next start. The desktop app writes where the user chose, so
 * only files this journal names are ever removed: never a stranger's `.partial` beside them.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import type { Logger } from '../../log'

export class PartialJournal {
  private readonly paths = new Set<string>()

  constructor(
    private readonly file: string,
    private readonly log: Logger,
  ) {}

  /** Removes every `.partial` an earlier run left behind and starts an empty journal. */
  removeLeftovers(): void {
    for (const path of this.read()) {
      // The journal is ours, but a hand-edited one must still not make us remove anything else.
      if (!path.endsWith('.partial')) continue
      try {
        rmSync(path, { force: true })
        this.log.info('removed an unfinished export left by an earlier run')
      } catch (error) {
        this.log.warn('could not remove an unfinished export left by an earlier run', error)
      }
    }
    this.save()
  }

  add(path: string): void {
    this.paths.add(path)
    this.save()
  }

  delete(path: string): void {
    if (this.paths.delete(path)) this.save()
  }

  private read(): string[] {
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.file, 'utf8'))
      return Array.isArray(parsed) ? parsed.filter((path): path is string => typeof path === 'string') : []
    } catch {
      return [] // none yet, or unreadable: nothing we can trust to remove
    }
  }

  private save(): void {
    try {
      writeFileSync(this.file, JSON.stringify([...this.paths]), { mode: 0o600 })
    } catch (error) {
      this.log.warn('could not save the list of exports in progress', error)
    }
  }
}
