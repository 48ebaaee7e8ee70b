import type { ReactNode } from 'react'

/**
 * One titled group of the Settings page. Every section has this one design: a heading, an optional
 * line under it and its fields, separated from the next by a rule (no cards, no boxes in boxes).
 */
export function SettingsSection({
  id,
  title,
  description,
  children,
}: {
  id: string
  title: string
  description?: ReactNode
  children: ReactNode
}) {
  return (
    <section id={id} className="settings-group" aria-labelledby={`${id}-title`}>
      {/* Focusable, so the section list can move keyboard focus to the section it jumped to. */}
      <h2 id={`${id}-title`} className="settings-group__title" tabIndex={-1}>
        {title}
      </h2>
      {description ? <p className="settings-group__description">{description}</p> : null}
      <div className="settings-group__body">{children}</div>
    </section>
  )
}

/** A smaller titled part inside a section ("Streaming and network" under Advanced). */
export function SettingsSubgroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="settings-subgroup" role="group" aria-label={title}>
      <h3 className="settings-subgroup__title">{title}</h3>
      {children}
    </div>
  )
}
