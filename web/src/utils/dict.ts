// Dictionaries: the Chinese labels of enumerations (RuoYi's 字典).
import type { Role, ScopeType } from '@/api/account'

export const roleOptions: { value: Role; label: string }[] = [
  { value: 'admin', label: '系统管理员' },
  { value: 'office', label: '组织部（两新工委）' },
  { value: 'street', label: '街道党工委' },
  { value: 'secretary', label: '党组织书记' },
  { value: 'instructor', label: '党建指导员' },
  { value: 'member', label: '党员' },
]

export function roleName(role: string | null | undefined): string {
  return roleOptions.find((r) => r.value === role)?.label ?? role ?? ''
}

export const scopeTypeNames: Record<ScopeType, string> = {
  party_org: '党组织',
  area: '属地',
}

export const backendNames: Record<string, string> = {
  sqlite: 'SQLite（内置）',
  postgresql: 'PostgreSQL',
}

/** Audit actions as the server records them (module.verb); unknown ones show as they come. */
export const auditActionOptions: { value: string; label: string }[] = [
  { value: 'session.login', label: '登录' },
  { value: 'session.login_failed', label: '登录失败' },
  { value: 'session.locked', label: '账号锁定' },
  { value: 'session.logout', label: '退出登录' },
  { value: 'session.change_password', label: '修改密码' },
  { value: 'user.create', label: '新增用户' },
  { value: 'user.update', label: '修改用户' },
  { value: 'user.reset_password', label: '重置密码' },
  { value: 'audit.verify', label: '校验审计链' },
  { value: 'settings.update', label: '修改设置' },
  { value: 'area.create', label: '新增属地' },
  { value: 'area.update', label: '修改属地' },
  { value: 'area.delete', label: '删除属地' },
  { value: 'org.create', label: '新增两新组织' },
  { value: 'org.update', label: '修改两新组织' },
  { value: 'org.close', label: '注销两新组织' },
  { value: 'org.verify', label: '核实两新组织' },
  { value: 'org.reveal_phone', label: '查看联系电话' },
  { value: 'party_org.create', label: '新增党组织' },
  { value: 'party_org.update', label: '修改党组织' },
  { value: 'party_org.move', label: '迁移党组织' },
  { value: 'party_org.dissolve', label: '撤销党组织' },
  { value: 'coverage.create', label: '新增组织覆盖' },
  { value: 'coverage.end', label: '结束组织覆盖' },
  { value: 'committee_post.create', label: '新增班子成员' },
  { value: 'committee_post.end', label: '班子成员离任' },
  { value: 'assignment.create', label: '派驻指导员/联络员' },
  { value: 'assignment.end', label: '结束派驻' },
  { value: 'mass_org.create', label: '新增群团组织' },
  { value: 'mass_org.dissolve', label: '解散群团组织' },
  { value: 'import.orgs', label: '导入两新组织台账' },
  { value: 'import.party-orgs', label: '导入党组织台账' },
  { value: 'import.assignments', label: '导入指导员与联络员台账' },
  { value: 'import.mass-orgs', label: '导入群团组织台账' },
  { value: 'import.orgs.dry_run', label: '校验两新组织台账' },
  { value: 'import.party-orgs.dry_run', label: '校验党组织台账' },
  { value: 'import.assignments.dry_run', label: '校验指导员与联络员台账' },
  { value: 'import.mass-orgs.dry_run', label: '校验群团组织台账' },
]

export function auditActionName(action: string): string {
  return auditActionOptions.find((a) => a.value === action)?.label ?? action
}

/** A dictionary entry: the code the server stores and sends, and its Chinese label. */
export interface DictItem<T extends string = string> {
  value: T
  label: string
}

/** The label of a code in a dictionary; the code itself when unknown, '' for none. */
export function dictLabel(items: readonly DictItem[], value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return ''
  return items.find((i) => i.value === value)?.label ?? value
}

