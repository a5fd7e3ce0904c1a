import { declarations, type TiktokDraft } from './tiktokComposerRules.js';

const MUSIC_USAGE_URL = 'https://www.tiktok.com/legal/page/global/music-usage-confirmation/en';
const BRANDED_CONTENT_POLICY_URL = 'https://www.tiktok.com/legal/page/global/bc-policy/en';

/** The sentences TikTok asks to show before posting, with links to the texts they name. */
export function TiktokDeclarations({ draft }: { draft: TiktokDraft }) {
  const shown = declarations(draft);
  return (
    <div className="composer-declaration">
      {shown.brandedContentPolicy && (
        <p>
          By posting, you agree to TikTok&apos;s{' '}
          <a href={BRANDED_CONTENT_POLICY_URL} target="_blank" rel="noreferrer noopener">
            Branded Content Policy
          </a>
          .
        </p>
      )}
      <p>
        By posting, you agree to TikTok&apos;s{' '}
        <a href={MUSIC_USAGE_URL} target="_blank" rel="noreferrer noopener">
          Music Usage Confirmation
        </a>
        .
      </p>
    </div>
  );
}
