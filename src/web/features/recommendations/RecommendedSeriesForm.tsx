import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import type { ItemView } from '../../../api/content.js';
import { factorLabel, levelLabel } from '../../../domain/analytics/factor-labels.js';
import { ErrorAlert, SuccessNotice } from '../../components/Alerts.js';
import { Field } from '../../components/Field.js';
import { createSeriesFromBriefs } from '../create/createApi.js';
import { OfflineEnginesNote } from '../create/OfflineEnginesNote.js';
import { itemKeys } from '../library/libraryApi.js';
import { NextBriefRow } from './NextBriefRow.js';
import { draftProblem, toDraft, toSeriesBrief, type NextBriefDraft } from './nextBriefDrafts.js';
import { RecommendationsPanel } from './RecommendationsPanel.js';
import { fetchNextBriefs, recommendationsQuery } from './recommendationsApi.js';
import { usePins } from './usePins.js';

const DEFAULT_COUNT = 5;

/**
 * The next series from the recommendations: briefs prefilled with the model's levels (some explore, pins kept),
 * reviewed and edited here, then created together through the series API.
 */
export function RecommendedSeriesForm() {
  const [count, setCount] = useState(DEFAULT_COUNT);
  const [drafts, setDrafts] = useState<NextBriefDraft[]>([]);
  const [errors, setErrors] = useState<(string | undefined)[]>([]);
  const [created, setCreated] = useState<ItemView[] | null>(null);
  const { pins, unpin } = usePins();
  const recommendations = useQuery(recommendationsQuery());
  const queryClient = useQueryClient();
  const bestLevels = Object.fromEntries(
    (recommendations.data?.cards ?? []).map((card) => [card.factor, card.bestLevel]),
  );
  const suggest = useMutation({
    mutationFn: () => fetchNextBriefs({ count, pinned: pins }),
    onSuccess: ({ briefs }) => {
      setDrafts(briefs.map((brief) => toDraft(brief, bestLevels)));
      setErrors([]);
    },
  });
  const create = useMutation({
    mutationFn: (list: NextBriefDraft[]) => createSeriesFromBriefs(list.map(toSeriesBrief)),
    onSuccess: ({ items }) => {
      void queryClient.invalidateQueries({ queryKey: itemKeys.all });
      setCreated(items.map((entry) => entry.item));
      setDrafts([]);
    },
  });
  const noticeRef = useRef<HTMLDivElement>(null);
  const suggestOnce = useRef(false);

  // Opening this tab (from "Apply to the next series") fills the briefs once the cards are known.
  useEffect(() => {
    if (suggestOnce.current || !recommendations.data?.cards.length) return;
    suggestOnce.current = true;
    suggest.mutate();
  }, [recommendations.data, suggest]);

  useEffect(() => {
    if (created) noticeRef.current?.focus();
  }, [created]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = drafts.map(draftProblem);
    setErrors(problems);
    const first = problems.findIndex(Boolean);
    if (first >= 0) {
      event.currentTarget.querySelectorAll<HTMLInputElement>('input[name="topic"]')[first]?.focus();
      return;
    }
    create.mutate(drafts);
  }

  const pinned = Object.entries(pins);
  return (
    <div className="stack-large">
      <RecommendationsPanel compact />
      {created && (
        <div ref={noticeRef} tabIndex={-1} className="stack">
          <SuccessNotice>
            Created {created.length} {created.length === 1 ? 'video' : 'videos'}. They are being made now;
            follow them in the <Link to="/library">Library</Link>.
          </SuccessNotice>
        </div>
      )}
      {recommendations.data?.cards.length ? (
        <>
          <div className="next-series-controls">
            <Field
              label="How many videos"
              type="number"
              min={1}
              max={50}
              value={count}
              onChange={(event) => setCount(Math.min(50, Math.max(1, Number(event.target.value) || 1)))}
            />
            <button
              type="button"
              className="button button-secondary"
              disabled={suggest.isPending}
              onClick={() => suggest.mutate()}
            >
              {suggest.isPending ? 'Suggesting…' : drafts.length ? 'Suggest again' : 'Suggest briefs'}
            </button>
          </div>
          {pinned.length > 0 && (
            <p className="muted">
              Pinned:{' '}
              {pinned.map(([factor, level]) => (
                <button
                  key={factor}
                  type="button"
                  className="button button-secondary pin-chip"
                  onClick={() => unpin(factor)}
                >
                  {factorLabel(factor)} {levelLabel(factor, level)} (unpin)
                </button>
              ))}
            </p>
          )}
          <ErrorAlert error={suggest.error} />
          {drafts.length > 0 && (
            <form className="form" noValidate onSubmit={submit} aria-label="The next series">
              <ul className="next-briefs">
                {drafts.map((draft, index) => (
                  <NextBriefRow
                    key={index}
                    index={index}
                    draft={draft}
                    error={errors[index]}
                    onChange={(next) => setDrafts(drafts.map((d, i) => (i === index ? next : d)))}
                  />
                ))}
              </ul>
              <div className="form-submit">
                <OfflineEnginesNote id="next-series-engines-note" />
                <ErrorAlert error={create.error} />
                <button
                  type="submit"
                  className="button button-primary"
                  disabled={create.isPending}
                  aria-describedby="next-series-engines-note"
                >
                  {create.isPending ? 'Creating…' : `Create ${drafts.length} videos`}
                </button>
              </div>
            </form>
          )}
        </>
      ) : null}
    </div>
  );
}
