import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../components/Alerts.js';
import { reviewKeys, updateWorkspaceSettings, workspaceSettingsQuery } from './reviewApi.js';

/** Owners choose whether someone other than the submitter must approve (off by default). */
export function ApprovalSettingPanel() {
  const queryClient = useQueryClient();
  const settings = useQuery(workspaceSettingsQuery);
  const save = useMutation({
    mutationFn: (requireOtherApprover: boolean) => updateWorkspaceSettings({ requireOtherApprover }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(reviewKeys.settings, saved);
      // Who may approve what changes with it.
      await queryClient.invalidateQueries({ queryKey: reviewKeys.all });
    },
  });
  // While saving, the box shows the choice just made (the server's answer then confirms it). Kept in local state,
  // set in the click's own render: the mutation's pending state arrives a render later, and the box flickered back.
  const [choosing, setChoosing] = useState<boolean | null>(null);
  const checked = choosing ?? settings.data?.requireOtherApprover ?? false;
  return (
    <section className="panel" aria-labelledby="approval-setting-heading">
      <h2 id="approval-setting-heading" className="panel-title">
        Review
      </h2>
      <ErrorAlert error={settings.error ?? save.error} />
      <label className="choice">
        <input
          type="checkbox"
          checked={checked}
          disabled={!settings.data || save.isPending}
          onChange={(event) => {
            setChoosing(event.target.checked);
            save.mutate(event.target.checked, { onSettled: () => setChoosing(null) });
          }}
        />
        <span className="choice-text">
          <span className="choice-label">Approval required from someone else</span>
          <span className="choice-description">
            When on, nobody approves a video they submitted, owners included. When off, an owner may approve
            their own work.
          </span>
        </span>
      </label>
    </section>
  );
}
