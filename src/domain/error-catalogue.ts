/**
 * Every error code the API and the CLI can answer with, its kind and its messages.
 *
 * The kind decides the transport's answer (HTTP status in server/errors.ts, exit code in
 * cli/exit-codes.ts), so adding a code is one entry here and nothing else. Codes are
 * snake_case and specific enough that a client never has to read the message
 * (`consultation_closed`, `reply_already_sealed`, not `conflict`). `{name}` in a message is
 * filled from the parameters given to `fail(code, params)`.
 */
export type ErrorKind =
  | 'bad_request'
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unsupported'
  | 'rate_limited'
  | 'verification_failed'
  | 'config'
  | 'internal';

export interface ErrorEntry {
  kind: ErrorKind;
  zh: string;
  en: string;
}

export const ERROR_CATALOGUE = {
  // Generic codes, one per kind: used where nothing more specific applies.
  bad_request: { kind: 'bad_request', zh: '请求无效', en: 'Bad request' },
  validation_failed: { kind: 'invalid', zh: '输入有误', en: 'Invalid input' },
  unauthenticated: { kind: 'unauthenticated', zh: '请先登录', en: 'Please log in first' },
  invalid_credentials: { kind: 'unauthenticated', zh: '账号或密码错误', en: 'Wrong login or password' },
  rate_limited: { kind: 'rate_limited', zh: '尝试次数过多，请稍后再试', en: 'Too many attempts; try again later' },
  csrf_failed: {
    kind: 'forbidden',
    zh: '缺少或错误的 CSRF 令牌（X-CSRF-Token），请刷新页面后重试',
    en: 'Missing or wrong CSRF token (X-CSRF-Token); reload the page and try again',
  },
  forbidden: { kind: 'forbidden', zh: '无权执行此操作', en: 'You are not allowed to do this' },
  not_found: { kind: 'not_found', zh: '对象不存在', en: 'Not found' },
  conflict: { kind: 'conflict', zh: '操作与当前状态冲突', en: 'This conflicts with the current state' },
  payload_too_large: { kind: 'too_large', zh: '上传内容过大', en: 'The request body is too large' },
  unsupported_media_type: { kind: 'unsupported', zh: '不支持的内容类型', en: 'Unsupported content type' },
  // Files read by the CLI.
  file_not_found: { kind: 'not_found', zh: '找不到文件:{file}', en: 'File not found: {file}' },
  file_too_large: { kind: 'too_large', zh: '文件过大:{bytes} 字节,上限 {maxBytes} 字节', en: 'File too large: {bytes} bytes, limit {maxBytes}' },
  audit_broken: { kind: 'verification_failed', zh: '审计链校验失败', en: 'The audit chain does not verify' },
  // Security (issue 11).
  password_too_short: { kind: 'invalid', zh: '密码至少需要 {min} 个字符', en: 'The password needs at least {min} characters' },
  password_too_common: {
    kind: 'invalid',
    zh: '密码过于常见或与账号相同，请换一个',
    en: 'This password is too common or equals the login; choose another',
  },
  totp_required: { kind: 'unauthenticated', zh: '请输入动态验证码', en: 'Enter the code from your authenticator app' },
  totp_invalid: { kind: 'unauthenticated', zh: '动态验证码不正确', en: 'The authenticator code is wrong' },
  totp_not_allowed: { kind: 'forbidden', zh: '仅管理员和办公室账号可启用动态验证码', en: 'Only admin and office accounts can turn on a second factor' },
  totp_no_enrolment: { kind: 'conflict', zh: '请先开始启用动态验证码', en: 'Start the enrolment first' },
  archive_too_large: {
    kind: 'too_large',
    zh: '文件解压后过大（超过 {limitMb} MB）',
    en: 'The file unpacks to more than {limitMb} MB',
  },
  archive_ratio: {
    kind: 'too_large',
    zh: '文件压缩比异常（超过 {limit} 倍），疑似压缩炸弹',
    en: 'The file is compressed more than {limit} times: it looks like a zip bomb',
  },
  archive_invalid: { kind: 'invalid', zh: '文件已损坏或不是有效的 Office 文件', en: 'The file is damaged or not a valid Office file' },
  archive_entries: { kind: 'too_large', zh: '文件内含条目过多（超过 {limit} 个）', en: 'The file holds more than {limit} entries' },
  document_too_complex: { kind: 'invalid', zh: '文件结构过于复杂或含有不允许的内容（{reason}）', en: 'The document is too complex or holds forbidden content ({reason})' },
  multipart_invalid: { kind: 'bad_request', zh: '上传格式有误（multipart）', en: 'Malformed multipart upload' },
  url_invalid: { kind: 'bad_request', zh: '网址编码有误', en: 'The URL is not validly encoded' },
  config_invalid: { kind: 'config', zh: '配置无效', en: 'Invalid configuration' },
  response_invalid: { kind: 'internal', zh: '服务器响应不符合接口约定，请联系管理员', en: 'The server answered outside its API contract; please tell the administrator' },
  internal: { kind: 'internal', zh: '服务器内部错误，请稍后再试', en: 'Internal server error; please try again later' },
  invalid_json: { kind: 'bad_request', zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  endpoint_not_found: { kind: 'not_found', zh: '接口不存在', en: 'No such endpoint' },
  file_required: { kind: 'bad_request', zh: '请选择要上传的文件', en: 'Choose a file to upload' },

  // Accounts and sessions.
  login_locked: { kind: 'rate_limited', zh: '登录失败次数过多，请 {minutes} 分钟后再试', en: 'Too many failed logins; try again in {minutes} minutes' },
  current_password_wrong: { kind: 'unauthenticated', zh: '当前密码不正确', en: 'The current password is wrong' },
  user_not_found: { kind: 'not_found', zh: '账号不存在', en: 'Account not found' },
  login_taken: { kind: 'conflict', zh: '账号 {login} 已存在', en: 'Login {login} already exists' },
  user_unit_not_found: { kind: 'invalid', zh: '所属单位不存在', en: 'The unit does not exist' },
  self_lockout: { kind: 'invalid', zh: '不能停用自己或取消自己的管理员角色', en: 'You cannot disable yourself or drop your own admin role' },
  demo_account_missing: { kind: 'not_found', zh: '演示账号 {login} 不存在', en: 'Demo account {login} is missing' },

  // Units and the registry.
  unit_not_found: { kind: 'not_found', zh: '单位不存在', en: 'Unit not found' },
  unit_code_unknown: { kind: 'not_found', zh: '单位代码 {code} 不存在', en: 'No unit with code {code}' },
  unit_code_taken: { kind: 'conflict', zh: '单位代码 {code} 已存在', en: 'Unit code {code} already exists' },
  parent_unit_not_found: { kind: 'invalid', zh: '上级单位不存在', en: 'The parent unit does not exist' },
  parent_unit_cycle: { kind: 'invalid', zh: '上级单位不能是本单位或其下级', en: 'A unit cannot be placed under itself or its own sub-unit' },
  registry_parent_missing: { kind: 'invalid', zh: '单位 {code} 的上级代码 {parent} 不存在', en: 'Unit {code}: parent code {parent} does not exist' },
  registry_duplicate_code: { kind: 'invalid', zh: '单位代码重复：{code}', en: 'Duplicate unit code: {code}' },
  registry_file_type: { kind: 'bad_request', zh: '请上传 JSON 或 xlsx 单位名录文件', en: 'Upload a JSON or xlsx registry file' },
  registry_no_office: { kind: 'invalid', zh: '登记册中没有办公室单位', en: 'The registry has no office unit' },
  province_unknown: { kind: 'not_found', zh: '未知的省级行政区划代码：{code}', en: 'Unknown province code: {code}' },

  // Plans and their versions.
  plan_not_found: { kind: 'not_found', zh: '工作计划不存在', en: 'Plan not found' },
  plan_version_not_found: { kind: 'not_found', zh: '计划版本不存在', en: 'Plan version not found' },
  plan_already_imported: {
    kind: 'conflict',
    zh: '该文件已导入过：《{title}》(计划 {plan} 第 {version} 版)',
    en: 'This file was imported before: “{title}” (plan {plan}, version {version})',
  },
  plan_no_structure: {
    kind: 'invalid',
    zh: '文件中没有找到工作要点的结构（章节或条目），请确认这是一份工作方案',
    en: 'No plan structure (sections or items) was found; is this a work plan?',
  },
  version_unchanged: { kind: 'conflict', zh: '内容与第 {version} 版相同，没有修改', en: 'Same as version {version}: nothing changed' },
  version_of_other_plan: { kind: 'conflict', zh: '该文件已是另一计划（{plan}）的第 {version} 版', en: 'This file is already version {version} of plan {plan}' },
  version_conflict: {
    kind: 'conflict',
    zh: '计划已被他人同时修改（已有第 {version} 版），请刷新后重试',
    en: 'Someone else revised the plan at the same time (version {version} exists); reload and try again',
  },
  revision_no_items: { kind: 'invalid', zh: '修改稿中没有找到任何条目', en: 'The revision has no items' },
  redline_versions_invalid: { kind: 'invalid', zh: '请选择两个不同的版本（旧版在前）', en: 'Choose two versions, the older first' },
  change_not_found: { kind: 'invalid', zh: '该修改不存在', en: 'No such change between these versions' },
  change_links_conflict: {
    kind: 'conflict',
    zh: '该修改的关联意见刚被他人同时修改，请刷新后重试',
    en: 'Someone else linked opinions to this change at the same moment; reload and try again',
  },
  opinions_not_of_version: { kind: 'invalid', zh: '部分意见不属于旧版本的征求意见', en: 'Some opinions are not about the older version' },
  item_not_found: { kind: 'not_found', zh: '第 {item} 条不存在', en: 'Item {item} not found' },
  fact_not_found: { kind: 'not_found', zh: '要修改的事实不存在', en: 'The fact to change was not found' },
  span_outside_document: { kind: 'invalid', zh: '所选文字超出文档范围', en: 'The selected span is outside the document' },
  span_outside_item: { kind: 'invalid', zh: '所选文字不在该条目内', en: 'The selected text is not inside this item' },
  fact_unit_unknown: { kind: 'invalid', zh: '单位不存在', en: 'No such unit' },
  fact_role_required: { kind: 'invalid', zh: '请选择职责（牵头、配合或属地）', en: 'Choose a role (lead, cooperate or localities)' },
  fact_target_incomplete: { kind: 'invalid', zh: '请填写指标数值和计量单位', en: 'Give the value and the unit of measure' },
  nothing_to_change: { kind: 'invalid', zh: '没有要修改的内容', en: 'Nothing to change' },

  // Consultations.
  consultation_not_found: { kind: 'not_found', zh: '征求意见不存在', en: 'Consultation not found' },
  consultation_closed: { kind: 'conflict', zh: '征求意见已结束，不再接收反馈', en: 'The consultation is closed' },
  consultation_already_closed: { kind: 'conflict', zh: '征求意见已结束', en: 'The consultation is already closed' },
  consultation_open: { kind: 'conflict', zh: '征求意见尚未结束，不能公开采纳情况', en: 'The consultation is still open; close it before publishing' },
  deadline_required: { kind: 'invalid', zh: '请填写反馈截止日期（来函中未找到）', en: 'Give a deadline (the cover letter names none)' },
  deadline_not_later: { kind: 'invalid', zh: '新的截止日期须晚于 {deadline}', en: 'The new deadline must be after {deadline}' },
  recipients_required: { kind: 'invalid', zh: '请选择征求意见的单位', en: 'Choose the units to consult' },
  recipients_not_found: { kind: 'invalid', zh: '部分单位不存在', en: 'Some of the units do not exist' },
  not_a_recipient: { kind: 'forbidden', zh: '本单位不在此次征求意见范围内', en: 'Your unit is not consulted here' },
  unit_account_required: { kind: 'forbidden', zh: '只有成员单位的账号可以反馈', en: 'Only a unit account can reply' },
  opinions_undecided: { kind: 'conflict', zh: '还有 {count} 条意见未处理，不能公开', en: '{count} opinions are still undecided' },
  notice_not_published: { kind: 'not_found', zh: '该征求意见的采纳情况尚未公开', en: 'This consultation’s outcome is not published' },
  notice_publish_conflict: {
    kind: 'conflict',
    zh: '采纳情况刚被同时公开，请刷新后再试',
    en: 'The notice was published by someone else at the same moment; reload and try again',
  },
  summary_too_long_for_docx: {
    kind: 'bad_request',
    zh: '意见共 {rows} 条，超过 Word 汇总表上限 {limit} 条，请导出 Excel 汇总表',
    en: "{rows} opinions exceed the Word summary's limit of {limit}; export the Excel summary",
  },

  // Replies and their seals.
  reply_not_found: { kind: 'not_found', zh: '反馈意见不存在', en: 'Reply not found' },
  draft_exists: { kind: 'conflict', zh: '本单位已有反馈草稿，请修改该草稿', en: 'Your unit already has a draft reply; edit it' },
  sealed_reply_exists: {
    kind: 'conflict',
    zh: '本单位已签发反馈；如需更改，请签发人先撤回',
    en: 'Your unit has sealed its reply; the signatory must withdraw it first',
  },
  reply_already_sealed: { kind: 'conflict', zh: '该反馈已签发，不能修改；如需更改请先撤回', en: 'This reply is already sealed; withdraw it to change it' },
  reply_withdrawn: { kind: 'conflict', zh: '该反馈已撤回', en: 'This reply has been withdrawn' },
  reply_not_draft: { kind: 'conflict', zh: '该反馈正在签发，已不是草稿', en: 'This reply is being sealed and is no longer a draft' },
  reply_not_sealed: { kind: 'conflict', zh: '只有已签发的反馈可以撤回', en: 'Only a sealed reply can be withdrawn' },
  withdraw_too_late: {
    kind: 'conflict',
    zh: '已过截止日期或征求意见已结束，不能撤回',
    en: 'Past the deadline or closed: the reply can no longer be withdrawn',
  },
  opinion_decided: { kind: 'conflict', zh: '办公室已处理其中的意见，不能撤回', en: 'The office has already decided some of its opinions' },
  signatory_required: { kind: 'forbidden', zh: '只有签发人可以签发', en: 'Only a signatory can seal' },
  seal_algorithm_invalid: { kind: 'invalid', zh: '签章算法须为 ed25519 或 sm2', en: 'The seal algorithm must be ed25519 or sm2' },
  seal_payload_malformed: {
    kind: 'internal',
    zh: '回复数据不完整或格式不对（{field}），无法生成签章内容',
    en: "The reply's data is incomplete or malformed ({field}), so its seal payload cannot be built",
  },
  reply_id_invalid: { kind: 'invalid', zh: '反馈编号须为数字', en: 'The reply id must be a number' },
  no_opinion_with_opinions: { kind: 'invalid', zh: '“无意见”的反馈不能同时提出意见', en: 'A “no opinion” reply cannot carry opinions' },
  reply_empty: { kind: 'invalid', zh: '请填写意见，或选择“无意见”', en: 'Add opinions, or reply “no opinion”' },
  opinion_item_unknown: { kind: 'invalid', zh: '第 {index} 条意见：条目 {item} 不存在', en: 'Opinion {index}: no item {item}' },
  opinion_span_without_quote: { kind: 'invalid', zh: '给出位置时须同时给出原文', en: 'A span needs its quote' },
  opinion_quote_mismatch: { kind: 'invalid', zh: '第 {index} 条意见：引用的原文与位置不符', en: 'Opinion {index}: the quote does not match its span' },
  opinion_quote_not_in_item: { kind: 'invalid', zh: '第 {index} 条意见：该条目中没有引用的原文', en: 'Opinion {index}: the quote is not in that item' },

  // Decisions on opinions.
  opinions_required: { kind: 'invalid', zh: '请选择意见', en: 'Choose opinions' },
  opinions_not_found: { kind: 'not_found', zh: '部分意见不存在', en: 'Some opinions do not exist' },
  opinion_not_in_consultation: {
    kind: 'invalid',
    zh: '部分意见不属于此次征求意见（{ids}）',
    en: 'Some opinions belong to another consultation ({ids})',
  },
  opinion_not_sealed: { kind: 'conflict', zh: '只能处理已签发反馈中的意见', en: 'Only opinions of sealed replies can be decided' },
  decision_reason_required: { kind: 'invalid', zh: '部分采纳或不采纳时须说明理由', en: 'Give a reason unless the opinion is adopted' },

  // Operations.
  backup_use_pg_dump: {
    kind: 'bad_request',
    zh: 'PostgreSQL 数据库请使用 pg_dump 备份，例如：pg_dump "$DATABASE_URL" > luoshi.sql',
    en: 'Back up PostgreSQL with pg_dump, e.g. pg_dump "$DATABASE_URL" > luoshi.sql',
  },
  file_exists: { kind: 'conflict', zh: '文件已存在：{file}', en: 'File already exists: {file}' },
} as const satisfies Record<string, ErrorEntry>;

/**
 * Messages that are not error codes of their own: the summary and the per-field issues a
 * `validation_failed` error lists in its details (a registry file's problems, for example).
 */
export const ISSUE_MESSAGES = {
  registry_invalid: { zh: '单位名录有 {count} 处错误', en: 'The unit registry has {count} error(s)' },
  registry_not_json: { zh: '单位名录不是有效的 JSON', en: 'The unit registry is not valid JSON' },
  json_syntax: { zh: 'JSON 语法错误：{detail}', en: '{detail}' },
  missing: { zh: '缺少此项', en: 'is missing' },
  wrong_type: { zh: '类型错误（应为 {expected}）', en: 'has the wrong type (expected {expected})' },
  empty: { zh: '不能为空', en: 'must not be empty' },
  too_big: { zh: '超出上限 {maximum}', en: 'exceeds the limit of {maximum}' },
  kind_invalid: { zh: '类型必须是 {kindsZh} 之一', en: 'kind must be one of {kindsEn}' },
  value_invalid: { zh: '取值无效，应为 {valuesZh}', en: 'must be {valuesEn}' },
  division_code_format: { zh: '行政区划代码应为 6 位数字', en: 'divisionCode must be 6 digits' },
  format_invalid: { zh: '格式错误', en: 'has an invalid format' },
  unknown_fields: { zh: '未知字段：{keysZh}', en: 'unknown field(s): {keysEn}' },
  code_charset: { zh: '代码“{code}”只能使用 ASCII 字母、数字和 . _ -（最长 64 位）', en: 'code "{code}" may only use ASCII letters, digits and . _ - (64 at most)' },
  code_duplicate: { zh: '代码“{code}”重复（与第 {first} 个单位）', en: 'duplicate code "{code}" (same as unit {first})' },
  alias_separator: { zh: '名称“{alias}”不能包含 、 ; 或换行', en: '"{alias}" must not contain 、 ; or a line break' },
  parent_missing: { zh: '上级代码“{parent}”不存在', en: 'parentCode "{parent}" is not a unit in this file' },
  parent_cycle: { zh: '上级关系形成循环', en: 'parentCode forms a cycle' },
} as const satisfies Record<string, { zh: string; en: string }>;
