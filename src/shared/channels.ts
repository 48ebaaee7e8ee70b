/**
 * The names of every channel between the renderer and main, and nothing else.
 *
 * Kept free of schemas so the sandboxed preload can import it without bundling zod;
 * `contract.ts` maps each name to its request and response schemas, and a type check there
 * keeps the two lists identical.
 */
export const invokeChannels = [
  'settings:get',
  'settings:set',
  'key:status',
  'key:set',
  'key:clear',
  'key:check',
  'models:list',
  'presets:list',
  'presets:save',
  'presets:delete',
  'chat:send',
  'chat:stop',
  'chat:retry',
  'chat:continue',
  'chat:edit',
  'chat:compare',
  'chat:active',
  'attachments:add',
  'attachments:read',
  'history:list',
  'history:get',
  'history:messages',
  'history:messageText',
  'history:message',
  'history:rename',
  'history:pin',
  'history:setOverrides',
  'history:delete',
  'history:deleteMessage',
  'history:restoreMessage',
  'history:showMessage',
  'history:restore',
  'history:search',
  'history:export',
  'history:import',
  'jobs:cancel',
  'app:notices',
  'app:openExternal',
  'app:updateStatus',
  'app:installUpdate',
  'usage:summary',
  'usage:conversation',
  'backups:list',
  'backups:create',
  'backups:restore',
  'tools:list',
  'tools:approve',
  'tools:pending',
  'tools:loops',
  'tools:status',
] as const

export type InvokeChannel = (typeof invokeChannels)[number]

/**
 * The one channel main pushes on: chat events (batched, sequenced per stream), job progress, history
 * changes, a downloaded update.
 */
export const appEventChannel = 'app:event'

export function isInvokeChannel(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && (invokeChannels as readonly string[]).includes(value)
}
