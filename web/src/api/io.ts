// Import, export and templates of the ledgers (src/io on the server): one
// engine for every ledger, so one set of calls with the ledger's name.
import { download, upload } from './http'
import type { Id } from './account'
import type { Job } from './platform'

export type LedgerName = 'orgs' | 'party-orgs' | 'assignments' | 'mass-orgs' | 'members'

export const ledgerTitles: Record<LedgerName, string> = {
  orgs: '两新组织台账',
  'party-orgs': '党组织台账',
  assignments: '指导员与联络员台账',
  'mass-orgs': '群团组织台账',
  members: '党员台账',
}

/** One problem of an import: the row and column as Excel shows them, the cell, the reason. */
export interface ImportProblem {
  row: number
  column: string
  value: string
  reason: string
}

/** A dry run's answer, and a finished import job's result. */
export interface ImportReport {
  rows: number
  inserted: number
  updated: number
  errors: ImportProblem[]
}

/** Checks a file without writing anything. */
export const dryRunImport = (ledger: LedgerName, file: File) =>
  upload<ImportReport>(`/import/${ledger}`, file, { dry_run: 1 }, { quiet: true })

/**
 * Starts the import proper: a background job whose result is an ImportReport.
 * If the file has problems after all (the data changed since the dry run) the
 * server answers 422 with the report in the error's body (see reportOf).
 */
export const startImport = (ledger: LedgerName, file: File) =>
  upload<{ job: Job<ImportReport> }>(`/import/${ledger}`, file, undefined, { quiet: true })

/** The report inside a 422 answer to startImport, if it carries one. */
export function reportOf(body: Record<string, unknown> | undefined): ImportReport | null {
  if (!body || !Array.isArray(body.errors) || typeof body.rows !== 'number') return null
  return body as unknown as ImportReport
}

/**
 * The errors workbook of a file (sheet 错误数据: its problem rows as they
 * were, with 原行号 and 错误原因 added; sheet 问题清单: every problem).
 */
export const downloadImportErrors = (ledger: LedgerName, file: File) =>
  download(`/import/${ledger}/errors`, `${ledgerTitles[ledger]}-错误数据.xlsx`, { file, quiet: true })

/** The ledger as .xlsx, everything in the caller's scope (the filters are sent for when the server takes them). */
export const exportLedger = (ledger: LedgerName, query?: Record<string, string | number | boolean | null | undefined>) =>
  download(`/export/${ledger}`, `${ledgerTitles[ledger]}.xlsx`, { query })

export const downloadTemplate = (ledger: LedgerName) =>
  download(`/templates/${ledger}`, `${ledgerTitles[ledger]}-模板.xlsx`)

export type { Id }
