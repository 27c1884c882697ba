import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import {
  FLAGS,
  GRADES,
  INSTITUTION_LEVELS,
  PEER_GROUPS,
  RESULT_COLUMNS,
  RESULT_SORT_KEYS,
  type Flag,
  type Grade,
  type InstitutionLevel,
  type PeerGroup,
  type ResultColumn,
  type ResultSortKey,
  type ResultsQuery,
} from '@sci/shared';
import { TABULAR_FORMATS, type TabularFormat } from '../../exports/tabular-writer';
import { PERIOD_MESSAGE, PERIOD_PATTERN } from '../../runs/dto/trigger-run.dto';

/** Which run: `runId`, or the latest published run of `period`. */
export class UnitResultQueryDto {
  @ApiPropertyOptional({ example: '2025Q4', description: 'the latest published run of this period' })
  @IsOptional()
  @Matches(PERIOD_PATTERN, { message: PERIOD_MESSAGE })
  period?: string;

  @ApiPropertyOptional({ description: 'a specific run (drafts: regulator and admin only)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  runId?: number;
}

export class ResultsQueryDto extends UnitResultQueryDto implements ResultsQuery {
  @ApiPropertyOptional({ enum: INSTITUTION_LEVELS })
  @IsOptional()
  @IsIn(INSTITUTION_LEVELS)
  level?: InstitutionLevel;

  @ApiPropertyOptional({ enum: PEER_GROUPS })
  @IsOptional()
  @IsIn(PEER_GROUPS)
  peerGroup?: PeerGroup;

  @ApiPropertyOptional({ description: 'bank_code' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  bank?: string;

  @ApiPropertyOptional({ description: 'region_code of the city, e.g. 370100' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'city must be a 6-digit region code' })
  city?: string;

  @ApiPropertyOptional({ enum: GRADES })
  @IsOptional()
  @IsIn(GRADES)
  grade?: Grade;

  @ApiPropertyOptional({ enum: FLAGS })
  @IsOptional()
  @IsIn(FLAGS)
  flag?: Flag;

  @ApiPropertyOptional({ description: 'part of a unit code or name' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ description: 'true: only units with integrity signals in the run' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  hasSignals?: boolean;

  @ApiPropertyOptional({ enum: RESULT_SORT_KEYS, description: 'default rankLevel' })
  @IsOptional()
  @IsIn(RESULT_SORT_KEYS)
  sort?: ResultSortKey;

  @ApiPropertyOptional({ enum: ['asc', 'desc'] })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize?: number;
}

export class ResultsExportQueryDto extends UnitResultQueryDto {
  @ApiPropertyOptional({ enum: TABULAR_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(TABULAR_FORMATS)
  format?: TabularFormat;
}

/** The board's export: the same query as GET /api/results (every matching row, not one page). */
export class ReadableExportQueryDto extends ResultsQueryDto {
  @ApiPropertyOptional({ enum: TABULAR_FORMATS, default: 'xlsx' })
  @IsOptional()
  @IsIn(TABULAR_FORMATS)
  format?: TabularFormat;

  @ApiPropertyOptional({ enum: ['zh', 'en'], default: 'zh', description: 'language of headers and words' })
  @IsOptional()
  @IsIn(['zh', 'en'])
  lang?: 'zh' | 'en';

  @ApiPropertyOptional({ enum: ['score', 'value'], default: 'score', description: 'class columns: points or values' })
  @IsOptional()
  @IsIn(['score', 'value'])
  show?: 'score' | 'value';

  @ApiPropertyOptional({
    type: String,
    example: 'bank,peer,grade,composite,classes',
    description:
      `the board's optional columns shown, comma-separated, of: ${RESULT_COLUMNS.join(', ')}. ` +
      'Rank, unit, code and flags are always written; absent = every column; empty = identity and flags only.',
  })
  @IsOptional()
  @Transform(({ value }) => columnList(value))
  @IsArray()
  @IsIn(RESULT_COLUMNS, { each: true })
  @ArrayUnique()
  columns?: ResultColumn[];
}

/**
 * `columns=a,b` (or repeated `columns=a&columns=b`) as a list; `columns=` is the empty list, not
 * "absent", so a board showing no optional column exports just that. Anything else (an empty
 * key as in `a,,b` included) is left for the validators to refuse, never dropped quietly.
 */
function columnList(value: unknown): unknown {
  if (value === undefined || value === null) return value;
  const parts = Array.isArray(value) ? value : [value];
  if (!parts.every((p) => typeof p === 'string')) return value;
  return (parts as string[]).flatMap((p) => (p === '' ? [] : p.split(',')));
}
