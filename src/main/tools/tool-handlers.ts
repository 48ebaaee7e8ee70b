/** The `tools:*` channels, over already-validated payloads (see tool-contract.ts). */
import { ok, type Result } from '../../shared/errors'
import type { PendingApproval, ServerTools } from '../../shared/tool-contract'
import type { Handlers } from '../../shared/contract'
import type { McpManager } from './mcp-manager'
import type { ToolApprovals } from './tool-approvals'
import type { ToolLoop } from './tool-loop'

export interface ToolServices {
  mcp: McpManager
  approvals: ToolApprovals
  loop: ToolLoop
}

export function toolHandlers({
  mcp,
  approvals,
  loop,
}: ToolServices): Pick<Handlers, 'tools:list' | 'tools:approve' | 'tools:pending' | 'tools:loops'> {
  return {
    'tools:list': async ({ serverId }): Promise<Result<ServerTools>> => {
      const listed = await mcp.listTools(serverId)
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
  }
}
