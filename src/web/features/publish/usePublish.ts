import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PublicationView } from '../../../api/publishing.js';
import { createPublication, publishKeys, type NewPublication } from './publishApi.js';

/** A random key for one submission; falls back to getRandomValues where randomUUID is missing. */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Sends one composer's publication. The same Idempotency-Key is reused until a publication is made, so a double
 * click or a retry after a lost answer returns the first one; the next post gets a new key.
 */
export function usePublish(onPublished: (publication: PublicationView) => void) {
  const queryClient = useQueryClient();
  const [key, setKey] = useState(newIdempotencyKey);
  return useMutation({
    mutationFn: (input: NewPublication) => createPublication(input, key),
    onSuccess: ({ publication }) => {
      setKey(newIdempotencyKey());
      void queryClient.invalidateQueries({ queryKey: publishKeys.all });
      onPublished(publication);
    },
  });
}
