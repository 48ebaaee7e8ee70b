/*
 * The diagram frame's own script (mermaid-frame.html, made by scripts/mermaid-frame-page.ts). It runs
 * right after mermaid.min.js in the same inline script, inside a frame sandboxed without
 * allow-same-origin: an opaque origin that cannot reach the app, its storage or the network. It draws
 * the diagram sources the app sends and answers with SVG text, which the app shows as an image only.
 *
 * Plain JavaScript on purpose: it is inlined as it is (a classic script, allowed by its hash), with
 * nothing of the app's bundle.
 */
;(function (host) {
  'use strict'
  var mermaid = host.mermaid
  /** The most a source may be, as the app also checks: mermaid's own maxTextSize. */
  var maxSourceChars = 50000
  var themes = { default: true, dark: true }
  var theme = null
  var count = 0
  /** One diagram at a time: mermaid keeps state while it draws. */
  var queue = Promise.resolve()

  /** The only message accepted: {type, id, source, theme}, from the app that holds this frame. */
  function isRequest(data) {
    return (
      typeof data === 'object' &&
      data !== null &&
      data.type === 'holysheep-mermaid-render' &&
      typeof data.id === 'string' &&
      data.id.length > 0 &&
      data.id.length <= 64 &&
      typeof data.source === 'string' &&
      data.source.length <= maxSourceChars &&
      typeof data.theme === 'string' &&
      themes[data.theme] === true
    )
  }

  function configure(wanted) {
    if (theme === wanted) return
    theme = wanted
    mermaid.initialize({
      startOnLoad: false,
      // Strict: labels are sanitised, click handlers and javascript: links are dropped. A diagram's
      // %%{init}%% cannot lower it (mermaid keeps securityLevel among its secure keys).
      securityLevel: 'strict',
      theme: wanted,
      maxTextSize: maxSourceChars,
      // A failure comes back as a message; mermaid draws no error diagram of its own.
      suppressErrorRendering: true,
    })
  }

  /**
   * Mermaid writes its SVG as HTML (labels hold <br> and the like), which an <img> refuses: an SVG image
   * must be well-formed XML. Parsed in an inert template (nothing in it runs or loads) and serialised
   * as XML, it is the same drawing.
   */
  function asXml(svg) {
    var template = host.document.createElement('template')
    template.innerHTML = svg
    var root = template.content.firstElementChild
    if (!root) return svg
    return new host.XMLSerializer().serializeToString(root)
  }

  function render(request) {
    configure(request.theme)
    count += 1
    var element = 'holysheep-diagram-' + count
    return Promise.resolve()
      .then(function () {
        return mermaid.render(element, request.source)
      })
      .then(
        function (result) {
          return { type: 'holysheep-mermaid-result', id: request.id, svg: asXml(String(result.svg)) }
        },
        function (error) {
          var message = error && typeof error.message === 'string' ? error.message : String(error)
          return { type: 'holysheep-mermaid-result', id: request.id, error: message }
        },
      )
      .then(function (reply) {
        // A failed render may leave its scratch element behind.
        var left = host.document.getElementById('d' + element)
        if (left) left.remove()
        host.parent.postMessage(reply, '*')
      })
  }

  host.addEventListener('message', function (event) {
    if (event.source !== host.parent || !isRequest(event.data)) return
    var request = event.data
    queue = queue.then(function () {
      return render(request)
    })
  })
  // The app's origin is not this frame's (opaque), so '*' is the only target that reaches it; what is
  // sent is the diagram's own picture, nothing secret.
  host.parent.postMessage({ type: 'holysheep-mermaid-ready' }, '*')
})(globalThis)
