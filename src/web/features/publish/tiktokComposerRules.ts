import type { PublishOptionsView } from '../../../api/publishing.js';
import { METADATA_LIMITS } from '../../../domain/metadata/limits.js';

// TikTok's Content Sharing Guidelines (PLATFORMS.md §1.5) as plain functions of the creator's info and the
// person's choices: the composer only draws what these say, and the tests read them guideline by guideline.

export type TiktokCreatorInfo = Extract<PublishOptionsView, { platform: 'tiktok' }>;
export type TiktokPrivacy = TiktokCreatorInfo['privacyLevelOptions'][number];
export type TiktokMode = 'direct' | 'draft';
export type Interaction = 'comment' | 'duet' | 'stitch';

/** What the person chose. Interactions are "allow" boxes: unticked means the interaction stays off. */
export interface TiktokDraft {
  /** '' until the person picks one: there is no default. */
  privacyLevel: TiktokPrivacy | '';
  allow: Record<Interaction, boolean>;
  /** The commercial-content disclosure switch. */
  commercial: boolean;
  /** "Your brand": promotional content for the creator's own business. */
  brandOrganic: boolean;
  /** "Branded content": a paid partnership with a third party. */
  brandedContent: boolean;
  isAigc: boolean;
  caption: string;
}

/** The composer's starting point: nothing chosen for the person, only the AI label on and the version's caption. */
export function initialTiktokDraft(caption: string): TiktokDraft {
  return {
    privacyLevel: '',
    allow: { comment: false, duet: false, stitch: false },
    commercial: false,
    brandOrganic: false,
    brandedContent: false,
    isAigc: true,
    caption,
  };
}

export const PRIVACY_LABELS: Record<TiktokPrivacy, string> = {
  PUBLIC_TO_EVERYONE: 'Everyone',
  MUTUAL_FOLLOW_FRIENDS: 'Friends (followers you follow back)',
  FOLLOWER_OF_CREATOR: 'Followers',
  SELF_ONLY: 'Only me',
};

export const PRIVACY_PLACEHOLDER = 'Choose who can see this';

export const UNAUDITED_EXPLANATION =
  'AI Factory has not passed TikTok’s app review yet, so TikTok only lets it post privately ("Only me"). ' +
  'The post stays private even after the review.';

export const BRANDED_NOT_PRIVATE = 'Branded content can’t be private: TikTok requires it to be visible.';

export interface Control {
  enabled: boolean;
  /** Why it is greyed out; null when enabled. */
  why: string | null;
}

export interface PrivacyChoice extends Control {
  value: TiktokPrivacy;
  label: string;
}

const isDisabledByCreator = (info: TiktokCreatorInfo, which: Interaction): boolean =>
  which === 'comment' ? info.commentDisabled : which === 'duet' ? info.duetDisabled : info.stitchDisabled;

/** The privacy choices to list: the creator's own options (only "Only me" for an unaudited app), none picked. */
export function privacyChoices(info: TiktokCreatorInfo, draft: TiktokDraft): PrivacyChoice[] {
  const offered = info.unauditedApp
    ? info.privacyLevelOptions.filter((level) => level === 'SELF_ONLY')
    : info.privacyLevelOptions;
  return offered.map((value) => {
    const blockedByBrand = value === 'SELF_ONLY' && draft.commercial && draft.brandedContent;
    return {
      value,
      label: PRIVACY_LABELS[value],
      enabled: !blockedByBrand,
      why: blockedByBrand ? BRANDED_NOT_PRIVATE : null,
    };
  });
}

const INTERACTION_NAMES: Record<Interaction, string> = {
  comment: 'Comments',
  duet: 'Duets',
  stitch: 'Stitches',
};

/** An interaction box is greyed out when the creator turned that interaction off in their TikTok settings. */
export function interactionControl(info: TiktokCreatorInfo, which: Interaction): Control {
  return isDisabledByCreator(info, which)
    ? {
        enabled: false,
        why: `${INTERACTION_NAMES[which]} are turned off in this account’s TikTok settings.`,
      }
    : { enabled: true, why: null };
}

/** "Branded content" cannot be picked for a private post; "Your brand" is always allowed. */
export function brandedContentControl(draft: TiktokDraft): Control {
  return draft.privacyLevel === 'SELF_ONLY'
    ? {
        enabled: false,
        why: 'Branded content can’t be private. Choose who can see this other than "Only me".',
      }
    : { enabled: true, why: null };
}

/** The label TikTok will put on the post, in its own words; null without a commercial choice. */
export function commercialLabel(draft: TiktokDraft): string | null {
  if (!draft.commercial) return null;
  if (draft.brandedContent) return 'Your video will be labelled "Paid partnership".';
  if (draft.brandOrganic) return 'Your video will be labelled "Promotional content".';
  return null;
}

/** Which declarations must be shown before posting: the music one always, the branded one with branded content. */
export function declarations(draft: TiktokDraft): { music: true; brandedContentPolicy: boolean } {
  return { music: true, brandedContentPolicy: draft.commercial && draft.brandedContent };
}

const minutes = (seconds: number) => {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
};

/** Everything that stops this post from going out, in plain words; empty means it may be sent. */
export function blockers(info: TiktokCreatorInfo, draft: TiktokDraft, durationMs: number, mode: TiktokMode) {
  const found: string[] = [];
  if (!info.canPostNow) found.push(info.reason ?? 'TikTok says this account can’t post right now.');
  if (mode === 'direct' && !info.directPostAvailable)
    found.push('Direct posting is not available for this account.');
  if (mode === 'draft' && !info.draftAvailable) found.push('Sending to TikTok drafts is not available.');
  if (durationMs / 1000 > info.maxVideoPostDurationSec) {
    found.push(
      `This video is ${minutes(durationMs / 1000)} long; this account can post videos up to ` +
        `${minutes(info.maxVideoPostDurationSec)}.`,
    );
  }
  if (mode === 'direct') {
    const choices = privacyChoices(info, draft);
    const picked = choices.find((choice) => choice.value === draft.privacyLevel);
    if (draft.privacyLevel === '') found.push('Choose who can see this post.');
    else if (!picked) found.push('That privacy setting is not offered for this account.');
    else if (!picked.enabled && picked.why) found.push(picked.why);
  }
  if (draft.commercial && !draft.brandOrganic && !draft.brandedContent)
    found.push('You said this post promotes a brand: choose "Your brand", "Branded content" or both.');
  if (draft.caption.length > METADATA_LIMITS.tiktokCaptionUnits)
    found.push(`Keep the caption to ${METADATA_LIMITS.tiktokCaptionUnits.toLocaleString()} characters.`);
  return found;
}

/** The `options` of POST /api/publications for this draft; call it only when `blockers` is empty. */
export function tiktokPayload(info: TiktokCreatorInfo, draft: TiktokDraft, mode: TiktokMode) {
  // A box the creator's settings grey out is never "allowed", whatever the draft holds.
  const disabled = (which: Interaction) => isDisabledByCreator(info, which) || !draft.allow[which];
  return {
    mode,
    // A draft is finished in the TikTok app, where the creator picks the audience.
    ...(mode === 'direct' && draft.privacyLevel !== '' ? { privacyLevel: draft.privacyLevel } : {}),
    disableComment: disabled('comment'),
    disableDuet: disabled('duet'),
    disableStitch: disabled('stitch'),
    brandOrganic: draft.commercial && draft.brandOrganic,
    brandedContent: draft.commercial && draft.brandedContent,
    isAigc: draft.isAigc,
    caption: draft.caption,
  };
}
