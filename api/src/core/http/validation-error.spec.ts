import type { ValidationError } from '@nestjs/common';
import { validationError } from './validation-error';

describe(validationError.name, () => {
  it('should answer VALIDATION_FAILED with the failing fields as a param', () => {
    const errors: ValidationError[] = [
      {
        property: 'username',
        constraints: {
          minLength: 'username must be longer than or equal to 3 characters',
        },
        children: [],
      },
      {
        property: 'weights',
        children: [
          {
            property: 'K1',
            constraints: { isNumber: 'K1 must be a number' },
            children: [],
          },
        ],
      },
    ];
    expect(validationError(errors).getResponse()).toEqual({
      code: 'VALIDATION_FAILED',
      message:
        'username must be longer than or equal to 3 characters; K1 must be a number',
      params: { fields: 'username, weights.K1' },
    });
  });
});
