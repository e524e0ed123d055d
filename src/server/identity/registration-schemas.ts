import { Type } from '@sinclair/typebox';
import { CODE_LENGTH, MOBILE_PATTERN } from '../../domain/identity/phone-verification.ts';
import { GeometrySchema } from '../org/schemas.ts';

/** The longest home address a resident writes (building, unit, room). */
export const HOME_ADDRESS_MAX = 200;

const Phone = Type.String({ pattern: MOBILE_PATTERN, description: 'an 11-digit mainland mobile number', examples: ['13800001111'] });

export const CodeBody = Type.Object({ phone: Phone }, { additionalProperties: false });

export const CodeSent = Type.Object({
  expiresAt: Type.String({ format: 'date-time', description: 'the code holds until then' }),
  resendAt: Type.String({ format: 'date-time', description: 'no new code to this number before then' }),
  resendAfterSeconds: Type.Integer({ minimum: 0, description: 'the same, from now: for a countdown that does not trust the device clock' }),
});

export const RegisterBody = Type.Object({
  phone: Phone,
  code: Type.String({ pattern: `^[0-9]{${CODE_LENGTH}}$`, description: 'the code sent to the phone by POST /api/auth/register/code' }),
  name: Type.String({ minLength: 1, maxLength: 40 }),
  password: Type.String({ minLength: 1, maxLength: 128, description: 'at least 8 characters of two kinds (letters, digits, others)' }),
  address: Type.String({ minLength: 1, maxLength: HOME_ADDRESS_MAX, description: 'building, unit and room, as the resident writes it; stored sealed' }),
  location: Type.Optional(Type.Object({
    lng: Type.Number({ minimum: -180, maximum: 180 }), lat: Type.Number({ minimum: -90, maximum: 90 }),
  }, { additionalProperties: false, description: 'the home on the map (WGS84): the grid holding it is the home grid' })),
  gridId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'without a location: a grid from GET /api/auth/register/grids' })),
}, { additionalProperties: false });

export const GridSearchQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 60, description: 'words of the town, community or grid name (春晖 第1网格)' }),
}, { additionalProperties: false });

export const GridMatches = Type.Object({
  items: Type.Array(Type.Object({
    id: Type.String(),
    name: Type.String(),
    level: Type.Union([Type.Literal('grid'), Type.Literal('dedicatedGrid')]),
    communityName: Type.Union([Type.String(), Type.Null()]),
    townName: Type.Union([Type.String(), Type.Null()]),
    geometry: GeometrySchema,
  })),
  nextCursor: Type.Null(),
});
