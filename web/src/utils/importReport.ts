// The problem list of an import as a CSV the office can open in Excel
// (UTF-8 with BOM, so Excel on a Chinese system reads it right). Used only
// when the server cannot give the errors workbook itself.
import type { ImportProblem } from '@/api/io'

function cell(v: string | number): string {
  const s = String(v ?? '')
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function problemsCsv(problems: ImportProblem[]): Blob {
  const lines = [['行号', '列', '值', '原因'].join(',')]
  for (const p of problems) lines.push([p.row || '', p.column, p.value, p.reason].map(cell).join(','))
  return new Blob(['\uFEFF' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' })
}
