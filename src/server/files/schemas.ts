import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../platform/schema-helpers.ts';

export const FileInfo = Type.Object({
  hash: Type.String({ description: 'the content hash, passed as `photos` to a case' }), mime: Type.String(), bytes: Type.Integer(),
  width: Nullable(Type.Integer()), height: Nullable(Type.Integer()),
  url: Type.String(), thumbUrl: Type.String(),
});

/** A photo's bytes in one of these types: for the API document only, since a stream is sent as it is, never serialised. */
export const photoBytes = (types: readonly string[]) => ({
  description: 'the image',
  content: Object.fromEntries(types.map((t) => [t, { schema: Type.String({ format: 'binary' }) }])),
});

export const HashParams = Type.Object({ hash: Type.String({ pattern: '^[0-9a-f]{64}$' }) });
export const SignedQuery = Type.Object({ exp: Type.Integer(), sig: Type.String({ maxLength: 100 }) });

export type UploadedFile = Static<typeof FileInfo>;
