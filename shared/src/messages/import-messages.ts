/**
 * The import's messages in both languages, by stable code (issue 15's rule: every user-visible
 * message in zh-CN and English). The API stores `code` + `params` with each error and keeps the
 * English text in `message` (the CLI prints it; older clients read it); the web renders the
 * template of the UI language. `{name}` placeholders are filled from params.
 */
export const IMPORT_MESSAGES = {
  NOT_UTF8: {
    en: 'the file is not UTF-8 (invalid byte at offset {offset}); save it as UTF-8 CSV',
    zh: '文件不是 UTF-8 编码（偏移 {offset} 处的字节无效）；请另存为 UTF-8 编码的 CSV',
  },
  GB18030: {
    en:
      'the file is not UTF-8: it looks like GB18030/GBK (what Excel saves as "CSV" on Chinese Windows; first such byte at offset {offset}); ' +
      'in Excel use Save As → "CSV UTF-8 (Comma delimited)", or in WPS/LibreOffice choose the UTF-8 encoding',
    zh: '文件不是 UTF-8 编码，看起来是 GB18030/GBK（中文 Windows 上 Excel 另存为“CSV”的默认编码；首个此类字节在偏移 {offset}）；请在 Excel 中“另存为”→“CSV UTF-8（逗号分隔）”，或在 WPS/LibreOffice 中选择 UTF-8 编码',
  },
  CONTROL_CHARACTER: {
    en: 'holds the control character {what} ({hex}) at character {at}; fields must not contain control characters',
    zh: '第 {at} 个字符是控制字符 {what}（{hex}）；字段中不允许出现控制字符（如换行、制表符、NUL）',
  },
  FILE_EMPTY: { en: 'the file is empty (expected a header line)', zh: '文件为空（第一行应为表头）' },
  ZIP_EMPTY: { en: 'the zip archive is empty (expected {expected} inside)', zh: 'zip 压缩包是空的（应包含 {expected}）' },
  NOT_ZIP: { en: 'not a zip archive', zh: '不是 zip 压缩包' },
  ZIP_TOO_LARGE: {
    en: 'the archive unpacks to {size}, more than the limit of {limit}; split it into several imports',
    zh: '压缩包解压后为 {size}，超过上限 {limit}；请拆分为多次导入',
  },
  ZIP_BOMB: {
    en: 'the entry unpacks {ratio} times its packed size (limit {limit}×): refused as a zip bomb',
    zh: '该文件解压后是压缩大小的 {ratio} 倍（上限 {limit} 倍），按压缩炸弹拒绝',
  },
  XLS_UNSUPPORTED: {
    en: 'an Excel 97-2003 workbook (.xls) is not supported: save it as Excel Workbook (.xlsx) or as CSV UTF-8',
    zh: '不支持 Excel 97-2003 工作簿（.xls）：请另存为 Excel 工作簿（.xlsx）或 CSV UTF-8',
  },
  ODS_UNSUPPORTED: {
    en: 'an OpenDocument spreadsheet (.ods) is not supported: save it as Excel Workbook (.xlsx) or as CSV UTF-8',
    zh: '不支持 OpenDocument 电子表格（.ods）：请另存为 Excel 工作簿（.xlsx）或 CSV UTF-8',
  },
  UNSUPPORTED_TYPE: { en: 'unsupported file type (expected .csv, .xlsx or .zip)', zh: '不支持的文件类型（应为 .csv、.xlsx 或 .zip）' },
  CELL_NUMBER_CODE: {
    en: 'the cell is a number ({value}), so the code lost digits or leading zeros; format the column as text and enter the codes again',
    zh: '该单元格是数字（{value}），代码已丢失位数或前导零；请将该列设置为“文本”格式后重新录入代码',
  },
  CELL_PERCENT_NOT_RATE: {
    en: 'the cell is formatted as a percent ({value} %), but {column} is not a rate; enter the plain number',
    zh: '该单元格为百分比格式（{value} %），但 {column} 不是利率列；请填写普通数字',
  },
  FORMULA_NO_RESULT: {
    en: 'a formula without a saved result; open and save the workbook in Excel, or paste values',
    zh: '公式没有保存的计算结果；请在 Excel 中打开并保存该工作簿，或粘贴为数值',
  },
  UNKNOWN_UNIT_CODE: {
    en: 'unknown unit {code} (not in institutions of this import or the database)',
    zh: '未知机构 {code}（本次导入的 institutions 和数据库中都没有）',
  },
  UNKNOWN_ENTERPRISE: {
    en: 'unknown enterprise {uscc} (not in enterprises of this import or the database)',
    zh: '未知企业 {uscc}（本次导入的 enterprises 和数据库中都没有）',
  },
  LOAN_ON_HEAD: {
    en: '{code} is a head unit; loans are booked on city or outlet units',
    zh: '{code} 是总部级机构；贷款应记在市级或网点机构上',
  },
  IMPORT_IN_PROGRESS: {
    en: 'another import is in progress (batch {batch}, {holder}); this one was not started: send it again when that one has finished',
    zh: '另一个导入正在进行（批次 {batch}，{holder}）；本次导入未开始：请在其完成后重新提交',
  },
  IMPORT_INTERRUPTED: {
    en: 'the import was interrupted: its process ({holder}) stopped; nothing was stored',
    zh: '导入被中断：执行它的进程（{holder}）已停止；未存储任何数据',
  },
  // field-level errors (api/src/import/validate/fields.ts, uscc.ts); {value} is the cell as
  // shown in the file, quoted, or "empty"
  FIELD_REQUIRED: { en: 'is required', zh: '必填' },
  FIELD_TOO_LONG: { en: 'is {length} characters long (at most {max})', zh: '长度为 {length} 个字符（最多 {max} 个）' },
  FIELD_NOT_UNIT_CODE: {
    en: '{value} is not a unit code (1-32 characters A-Z a-z 0-9 _ -)',
    zh: '{value} 不是机构代码（1-32 个字符，限 A-Z a-z 0-9 _ -）',
  },
  FIELD_NOT_REGION: { en: '{value} is not a 6-digit division code (e.g. 370100)', zh: '{value} 不是 6 位行政区划代码（如 370100）' },
  FIELD_NOT_INDUSTRY: {
    en: '{value} is not a GB/T 4754 industry code (letter + digits, e.g. C3562)',
    zh: '{value} 不是 GB/T 4754 行业代码（字母加数字，如 C3562）',
  },
  FIELD_NOT_FLAG: { en: '{value} is not a flag (Y or N)', zh: '{value} 不是标志值（应为 Y 或 N）' },
  FIELD_NOT_ONE_OF: { en: '{value} is not one of {allowed}', zh: '{value} 不在允许值 {allowed} 之中' },
  FIELD_NOT_DATE: { en: '{value} is not a date (YYYY-MM-DD)', zh: '{value} 不是日期（格式 YYYY-MM-DD）' },
  FIELD_NOT_CALENDAR_DATE: { en: '{value} is not a calendar date', zh: '{value} 不是日历上存在的日期' },
  FIELD_NOT_PERIOD: { en: '{value} is not a period (YYYYQn, e.g. 2025Q4)', zh: '{value} 不是报告期（格式 YYYYQn，如 2025Q4）' },
  FIELD_NOT_YEAR: { en: '{value} is not a year (4 digits)', zh: '{value} 不是年份（4 位数字）' },
  FIELD_NOT_WHOLE_NUMBER: { en: '{value} is not a whole number', zh: '{value} 不是整数' },
  FIELD_NEGATIVE: { en: '{value} is negative (must be >= 0)', zh: '{value} 是负数（应 >= 0）' },
  FIELD_TOO_LARGE: { en: '{value} is too large', zh: '{value} 过大' },
  FIELD_TOO_MANY_DECIMALS: { en: '{value} has more than {scale} decimals', zh: '{value} 的小数超过 {scale} 位' },
  FIELD_NOT_MONEY: {
    en: '{value} is not an amount in yuan (at most 2 decimals, no separators)',
    zh: '{value} 不是以元为单位的金额（最多 2 位小数，不含千分位分隔符）',
  },
  FIELD_NOT_RATE: { en: '{value} is not a rate in percent (at most 4 decimals)', zh: '{value} 不是百分比利率（最多 4 位小数）' },
  FIELD_NOT_SCORE: { en: '{value} is not a score (0-100, at most 2 decimals)', zh: '{value} 不是评分（0-100，最多 2 位小数）' },
  USCC_LENGTH: {
    en: '"{uscc}" is not a unified social credit code (18 characters expected, got {length})',
    zh: '“{uscc}”不是统一社会信用代码（应为 18 个字符，实为 {length} 个）',
  },
  USCC_CHARACTER: {
    en: '"{uscc}" is not a unified social credit code (character {at} "{char}" is not allowed; digits and upper-case letters except I, O, Z, S, V)',
    zh: '“{uscc}”不是统一社会信用代码（第 {at} 个字符“{char}”不允许；只能是数字和除 I、O、Z、S、V 外的大写字母）',
  },
  USCC_CHECK_CHARACTER: {
    en: '"{uscc}" has a wrong check character "{char}" (GB 32100-2015 gives "{expected}")',
    zh: '“{uscc}”的校验码“{char}”错误（按 GB 32100-2015 应为“{expected}”）',
  },
  // header and row shape (read-table.ts)
  HEADER_COLUMN_NO_NAME: { en: 'column {index} of the header has no name', zh: '表头第 {index} 列没有列名' },
  HEADER_COLUMN_TWICE: { en: 'column given twice in the header', zh: '该列在表头中出现了两次' },
  HEADER_COLUMN_CASE: {
    en: 'unknown column (column names are exact and lower case: "{hint}")',
    zh: '未知列（列名须完全一致且为小写：“{hint}”）',
  },
  HEADER_COLUMN_UNKNOWN: { en: 'unknown column (expected {expected})', zh: '未知列（应为 {expected}）' },
  HEADER_COLUMN_MISSING: { en: 'missing column', zh: '缺少该列' },
  ROW_FIELD_COUNT: { en: 'the row has {fields} fields, the header has {width}', zh: '该行有 {fields} 个字段，表头有 {width} 个' },
  FILE_UNREADABLE: { en: 'cannot read the file here: {detail}', zh: '文件在此处无法读取：{detail}' },
  // duplicate keys within a file
  DUPLICATE_UNIT: { en: 'duplicate unit {code} (first at line {line})', zh: '机构 {code} 重复（首次出现在第 {line} 行）' },
  DUPLICATE_ENTERPRISE: { en: 'duplicate enterprise {uscc} (first at line {line})', zh: '企业 {uscc} 重复（首次出现在第 {line} 行）' },
  DUPLICATE_LISTING: {
    en: 'duplicate listing ({uscc}, {kind}, {validFrom}) (first at line {line})',
    zh: '资质认定（{uscc}，{kind}，{validFrom}）重复（首次出现在第 {line} 行）',
  },
  DUPLICATE_LOAN: {
    en: 'duplicate loan {loanNo} of {code} in {period} (first at line {line})',
    zh: '{code} 在 {period} 的贷款 {loanNo} 重复（首次出现在第 {line} 行）',
  },
  DUPLICATE_SCORE: {
    en: 'duplicate score {block} of {code} for {year} (first at line {line})',
    zh: '{code} 在 {year} 年的评分 {block} 重复（首次出现在第 {line} 行）',
  },
  DUPLICATE_FINDING: {
    en: 'duplicate finding {reference} against {code} (first at line {line})',
    zh: '对 {code} 的处罚 {reference} 重复（首次出现在第 {line} 行）',
  },
  DUPLICATE_APPLICATION: {
    en: 'duplicate application of {code} for {year} (first at line {line})',
    zh: '{code} 在 {year} 年的申请重复（首次出现在第 {line} 行）',
  },
  DUPLICATE_DECISION: {
    en: 'duplicate decision on {code} for {year} (first at line {line})',
    zh: '对 {code} 在 {year} 年的认定决定重复（首次出现在第 {line} 行）',
  },
  // across fields of one row (file-specs.ts)
  HEAD_PARENT_NOT_EMPTY: {
    en: 'must be empty for a head unit (the top unit of its bank)',
    zh: '总部级机构（其银行的最上级机构）此项必须为空',
  },
  HEAD_BANK_CODE_OWN: { en: "must be the unit's own code {code} for a head unit", zh: '总部级机构此项必须是其自身代码 {code}' },
  PARENT_REQUIRED: { en: 'is required for a {level} unit', zh: '{level} 级机构必填' },
  OWN_PARENT: { en: 'a unit cannot be its own parent', zh: '机构不能是自己的上级' },
  VALID_TO_BEFORE_FROM: { en: '{validTo} is before valid_from {validFrom}', zh: '{validTo} 早于 valid_from {validFrom}' },
  ISSUE_AFTER_PERIOD: {
    en: '{issueDate} is after the period date {periodDate} of {period}',
    zh: '{issueDate} 晚于报告期 {period} 的截止日 {periodDate}',
  },
  MATURITY_NOT_AFTER_ISSUE: { en: '{maturityDate} is not after issue_date {issueDate}', zh: '{maturityDate} 不晚于 issue_date {issueDate}' },
  AMOUNT_NOT_POSITIVE: { en: '{amount} must be > 0', zh: '{amount} 应大于 0' },
  AMOUNT_NEGATIVE: { en: '{amount} must be >= 0', zh: '{amount} 不应为负数' },
  BALANCE_OVER_AMOUNT: { en: '{balance} is more than the amount {amount}', zh: '{balance} 超过贷款金额 {amount}' },
  RATE_OUT_OF_RANGE: { en: '{rate} is outside 0 <= rate < 36', zh: '{rate} 超出范围 0 <= rate < 36' },
  SCORE_OUT_OF_RANGE: { en: '{score} is outside 0-100', zh: '{score} 超出范围 0-100' },
  REJECT_REASON_REQUIRED: { en: 'is required for a reject decision', zh: '拒绝认定时必填' },
  // the unit tree (unit-tree.ts); the DB_ variants report a unit of the database at the batch
  // unit that broke it
  UNKNOWN_BANK_UNIT: {
    en: 'unknown bank {bank} (no unit with that code in this import or the database)',
    zh: '未知银行 {bank}（本次导入和数据库中都没有该代码的机构）',
  },
  BANK_NOT_HEAD: { en: '{bank} is a {level} unit, not the head unit of a bank', zh: '{bank} 是 {level} 级机构，不是银行的总部级机构' },
  UNKNOWN_PARENT: { en: 'unknown unit {parent} (not in this import or the database)', zh: '未知机构 {parent}（本次导入和数据库中都没有）' },
  PARENT_OTHER_BANK: {
    en: 'parent {parent} belongs to bank {parentBank}, not {bank} (a parent must be in the same bank)',
    zh: '上级机构 {parent} 属于银行 {parentBank}，不是 {bank}（上级机构必须在同一银行）',
  },
  LEVEL_UNDER: {
    en: 'a {level} unit cannot be under the {parentLevel} unit {parent} (levels go head > city > outlet)',
    zh: '{level} 级机构不能隶属于 {parentLevel} 级机构 {parent}（层级为 head > city > outlet）',
  },
  DB_UNKNOWN_BANK: {
    en: 'unit {unit} in the database: unknown bank {bank} (no unit with that code in this import or the database)',
    zh: '数据库中的机构 {unit}：未知银行 {bank}（本次导入和数据库中都没有该代码的机构）',
  },
  DB_BANK_NOT_HEAD: {
    en: 'unit {unit} in the database: {bank} is a {level} unit, not the head unit of a bank',
    zh: '数据库中的机构 {unit}：{bank} 是 {level} 级机构，不是银行的总部级机构',
  },
  DB_UNKNOWN_PARENT: {
    en: 'unit {unit} in the database: unknown unit {parent} (not in this import or the database)',
    zh: '数据库中的机构 {unit}：未知机构 {parent}（本次导入和数据库中都没有）',
  },
  DB_PARENT_OTHER_BANK: {
    en: 'unit {unit} in the database: parent {parent} belongs to bank {parentBank}, not {bank} (a parent must be in the same bank)',
    zh: '数据库中的机构 {unit}：上级机构 {parent} 属于银行 {parentBank}，不是 {bank}（上级机构必须在同一银行）',
  },
  DB_LEVEL_UNDER: {
    en: 'unit {unit} in the database: a {level} unit cannot be under the {parentLevel} unit {parent} (levels go head > city > outlet)',
    zh: '数据库中的机构 {unit}：{level} 级机构不能隶属于 {parentLevel} 级机构 {parent}（层级为 head > city > outlet）',
  },
  UNIT_TREE_CYCLE: {
    en: 'the unit tree has a cycle (each unit followed by its parent): {cycle}',
    zh: '机构树存在循环（每个机构后跟其上级）：{cycle}',
  },
  CSV_UNCLOSED_QUOTE: { en: 'invalid CSV: a quoted field is not closed', zh: 'CSV 格式无效：带引号的字段没有闭合' },
  CSV_BARE_QUOTE: {
    en: 'invalid CSV: a quote inside a quoted field must be doubled ("")',
    zh: 'CSV 格式无效：带引号字段内的引号必须写成两个（""）',
  },
  SHEET_EMPTY: { en: 'the sheet is empty (expected a header row)', zh: '工作表为空（第一行应为表头）' },
  STORE_FAILED: { en: 'the import could not be stored ({detail}); nothing was stored', zh: '导入无法存储（{detail}）；未存储任何数据' },
} as const satisfies Record<string, { en: string; zh: string }>;

export type ImportMessageCode = keyof typeof IMPORT_MESSAGES;
export type ImportMessageParams = Record<string, string | number>;

/** A message with its code, as the import produces it (English text in `message`). */
export interface ImportCodedMessage {
  code: ImportMessageCode;
  params: ImportMessageParams;
  message: string;
}

export function isImportMessageCode(code: string | undefined | null): code is ImportMessageCode {
  return !!code && Object.prototype.hasOwnProperty.call(IMPORT_MESSAGES, code);
}

/** The message of `code` in `lang` ('zh-CN' or English), placeholders filled from `params`. */
export function renderImportMessage(code: ImportMessageCode, params: ImportMessageParams = {}, lang = 'en'): string {
  const t = IMPORT_MESSAGES[code];
  const template: string = lang === 'zh-CN' || lang === 'zh' ? t.zh : t.en;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** A coded message with its English text. */
export function importMessage(code: ImportMessageCode, params: ImportMessageParams = {}): ImportCodedMessage {
  return { code, params, message: renderImportMessage(code, params, 'en') };
}