// ---- census (src/modules/census/rules.cpp) ----

export type OrgKind = 'enterprise' | 'social' | 'gig_site'

export const orgKindOptions: DictItem<OrgKind>[] = [
  { value: 'enterprise', label: '非公企业' },
  { value: 'social', label: '社会组织' },
  { value: 'gig_site', label: '新就业群体网点' },
]

/** 组织类型, stored in Chinese, with the kind each belongs to. */
export const subKindOptions: { value: string; kind: OrgKind }[] = [
  { value: '私营企业', kind: 'enterprise' },
  { value: '外商投资企业', kind: 'enterprise' },
  { value: '港澳台投资企业', kind: 'enterprise' },
  { value: '个体工商户', kind: 'enterprise' },
  { value: '农民专业合作社', kind: 'enterprise' },
  { value: '其他企业', kind: 'enterprise' },
  { value: '社会团体', kind: 'social' },
  { value: '行业协会商会', kind: 'social' },
  { value: '民办非企业单位', kind: 'social' },
  { value: '社会服务机构', kind: 'social' },
  { value: '基金会', kind: 'social' },
  { value: '其他社会组织', kind: 'social' },
  { value: '快递网点', kind: 'gig_site' },
  { value: '外卖配送站点', kind: 'gig_site' },
  { value: '网约车服务站点', kind: 'gig_site' },
  { value: '货运物流站点', kind: 'gig_site' },
  { value: '其他新就业群体网点', kind: 'gig_site' },
]

/** GB/T 4754-2017 sections. */
export const industryOptions: DictItem[] = [
  { value: 'A', label: '农、林、牧、渔业' },
  { value: 'B', label: '采矿业' },
  { value: 'C', label: '制造业' },
  { value: 'D', label: '电力、热力、燃气及水生产和供应业' },
  { value: 'E', label: '建筑业' },
  { value: 'F', label: '批发和零售业' },
  { value: 'G', label: '交通运输、仓储和邮政业' },
  { value: 'H', label: '住宿和餐饮业' },
  { value: 'I', label: '信息传输、软件和信息技术服务业' },
  { value: 'J', label: '金融业' },
  { value: 'K', label: '房地产业' },
  { value: 'L', label: '租赁和商务服务业' },
  { value: 'M', label: '科学研究和技术服务业' },
  { value: 'N', label: '水利、环境和公共设施管理业' },
  { value: 'O', label: '居民服务、修理和其他服务业' },
  { value: 'P', label: '教育' },
  { value: 'Q', label: '卫生和社会工作' },
  { value: 'R', label: '文化、体育和娱乐业' },
  { value: 'S', label: '公共管理、社会保障和社会组织' },
  { value: 'T', label: '国际组织' },
]

/** "C 制造业" for a section letter. */
export function industryLabel(code: string | null | undefined): string {
  if (!code) return ''
  const name = industryOptions.find((i) => i.value === code)?.label
  return name ? `${code} ${name}` : code
}

export type OperatingStatus = 'normal' | 'suspended' | 'closed'

export const operatingStatusOptions: DictItem<OperatingStatus>[] = [
  { value: 'normal', label: '正常' },
  { value: 'suspended', label: '停业' },
  { value: 'closed', label: '注销' },
]

export type Colour = 'red' | 'yellow' | 'blue'

/** R-CEN-4 三色管理. `tag` is the el-tag look; the colours match the names. */
export const colourOptions: (DictItem<Colour> & { hint: string; color: string })[] = [
  { value: 'red', label: '红色', hint: '已建党组织覆盖', color: '#f56c6c' },
  { value: 'yellow', label: '黄色', hint: '仅工作覆盖（指导员、联络员或群团组织）', color: '#e6a23c' },
  { value: 'blue', label: '蓝色', hint: '未覆盖', color: '#409eff' },
]

