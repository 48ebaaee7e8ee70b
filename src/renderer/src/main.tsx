// First: before any schema is built or used.
import './zod-jitless'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { resolveApi } from './api/resolve-api'
import { App } from './App'
import { Toaster } from './ui/Toaster'
import { TooltipProvider } from './ui/Tooltip'
import './styles.css'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* One tooltip delay and one toast region for the whole app. */}
    <TooltipProvider>
      <App api={resolveApi()} />
      <Toaster />
    </TooltipProvider>
  </StrictMode>,
)
