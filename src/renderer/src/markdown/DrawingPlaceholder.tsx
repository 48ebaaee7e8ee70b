import { strings } from '../i18n'

/** A quiet stand-in, about a diagram's height, while the diagram is drawn. */
export function DrawingPlaceholder() {
  return (
    <div className="md-diagram md-diagram--drawing" role="status">
      {strings.richText.drawingDiagram}
    </div>
  )
}
