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
  password_change_required: {
    kind: 'forbidden',
    zh: '该账号的密码由管理员设置，请先修改密码再进行其他操作',
    en: 'This account’s password was set by an administrator: change it before doing anything else',
  },
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
  // Registers (专项台账): cell-level problems are listed per row; file-level ones refuse the upload.
  cell_required: { kind: 'invalid', zh: '必填项不能为空', en: 'A value is required' },
  cell_too_long: { kind: 'invalid', zh: '内容过长（最多 {max} 个字符）', en: 'Too long (at most {max} characters)' },
  cell_pattern_mismatch: { kind: 'invalid', zh: '格式不符合要求', en: 'Does not match the required format' },
  cell_not_number: { kind: 'invalid', zh: '应为数字', en: 'Must be a number' },
  cell_not_integer: { kind: 'invalid', zh: '应为整数', en: 'Must be a whole number' },
  cell_below_min: { kind: 'invalid', zh: '不能小于 {min}', en: 'Must be at least {min}' },
  cell_above_max: { kind: 'invalid', zh: '不能大于 {max}', en: 'Must be at most {max}' },
  cell_not_date: { kind: 'invalid', zh: '应为日期，如 2021-03-15', en: 'Must be a date such as 2021-03-15' },
  cell_date_out_of_range: { kind: 'invalid', zh: '年份应在 {min}–{max} 之间', en: 'The year must be between {min} and {max}' },
  cell_not_in_list: { kind: 'invalid', zh: '应为下列之一：{values}', en: 'Must be one of: {values}' },
  cell_not_boolean: { kind: 'invalid', zh: '应为“是”或“否”', en: 'Must be 是 (yes) or 否 (no)' },
  cell_unknown_prefecture: { kind: 'invalid', zh: '不是湖南省的市州名称', en: 'Not the name of a prefecture (市州) in the registry' },
  cell_unknown_county: { kind: 'invalid', zh: '不是湖南省的县市区名称', en: 'Not the name of a county (县市区) in the registry' },
  cell_county_outside_prefecture: { kind: 'invalid', zh: '该县市区不属于{prefecture}', en: 'This county is not in {prefecture}' },
  cell_unknown_field: { kind: 'invalid', zh: '台账没有字段「{field}」', en: 'The register has no field "{field}"' },
  cell_formula_without_value: { kind: 'invalid', zh: '公式单元格没有计算结果，请在 Excel 中重新计算并保存后再导入', en: 'A formula cell without a computed value; recalculate and save in Excel, then import again' },
  cell_error_value: { kind: 'invalid', zh: '单元格是错误值（{error}）', en: 'The cell holds an error value ({error})' },
  row_duplicate_key: { kind: 'invalid', zh: '与第 {row} 行的唯一键（{key}）重复', en: 'Same unique key ({key}) as row {row}' },
  row_out_of_region: { kind: 'forbidden', zh: '无权填报本地区以外的行', en: 'You may only write rows of your own region' },
  register_filter_not_range: { kind: 'invalid', zh: '字段「{field}」不是日期或数字，不能按范围筛选', en: 'Field "{field}" is not a date or a number: it cannot be filtered by range' },
  register_filter_bad_bound: { kind: 'invalid', zh: '字段「{field}」的范围值「{value}」无效', en: 'Field "{field}": "{value}" is not a valid bound' },
  figures_unknown_region: { kind: 'invalid', zh: '没有这个地区（应为湖南省、市州或县市区名称）', en: 'No region is called this (give 湖南省, a prefecture or a county)' },
  figures_bad_period: { kind: 'invalid', zh: '期间应为年份（2021）、季度（2021-Q3）或月份（2021-07）', en: 'The period must be a year (2021), a quarter (2021-Q3) or a month (2021-07)' },
  figures_duplicate_line: { kind: 'invalid', zh: '与第 {row} 行重复', en: 'Same as row {row}' },
  figures_unknown_row: { kind: 'invalid', zh: '台账中没有这个编号的行', en: 'The register has no row with this number' },
  register_rollup_feeds_unknown: { kind: 'invalid', zh: '汇总规则「{rule}」关联的指标 {feeds} 不存在（或本身是台账汇总指标）', en: 'Roll-up "{rule}": the indicator it feeds ({feeds}) does not exist (or is itself a register roll-up)' },
  row_out_of_region_changed: {
    kind: 'forbidden',
    zh: '该行属于{region}，与台账中的数据不同；只能修改本地区的行（其他地区未改动的行可原样留在文件中）',
    en: 'This row belongs to {region} and differs from the register; you may only change rows of your own region (unchanged rows of other regions may stay in the file)',
  },
  register_not_found: { kind: 'not_found', zh: '台账不存在', en: 'Register not found' },
  register_row_not_found: { kind: 'not_found', zh: '台账行不存在', en: 'Register row not found' },
  register_key_taken: { kind: 'conflict', zh: '唯一键（{key}）已被另一行使用', en: 'Another row already has the unique key ({key})' },
  register_row_changed: { kind: 'conflict', zh: '该行已被他人修改，请刷新后重试', en: 'Someone else changed this row; reload and try again' },
  register_row_invalid: { kind: 'invalid', zh: '填写有误：{issues}', en: 'Invalid values: {issues}' },
  register_definition_invalid: { kind: 'invalid', zh: '台账定义有误：{issues}', en: 'Invalid register definition: {issues}' },
  register_key_exists: { kind: 'conflict', zh: '台账标识 {key} 已存在', en: 'A register with key {key} already exists' },
  xlsx_not_xlsx: { kind: 'unsupported', zh: '文件不是 Excel 工作簿（.xlsx）', en: 'The file is not an Excel workbook (.xlsx)' },
  xlsx_too_large: { kind: 'too_large', zh: '文件过大（上限 {limit} MB）', en: 'The file is too large (limit {limit} MB)' },
  xlsx_zip_bomb: { kind: 'too_large', zh: '文件解压后过大或压缩比异常（{detail}），已拒绝', en: 'The file expands too much when unpacked ({detail}); refused' },
  xlsx_unreadable: { kind: 'invalid', zh: '无法读取工作簿：{detail}', en: 'The workbook cannot be read: {detail}' },
  xlsx_no_sheet: { kind: 'invalid', zh: '工作簿中没有可见的工作表', en: 'The workbook has no visible worksheet' },
  xlsx_hidden_sheet: { kind: 'invalid', zh: '工作簿含隐藏工作表「{sheet}」：请取消隐藏并确认其内容，或删除后再导入', en: 'The workbook has a hidden sheet "{sheet}": unhide and check it, or delete it, then import again' },
  xlsx_merged_cells: { kind: 'invalid', zh: '工作表「{sheet}」含合并单元格（{cells}）：请取消合并并在每个单元格填写数值后再导入', en: 'Sheet "{sheet}" has merged cells ({cells}): unmerge them and fill every cell, then import again' },
  xlsx_empty_sheet: { kind: 'invalid', zh: '工作表「{sheet}」没有数据行（第 1 行为表头，数据从第 2 行开始）', en: 'Sheet "{sheet}" has no data rows (row 1 is the header; data starts in row 2)' },
  xlsx_too_many_rows: { kind: 'too_large', zh: '文件的数据行超过 {max} 行，请拆分为多个文件分别导入', en: 'The file has more than {max} data rows; split it into several files' },
  xlsx_missing_columns: { kind: 'invalid', zh: '表头缺少必填列：{columns}（请使用台账模板）', en: 'The header lacks required columns: {columns} (use the register template)' },
  xlsx_duplicate_columns: { kind: 'invalid', zh: '表头列重复：{columns}', en: 'Columns appear twice in the header: {columns}' },
  evaluation_not_found: { kind: 'not_found', zh: '评估不存在', en: 'Evaluation not found' },
  evaluation_exists: { kind: 'conflict', zh: '{year} 年度评估已存在', en: 'The {year} evaluation already exists' },
  evaluation_not_supported: { kind: 'invalid', zh: '该台账未设置年度评估', en: 'This register has no annual evaluation' },
  evaluation_not_open: { kind: 'conflict', zh: '评估已确认，不能再修改评分', en: 'The evaluation is confirmed; scores can no longer change' },
  evaluation_not_confirmed: { kind: 'conflict', zh: '评估须先经办公室确认才能公布', en: 'The office must confirm the evaluation before it is published' },
  evaluation_incomplete: { kind: 'conflict', zh: '还有 {count} 个对象未评分', en: '{count} rows have no score yet' },
  evaluation_bad_scores: { kind: 'invalid', zh: '评分有误：{detail}', en: 'Invalid scores: {detail}' },
  indicator_not_found: { kind: 'not_found', zh: '指标不存在', en: 'Indicator not found' },
  snapshot_not_found: { kind: 'not_found', zh: '公开版本不存在', en: 'Published snapshot not found' },
  plan_not_public: { kind: 'not_found', zh: '该工作要点的进展未公开', en: "This plan's progress is not public" },
  response_invalid: { kind: 'internal', zh: '服务器响应不符合接口约定，请联系管理员', en: 'The server answered outside its API contract; please tell the administrator' },
  internal: { kind: 'internal', zh: '服务器内部错误，请稍后再试', en: 'Internal server error; please try again later' },

  // Task ledger, dispatch and supervision (issue 7).
  plan_not_parsed: { kind: 'conflict', zh: '计划版本 {version} 不存在或尚未解析', en: 'Plan version {version} does not exist or has not been parsed' },
  plan_has_reports: {
    kind: 'conflict',
    zh: '以下任务已有报送，新版本会改变它们：{tasks}。请先拆分或另增任务，不能静默修改已报送的任务',
    en: 'These tasks already have reports and the new version would change them: {tasks}. Split or add tasks instead; reported tasks cannot change silently',
  },
  plan_not_published: { kind: 'conflict', zh: '计划尚未印发，请先印发', en: 'The plan has not been published yet' },
  task_not_found: { kind: 'not_found', zh: '任务不存在', en: 'Task not found' },
  task_closed: { kind: 'conflict', zh: '任务已销号', en: 'The task is closed' },
  task_not_finished: {
    kind: 'conflict',
    zh: '任务尚无完成依据（最近审核通过的进度 {percent}%，且无佐证材料），不能销号；请待牵头单位报送完成情况并审核通过，或先上传佐证材料',
    en: 'Nothing shows the task finished (last accepted progress {percent}%, no evidence), so it cannot be closed; accept a report at 100% from the lead unit, or attach evidence first',
  },
  task_open: { kind: 'conflict', zh: '任务未销号，无需恢复', en: 'The task is not closed' },
  task_has_reports: { kind: 'conflict', zh: '任务已有报送，不能拆分或合并', en: 'The task already has reports; it cannot be split or merged' },
  task_not_splittable: { kind: 'invalid', zh: '该任务只有一个条款，无法按条款拆分', en: 'This task has only one clause; there is nothing to split' },
  not_responsible: { kind: 'forbidden', zh: '本单位不是该任务的责任单位', en: 'Your unit is not responsible for this task' },
  already_acknowledged: { kind: 'conflict', zh: '本单位已签收该任务', en: 'Your unit has already acknowledged this task' },
  round_not_found: { kind: 'not_found', zh: '调度轮次不存在', en: 'Reporting round not found' },
  round_exists: { kind: 'conflict', zh: '该期间的调度已存在', en: 'A round for this period already exists' },
  round_not_recurring: {
    kind: 'conflict',
    zh: '“{title}”是一次性调度，没有下一期；请新开一轮调度',
    en: '“{title}” is a one-off round and has no next period; open a new round instead',
  },
  round_dates_invalid: { kind: 'invalid', zh: '调度期间或截止日期有误：{detail}', en: 'The round period or due date is wrong: {detail}' },
  task_not_in_round: { kind: 'conflict', zh: '该任务不在本轮调度范围内', en: 'This task is not part of the round' },
  report_not_found: { kind: 'not_found', zh: '报送不存在', en: 'Report not found' },
  report_not_draft: { kind: 'conflict', zh: '报送已提交（{status}），不能修改', en: 'The report has been submitted ({status}) and cannot be changed' },
  report_not_submitted: { kind: 'conflict', zh: '只能复核已提交的报送（当前：{status}）', en: 'Only a submitted report can be reviewed (it is {status})' },
  report_return_needs_comment: { kind: 'invalid', zh: '退回报送须说明理由', en: 'A returned report needs a comment' },
  indicator_not_of_task: { kind: 'invalid', zh: '指标 {indicatorId} 不属于该任务', en: 'Indicator {indicatorId} does not belong to this task' },
  indicator_without_target: { kind: 'conflict', zh: '该指标没有目标值，无法分解', en: 'This indicator has no target to allocate' },
  over_allocated: {
    kind: 'conflict',
    zh: '分解合计 {allocated} 超过可分解总量 {target}（超出 {excess}），请调减后再保存',
    en: 'The allocations add up to {allocated}, more than the {target} available (by {excess}); reduce them and save again',
  },
  allocation_below_suballocated: {
    kind: 'conflict',
    zh: '{unit} 已向下分解 {suballocated}，分配给它的数量（{value}）不能少于此数；未填写的单位按 0 计',
    en: '{unit} has already passed {suballocated} down to its units; its allocation ({value}) cannot be lower (a unit left out counts as 0)',
  },
  allocation_outside_jurisdiction: { kind: 'forbidden', zh: '只能分解给本级直接下辖的单位：{unit} 不在其列', en: 'Allocations go to the units directly below you; {unit} is not one of them' },
  no_allocation: { kind: 'conflict', zh: '本级尚未分得该指标，无法向下分解', en: 'Your level has no allocation of this indicator to pass down' },
  notice_not_found: { kind: 'not_found', zh: '督办单不存在', en: 'Notice not found' },
  notice_closed: { kind: 'conflict', zh: '督办单已办结', en: 'The notice is closed' },
  notice_answered: { kind: 'conflict', zh: '督办单已答复', en: 'The notice has already been answered' },
  attachment_not_found: { kind: 'not_found', zh: '附件不存在', en: 'Attachment not found' },
  attachment_type: {
    kind: 'unsupported',
    zh: '附件类型不支持：仅限 PDF、图片（PNG、JPEG、GIF、WebP）和 Office 文件（doc、docx、xls、xlsx、ppt、pptx、wps）',
    en: 'Unsupported attachment: PDF, images (PNG, JPEG, GIF, WebP) and office files (doc, docx, xls, xlsx, ppt, pptx, wps) only',
  },
  attachment_too_large: { kind: 'too_large', zh: '附件超过 {limit} MB 上限', en: 'The attachment is larger than the {limit} MB limit' },
  attachment_missing: { kind: 'bad_request', zh: '请选择要上传的文件（表单字段 file）', en: 'Choose a file to upload (form field file)' },
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
  division_unknown: {
    kind: 'not_found',
    zh: '未知的市州或县市区行政区划代码：{code}',
    en: 'Unknown prefecture or county division code: {code}',
  },

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
  warning_not_found: { kind: 'not_found', zh: '该解析提示不存在（可能已在重新解析后消失）', en: 'No such parser warning (it may have gone with a re-parse)' },
  warning_already_checked: { kind: 'conflict', zh: '该提示已被标记为已核对', en: 'This warning is already marked as checked' },
  warning_not_checked: { kind: 'conflict', zh: '该提示尚未标记为已核对', en: 'This warning is not marked as checked' },
  quote_not_lost: { kind: 'invalid', zh: '该意见引用的原文在此版本中仍然存在', en: 'The passage this opinion quotes still exists in this version' },
  quote_already_resolved: { kind: 'conflict', zh: '该意见的原文缺失提示已处理', en: 'The lost quote of this opinion is already resolved' },
  quote_not_acknowledged: { kind: 'conflict', zh: '该意见的原文缺失提示未被确认，无法撤销', en: 'The lost quote of this opinion was not acknowledged; there is nothing to undo' },
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
  reply_submitted: { kind: 'conflict', zh: '该反馈已提交签发，等待签发人处理；如需修改请签发人退回', en: 'This reply has been submitted for sealing; the signatory must return it before you can edit it' },
  reply_not_submitted: { kind: 'conflict', zh: '该反馈尚未提交签发，无需退回', en: 'This reply has not been submitted for sealing, so there is nothing to return' },
  return_comment_required: { kind: 'invalid', zh: '退回时请写明退回理由', en: 'Say why the reply goes back' },
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
  registry_invalid: { zh: '单位名录有 {count} 处错误', en: 'Errors in the unit registry: {count}' },
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
  unknown_fields: { zh: '未知字段：{keysZh}', en: 'unknown fields: {keysEn}' },
  code_charset: { zh: '代码“{code}”只能使用 ASCII 字母、数字和 . _ -（最长 64 位）', en: 'code "{code}" may only use ASCII letters, digits and . _ - (64 at most)' },
  code_duplicate: { zh: '代码“{code}”重复（与第 {first} 个单位）', en: 'duplicate code "{code}" (same as unit {first})' },
  alias_separator: { zh: '名称“{alias}”不能包含 、 ; 或换行', en: '"{alias}" must not contain 、 ; or a line break' },
  parent_missing: { zh: '上级代码“{parent}”不存在', en: 'parentCode "{parent}" is not a unit in this file' },
  parent_cycle: { zh: '上级关系形成循环', en: 'parentCode forms a cycle' },
} as const satisfies Record<string, { zh: string; en: string }>;
