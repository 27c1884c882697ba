import { ApiProperty } from '@nestjs/swagger';
import {
  IsBoolean,
  IsInt,
  IsNumber,
  IsString,
  Matches,
  Max,
  Min,
} from 'class-validator';
import type { CertificationApplicationRequest } from '@sci/shared';

/** Bounds that keep a typo from becoming a stored figure; the scheme's thresholds are far inside them. */
export const APPLICATION_LIMITS = {
  techRmCountMax: 10000,
  ftpDiscountBpMax: 10000,
  /** yuan: 1e13 fen stays far below 2^53, so the fen value is exact */
  approvalLimitMax: 100_000_000_000,
} as const;

/** POST /api/certification/:year/applications: the fields of applications.csv. */
export class CreateApplicationDto implements CertificationApplicationRequest {
  @ApiProperty({ example: 'ICBC-370100-01' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, {
    message: 'institutionCode must be 1-32 characters A-Z, a-z, 0-9, _ or -',
  })
  institutionCode!: string;

  @ApiProperty({ description: 'formally designated as a sci-tech unit' })
  @IsBoolean()
  designated!: boolean;

  @ApiProperty({
    minimum: 0,
    maximum: APPLICATION_LIMITS.techRmCountMax,
    description: 'full-time sci-tech relationship managers',
  })
  @IsInt({ message: 'techRmCount must be a whole number' })
  @Min(0)
  @Max(APPLICATION_LIMITS.techRmCountMax)
  techRmCount!: number;

  @ApiProperty() @IsBoolean() separateCreditPlan!: boolean;
  @ApiProperty() @IsBoolean() dedicatedPricing!: boolean;
  @ApiProperty() @IsBoolean() independentAccounting!: boolean;
  @ApiProperty() @IsBoolean() riskTolerance!: boolean;
  @ApiProperty() @IsBoolean() approvalChannel!: boolean;
  @ApiProperty() @IsBoolean() performanceAssessment!: boolean;
  @ApiProperty() @IsBoolean() dueDiligenceExemption!: boolean;

  @ApiProperty({
    minimum: 0,
    maximum: APPLICATION_LIMITS.ftpDiscountBpMax,
    description: 'FTP preference in basis points',
  })
  @IsInt({ message: 'ftpDiscountBp must be a whole number of basis points' })
  @Min(0)
  @Max(APPLICATION_LIMITS.ftpDiscountBpMax)
  ftpDiscountBp!: number;

  @ApiProperty({
    minimum: 0,
    maximum: APPLICATION_LIMITS.approvalLimitMax,
    description: 'loan approval authority in yuan (at most 2 decimals)',
  })
  @IsNumber(
    { maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false },
    {
      message:
        'approvalLimit must be an amount in yuan with at most 2 decimals',
    },
  )
  @Min(0)
  @Max(APPLICATION_LIMITS.approvalLimitMax)
  approvalLimit!: number;
}
