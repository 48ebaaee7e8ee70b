/**
 * A small still dot that marks a live state (an answer streaming in a sidebar row). Still on
 * purpose: a row can show it for minutes, and any running animation makes Chromium draw frames the
 * whole time, which without a GPU (software compositing) slowed the streaming answer beside it.
 */
export function StatusDot({ label }: { label: string }) {
  return <span className="ui-status-dot" role="img" aria-label={label} />
}
