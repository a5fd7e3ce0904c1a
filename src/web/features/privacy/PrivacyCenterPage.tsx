import { PageHeader } from '../../components/PageHeader.js';
import { ExportPanel } from './ExportPanel.js';
import { useMe } from '../../session/sessionContext.js';
import { ConnectionsPrivacyPanel } from './ConnectionsPrivacyPanel.js';
import { RetentionPanel } from './RetentionPanel.js';
import { DeleteAccountPanel } from './DeleteAccountPanel.js';

/**
 * The privacy center: every right the privacy policy gives, exercised here. Each panel is one right
 * (a copy of your data, deletion, disconnecting accounts, retention); the policy itself is public at /privacy.
 */
export function PrivacyCenterPage() {
  const me = useMe();
  return (
    <>
      <PageHeader
        title="Privacy"
        description={
          <>
            Get a copy of your data, choose how long it is kept, and delete it. What we keep and why is in the{' '}
            <a href="/privacy">privacy policy</a>.
          </>
        }
      />
      <div className="stack-large">
        <section className="panel" aria-labelledby="privacy-rights">
          <h2 id="privacy-rights">Your rights, and where to use them</h2>
          <ul>
            <li>
              A copy of everything AI Factory keeps about you and your workspaces: Download my data, below.
            </li>
            <li>
              Deletion of your account, or of a whole workspace you own: Delete my account, below, or Delete
              this workspace in Settings.
            </li>
            <li>
              Disconnecting any platform account: on <a href="/connections">Connections</a>; its access is
              revoked at the platform where the platform allows it and its tokens are deleted here (below:
              what each way of ending access deletes).
            </li>
          </ul>
        </section>
        <ExportPanel />
        <ConnectionsPrivacyPanel />
        <RetentionPanel isOwner={me.role === 'owner'} />
        <DeleteAccountPanel />
      </div>
    </>
  );
}