/** R-CEN-1 五清 fields, by the JSON name the server uses in `five_clear.missing`. */
export const fiveClearFieldNames: Record<string, string> = {
  operating_status: '经营状态',
  workforce: '从业人员数',
  declared_members: '党员数',
  principal: '出资人（负责人）',
  principal_is_member: '出资人是否党员',
  no_party_org_reason: '未建党组织原因',
}

export const areaLevelOptions: DictItem<'district' | 'street' | 'community'>[] = [
  { value: 'district', label: '区（县）' },
  { value: 'street', label: '街道（乡镇）' },
  { value: 'community', label: '社区（村）' },
]

// ---- party orgs (src/modules/partyorg/rules.cpp) ----

export type PartyOrgType = 'committee' | 'general_branch' | 'branch' | 'group'

export const partyOrgTypeOptions: DictItem<PartyOrgType>[] = [
  { value: 'committee', label: '党委' },
  { value: 'general_branch', label: '党总支' },
  { value: 'branch', label: '党支部' },
  { value: 'group', label: '党小组' },
]

/** el-tag type per party org type, so the tree reads at a glance. */
export const partyOrgTypeTag: Record<string, 'danger' | 'warning' | 'success' | 'info' | 'primary'> = {
  committee: 'danger',
  general_branch: 'warning',
  branch: 'success',
  group: 'info',
}

export const formationOptions: DictItem[] = [
  { value: 'single', label: '单独组建' },
  { value: 'joint', label: '联合组建' },
  { value: 'attached', label: '挂靠组建' },
  { value: 'area_joint', label: '区域联建' },
  { value: 'industry', label: '行业统建' },
  { value: 'dispatched', label: '驻派帮建' },
  { value: 'lead_firm', label: '龙头带建' },
  { value: 'chain', label: '链上带建' },
  { value: 'incubated', label: '孵化育建' },
]

export const committeePostOptions: DictItem[] = [
  { value: 'secretary', label: '书记' },
  { value: 'deputy_secretary', label: '副书记' },
  { value: 'organisation', label: '组织委员' },
  { value: 'publicity', label: '宣传委员' },
  { value: 'discipline', label: '纪检委员' },
  { value: 'member', label: '委员' },
]

export const assignmentRoleOptions: DictItem<'instructor' | 'liaison'>[] = [
  { value: 'instructor', label: '党建指导员' },
  { value: 'liaison', label: '联络员' },
]

export const massOrgTypeOptions: DictItem<'union' | 'youth_league' | 'womens_federation'>[] = [
  { value: 'union', label: '工会' },
  { value: 'youth_league', label: '共青团' },
  { value: 'womens_federation', label: '妇联' },
]

/** Warning rules (RULES.md), for the rule filter. */
export const warningRuleOptions: DictItem[] = [
  { value: 'R-ORG-1', label: '应建未建' },
  { value: 'R-ORG-2', label: '联合党支部覆盖单位过多' },
  { value: 'R-ORG-3', label: '组织类型与党员人数不符' },
  { value: 'R-ORG-4', label: '支部委员会设置' },
  { value: 'R-ORG-5', label: '换届提醒' },
  { value: 'R-ORG-6', label: '临时党组织到期' },
]

/** Chinese labels of an org's JSON fields (src/modules/census/rules.cpp field_label). */
export const orgFieldLabels: Record<string, string> = {
  name: '组织名称',
  uscc: '统一社会信用代码',
  kind: '组织类别',
  sub_kind: '组织类型',
  industry: '所属行业',
  area_id: '所在街道（社区）',
  address: '地址',
  registered_on: '成立日期',
  closed_on: '注销日期',
  operating_status: '经营状态',
  workforce: '从业人员数',
  declared_members: '党员数',
  above_scale: '是否规模以上',
  principal: '出资人（负责人）',
  principal_is_member: '出资人是否党员',
  no_party_org_reason: '未建党组织原因',
  contact_name: '联系人',
  contact_phone: '联系电话',
  contact_phone_mask: '联系电话',
  verified_on: '核实日期',
}

