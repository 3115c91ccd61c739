import { z } from 'zod';
import { lngLatSchema, localeSchema, slugSchema, textSchema, vec3Schema } from './primitives';

/**
 * Block schemas, built for one form of asset reference: the package form (SHA-256) or the
 * source form (safe relative path). FORMAT.md § Manifest, `type Block`.
 */
export function makeBlockSchemas<A extends z.ZodType<string>>(assetId: A) {
  const narrationTrack = z.strictObject({
    audio: assetId,
    captions: assetId,
    durationS: z.number().positive(),
  });
  const narration = z.strictObject({
    type: z.literal('narration'),
    // Empty until audio exists: a draft-voice block in a source, or a tour published before recording.
    tracks: z.partialRecord(localeSchema, narrationTrack),
    transcript: textSchema,
    draftVoice: z.boolean().optional(),
  });
  const text = z.strictObject({ type: z.literal('text'), markdown: textSchema });
  const image = z.strictObject({
    type: z.literal('image'),
    image: assetId,
    alt: textSchema,
    caption: textSchema.optional(),
  });
  const hotspot = z.strictObject({
    id: slugSchema,
    yawDeg: z.number().min(-360).max(360),
    pitchDeg: z.number().min(-90).max(90),
    title: textSchema,
    text: textSchema.optional(),
    image: assetId.optional(),
    audio: assetId.optional(),
  });
  const panorama = z.strictObject({
    type: z.literal('panorama'),
    image: assetId,
    alt: textSchema,
    headingDeg: z.number().min(0).max(360),
    then: assetId.optional(),
    hotspots: z.array(hotspot),
  });
  const timeline = z.strictObject({
    durationS: z.number().positive(),
    camera: z.array(z.strictObject({ atS: z.number().min(0), position: vec3Schema, target: vec3Schema })),
    clips: z.array(
      z.strictObject({ atS: z.number().min(0), name: z.string().min(1), loop: z.boolean().optional() }),
    ),
    sounds: z.array(
      z.strictObject({ atS: z.number().min(0), audio: assetId, position: vec3Schema.optional() }),
    ),
    subtitles: z.array(
      z.strictObject({ startS: z.number().min(0), endS: z.number().min(0), text: textSchema }),
    ),
  });
  const reenactment = z.strictObject({
    type: z.literal('reenactment'),
    model: assetId,
    alt: textSchema,
    timeline,
    stills: z.array(z.strictObject({ atS: z.number().min(0), image: assetId, alt: textSchema })),
  });
  const ar = z.strictObject({
    type: z.literal('ar'),
    alt: textSchema,
    anchor: z.strictObject({
      position: lngLatSchema,
      headingDeg: z.number().min(0).max(360),
      altitudeM: z.number().optional(),
    }),
    model: assetId.optional(),
    overlay: z.strictObject({ then: assetId, now: assetId.optional() }).optional(),
    fallback: z.enum(['panorama', 'then-now']),
  });
  const quiz = z.strictObject({
    type: z.literal('quiz'),
    question: textSchema,
    choices: z.array(z.strictObject({ text: textSchema, correct: z.boolean() })).min(2),
    explanation: textSchema,
  });
  const links = z.strictObject({
    type: z.literal('links'),
    places: z
      .array(
        z.strictObject({
          name: textSchema,
          category: z.string(),
          position: lngLatSchema,
          source: z.string(),
          licence: z.string(),
          url: z.url({ protocol: /^https?$/ }).optional(),
        }),
      )
      .optional(),
    books: z
      .array(
        z.strictObject({
          title: z.string().min(1),
          author: z.string().optional(),
          year: z.number().int().optional(),
          isbn: z.string().optional(),
          catalogueUrl: z.url({ protocol: /^https?$/ }),
        }),
      )
      .optional(),
  });
  const block = z.discriminatedUnion('type', [
    narration,
    text,
    image,
    panorama,
    reenactment,
    ar,
    quiz,
    links,
  ]);
  return { block, timeline, narrationTrack };
}
