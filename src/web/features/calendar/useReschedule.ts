import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PublicationView } from '../../../api/publishing.js';
import { platformLabels } from '../connections/platformLabels.js';
import { plannedAt } from '../publish/publicationStatus.js';
import { publishKeys, reschedulePublication } from '../publish/publishApi.js';
import { formatPlanned, localZone } from '../publish/scheduleTime.js';
import { sameTimeOnDay } from './calendarGrid.js';

export interface MoveResult {
  ok: boolean;
  text: string;
  /** Puts it back where it was; absent when the old time has passed (there is nothing to go back to). */
  undo?: () => void;
}

/** Moving a publication to another day at the same time of day, with the result said and an undo offered. */
export function useReschedule() {
  const queryClient = useQueryClient();
  const [result, setResult] = useState<MoveResult | null>(null);
  const move = useMutation({
    mutationFn: ({ id, at }: { id: string; at: string }) => reschedulePublication(id, at, localZone()),
    onSettled: () => queryClient.invalidateQueries({ queryKey: publishKeys.all }),
  });

  function moveTo(publication: PublicationView, day: string, undoable = true) {
    const from = plannedAt(publication);
    const at = sameTimeOnDay(from, day);
    if (at.getTime() <= Date.now()) {
      move.reset();
      setResult({
        ok: false,
        text: `That time has passed on that day; pick a later day or open it to choose a time.`,
      });
      return;
    }
    const name = `${publication.itemTitle ?? 'The video'} (${platformLabels[publication.platform]})`;
    setResult(null);
    move.mutate(
      { id: publication.id, at: at.toISOString() },
      {
        onSuccess: () => {
          const back = publication.scheduledAt && new Date(from).getTime() > Date.now();
          setResult({
            ok: true,
            text: `Moved ${name} to ${formatPlanned(at.toISOString())}.`,
            ...(undoable && back
              ? {
                  undo: () =>
                    move.mutate(
                      { id: publication.id, at: from },
                      {
                        onSuccess: () =>
                          setResult({ ok: true, text: `Moved ${name} back to ${formatPlanned(from)}.` }),
                      },
                    ),
                }
              : {}),
          });
        },
      },
    );
  }

  return { moveTo, result, error: move.error, pending: move.isPending };
}
