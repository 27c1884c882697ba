import { ApiProperty } from '@nestjs/swagger';
import type { ResetPasswordRequest } from '@sci/shared';
import { IsString, MaxLength } from 'class-validator';

export class ResetPasswordDto implements ResetPasswordRequest {
  @ApiProperty({ description: 'the new password: at least 10 characters with letters and digits' })
  @IsString()
  @MaxLength(128)
  password!: string;
}
