/**
 * What a step did, as data. Actions render it to the job summary (Markdown), the lint-test
 * action also to the PR comment, and the CLI to the terminal: one summary, three renderings.
 */
export type Verdict = 'pass' | 'fail' | 'warn' | 'skip' | 'info'

export interface ReportTable {
  title?: string
  columns: string[]
  rows: string[][]
}

export interface ReportSection {
  title: string
  verdict?: Verdict
  /** Plain paragraphs. */
  text?: string[]
  /** Label/value pairs. */
  facts?: Array<[string, string]>
  tables?: ReportTable[]
  /** Bullet items. */
  items?: string[]
}

export interface Report {
  title: string
  verdict: Verdict
  facts?: Array<[string, string]>
  sections: ReportSection[]
  links?: Array<{ label: string; url: string }>
}

const ICON: Record<Verdict, string> = { pass: '✅', fail: '❌', warn: '⚠️', skip: '⏭️', info: 'ℹ️' }
const WORD: Record<Verdict, string> = {
  pass: 'PASS',
  fail: 'FAIL',
  warn: 'WARN',
  skip: 'SKIP',
  info: 'INFO'
}

export function verdictIcon(verdict: Verdict): string {
  return ICON[verdict]
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>')
}

function markdownTable(table: ReportTable): string[] {
  const lines: string[] = []
  if (table.title) lines.push(`**${table.title}**`, '')
  lines.push(`| ${table.columns.map(escapeCell).join(' | ')} |`)
  lines.push(`| ${table.columns.map(() => '---').join(' | ')} |`)
  for (const row of table.rows) lines.push(`| ${row.map(escapeCell).join(' | ')} |`)
  lines.push('')
  return lines
}

export function renderMarkdown(report: Report): string {
  const lines: string[] = [`## ${ICON[report.verdict]} ${report.title}`, '']
  if (report.facts?.length)
    lines.push(
      ...markdownTable({ columns: ['', ''], rows: report.facts.map(([k, v]) => [`**${k}**`, v]) })
    )
  for (const section of report.sections) {
    lines.push(`### ${section.verdict ? `${ICON[section.verdict]} ` : ''}${section.title}`, '')
    for (const paragraph of section.text ?? []) lines.push(paragraph, '')
    if (section.facts?.length)
      lines.push(
        ...markdownTable({
          columns: ['', ''],
          rows: section.facts.map(([k, v]) => [`**${k}**`, v])
        })
      )
    for (const table of section.tables ?? []) lines.push(...markdownTable(table))
    if (section.items?.length) lines.push(...section.items.map(item => `- ${item}`), '')
  }
  if (report.links?.length)
    lines.push(report.links.map(link => `[${link.label}](${link.url})`).join(' · '), '')
  return lines.join('\n')
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - [...text].length))
}

function textTable(table: ReportTable, indent: string): string[] {
  const widths = table.columns.map((c, i) =>
    Math.max([...c].length, ...table.rows.map(r => [...(r[i] ?? '')].length))
  )
  const line = (cells: string[]) =>
    indent +
    cells
      .map((c, i) => pad(c, widths[i]!))
      .join('  ')
      .trimEnd()
  const out: string[] = []
  if (table.title) out.push(`${indent}${table.title}`)
  out.push(line(table.columns), indent + widths.map(w => '-'.repeat(w)).join('  '))
  for (const row of table.rows) out.push(line(row))
  return out
}

/** Terminal rendering: plain text, aligned columns, no Markdown. */
export function renderText(report: Report): string {
  const out: string[] = [`${WORD[report.verdict]}  ${report.title}`]
  const factLines = (facts: Array<[string, string]>, indent: string) => {
    const width = Math.max(...facts.map(([k]) => k.length))
    return facts.map(([k, v]) => `${indent}${pad(k, width)}  ${v}`)
  }
  if (report.facts?.length) out.push(...factLines(report.facts, '  '))
  for (const section of report.sections) {
    out.push('', `  ${section.verdict ? `[${WORD[section.verdict]}] ` : ''}${section.title}`)
    for (const paragraph of section.text ?? []) out.push(`    ${paragraph}`)
    if (section.facts?.length) out.push(...factLines(section.facts, '    '))
    for (const table of section.tables ?? []) out.push(...textTable(table, '    '))
    for (const item of section.items ?? []) out.push(`    - ${item}`)
  }
  for (const link of report.links ?? []) out.push(`  ${link.label}: ${link.url}`)
  return out.join('\n')
}

export function formatValue(value: unknown): string {
  if (value === undefined || value === null) return '—'
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)))
  if (typeof value === 'string') return value
  return JSON.stringify(value)
}
