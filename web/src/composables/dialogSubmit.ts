// Sending a dialog's form: checked in the browser first, sent with the
// button loading, and the server's refusal shown where it belongs — a field's
// message under its input (el-form-item :error="serverErrors.x"), anything
// else as one sentence (generalError, above the form). Used by the 新增/修改
// dialogs (saveRecord: only what changed is sent) and by useFormDialog
// (records.ts).
import { reactive, ref } from 'vue'
import { ElMessage, type FormInstance } from 'element-plus'
import { ApiError } from '@/api/http'

export interface DialogSubmitOptions {
  /** Whether the refusal of a field (by the form's name for it) goes under that input. */
  accepts: (field: string, e: ApiError) => boolean
  /** The form's name for a server field (area_id → area); default the same. */
  toField?: (field: string) => string
  /** Where a refusal that is no field's goes; default generalError. */
  general?: (message: string) => void
}

export function useDialogSubmit(o: DialogSubmitOptions) {
  const busy = ref(false)
  /** The server's message per form field. */
  const serverErrors = reactive<Record<string, string>>({})
  /** The refusal that is no field's, word for word. */
  const generalError = ref('')

  /** Forgets the last refusal (when the dialog opens, before a send). */
  function clearErrors() {
    for (const k of Object.keys(serverErrors)) delete serverErrors[k]
    generalError.value = ''
  }

  /** Forgets the last refusal and checks the form in the browser: false when a field is wrong. */
  async function validate(form: FormInstance | undefined): Promise<boolean> {
    clearErrors()
    return !form || (await form.validate().catch(() => false))
  }

  function refused(e: unknown) {
    const field = e instanceof ApiError && e.field ? (o.toField ? o.toField(e.field) : e.field) : ''
    if (field && o.accepts(field, e as ApiError)) {
      serverErrors[field] = (e as ApiError).message
      return
    }
    const message = e instanceof Error ? e.message : String(e)
    if (o.general) o.general(message)
    else generalError.value = message
  }

  /** Runs `fn` (the request and what follows it) with `busy` set; a refusal is shown as above. */
  async function send(fn: () => Promise<void>): Promise<void> {
    busy.value = true
    try {
      await fn()
    } catch (e) {
      refused(e)
    } finally {
      busy.value = false
    }
  }

  /**
   * 新增 or 修改 of one record: `create`, or `update` with what `changes`
   * found — when nothing changed nothing is sent and `done` gets null; after
   * 新增成功 / 修改成功 `done` gets the saved record.
   */
  async function saveRecord<R, C extends object>(s: {
    isNew: boolean
    create: () => Promise<R>
    changes: () => C
    update: (c: C) => Promise<R>
    done: (saved: R | null) => void
  }): Promise<void> {
    const c = s.isNew ? null : s.changes()
    if (c && !Object.keys(c).length) return s.done(null)
    await send(async () => {
      const saved = c ? await s.update(c) : await s.create()
      ElMessage.success(c ? '修改成功' : '新增成功')
      s.done(saved)
    })
  }

  return { busy, serverErrors, generalError, clearErrors, validate, send, saveRecord }
}
