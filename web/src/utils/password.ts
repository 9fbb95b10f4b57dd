// The password policy as the server states it by default. The server checks
// (and its limits are configurable), so the pages only show the hint.
export const PASSWORD_HINT = '至少8位，包含大写字母、小写字母、数字、符号中的至少三类'
