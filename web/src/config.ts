export const APP_TITLE = '两新党建信息平台'
