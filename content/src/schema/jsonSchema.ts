import { z } from 'zod';
import { manifestSchema } from './manifest';

/**
 * The JSON Schema (draft 2020-12) of the package manifest, for editors and other languages.
 * Cross-field rules (references, unique ids) are not expressible there; `parseManifest` holds them.
 */
export function manifestJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(manifestSchema, { target: 'draft-2020-12', unrepresentable: 'any' });
  return {
    ...schema,
    $id: 'urn:dunkirk:tour-manifest:1',
    title: 'Dunkirk tour package manifest, format version 1',
  };
}
