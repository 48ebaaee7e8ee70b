import { useEffect, useState } from 'react'
import type { Api } from '../../../../shared/api'
import type { ServerStatusView, ServerTools } from '../../../../shared/tool-contract'
import type { ToolServer, ToolSettings } from '../../../../shared/tool-settings'
import type { SettingsView } from '../../../../shared/settings'
import { strings } from '../../i18n'
import { formatNumber } from '../../i18n/format'
import { Button } from '../../ui/Button'
import { Field, TextArea, TextInput } from '../../ui/Field'
import { Select } from '../../ui/Select'
import { Switch } from '../../ui/Switch'
import { Trash2 } from '../../ui/icons'
import { SettingsSection, SettingsSubgroup } from '../settings/SettingsSection'
import type { SaveSettings } from '../settings/use-settings-save'
import './tools.css'

/** `NAME=value` (env) or `Name: value` (headers), one a line, as name/value rows; blank lines skipped. */
function rows(text: string, separator: '=' | ':'): Array<{ name: string; value: string }> {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.indexOf(separator)
      return at < 0 ? { name: line, value: '' } : { name: line.slice(0, at).trim(), value: line.slice(at + 1).trim() }
    })
}

function newServerId(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 30)
  return `${slug || 'server'}-${Math.random().toString(36).slice(2, 6)}`
}

