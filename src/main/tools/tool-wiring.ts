/**
 * The tool services as the core wires them: the MCP servers from Settings, approvals asked through
 * the event channel, the loop over the chat service, and every call change announced to the views.
 */
import { homedir } from 'node:os'
import type { ToolSettings } from '../../shared/tool-settings'
import type { ToolEvent } from '../../shared/tool-contract'
import type { ChatService } from '../chat/chat-service'
import type { Logger } from '../log'
import { McpManager } from './mcp-manager'
import { ToolApprovals } from './tool-approvals'
import { ToolLoop } from './tool-loop'

export interface ToolWiring {
  mcp: McpManager
  approvals: ToolApprovals
  loop: ToolLoop
  /** Quitting: waiting approvals denied, loops stopped, every server stopped. */
  stop(): Promise<void>
}

export function wireTools(options: {
  chat: ChatService
  settings(): ToolSettings
  saveSettings(tools: ToolSettings): void
  emit(event: ToolEvent): void
  log: Logger
  homeDir?: string
}): ToolWiring {
  const mcp = new McpManager({
    servers: () => options.settings().servers,
    homeDir: options.homeDir ?? homedir(),
    log: options.log,
  })
  const approvals = new ToolApprovals(options.emit)
  const loop = new ToolLoop({
    chat: options.chat,
    mcp,
    settings: options.settings,
    approve: (call, signal, target, streamId) => approvals.ask(call, target, signal, streamId),
    allowAlways: (serverId, tool) => {
      const tools = options.settings()
      if (tools.alwaysAllowed.some((entry) => entry.serverId === serverId && entry.tool === tool)) return
      options.saveSettings({ ...tools, alwaysAllowed: [...tools.alwaysAllowed, { serverId, tool }] })
    },
    emit: (call, { conversationId, messageId }, streamId) =>
      options.emit({ type: 'tool-call', conversationId, messageId, loopStreamId: streamId, call }),
    onLoop: (loop, running) => options.emit({ type: 'tool-loop', ...loop, running }),
    onServerFailed: (failure) => options.emit({ type: 'tool-server-failed', ...failure }),
    log: options.log,
  })
  return {
    mcp,
    approvals,
    loop,
    stop: async () => {
      approvals.clear()
      loop.stopAll()
      await mcp.stopAll()
    },
  }
}
