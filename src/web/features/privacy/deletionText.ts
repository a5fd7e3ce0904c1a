import type { WorkspaceFateView } from '../../../api/privacy-deletion.js';

/** The word the person types to confirm (the server checks the same). */
export const CONFIRMATION_WORD = 'DELETE';

/** Where the browser lands after the account is gone; the sign-in page says so. */
export const AFTER_DELETION_URL = '/signin?deleted=1';

/** What happens to one workspace, in a sentence the panel lists before the person confirms. */
export function describeFate(fate: WorkspaceFateView): string {
  if (fate.fate === 'delete') {
    const accounts =
      fate.connections === 0
        ? ''
        : `, with its ${fate.connections} connected account${fate.connections > 1 ? 's' : ''} (access revoked at the platform first)`;
    return `${fate.name}: deleted with everything in it${accounts}.`;
  }
  const heir = fate.newOwner?.name ?? 'another member';
  return `${fate.name}: shared, so it stays; what you made there goes to ${heir}${
    fate.newOwner?.promoted ? ', who becomes its owner' : ''
  }, and your membership ends.`;
}

/** The dialog's field errors, or an empty object when it may be sent. */
export function deleteAccountErrors(input: { password: string; confirmation: string }): {
  password?: string;
  confirmation?: string;
} {
  return {
    ...(input.password ? {} : { password: 'Enter your password.' }),
    ...(input.confirmation === CONFIRMATION_WORD
      ? {}
      : { confirmation: `Type ${CONFIRMATION_WORD} in capitals to confirm.` }),
  };
}

/** Whether the typed name confirms deleting this workspace (the server compares the same way). */
export function workspaceNameConfirms(typed: string, name: string): boolean {
  return typed.trim() === name.trim();
}