// member (src/modules/member/rules.cpp; STATS.md bands)

export type MemberStatus = 'full' | 'probationary'

export const memberStatusOptions: DictItem<MemberStatus>[] = [
  { value: 'full', label: '正式党员' },
  { value: 'probationary', label: '预备党员' },
]

export type MemberGender = 'male' | 'female'

export const memberGenderOptions: DictItem<MemberGender>[] = [
  { value: 'male', label: '男' },
  { value: 'female', label: '女' },
]

export type MemberEducation = 'postgraduate' | 'bachelor' | 'college' | 'secondary' | 'junior'

/** Highest first, as the figures count them. */
export const memberEducationOptions: DictItem<MemberEducation>[] = [
  { value: 'postgraduate', label: '研究生' },
  { value: 'bachelor', label: '大学本科' },
  { value: 'college', label: '大专' },
  { value: 'secondary', label: '中专/高中' },
  { value: 'junior', label: '初中及以下' },
]

export const memberAgeBandOptions: DictItem[] = [
  { value: 'le35', label: '35岁及以下' },
  { value: '36_45', label: '36至45岁' },
  { value: '46_55', label: '46至55岁' },
  { value: '56_60', label: '56至60岁' },
  { value: '61_plus', label: '61岁及以上' },
]

/** The 56 ethnic groups, 汉族 first; stored by name. */
export const memberEthnicityOptions: string[] = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族',
  '满族', '侗族', '瑶族', '白族', '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族',
  '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族', '景颇族', '柯尔克孜族', '土族',
  '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族', '普米族',
  '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
]

/** How a membership is ended by hand (减少); transfers end memberships themselves. */
export type MemberEndReason = 'deceased' | 'left' | 'expelled' | 'cancelled'

export const memberEndReasonOptions: (DictItem<MemberEndReason> & { probationaryOnly?: boolean })[] = [
  { value: 'deceased', label: '去世' },
  { value: 'left', label: '退党、出党' },
  { value: 'expelled', label: '开除党籍' },
  { value: 'cancelled', label: '取消预备党员资格', probationaryOnly: true },
]

/** How a membership began (memberships[].start_reason). */
export const memberStartReasonOptions: DictItem[] = [
  { value: 'admitted', label: '接收为预备党员' },
  { value: 'registered', label: '登记' },
  { value: 'transfer', label: '系统内转入' },
  { value: 'transfer_in', label: '从系统外转入' },
]

/** What a member history row records (member_history.what). */
export const memberHistoryLabels: Record<string, string> = {
  created: '建立人员信息',
  registered: '登记为党员',
  admitted: '接收为预备党员',
  status: '人员类别',
  membership: '人员类别及入党、转正日期',
  ended: '减少（组织关系终止）',
  party_org: '所在党组织',
  name: '姓名',
  id_number: '身份证号',
  gender: '性别',
  birth_date: '出生日期',
  ethnicity: '民族',
  education: '学历',
  phone: '手机号码',
  workplace: '工作单位',
  mobile: '流动党员',
  transfer_started: '发起组织关系转接',
  transfer_rejected: '组织关系转接被退回',
  transfer_cancelled: '撤回组织关系转接',
  transfer_in: '从系统外转入',
  transfer_out: '转出到系统外',
}

auditActionOptions.push(
  { value: 'member.create', label: '新增党员' },
  { value: 'member.update', label: '修改党员信息' },
  { value: 'member.confirm', label: '党员转正' },
  { value: 'member.end', label: '减少党员' },
  { value: 'member.reveal', label: '查看党员身份证号/手机号码' },
  { value: 'import.members', label: '导入党员台账' },
  { value: 'import.members.dry_run', label: '校验党员台账' },
  { value: 'export.members', label: '导出党员台账' },
)

// transfer / recruit (src/modules/member/present.cpp transfer_json; src/modules/recruit/rules.cpp)

