/**
 * Browser mode's answer to "may this tool server run its command?" (command-consent.ts). There is no
 * native dialog, and the page asking is the untrusted party, so the consent comes from the person
 * who started browser mode: HOLYSHEEP_ALLOW_TOOL_COMMANDS=1 in its environment allows stdio servers
 * added or changed from the page; without it they are refused. Either way the terminal shows the
 * exact command, so the user sees what was allowed or refused.
 */
import { commandLine, visibleName, type ConfirmToolCommand } from '../tools/command-consent'

export const allowToolCommandsVariable = 'HOLYSHEEP_ALLOW_TOOL_COMMANDS'

export function toolCommandFlag(
  env: Readonly<Record<string, string | undefined>>,
  print: (line: string) => void,
): ConfirmToolCommand {
  const allowed = env[allowToolCommandsVariable] === '1'
  return async (change) => {
    const what = `the tool server “${visibleName(change.serverName)}” (${commandLine(change)})`
    print(
      allowed
        ? `Allowed ${what}: ${allowToolCommandsVariable}=1 is set.\n`
        : `Refused ${what}: start browser mode with ${allowToolCommandsVariable}=1 to allow tool servers that run a command.\n`,
    )
    return allowed
  }
}
