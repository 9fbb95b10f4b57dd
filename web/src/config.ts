export const APP_TITLE = '两新党建管理平台'
