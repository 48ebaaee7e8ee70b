import { useEffect, useState, type MouseEvent } from 'react'
import { strings } from '../../i18n'
import { Field } from '../../ui/Field'
import { Select } from '../../ui/Select'
import { sectionElementId, sectionTitle, settingsSectionIds, type SettingsSectionId } from './settings-sections'

/** The element that scrolls the page: the nearest ancestor that scrolls (the page body). */
function scrollParent(element: HTMLElement | null): HTMLElement | null {
  for (let node = element?.parentElement ?? null; node; node = node.parentElement) {
    const overflow = getComputedStyle(node).overflowY
    if (overflow === 'auto' || overflow === 'scroll') return node
  }
  return null
}

function jumpTo(id: SettingsSectionId) {
  const section = document.getElementById(sectionElementId(id))
  section?.scrollIntoView({ block: 'start' })
  // After the select has closed (it hands focus back to itself), so focus lands on the section.
  requestAnimationFrame(() => document.getElementById(`${sectionElementId(id)}-title`)?.focus({ preventScroll: true }))
}

/**
 * The section list: sticky on the left on wide windows, a "Go to section" select at the top on
 * narrow ones (the CSS shows one or the other by the page's width). It marks the section in view.
 */
export function SettingsNav() {
  const t = strings.settingsPage
  const [current, setCurrent] = useState<SettingsSectionId>('key')
  const [anchor, setAnchor] = useState<HTMLElement | null>(null)

  useEffect(() => {
    const scroller = scrollParent(anchor)
    if (!scroller) return
    const update = () => {
      const top = scroller.getBoundingClientRect().top
      let inView: SettingsSectionId = settingsSectionIds[0]
      for (const id of settingsSectionIds) {
        const section = document.getElementById(sectionElementId(id))
        // A section is "current" once its heading has reached the top third of the page.
        if (section && section.getBoundingClientRect().top - top <= scroller.clientHeight / 3) inView = id
      }
      // At the very bottom the last sections may never reach the top: the last one is current.
      if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) inView = settingsSectionIds.at(-1)!
      setCurrent(inView)
    }
    update()
    scroller.addEventListener('scroll', update, { passive: true })
    return () => scroller.removeEventListener('scroll', update)
  }, [anchor])

  const go = (id: SettingsSectionId) => {
    setCurrent(id)
    jumpTo(id)
  }
  return (
    <>
      <nav ref={setAnchor} className="settings-nav" aria-label={t.sectionsLabel}>
        <ul className="settings-nav__list">
          {settingsSectionIds.map((id) => (
            <li key={id}>
              <a
                className="settings-nav__link"
                href={`#${sectionElementId(id)}`}
                aria-current={current === id ? 'location' : undefined}
                onClick={(event: MouseEvent) => {
                  event.preventDefault()
                  go(id)
                }}
              >
                {sectionTitle(id)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="settings-jump">
        <Field label={t.jumpTo}>
          {(control) => (
            <Select
              {...control}
              value={current}
              returnFocus={false}
              onValueChange={(value) => go(value as SettingsSectionId)}
              options={settingsSectionIds.map((id) => ({ value: id, label: sectionTitle(id) }))}
            />
          )}
        </Field>
      </div>
    </>
  )
}