export const transferStatusOptions: DictItem<'pending' | 'accepted' | 'rejected' | 'cancelled' | 'done'>[] = [
  { value: 'pending', label: '待接收' },
  { value: 'accepted', label: '已接收' },
  { value: 'rejected', label: '已退回' },
  { value: 'cancelled', label: '已撤回' },
  { value: 'done', label: '已办结' },
]

export const transferStatusTag: Record<string, 'primary' | 'success' | 'danger' | 'info' | 'warning'> = {
  pending: 'warning',
  accepted: 'success',
  rejected: 'danger',
  cancelled: 'info',
  done: 'success',
}

/** The five stages of the pipeline, in order (the board's columns). */
export const recruitStageOptions: DictItem<'applicant' | 'activist' | 'candidate' | 'probationary' | 'full'>[] = [
  { value: 'applicant', label: '入党申请人' },
  { value: 'activist', label: '入党积极分子' },
  { value: 'candidate', label: '发展对象' },
  { value: 'probationary', label: '预备党员' },
  { value: 'full', label: '正式党员' },
]

/** Timeline events of a recruit (recruit_events.event). */
export const recruitEventLabels: Record<string, string> = {
  applied: '递交入党申请',
  talk: '党组织派人谈话',
  activist: '确定为入党积极分子',
  review: '半年考察',
  candidate: '列为发展对象',
  political_review: '政治审查',
  training: '集中培训',
  assembly: '支部大会讨论接收',
  approval: '上级党委审批（接收为预备党员）',
  oath: '入党宣誓',
  confirmation: '按期转为正式党员',
  extension: '延长预备期',
  cancellation: '取消预备党员资格',
  withdrawal: '退出发展流程',
}

/** The facts a timeline event carries (its detail), as labels. */
export const recruitFactLabels: Record<string, string> = {
  party_org: '接收申请的党组织',
  late: '超过一个月',
  due: '应谈话期限',
  talk_by: '谈话人',
  sponsors: '培养联系人',
  note: '考察意见',
  passed: '审查结论',
  days: '培训天数',
  hours: '培训学时',
  assembly_on: '支部大会日期',
  entitled: '有表决权的正式党员',
  present: '实到',
  in_favour: '赞成',
  full_members: '当日正式党员',
  special: '特殊情况（6个月内审批）',
  probation_end: '预备期届满',
  approved_on: '上级党委审批日期',
  confirmed_on: '转正日期',
  old_end: '原预备期届满',
  new_end: '新的预备期届满',
  reason: '原因',
}

auditActionOptions.push(
  { value: 'transfer.start', label: '发起组织关系转接' },
  { value: 'transfer.accept', label: '接收组织关系转接' },
  { value: 'transfer.reject', label: '退回组织关系转接' },
  { value: 'transfer.cancel', label: '撤回组织关系转接' },
  { value: 'transfer.in', label: '从系统外转入' },
  { value: 'transfer.out', label: '转出到系统外' },
  { value: 'recruit.create', label: '新增入党申请人' },
  { value: 'recruit.talk', label: '登记谈话' },
  { value: 'recruit.activist', label: '确定入党积极分子' },
  { value: 'recruit.reviews', label: '登记半年考察' },
  { value: 'recruit.candidate', label: '列为发展对象' },
  { value: 'recruit.political-review', label: '登记政治审查' },
  { value: 'recruit.training', label: '登记集中培训' },
  { value: 'recruit.admit', label: '支部大会讨论接收' },
  { value: 'recruit.approve', label: '上级党委审批接收' },
  { value: 'recruit.oath', label: '登记入党宣誓' },
  { value: 'recruit.confirm', label: '预备党员转正' },
  { value: 'recruit.extend', label: '延长预备期' },
  { value: 'recruit.cancel', label: '取消预备党员资格' },
  { value: 'recruit.withdraw', label: '退出发展流程' },
)
