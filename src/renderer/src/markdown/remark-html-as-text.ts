import type { Html, Nodes, Paragraph, Root, Text } from 'mdast'

/**
 * Raw HTML in a model's answer is shown as the text it is, never rendered: an answer is text an
 * attacker can influence. Block HTML becomes a paragraph that keeps its line breaks (`raw-html`);
 * inline HTML becomes plain text in its sentence.
 */
export function remarkHtmlAsText() {
  return (tree: Root) => {
    replaceHtml(tree)
  }
}

function replaceHtml(node: Nodes): void {
  if (!('children' in node)) return
  const childrenAreBlocks = node.type === 'root' || node.type === 'blockquote' || node.type === 'listItem'
  const children = node.children as Nodes[]
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!
    if (child.type === 'html') children[index] = childrenAreBlocks ? asParagraph(child) : asText(child)
    else replaceHtml(child)
  }
}

function asText(html: Html): Text {
  return { type: 'text', value: html.value, position: html.position }
}

function asParagraph(html: Html): Paragraph {
  return {
    type: 'paragraph',
    children: [asText(html)],
    position: html.position,
    data: { hProperties: { className: ['raw-html'] } },
  }
}
