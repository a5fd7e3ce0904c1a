import { Link } from 'react-router-dom';

export function BrandMark() {
  return (
    <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="currentColor" />
      <path d="M12 9.5v13l10.5-6.5z" fill="#fff" />
    </svg>
  );
}

export function BrandLink({ compact = false }: { compact?: boolean }) {
  return (
    <Link to="/" className="brand" aria-label="AI Factory home">
      <BrandMark />
      <span className={compact ? 'brand-name brand-name-compact' : 'brand-name'}>AI Factory</span>
    </Link>
  );
}
