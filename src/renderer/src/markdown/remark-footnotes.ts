import type { ElementContent } from 'hast'
import type { FootnoteDefinition, FootnoteReference, Nodes, Root } from 'mdast'

/**
 * GFM footnotes across blocks. The renderer parses each block on its own (finished blocks are parsed
 * once), so a reference (`text[^1]`) and its definition (`[^1]: …`, usually at the end) are never in
 * the same parse, and GFM drops both: the reference stays raw, an unreferenced definition vanishes.
 *
 * Instead, a block that references a label it does not define gets an empty stub definition appended
 * (so micromark parses the reference), and `remarkFootnotesInPlace` then draws each reference as a
 * superscript link and each real definition where it stands, labelled; stubs are dropped. Links find
 * their target inside the same answer by label when clicked, so no element ids are needed (several
 * answers on screen may all have a footnote 1). Labels are shown as written: the global numbering GFM
 * does would need the whole answer, and models write `[^1]`, `[^2]` anyway.
 */
const reference = /\[\^([^\]\s]+)\](?!:)/g
const definition = /^ {0,3}\[\^([^\]\s]+)\]:/gm

export function withFootnoteStubs(source: string): string {
  if (!source.includes('[^')) return source
  const defined = new Set<string>()
  for (const match of source.matchAll(definition)) defined.add(normalise(match[1]!))
  const stubs: string[] = []
  const seen = new Set<string>()
  for (const match of source.matchAll(reference)) {
    const label = normalise(match[1]!)
    if (defined.has(label) || seen.has(label)) continue
    seen.add(label)
    stubs.push(`[^${match[1]}]:`)
  }
  return stubs.length === 0 ? source : `${source}\n\n${stubs.join('\n\n')}\n`
}

/** GFM matches labels case-insensitively. */
function normalise(label: string): string {
  return label.toLowerCase()
}

export function remarkFootnotesInPlace() {
  return (tree: Root) => {
    rewrite(tree)
  }
}

function rewrite(node: Nodes): void {
  if (!('children' in node)) return
  const children = node.children as Nodes[]
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!
    if (child.type === 'footnoteReference') children[index] = asReference(child)
    else if (child.type === 'footnoteDefinition') {
      if (child.children.length === 0) {
        // A stub (or an empty definition, which says nothing): dropped.
        children.splice(index--, 1)
        continue
      }
      children[index] = asDefinition(child)
      rewrite(children[index]!)
    } else rewrite(child)
  }
}

function labelOf(node: FootnoteReference | FootnoteDefinition): string {
  return node.label ?? node.identifier
}

function asReference(node: FootnoteReference): Nodes {
  const label = labelOf(node)
  const link: ElementContent = {
    type: 'element',
    tagName: 'a',
    properties: { href: `#footnote-${label}`, dataFootnoteRef: node.identifier },
    children: [{ type: 'text', value: label }],
  }
  // An unknown node with hName: mdast-util-to-hast draws it as that element.
  return {
    type: 'text',
    value: label,
    data: { hName: 'sup', hProperties: { className: ['md-footnote-ref'] }, hChildren: [link] },
  }
}

function asDefinition(node: FootnoteDefinition): Nodes {
  return {
    type: 'blockquote',
    children: node.children,
    data: {
      hName: 'div',
      hProperties: { className: ['md-footnote'], dataFootnoteDef: node.identifier, dataFootnoteLabel: labelOf(node) },
    },
  }
}
