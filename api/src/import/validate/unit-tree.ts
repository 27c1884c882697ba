import { ImportCodedMessage, importMessage, ImportMessageCode, ImportMessageParams, InstitutionRow } from '@sci/shared';

/** A problem of the unit tree, reported at the batch row of `code` on `column`. */
export interface TreeProblem {
  code: string;
  column: string;
  message: ImportCodedMessage;
}

/** Problems of a unit, and their variant for a unit of the database reported at the batch unit. */
const DB_VARIANT = {
  UNKNOWN_BANK_UNIT: 'DB_UNKNOWN_BANK',
  BANK_NOT_HEAD: 'DB_BANK_NOT_HEAD',
  UNKNOWN_PARENT: 'DB_UNKNOWN_PARENT',
  PARENT_OTHER_BANK: 'DB_PARENT_OTHER_BANK',
  LEVEL_UNDER: 'DB_LEVEL_UNDER',
} as const satisfies Partial<Record<ImportMessageCode, ImportMessageCode>>;

const RANK = { head: 0, city: 1, outlet: 2 } as const;

/**
 * Checks the unit tree that results from upserting `batch` over `existing` (data-format.md:
 * a unit's parent is in the same bank; levels go head > city > outlet; bank_code is the code of
 * the bank's head unit; no cycles). Only problems that a unit of the batch causes are reported:
 * at the unit itself, or, for a unit of the database broken by a changed parent, at that parent.
 */
export function checkUnitTree(existing: Map<string, InstitutionRow>, batch: InstitutionRow[]): TreeProblem[] {
  const merged = new Map(existing);
  const inBatch = new Set<string>();
  for (const u of batch) {
    merged.set(u.code, u);
    inBatch.add(u.code);
  }
  const problems: TreeProblem[] = [];
  const at = (u: InstitutionRow, column: string, code: keyof typeof DB_VARIANT, params: ImportMessageParams): void => {
    if (inBatch.has(u.code)) problems.push({ code: u.code, column, message: importMessage(code, params) });
    else if (u.parentCode && inBatch.has(u.parentCode))
      problems.push({ code: u.parentCode, column: 'code', message: importMessage(DB_VARIANT[code], { unit: u.code, ...params }) });
  };
  const children = new Map<string, InstitutionRow[]>();
  for (const u of merged.values()) {
    if (!u.parentCode) continue;
    const list = children.get(u.parentCode) ?? [];
    list.push(u);
    children.set(u.parentCode, list);
  }
  // the batch units and the database units directly under a batch unit
  const toCheck = new Map<string, InstitutionRow>();
  for (const code of inBatch) {
    toCheck.set(code, merged.get(code)!);
    for (const child of children.get(code) ?? []) toCheck.set(child.code, child);
  }
  for (const u of toCheck.values()) {
    if (u.level !== 'head') {
      const head = merged.get(u.bankCode);
      if (!head) at(u, 'bank_code', 'UNKNOWN_BANK_UNIT', { bank: u.bankCode });
      else if (head.level !== 'head') at(u, 'bank_code', 'BANK_NOT_HEAD', { bank: u.bankCode, level: head.level });
    }
    if (!u.parentCode || u.parentCode === u.code) continue;
    const parent = merged.get(u.parentCode);
    if (!parent) {
      at(u, 'parent_code', 'UNKNOWN_PARENT', { parent: u.parentCode });
      continue;
    }
    if (parent.bankCode !== u.bankCode) {
      at(u, 'parent_code', 'PARENT_OTHER_BANK', { parent: parent.code, parentBank: parent.bankCode, bank: u.bankCode });
    }
    if (RANK[parent.level] >= RANK[u.level]) {
      at(u, 'parent_code', 'LEVEL_UNDER', { level: u.level, parentLevel: parent.level, parent: parent.code });
    }
  }
  problems.push(...findCycles(merged, inBatch, batch));
  return problems;
}

function findCycles(merged: Map<string, InstitutionRow>, inBatch: Set<string>, batch: InstitutionRow[]): TreeProblem[] {
  const problems: TreeProblem[] = [];
  const done = new Set<string>();
  for (const start of batch) {
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let code: string | null = start.code;
    while (code && !done.has(code) && merged.has(code)) {
      if (onPath.has(code)) {
        const cycle = path.slice(onPath.get(code)!);
        // report once, at the first unit of the cycle that this batch sends
        const first = batch.find((u) => cycle.includes(u.code) && inBatch.has(u.code))!;
        const from = cycle.indexOf(first.code);
        const loop = [...cycle.slice(from), ...cycle.slice(0, from), first.code];
        problems.push({ code: first.code, column: 'parent_code', message: importMessage('UNIT_TREE_CYCLE', { cycle: loop.join(' -> ') }) });
        break;
      }
      onPath.set(code, path.length);
      path.push(code);
      code = merged.get(code)!.parentCode;
    }
    for (const c of path) done.add(c);
  }
  return problems;
}
