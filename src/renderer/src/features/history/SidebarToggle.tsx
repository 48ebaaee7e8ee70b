import { strings } from '../../i18n'
import { IconButton } from '../../ui/IconButton'
import { PanelLeftClose, PanelLeftOpen } from '../../ui/icons'
import { isMac, shortcuts } from '../shortcuts/shortcuts'
import { useSidebarLayoutContext } from './use-sidebar-layout'

/** The id of the sidebar element, for the toggle's aria-controls. */
export const sidebarId = 'app-sidebar'

/**
 * Shows or hides the sidebar. It reads the layout from context, so any place can hold one (the
 * chat header's left edge, say) without props passed down to it.
 */
export function SidebarToggle() {
  const layout = useSidebarLayoutContext()
  if (!layout) return null
  const keys = shortcuts.find((shortcut) => shortcut.id === 'toggleSidebar')!.keys(isMac())
  const label = layout.visible ? strings.sidebar.hide : strings.sidebar.show
  return (
    <IconButton
      label={label}
      tooltip={`${label} (${keys})`}
      tooltipSide="right"
      icon={layout.visible ? <PanelLeftClose aria-hidden /> : <PanelLeftOpen aria-hidden />}
      aria-expanded={layout.visible}
      aria-controls={layout.visible ? sidebarId : undefined}
      onClick={layout.toggle}
      className="sidebar-toggle"
    />
  )
}
