/** Sandbox accounts are local stand-ins: nobody should mistake them for their real channels. */
export function SandboxNotice() {
  return (
    <aside className="sandbox-notice" aria-label="Sandbox mode">
      <span className="badge badge-sandbox">Sandbox</span>
      <p>
        This server connects to local test versions of TikTok, Instagram and YouTube. Accounts connected here
        are test accounts, not real ones, and nothing is published for real.
      </p>
    </aside>
  );
}
