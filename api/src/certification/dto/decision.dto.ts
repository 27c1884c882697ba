import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  DECISIONS,
  type CertificationDecisionRequest,
  type Decision,
} from '@sci/shared';

export const REASON_MAX_LENGTH = 2000;

/** POST /api/certification/:year/decisions/:code (regulator). */
export class DecisionDto implements CertificationDecisionRequest {
  @ApiProperty({
    enum: DECISIONS,
    description:
      'confirm = certified / kept on the list (授牌); reject = not certified or delisted',
  })
  @IsIn(DECISIONS, {
    message: `decision must be one of ${DECISIONS.join(', ')}`,
  })
  decision!: Decision;

  @ApiPropertyOptional({
    maxLength: REASON_MAX_LENGTH,
    description:
      'required for reject and when the decision goes against the recommendation',
  })
  @IsOptional()
  @IsString()
  @MaxLength(REASON_MAX_LENGTH)
  reason?: string;
}
