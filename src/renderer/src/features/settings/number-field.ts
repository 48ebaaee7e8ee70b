/** A number typed in a text field: empty means null (use the default); anything else must parse. */
export function parseOptionalNumber(text: string): number | null | 'invalid' {
  const trimmed = text.trim().replace(',', '.')
  if (!trimmed) return null
  const value = Number(trimmed)
  return Number.isFinite(value) ? value : 'invalid'
}

export function numberText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value)
}
