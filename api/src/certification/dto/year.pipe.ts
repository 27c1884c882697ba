import { BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

/** Years an exercise may have: four digits within a sane range. */
export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;

/** The :year path parameter: 400 YEAR_INVALID (not a 500, not a NaN) for anything else. */
@Injectable()
export class ParseYearPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
    if (!(year >= YEAR_MIN && year <= YEAR_MAX)) {
      throw new BadRequestException({
        code: 'YEAR_INVALID',
        params: { min: YEAR_MIN, max: YEAR_MAX },
        message: `year "${String(value).slice(0, 20)}" must be four digits from ${YEAR_MIN} to ${YEAR_MAX}`,
      });
    }
    return year;
  }
}
