import { ApiProperty } from '@nestjs/swagger';
import type { ChangePasswordRequest, LoginRequest } from '@sci/shared';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'regulator' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  password!: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  currentPassword!: string;

  @ApiProperty({ description: 'at least 10 characters with letters and digits' })
  @IsString()
  @MaxLength(128)
  newPassword!: string;
}
