/** The `tools:*` channels, over already-validated payloads (see tool-contract.ts). */
import { ok, type Result } from '../../shared/errors'
import type { PendingApproval, ServerTools } from '../../shared/tool-contract'
import type { Handlers } from '../../shared/contract'
import type { ToolServer } from '../../shared/tool-settings'
import type { McpManager } from './mcp-manager'
import type { ToolApprovals } from './tool-approvals'
import type { ToolLoop } from './tool-loop'

export interface ToolServices {
  mcp: McpManager
  /** The configured servers (Settings). */
  servers(): ToolServer[]
  approvals: ToolApprovals
  loop: ToolLoop
}

export function toolHandlers({
  mcp,
  approvals,
  loop,
  servers,
}: ToolServices): Pick<Handlers, 'tools:list' | 'tools:approve' | 'tools:pending' | 'tools:loops' | 'tools:status'> {
  return {
    'tools:list': async ({ serverId, retry }): Promise<Result<ServerTools>> => {
      const listed = await mcp.listTools(serverId, { retry: retry ?? false })
      const { state } = mcp.status(serverId)
      return ok(
        listed.ok
          ? { serverId, state, tools: listed.value, error: null }
          : { serverId, state, tools: [], error: listed.error },
      )
    },
    'tools:approve': async ({ approvalId, answer }) => ok({ answered: approvals.answer(approvalId, answer) }),
    'tools:pending': async (): Promise<Result<PendingApproval[]>> => ok(approvals.pending()),
    'tools:loops': async () => ok(loop.active()),
    'tools:status': async () =>
      ok(
        servers().map(({ id }) => {
          const { serverId, state, error } = mcp.status(id)
          return { serverId, state, error }
        }),
      ),
  }
}
