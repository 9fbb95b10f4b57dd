// The three things every "records of a party org" tab does (覆盖组织, 班子成员,
// 指导员/联络员, 群团组织, and the member pages after them):
// - useEndedToggle: today's rows from the detail, or with 显示已结束 every row
//   loaded from the list endpoint;
// - useFormDialog: a 新增 dialog whose form is checked in the browser, then by
//   the server, whose field errors land under their inputs (useDialogSubmit);
// - useEndAction: the row a 结束/免职/解散 dialog acts on.
import { computed, reactive, ref, watch, type Ref, type WatchSource } from 'vue'
import { ElMessage, type FormInstance } from 'element-plus'
import { useDialogSubmit } from './dialogSubmit'

export function useEndedToggle<T>(current: () => T[], loadAll: () => Promise<{ items: T[] }>, reloadOn: WatchSource) {
  const includeEnded = ref(false)
  const all = ref<T[]>([]) as Ref<T[]>
  const loading = ref(false)
  const items = computed(() => (includeEnded.value ? all.value : current()))
  async function load() {
    loading.value = true
    try {
      all.value = (await loadAll()).items
    } catch {
      all.value = []
    } finally {
      loading.value = false
    }
  }
  watch([includeEnded, reloadOn], ([on]) => {
    if (on) load()
  })
  return { includeEnded, items, loading }
}

export interface FormDialogOptions<F> {
  /** The form's values when the dialog opens. */
  initial: () => F
  /** Sends the form quietly (the dialog reports errors); resolves when the server accepted it. */
  submit: (form: F) => Promise<unknown>
  /** The message after success (default 新增成功); a function sees the server's answer. */
  success?: string | ((answer: unknown) => string)
  /** Called after success (typically emit('changed')). */
  done?: (answer: unknown) => void
}

export function useFormDialog<F extends object>(o: FormDialogOptions<F>) {
  const open = ref(false)
  const formRef = ref<FormInstance>()
  const form = reactive(o.initial())
  // A field the form has: under its input; anything else: a message.
  const submit = useDialogSubmit({ accepts: (field) => field in form, general: (m) => ElMessage.error(m) })
  const { busy: saving, serverErrors } = submit
  /** Opens the dialog with the initial values, changed by `values`. */
  function show(values: Partial<F> = {}) {
    Object.assign(form, o.initial(), values)
    submit.clearErrors()
    formRef.value?.clearValidate()
    open.value = true
  }
  async function save() {
    if (!(await submit.validate(formRef.value))) return
    await submit.send(async () => {
      const answer = await o.submit(form as F)
      const msg = typeof o.success === 'function' ? o.success(answer) : (o.success ?? '新增成功')
      ElMessage.success(msg)
      open.value = false
      o.done?.(answer)
    })
  }
  return { open, saving, formRef, form, serverErrors, show, save }
}

export function useEndAction<T>() {
  const row = ref<T | null>(null) as Ref<T | null>
  const open = ref(false)
  function start(r: T) {
    row.value = r
    open.value = true
  }
  return { row, open, start }
}
