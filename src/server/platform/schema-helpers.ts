import { Type, type TSchema } from '@sinclair/typebox';

/** A union of string literals that keeps its literal type. */
export const lit = <T extends string>(xs: readonly T[]) => Type.Union(xs.map((x) => Type.Literal(x)));

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