/** One server: its switch, what it runs, its tools (each with a switch) and why it failed, if it did. */
function ServerRow(props: {
  api: Api
  server: ToolServer
  /** What main knows of it without starting it: a remembered failed start, with its stderr. */
  status: ServerStatusView | undefined
  onChange(server: ToolServer | null): void
}) {
  const { api, server, onChange } = props
  const t = strings.toolSettings
  const [listed, setListed] = useState<ServerTools | null>(null)
  const [loading, setLoading] = useState(false)
  const load = async (retry = false) => {
    setLoading(true)
    const result = await api.tools.list({ serverId: server.id, ...(retry ? { retry } : {}) })
    setLoading(false)
    if (result.ok) setListed(result.value)
  }
  // A failed start main remembers shows without asking; once listed here, the listing tells.
  const error = listed ? listed.error : server.enabled && props.status?.state === 'failed' ? props.status.error : null
  const summary = server.transport === 'stdio' ? [server.command, ...server.args].join(' ') : server.url
  return (
    <li className="tool-server">
      <div className="tool-server-head">
        <Switch
          checked={server.enabled}
          onCheckedChange={(enabled) => onChange({ ...server, enabled })}
          label={server.name}
          hint={summary}
        />
        <div className="tool-server-actions">
          <Button size="sm" disabled={!server.enabled || loading} onClick={() => void load()}>
            {t.showTools}
          </Button>
          <Button size="sm" variant="ghost" icon={<Trash2 aria-hidden />} onClick={() => onChange(null)}>
            {t.remove}
          </Button>
        </div>
      </div>
      {error ? (
        <div className="tool-server-error" role="alert">
          <p>{t.errors[error.kind]}</p>
          {error.stderr.length ? <pre className="tool-call-pre">{error.stderr.join('\n')}</pre> : null}
          {error.kind === 'server_unavailable' && server.enabled ? (
            <div className="tool-server-retry">
              <p className="settings-hint">{t.remembered}</p>
              <Button size="sm" disabled={loading} onClick={() => void load(true)}>
                {t.retry}
              </Button>
            </div>
          ) : null}
        </div>
      ) : null}
      {listed && !listed.error ? (
        <ul className="tool-list" aria-label={t.toolsOf(server.name)}>
          {listed.tools.map((tool) => (
            <li key={tool.name}>
              <Switch
                checked={!server.disabledTools.includes(tool.name)}
                onCheckedChange={(on) =>
                  onChange({
                    ...server,
                    disabledTools: on
                      ? server.disabledTools.filter((name) => name !== tool.name)
                      : [...server.disabledTools, tool.name],
                  })
                }
                label={tool.name}
                hint={tool.description}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  )
}

/** Adding a server: stdio (command, one argument a line, env, folder) or Streamable HTTP (URL, headers). */
function AddServerForm(props: {
  /** Saves the new server; resolves why it was refused (main asked for a confirmation that was not given), or null. */
  onAdd(server: ToolServer): Promise<string | null>
}) {
  const t = strings.toolSettings
  const [transport, setTransport] = useState<'stdio' | 'http'>('stdio')
  const [name, setName] = useState('')
  const [command, setCommand] = useState('')
  const [args, setArgs] = useState('')
  const [env, setEnv] = useState('')
  const [cwd, setCwd] = useState('')
  const [url, setUrl] = useState('')
  const [headers, setHeaders] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [refusal, setRefusal] = useState<string | null>(null)
  const [adding, setAdding] = useState(false)
  const add = async () => {
    if (!name.trim()) return setError(t.nameRequired)
    const base = { id: newServerId(name), name: name.trim(), enabled: true, disabledTools: [] }
    let server: ToolServer
    if (transport === 'stdio') {
      if (!command.trim()) return setError(t.commandRequired)
      server = {
        ...base,
        transport,
        command: command.trim(),
        // One argument a line, taken as it is: no shell splits or expands anything.
        args: args.split('\n').filter((line) => line !== ''),
        env: rows(env, '='),
        cwd: cwd.trim() || null,
      }
    } else {
      if (!/^https?:\/\/\S+$/.test(url.trim())) return setError(t.urlRequired)
      server = { ...base, transport, url: url.trim(), headers: rows(headers, ':') }
    }
    setError(null)
    setAdding(true)
    const refused = await props.onAdd(server)
    setAdding(false)
    // Refused (the command was not allowed): what the user typed stays, with why beside the button.
    setRefusal(refused)
    if (refused) return
    setName('')
    setCommand('')
    setArgs('')
    setEnv('')
    setCwd('')
    setUrl('')
    setHeaders('')
  }
  return (
    <div className="tool-add">
      <div className="settings-row">
        <Field label={t.name} error={error}>
          {(control) => <TextInput {...control} value={name} onChange={(event) => setName(event.target.value)} />}
        </Field>
        <Field label={t.transport}>
          {(control) => (
            <Select
              {...control}
              value={transport}
              onValueChange={(value) => setTransport(value === 'http' ? 'http' : 'stdio')}
              options={[
                { value: 'stdio', label: t.stdio },
                { value: 'http', label: t.http },
              ]}
            />
          )}
        </Field>
      </div>
      {transport === 'stdio' ? (
        <>
          <Field label={t.command} hint={t.commandHint}>
            {(control) => (
              <TextInput {...control} value={command} onChange={(event) => setCommand(event.target.value)} />
            )}
          </Field>
          <Field label={t.args} hint={t.argsHint}>
            {(control) => (
              <TextArea {...control} rows={3} value={args} onChange={(event) => setArgs(event.target.value)} />
            )}
          </Field>
          <Field label={t.env} hint={t.envHint}>
            {(control) => (
              <TextArea {...control} rows={2} value={env} onChange={(event) => setEnv(event.target.value)} />
            )}
          </Field>
          <Field label={t.cwd} hint={t.cwdHint}>
            {(control) => <TextInput {...control} value={cwd} onChange={(event) => setCwd(event.target.value)} />}
          </Field>
        </>
      ) : (
        <>
          <Field label={t.url}>
            {(control) => <TextInput {...control} value={url} onChange={(event) => setUrl(event.target.value)} />}
          </Field>
          <Field label={t.headers} hint={t.headersHint}>
            {(control) => (
              <TextArea {...control} rows={2} value={headers} onChange={(event) => setHeaders(event.target.value)} />
            )}
          </Field>
        </>
      )}
      <div className="tool-add-actions">
        <Button variant="primary" disabled={adding} onClick={() => void add()}>
          {t.add}
        </Button>
        {refusal ? (
          <p className="tool-server-error" role="alert">
            {refusal}
          </p>
        ) : null}
      </div>
    </div>
  )
}

/** A whole number saved when the field is left, refused beside it when outside `min`–`max`. */
function LimitField(props: {
  label: string
  hint: string
  value: number
  min: number
  max: number
  onSave(value: number): void
}) {
  const [text, setText] = useState(String(props.value))
  const [error, setError] = useState<string | null>(null)
  const leave = () => {
    const value = Number(text.trim())
    if (!Number.isInteger(value) || value < props.min || value > props.max)
      return setError(strings.toolSettings.wholeNumber(formatNumber(props.min), formatNumber(props.max)))
    setError(null)
    if (value !== props.value) props.onSave(value)
  }
  return (
    <Field label={props.label} hint={props.hint} error={error}>
      {(control) => (
        <TextInput
          {...control}
          inputMode="numeric"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onBlur={leave}
        />
      )}
    </Field>
  )
}

/** Settings → Tools: MCP servers, their tools, the default for new conversations, always-allowed tools. */
export function ToolsSection(props: { id: string; api: Api; settings: SettingsView; save: SaveSettings }) {
  const t = strings.toolSettings
  const tools = props.settings.settings.tools
  const save = (next: ToolSettings) => void props.save({ tools: next }, t.title)
  const serverName = (id: string) => tools.servers.find((server) => server.id === id)?.name ?? id
  // Read again after each change of the servers (a change clears a remembered failure in main).
  const [statuses, setStatuses] = useState<ServerStatusView[]>([])
  const { api } = props
  useEffect(() => {
    let current = true
    void api.tools.status().then((result) => {
      if (current && result.ok) setStatuses(result.value)
    })
    return () => {
      current = false
    }
  }, [api, tools.servers])
  return (
    <SettingsSection id={props.id} title={strings.settingsPage.sections.tools} description={t.description}>
      <Switch
        checked={tools.enabledByDefault}
        onCheckedChange={(enabledByDefault) => save({ ...tools, enabledByDefault })}
        label={t.enabledByDefault}
        hint={t.enabledByDefaultHint}
      />
      <div className="settings-row">
        <LimitField
          label={t.stepLimit}
          hint={t.stepLimitHint}
          value={tools.stepLimit}
          min={1}
          max={100}
          onSave={(stepLimit) => save({ ...tools, stepLimit })}
        />
        <LimitField
          label={t.callTimeout}
          hint={t.callTimeoutHint}
          value={Math.round(tools.callTimeoutMs / 1000)}
          min={1}
          max={3600}
          onSave={(seconds) => save({ ...tools, callTimeoutMs: seconds * 1000 })}
        />
      </div>
      <SettingsSubgroup title={t.servers}>
        {tools.servers.length === 0 ? <p className="settings-hint">{t.noServers}</p> : null}
        <ul className="tool-servers">
          {tools.servers.map((server) => (
            <ServerRow
              key={server.id}
              api={props.api}
              server={server}
              status={statuses.find((status) => status.serverId === server.id)}
              onChange={(changed) =>
                save({
                  ...tools,
                  servers: changed
                    ? tools.servers.map((entry) => (entry.id === server.id ? changed : entry))
                    : tools.servers.filter((entry) => entry.id !== server.id),
                })
              }
            />
          ))}
        </ul>
      </SettingsSubgroup>
      <SettingsSubgroup title={t.addTitle}>
        <AddServerForm
          onAdd={async (server) => {
            const saved = await props.save({ tools: { ...tools, servers: [...tools.servers, server] } }, t.title)
            return saved.ok ? null : (Object.values(saved.errors)[0] ?? strings.errors.internal)
          }}
        />
      </SettingsSubgroup>
      <SettingsSubgroup title={t.alwaysAllowed}>
        {tools.alwaysAllowed.length === 0 ? <p className="settings-hint">{t.noneAllowed}</p> : null}
        <ul className="tool-allowed">
          {tools.alwaysAllowed.map((entry) => (
            <li key={`${entry.serverId}/${entry.tool}`}>
              <span>{t.allowedEntry(entry.tool, serverName(entry.serverId))}</span>
              <Button
                size="sm"
                variant="ghost"
                onClick={() =>
                  save({
                    ...tools,
                    alwaysAllowed: tools.alwaysAllowed.filter(
                      (other) => other.serverId !== entry.serverId || other.tool !== entry.tool,
                    ),
                  })
                }
              >
                {t.revoke}
              </Button>
            </li>
          ))}
        </ul>
      </SettingsSubgroup>
    </SettingsSection>
  )
}
