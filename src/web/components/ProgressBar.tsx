interface ProgressBarProps {
  label: string;
  /** 0..1 */
  value: number;
  small?: boolean;
}

/** A determinate bar that assistive tech reads as "label, 40%". */
export function ProgressBar({ label, value, small = false }: ProgressBarProps) {
  const percent = Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className={small ? 'progress progress-small' : 'progress'}
    >
      <span className="progress-fill" style={{ width: `${percent}%` }} />
    </div>
  );
}
