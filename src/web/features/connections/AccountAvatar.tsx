import { useState } from 'react';
import { initials } from '../../lib/initials.js';

/**
 * Only pictures served by AI Factory itself are loaded: fetching one from a platform's image host would
 * tell that host who is looking at this page.
 */
function isSameOrigin(url: string): boolean {
  try {
    return new URL(url, window.location.href).origin === window.location.origin;
  } catch {
    return false;
  }
}

export function AccountAvatar({ name, url }: { name: string; url: string | null }) {
  const [failed, setFailed] = useState(false);
  if (url && !failed && isSameOrigin(url)) {
    return (
      <img
        className="account-avatar"
        src={url}
        alt={`Profile picture of ${name}`}
        width={48}
        height={48}
        referrerPolicy="no-referrer"
        onError={() => setFailed(true)}
      />
    );
  }
  return (
    // The name is written right beside it, so the initials are decoration.
    <span className="account-avatar account-avatar-initials" aria-hidden="true">
      {initials(name)}
    </span>
  );
}
