import { z } from 'zod';

// Caps well past every platform's limit (validateMetadata names the exact ones) that keep a body bounded.
const text = (max: number) => z.string().max(max);
const aiGenerated = z.boolean().describe('AI disclosure; always true on a generated video');

/** Platform texts as a person edits them: only the known platforms and fields, each of its type. */
export const platformMetadataInput = z.strictObject({
  tiktok: z.strictObject({ caption: text(10_000), aiGenerated }).optional(),
  youtube: z
    .strictObject({
      title: text(1_000),
      description: text(20_000),
      tags: z.array(text(500)).max(500),
      aiGenerated,
    })
    .optional(),
  instagram: z.strictObject({ caption: text(10_000), aiGenerated }).optional(),
});
