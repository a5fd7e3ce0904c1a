import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { MeResponse } from '../../../api/auth.js';
import { SessionContext, type Session } from '../../session/sessionContext.js';
import { SignInPage } from '../auth/SignInPage.js';
import { DeleteWorkspacePanel } from '../settings/DeleteWorkspacePanel.js';
import { DeleteAccountForm, DeleteAccountPanel } from './DeleteAccountPanel.js';
import {
  AFTER_DELETION_URL,
  deleteAccountErrors,
  describeFate,
  workspaceNameConfirms,
} from './deletionText.js';

const render = (element: ReturnType<typeof createElement>) =>
  renderToStaticMarkup(createElement(QueryClientProvider, { client: new QueryClient() }, element));

const me: MeResponse = {
  user: { id: 'u1', email: 'owner@example.com', name: 'Owner' },
  workspaces: [{ id: 'w1', name: 'Harbour Studio', role: 'owner' }],
  currentWorkspace: { id: 'w1', name: 'Harbour Studio', role: 'owner' },
  role: 'owner',
};

/** Renders inside a session and a router at `url`, as the app does. */
function renderRouted(element: ReturnType<typeof createElement>, session: Session, url = '/') {
  const value = {
    session,
    refresh: async () => undefined,
    setMe: () => undefined,
    signOut: async () => undefined,
  };
  return render(
    createElement(
      SessionContext.Provider,
      { value },
      createElement(MemoryRouter, { initialEntries: [url] }, element),
    ),
  );
}

describe('the delete-account panel', () => {
  it('has the heading and button a person (and the browser journey) looks for', () => {
    const html = render(createElement(DeleteAccountPanel));
    expect(html).toMatch(/<h2[^>]*>Delete my account<\/h2>/);
    expect(html).toMatch(/<button[^>]*>Delete my account<\/button>/);
    expect(html).toContain('cannot be undone');
  });

  it('asks for the password and the typed word before the final button', () => {
    const html = render(createElement(DeleteAccountForm, { onCancel: () => undefined }));
    expect(html).toMatch(/<label[^>]*>Password<\/label>/);
    expect(html).toMatch(/<label[^>]*>Type DELETE to confirm<\/label>/);
    expect(html).toMatch(/<button type="submit"[^>]*>Delete my account permanently<\/button>/);
  });

  it('sends nothing until both fields are right', () => {
    expect(deleteAccountErrors({ password: '', confirmation: 'delete' })).toEqual({
      password: 'Enter your password.',
      confirmation: 'Type DELETE in capitals to confirm.',
    });
    expect(deleteAccountErrors({ password: 'secret', confirmation: 'DELETE ' })).toHaveProperty(
      'confirmation',
    );
    expect(deleteAccountErrors({ password: 'secret', confirmation: 'DELETE' })).toEqual({});
    expect(AFTER_DELETION_URL).toBe('/signin?deleted=1');
  });

  it('says plainly which workspaces go and which are handed over, to whom', () => {
    expect(
      describeFate({ workspaceId: 'w1', name: 'Solo', fate: 'delete', newOwner: null, connections: 3 }),
    ).toBe(
      'Solo: deleted with everything in it, with its 3 connected accounts (access revoked at the platform first).',
    );
    expect(
      describeFate({ workspaceId: 'w2', name: 'Empty', fate: 'delete', newOwner: null, connections: 0 }),
    ).toBe('Empty: deleted with everything in it.');
    expect(
      describeFate({
        workspaceId: 'w3',
        name: 'Team',
        fate: 'hand_over',
        newOwner: { name: 'Ada', promoted: true },
        connections: 0,
      }),
    ).toBe(
      'Team: shared, so it stays; what you made there goes to Ada, who becomes its owner, and your membership ends.',
    );
  });

  it('confirms a workspace deletion only with its exact name', () => {
    expect(workspaceNameConfirms('Studio', 'Studio')).toBe(true);
    expect(workspaceNameConfirms(' Studio ', 'Studio')).toBe(true);
    expect(workspaceNameConfirms('studio', 'Studio')).toBe(false);
    expect(workspaceNameConfirms('', 'Studio')).toBe(false);
  });
});

describe('the delete-workspace panel and the page after an account deletion', () => {
  it('asks an owner to type the workspace name, under the fixed heading and button', () => {
    const html = renderRouted(createElement(DeleteWorkspacePanel), { status: 'signedIn', me });
    expect(html).toMatch(/<h2[^>]*>Delete this workspace<\/h2>/);
    expect(html).toMatch(/<label[^>]*>Type the workspace name to confirm<\/label>/);
    expect(html).toMatch(/<button type="submit"[^>]*>Delete this workspace<\/button>/);
    expect(html).toContain('Harbour Studio');
  });

  it('says on the sign-in page that the account was deleted, only after a deletion', () => {
    const signedOut: Session = { status: 'signedOut', reason: 'anonymous' };
    expect(renderRouted(createElement(SignInPage), signedOut, AFTER_DELETION_URL)).toContain(
      'Your account was deleted',
    );
    expect(renderRouted(createElement(SignInPage), signedOut, '/signin')).not.toContain(
      'Your account was deleted',
    );
  });
});
