import type { MessageTemplate } from './message';

/**
 * Every error code the API answers with, in both languages. The API sends `{ code, params }`
 * (its own `message` is the English text, for logs and scripts); the web shows these texts.
 * A code thrown anywhere in api/src without an entry here fails api-errors.spec.ts.
 */
export const API_ERRORS = {
  // generic, by HTTP status (the error filter's fallbacks)
  BAD_REQUEST: {
    zh: '请求有误，请检查后重试。',
    en: 'The request is not valid; check it and try again.',
  },
  UNAUTHORIZED: { zh: '请先登录。', en: 'Please sign in.' },
  FORBIDDEN: { zh: '无权访问。', en: 'You may not do this.' },
  NOT_FOUND: { zh: '未找到所请求的内容。', en: 'Not found.' },
  CONFLICT: {
    zh: '操作与当前状态冲突，请刷新后重试。',
    en: 'This conflicts with the current state; reload and try again.',
  },
  PAYLOAD_TOO_LARGE: {
    zh: '提交的内容过大。',
    en: 'What you sent is too large.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    zh: '不支持的内容类型。',
    en: 'This content type is not supported.',
  },
  UNPROCESSABLE: {
    zh: '提交的内容无法处理。',
    en: 'What you sent cannot be processed.',
  },
  TOO_MANY_REQUESTS: {
    zh: '请求过于频繁，请稍后再试。',
    en: 'Too many requests, please wait a moment.',
  },
  UNAVAILABLE: {
    zh: '服务暂不可用，请稍后再试。',
    en: 'The service is unavailable, please retry later.',
  },
  INTERNAL: {
    zh: '服务器内部错误，请稍后再试。',
    en: 'Internal server error, please retry later.',
  },
  INVALID_JSON: {
    zh: '请求内容不是有效的 JSON。',
    en: 'The request body is not valid JSON.',
  },
  VALIDATION_FAILED: {
    zh: '输入不合规：{fields}。',
    en: 'Invalid input: {fields}.',
  },
  ALREADY_EXISTS: {
    zh: '已存在相同标识的记录。',
    en: 'A record with the same key already exists.',
  },
  BAD_VALUE: {
    zh: '输入值过长或超出范围。',
    en: 'A value is too long or out of range.',
  },
  DATABASE_DOWN: {
    zh: '数据库暂不可用，请稍后再试。',
    en: 'The database is unavailable, please retry later.',
  },

  // sign-in and sessions
  INVALID_CREDENTIALS: {
    zh: '用户名或密码错误。',
    en: 'Wrong username or password.',
  },
  ACCOUNT_LOCKED: {
    zh: '连续登录失败次数过多，账户已临时锁定，请稍后再试。',
    en: 'Too many failed sign-ins: the account is locked for a while.',
  },
  ACCOUNT_DISABLED: {
    zh: '该账户已停用，请联系系统管理员。',
    en: 'This account is disabled; contact the administrator.',
  },
  TOKEN_EXPIRED: {
    zh: '登录已过期，请重新登录。',
    en: 'Your session expired, please sign in again.',
  },
  SESSION_ENDED: {
    zh: '会话已结束，请重新登录。',
    en: 'Your session ended, please sign in again.',
  },
  INVALID_TOKEN: {
    zh: '登录凭证无效，请重新登录。',
    en: 'Invalid session, please sign in again.',
  },
  UNAUTHENTICATED: { zh: '请先登录。', en: 'Please sign in.' },
  WRONG_PASSWORD: {
    zh: '当前密码不正确。',
    en: 'The current password is wrong.',
  },

  // access
  ROLE_FORBIDDEN: {
    zh: '您的角色无权执行该操作。',
    en: 'Your role may not do this.',
  },
  SCOPE_NOT_ALLOWED: {
    zh: '该机构不在您的数据范围内。',
    en: 'This unit is outside your scope.',
  },
  UNIT_NOT_FOUND: {
    zh: '该机构在本批次中没有结果，或不在您的查看范围内。',
    en: 'This unit has no result in the run, or you may not see it.',
  },
  BANK_NOT_FOUND: {
    zh: '该银行不存在，或不在您的查看范围内。',
    en: 'No such bank, or you may not see it.',
  },

  // users
  USERNAME_TAKEN: {
    zh: '用户名“{username}”已被使用。',
    en: 'The username "{username}" is taken.',
  },
  WEAK_PASSWORD: {
    zh: '密码不符合规则（至少 10 位，包含字母和数字，不含用户名）。',
    en: 'The password breaks the rules (10+ characters, letters and digits, not the username).',
  },
  CANNOT_DISABLE_SELF: {
    zh: '不能停用自己的账户。',
    en: 'You cannot disable your own account.',
  },
  LAST_ADMIN: {
    zh: '不能停用最后一个有效的管理员账户。',
    en: 'The last active administrator cannot be disabled.',
  },
  USER_NOT_FOUND: { zh: '用户不存在。', en: 'User not found.' },
  BANK_REQUIRED: {
    zh: '总行用户须指定所属银行（不指定机构）。',
    en: 'A bank head-office user needs a bank (and no unit).',
  },
  UNIT_REQUIRED: {
    zh: '分支机构用户须指定所属机构。',
    en: 'A branch user needs a unit.',
  },
  UNKNOWN_BANK: {
    zh: '银行“{bankCode}”不存在（尚未导入）。',
    en: 'Bank "{bankCode}" does not exist (not imported).',
  },
  UNKNOWN_UNIT: {
    zh: '机构“{unitCode}”不存在（尚未导入）。',
    en: 'Unit "{unitCode}" does not exist (not imported).',
  },
  BANK_MISMATCH: {
    zh: '机构“{unitCode}”属于银行“{unitBank}”，不属于“{bankCode}”。',
    en: 'Unit "{unitCode}" belongs to bank "{unitBank}", not "{bankCode}".',
  },

  // runs and periods
  PERIOD_INVALID: {
    zh: '报告期格式应为 2025Q4。',
    en: 'A period looks like 2025Q4.',
  },
  PERIOD_REQUIRED: {
    zh: '请指定报告期（如 2025Q4）或评估批次。',
    en: 'Give a period (e.g. 2025Q4) or a run.',
  },
  PERIOD_NO_DATA: {
    zh: '报告期 {period} 没有贷款数据，请先导入。',
    en: 'Period {period} has no loan data; import it first.',
  },
  NO_PUBLISHED_RUN: {
    zh: '报告期 {period} 尚无已发布的评估批次。',
    en: 'Period {period} has no published run yet.',
  },
  DRAFT_PUBLISHED: {
    zh: '草案 {id} 已发布为第 {version} 版，不能再修改；请以它为基础新建草案。',
    en: 'Draft {id} was published as version {version}; start a new draft from it.',
  },
  DRAFT_NOT_FOUND: {
    zh: '方案草案 {id} 不存在。',
    en: 'Scheme draft {id} does not exist.',
  },
  IMPORT_LOCKED: {
    zh: '另一个导入正在进行（数据库写入被占用）；请在其完成后重新提交。',
    en: 'Another import is in progress (the database is locked for writing); send this one again when that one has finished.',
  },
  CERTIFICATION_LIST_NOT_PUBLISHED: {
    zh: '{year} 年度认定名单尚未发布。',
    en: 'The certification list of {year} is not published yet.',
  },
  BAD_BODY: {
    zh: '请求内容无法读取（JSON 格式有误）。',
    en: 'The request body could not be read (malformed JSON).',
  },
  SHUTTING_DOWN: {
    zh: '服务器正在停止，请稍后重试。',
    en: 'This server is shutting down; try again in a moment.',
  },
  MIGRATIONS_PENDING: {
    zh: '数据库结构尚未升级完成，请稍后再试。',
    en: 'The database schema is not fully migrated yet; try again shortly.',
  },
  SIGNALS_NOT_COMPUTED: {
    zh: '评估批次 {id} 尚未计算数据异常信号，请重新计算。',
    en: 'Run {id} has no integrity signals computed yet; recompute them.',
  },
  CANNOT_RESET_SELF: {
    zh: '不能在此重置自己的密码，请用当前密码修改。',
    en: 'You cannot reset your own password here; change it with your current one.',
  },
  ACCOUNT_ROLE_FORBIDDEN: {
    zh: '您无权管理角色为 {role} 的账号：管理员管理银行总行与分支机构账号，监管员管理监管员与管理员账号。',
    en: 'You may not manage a {role} account: admins manage bank HQ and branch accounts, regulators manage regulator and admin accounts.',
  },
  RUN_NOT_FOUND: {
    zh: '评估批次 {id} 不存在。',
    en: 'Run {id} does not exist.',
  },
  RUN_NOT_SUCCEEDED: {
    zh: '评估批次 {id} 未成功完成，不能发布或比较。',
    en: 'Run {id} did not succeed: it cannot be published or compared.',
  },
  RUN_IN_PROGRESS: {
    zh: '报告期 {period} 已有评估正在运行，请等待其完成。',
    en: 'A run of {period} is in progress; wait for it to finish.',
  },
  SCHEME_ID_REQUIRED: {
    zh: '指定方案版本时须同时指定方案。',
    en: 'A scheme version needs a scheme.',
  },

  // schemes
  SCHEME_NOT_FOUND: { zh: '评估方案不存在。', en: 'Scheme not found.' },
  SCHEME_INVALID: {
    zh: '方案参数校验未通过。',
    en: 'The scheme parameters are invalid.',
  },
  SCHEME_VERSION_CONFLICT: {
    zh: '同时有另一个版本被创建，请重试。',
    en: 'Another version was created at the same time; try again.',
  },

  // imports and uploads
  NO_FILES: {
    zh: '请选择要上传的文件（.csv、.xlsx 或 .zip）。',
    en: 'Choose one or more files (.csv, .xlsx or .zip).',
  },
  UNSUPPORTED_FILE_TYPE: {
    zh: '“{file}”不是 CSV、XLSX 或 ZIP 文件。',
    en: '"{file}" is not a CSV, XLSX or ZIP file.',
  },
  BAD_FILE_NAME: {
    zh: '文件名不能包含路径或控制字符。',
    en: 'A file name must not contain a path or control characters.',
  },
  IMPORT_NOT_FOUND: { zh: '导入批次不存在。', en: 'Import batch not found.' },
  IMPORT_DIR_NOT_FOUND: {
    zh: '导入目录不存在或不可读。',
    en: 'The import folder does not exist or cannot be read.',
  },

  // certification
  YEAR_INVALID: {
    zh: '年度应为 {min} 至 {max} 之间的四位数字。',
    en: 'A year is four digits from {min} to {max}.',
  },
  EXERCISE_NOT_FOUND: {
    zh: '{year} 年度尚未开启认定工作。',
    en: 'There is no certification exercise for {year}.',
  },
  EXERCISE_EXISTS: {
    zh: '{year} 年度的认定工作已存在。',
    en: 'The certification exercise of {year} already exists.',
  },
  EXERCISE_STATE: {
    zh: '{year} 年度认定工作当前所处阶段不允许该操作，请刷新后重试。',
    en: 'The certification exercise of {year} is not at a step that allows this; reload and try again.',
  },
  WINDOW_CLOSED: {
    zh: '{year} 年度申报窗口未开放。',
    en: 'The application window of {year} is not open.',
  },
  APPLICATION_LEVEL: {
    zh: '{unitCode} 不能申报：仅市级分行和支行可申报认定。',
    en: '{unitCode} cannot apply: only city branches and sub-branches apply for certification.',
  },
  APPLICATION_EXISTS: {
    zh: '{unitCode} 已有 {year} 年度申请，请先撤回再重新提交。',
    en: '{unitCode} already has an application for {year}; withdraw it first to submit a new one.',
  },
  APPLICATION_NOT_FOUND: {
    zh: '{unitCode} 没有 {year} 年度的申请。',
    en: '{unitCode} has no application for {year}.',
  },
  EVALUATION_NOT_FOUND: {
    zh: '{year} 年度没有该机构的认定评价（或不在您的查看范围内）。',
    en: 'No evaluation of this unit for {year} among the units you may see.',
  },
  NOT_EVALUATED: {
    zh: '{year} 年度尚未进行认定评价。',
    en: 'The exercise of {year} has not been evaluated yet.',
  },
  DECISIONS_EXIST: {
    zh: '{year} 年度已录入 {n} 项认定决定，重新评价会改变其依据。',
    en: '{year} already has {n} decision(s); a new evaluation would change what they decided on.',
  },
  DECISIONS_PENDING: {
    zh: '{year} 年度还有 {n} 家已评价机构未作决定，请先逐一决定再发布。',
    en: '{n} evaluated unit(s) of {year} have no decision yet; decide them before publishing.',
  },
  PREVIOUS_NOT_PUBLISHED: {
    zh: '请先发布 {prev} 年度认定名单：上一年的决定决定了哪些机构已获认定。',
    en: 'Publish the list of {prev} first: its decisions say which units were certified the year before.',
  },
  PREVIOUS_RUN_FAILED: {
    zh: '为两年规则评估 {period} 失败。',
    en: 'Scoring {period} for the two-year rule failed.',
  },
  REASON_REQUIRED: {
    zh: '请填写该决定的理由。',
    en: 'Give a reason for this decision.',
  },
} as const satisfies Record<string, MessageTemplate>;

export type ApiErrorCode = keyof typeof API_ERRORS;
