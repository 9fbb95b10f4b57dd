// The recruitment pipeline (发展党员, /api/v1/recruits on the server:
// src/modules/recruit). One record per person and attempt, stage
// applicant → activist → candidate → probationary → full; every step is its
// own POST with the facts it needs. A step the rules refuse answers 422 with a
// Chinese message naming the rule and the first allowed day (R-REC-1..9,
// R-LIFE-9); a step that does not fit the stage answers 409; nothing changes.
import { http, type Page } from './http'
import type { Id } from './account'

export type RecruitStage = 'applicant' | 'activist' | 'candidate' | 'probationary' | 'full' | 'cancelled' | 'withdrawn'

/** Codes of the open steps (rules.hpp next_steps). */
export type StepCode =
  | 'talk'
  | 'activist'
  | 'review'
  | 'candidate'
  | 'political_review'
  | 'training'
  | 'assembly'
  | 'approval'
  | 'oath'
  | 'confirmation'

/** An open step (R-REC-8): the first day it is possible and the last day it is on time. */
export interface Step {
  code: StepCode
  name: string
  rule: string
  earliest_on: string | null
  due_on: string | null
  overdue: boolean
}

export interface Recruit {
  id: Id
  person_id: Id
  name: string
  gender: 'male' | 'female'
  birth_date: string
  id_number_mask: string
  party_org_id: Id
  party_org_name: string
  stage: RecruitStage
  stage_name: string
  applied_on: string
  talk_on: string | null
  talk_by: string | null
  activist_on: string | null
  last_review_on: string | null
  candidate_on: string | null
  political_review_on: string | null
  political_review_passed: boolean | null
  training_on: string | null
  training_days: number | null
  training_hours: number | null
  assembly_on: string | null
  assembly_entitled: number | null
  assembly_present: number | null
  assembly_in_favour: number | null
  approved_on: string | null
  approval_special: boolean
  oath_on: string | null
  probation_end: string | null
  extended: boolean
  decided_on: string | null
  confirmed_on: string | null
  confirm_approved_on: string | null
  ended_on: string | null
  end_reason: string | null
  /** the most urgent open step; null for full, cancelled, withdrawn */
  next_step: Step | null
  due_on: string | null
  /** some open step is past its due day */
  overdue: boolean
}

export interface TimelineEvent {
  id: Id
  /** applied, talk, activist, review, candidate, political_review, training, assembly, approval, oath, confirmation, extension, cancellation, withdrawal */
  event: string
  on: string
  stage_from: RecruitStage | null
  stage_to: RecruitStage | null
  detail: Record<string, unknown> | null
  by: string
  at: string
}

export interface RecruitDetail extends Recruit {
  /** every open step, most urgent first */
  steps: Step[]
  sponsors: { person_id: Id; name: string; since: string }[]
  reviews: { id: Id; reviewed_on: string; note: string | null; by: string }[]
  timeline: TimelineEvent[]
}

export interface RecruitQuery {
  page: number
  size: number
  /** that party org and its subtree */
  party_org_id?: Id | ''
  stage?: RecruitStage | ''
  include_closed?: boolean
}

export const listRecruits = (q: RecruitQuery) =>
  http.get<Page<Recruit>>('/recruits', { ...q, include_closed: q.include_closed ? 1 : undefined })
/** R-REC-8: those whose next step is past its due day. */
export const listOverdueRecruits = (q: { page: number; size: number; party_org_id?: Id | '' }) =>
  http.get<Page<Recruit>>('/recruits/overdue', q)
export const getRecruit = (id: Id) => http.get<RecruitDetail>(`/recruits/${id}`)

export interface ApplicantInput {
  name: string
  id_number: string
  ethnicity?: string | null
  education?: string | null
  phone?: string | null
  party_org_id: Id
  applied_on: string
}

/** 新增申请人 (R-REC-1: 18 on the application day). */
export const createApplicant = (a: ApplicantInput) => http.post<RecruitDetail>('/recruits', a, true)

/** The step routes: POST /recruits/{id}/<route>. */
export type StepRoute =
  | 'talk'
  | 'activist'
  | 'reviews'
  | 'candidate'
  | 'political-review'
  | 'training'
  | 'admit'
  | 'approve'
  | 'oath'
  | 'confirm'
  | 'extend'
  | 'cancel'
  | 'withdraw'

/** One step with its facts (docs/recruitment.md lists each body); quiet: the dialog shows the refusal. */
export const postStep = (id: Id, route: StepRoute, body: Record<string, unknown>) =>
  http.post<RecruitDetail>(`/recruits/${id}/${route}`, body, true)

/** A full member who may sponsor an activist (R-REC-3). */
export interface SponsorOption {
  id: Id
  name: string
  party_org_id: Id
  party_org_name: string
}

/** The current full members of a party org (its own, not its subtree's): sponsors and the assembly's voters. */
export async function fullMembersOf(partyOrgId: Id): Promise<SponsorOption[]> {
  const r = await http.get<Page<SponsorOption>>('/members', { page: 1, size: 200, party_org_id: partyOrgId, status: 'full' })
  return r.items.filter((m) => String(m.party_org_id) === String(partyOrgId))
}
