// The steps of the recruitment pipeline as the board offers them: for each
// POST /recruits/{id}/<route>, the facts its dialog asks for (exactly the
// body of docs/recruitment.md's table), the rules it answers to, and which
// steps a record can take in its stage. The server decides; this only
// chooses what to show.
import type { Recruit, StepCode, StepRoute } from '@/api/recruit'

export type FieldType = 'date' | 'text' | 'textarea' | 'number' | 'passed' | 'special' | 'sponsors' | 'count'

export interface StepField {
  /** the body field the server reads */
  key: string
  label: string
  type: FieldType
  required?: boolean
  placeholder?: string
  hint?: string
  /** dates: allow days after today (a new probation end) */
  future?: boolean
  /** dates: empty when the dialog opens (instead of today) */
  empty?: boolean
}

export interface StepAction {
  route: StepRoute
  /** the button */
  label: string
  /** the dialog's title */
  title: string
  /** rule ids, as RULES.md names them */
  rules: string
  /** the open step (R-REC-8) it performs, for the earliest / due hint */
  code?: StepCode
  /** forward in the pipeline (shown as buttons) or a way out / aside (更多) */
  side?: boolean
  /** ask before sending (it ends the record or the membership) */
  confirm?: string
  fields: StepField[]
}

const vote: StepField[] = [
  { key: 'entitled', label: '有表决权的正式党员', type: 'count', required: true, hint: '预备党员没有表决权' },
  { key: 'present', label: '实到人数', type: 'count', required: true },
  { key: 'in_favour', label: '赞成人数', type: 'count', required: true },
]

export const stepActions: Record<StepRoute, StepAction> = {
  talk: {
    route: 'talk',
    label: '谈话登记',
    title: '党组织派人谈话',
    rules: 'R-REC-2',
    code: 'talk',
    fields: [
      { key: 'talk_on', label: '谈话日期', type: 'date', required: true },
      { key: 'talk_by', label: '谈话人', type: 'text', placeholder: '党组织派出的谈话人' },
    ],
  },
  activist: {
    route: 'activist',
    label: '确定积极分子',
    title: '确定为入党积极分子',
    rules: 'R-REC-3',
    code: 'activist',
    fields: [
      { key: 'decided_on', label: '确定日期', type: 'date', required: true, hint: '支部委员会（不设支委会的支部党员大会）研究决定的日期' },
      { key: 'sponsor_ids', label: '培养联系人', type: 'sponsors', required: true, hint: '一至两名本党组织的正式党员' },
    ],
  },
  reviews: {
    route: 'reviews',
    label: '半年考察',
    title: '登记半年考察',
    rules: 'R-REC-9',
    code: 'review',
    fields: [
      { key: 'reviewed_on', label: '考察日期', type: 'date', required: true },
      { key: 'note', label: '考察意见', type: 'textarea' },
    ],
  },
  candidate: {
    route: 'candidate',
    label: '列为发展对象',
    title: '列为发展对象',
    rules: 'R-REC-4、R-REC-9',
    code: 'candidate',
    fields: [{ key: 'decided_on', label: '列为发展对象日期', type: 'date', required: true }],
  },
  'political-review': {
    route: 'political-review',
    label: '政治审查',
    title: '登记政治审查',
    rules: 'R-REC-5',
    code: 'political_review',
    fields: [
      { key: 'reviewed_on', label: '政治审查日期', type: 'date', required: true },
      { key: 'passed', label: '审查结论', type: 'passed', required: true },
    ],
  },
  training: {
    route: 'training',
    label: '集中培训',
    title: '登记集中培训',
    rules: 'R-REC-5',
    code: 'training',
    fields: [
      { key: 'finished_on', label: '培训结束日期', type: 'date', required: true },
      { key: 'days', label: '培训天数', type: 'number', hint: '不少于3天或24学时，天数和学时至少填一项' },
      { key: 'hours', label: '培训学时', type: 'number' },
    ],
  },
  admit: {
    route: 'admit',
    label: '讨论接收',
    title: '支部大会讨论接收为预备党员',
    rules: 'R-REC-5、R-LIFE-9',
    code: 'assembly',
    fields: [{ key: 'assembly_on', label: '支部大会日期', type: 'date', required: true }, ...vote],
  },
  approve: {
    route: 'approve',
    label: '上级审批',
    title: '上级党委审批接收',
    rules: 'R-REC-6',
    code: 'approval',
    fields: [
      { key: 'approved_on', label: '审批日期', type: 'date', required: true },
      { key: 'special', label: '特殊情况', type: 'special', hint: '特殊情况下可在支部大会通过后6个月内审批（一般为3个月）' },
    ],
  },
  oath: {
    route: 'oath',
    label: '入党宣誓',
    title: '登记入党宣誓',
    rules: 'R-REC-7',
    code: 'oath',
    fields: [{ key: 'oath_on', label: '宣誓日期', type: 'date', required: true }],
  },
  confirm: {
    route: 'confirm',
    label: '转正',
    title: '预备期满讨论转正',
    rules: 'R-REC-7、R-LIFE-9',
    code: 'confirmation',
    fields: [
      { key: 'decided_on', label: '支部大会日期', type: 'date', required: true },
      ...vote,
      { key: 'approved_on', label: '上级党委审批日期', type: 'date', required: true },
    ],
  },
  extend: {
    route: 'extend',
    label: '延长预备期',
    title: '延长预备期',
    rules: 'R-REC-7、R-LIFE-9',
    side: true,
    fields: [
      { key: 'decided_on', label: '支部大会日期', type: 'date', required: true },
      ...vote,
      { key: 'new_end', label: '新的预备期届满日', type: 'date', required: true, future: true, empty: true, hint: '至少半年、最长一年' },
    ],
  },
  cancel: {
    route: 'cancel',
    label: '取消资格',
    title: '取消预备党员资格',
    rules: 'R-REC-7、R-LIFE-9',
    side: true,
    confirm: '取消预备党员资格后，其组织关系自支部大会之日起终止。确认取消吗？',
    fields: [
      { key: 'decided_on', label: '支部大会日期', type: 'date', required: true },
      ...vote,
      { key: 'reason', label: '取消原因', type: 'textarea', required: true },
    ],
  },
  withdraw: {
    route: 'withdraw',
    label: '退出',
    title: '退出发展流程',
    rules: '',
    side: true,
    confirm: '退出后该记录不再列入发展党员流程（记录保留）。确认退出吗？',
    fields: [
      { key: 'on', label: '退出日期', type: 'date', required: true },
      { key: 'reason', label: '退出原因', type: 'textarea', required: true, placeholder: '如：工作调离、本人放弃' },
    ],
  },
}

