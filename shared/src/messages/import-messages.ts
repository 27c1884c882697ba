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
