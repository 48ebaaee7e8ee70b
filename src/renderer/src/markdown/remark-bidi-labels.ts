import type { Nodes, Root } from 'mdast'
import { stripBidiControls } from '../../../shared/bidi'

/**
 * Drops bidi controls from what a link shows (its text, an image's alt, which becomes a link label)
 * and its title, so an answer cannot make `[\u202Egnp.exe](…)` read as "exe.png". The rest of the
 * answer keeps them: right-to-left text needs them, and there they mislead no one about a target.
 */
export function remarkBidiLabels() {
  return (tree: Root) => {
    visit(tree, false)
  }
}

function visit(node: Nodes, inLabel: boolean): void {
  const label = inLabel || node.type === 'link' || node.type === 'linkReference'
  if (node.type === 'link' || node.type === 'image') {
    if (node.title) node.title = stripBidiControls(node.title)
  }
  if (node.type === 'image' || node.type === 'imageReference') {
    if (node.alt) node.alt = stripBidiControls(node.alt)
  }
  if (label && (node.type === 'text' || node.type === 'inlineCode')) node.value = stripBidiControls(node.value)
  if ('children' in node) for (const child of node.children as Nodes[]) visit(child, label)
}