/** The step route that performs an open step. */
export const routeOfStep: Record<StepCode, StepRoute> = {
  talk: 'talk',
  activist: 'activist',
  review: 'reviews',
  candidate: 'candidate',
  political_review: 'political-review',
  training: 'training',
  assembly: 'admit',
  approval: 'approve',
  oath: 'oath',
  confirmation: 'confirm',
}

/** The steps a record can take in its stage: forward ones in pipeline order, then the ways out. */
export function actionsFor(r: Recruit): { forward: StepAction[]; side: StepAction[] } {
  const a = stepActions
  const pick = (...routes: (StepRoute | false)[]) => routes.filter((x): x is StepRoute => !!x).map((x) => a[x])
  switch (r.stage) {
    case 'applicant':
      return { forward: pick(!r.talk_on && 'talk', 'activist'), side: pick('withdraw') }
    case 'activist':
      return { forward: pick('reviews', 'candidate'), side: pick('withdraw') }
    case 'candidate': {
      if (r.assembly_on) return { forward: pick('approve'), side: pick('admit', 'withdraw') }
      // R-REC-5: a passed review and enough training are done; they can still be recorded again (更多).
      const reviewed = !!r.political_review_on && !!r.political_review_passed
      const trained = !!r.training_on && ((r.training_days ?? 0) >= 3 || (r.training_hours ?? 0) >= 24)
      return {
        forward: pick(!reviewed && 'political-review', !trained && 'training', 'admit'),
        side: pick(reviewed && 'political-review', trained && 'training', 'withdraw'),
      }
    }
    case 'probationary':
      return { forward: pick(!r.oath_on && 'oath', 'confirm'), side: pick(!r.extended && 'extend', 'cancel') }
    default:
      return { forward: [], side: [] }
  }
}

/** The day the board's stage column shows for a record (see stageDayLabel). */
export function stageDay(r: Recruit): string | null {
  switch (r.stage) {
    case 'applicant':
      return r.applied_on
    case 'activist':
      return r.activist_on
    case 'candidate':
      return r.candidate_on
    case 'probationary':
      return r.probation_end
    case 'full':
      return r.confirmed_on
    default:
      return r.ended_on
  }
}

/** The stage column's heading for a tab. */
export const stageDayLabel: Record<string, string> = {
  applicant: '申请日期',
  activist: '确定积极分子日期',
  candidate: '列为发展对象日期',
  probationary: '预备期届满',
  full: '转正日期',
}
