import { BadRequestException, type ValidationError } from '@nestjs/common';

/** `a.b[0].c`-style paths of every property that failed, children included. */
function failed(
  errors: ValidationError[],
  prefix = '',
): { path: string; messages: string[] }[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints
      ? [{ path, messages: Object.values(e.constraints) }]
      : [];
    return [...own, ...failed(e.children ?? [], path)];
  });
}

/**
 * class-validator's findings as one coded error: `VALIDATION_FAILED` with the failing fields as
 * a param, so the web says which fields in the reader's language; the English constraint texts
 * stay in `message` for scripts and logs.
 */
export function validationError(
  errors: ValidationError[],
): BadRequestException {
  const all = failed(errors);
  return new BadRequestException({
    code: 'VALIDATION_FAILED',
    message: all.flatMap((f) => f.messages).join('; ') || 'invalid input',
    params: { fields: [...new Set(all.map((f) => f.path))].join(', ') },
  });
}
