/** The `tools:*` channels, over already-validated payloads (see tool-contract.ts). */
import { ok, type Result } from '../../shared/errors'
import type { PendingApproval, ServerTools } from '../../shared/tool-contract'
import type { Handlers } from '../../shared/contract'
import type { McpManager } from './mcp-manager'
import type { ToolApprovals } from './tool-approvals'

export interface ToolServices {
  mcp: McpManager
  approvals: ToolApprovals
}

export function toolHandlers({
  mcp,
  approvals,
}: ToolServices): Pick<Handlers, 'tools:list' | 'tools:approve' | 'tools:pending'> {
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
  }
}
