/**
 * Where text may go on a 9:16 frame without being hidden by the apps' own interface, as fractions of the frame.
 *
 * - TikTok: the right-hand action buttons (like, comment, share, profile) cover roughly the right 12–15 % from
 *   about 40 % to 85 % of the height; the caption, username and music ticker cover the bottom ~20–25 %; the
 *   "Following | For You" tabs cover the top ~10 %.
 * - Instagram Reels: the caption, username and audio line cover the bottom ~20 %, the action buttons sit on the
 *   right from about 55 % down, and the camera/"Reels" header the top ~10 %.
 * - YouTube Shorts: similar, with the channel and title block in the bottom ~25 %.
 *
 * So: captions sit in the band from 55 % to 75 % of the height (bottom edge at 75 %), kinetic overlay text
 * starts at 18 % (under every app's header), and all text keeps 8 % from the left and 12 % from the right edge.
 */
export interface SafeZone {
  /** Left margin, fraction of the width. */
  left: number;
  /** Right margin, fraction of the width (wider: the action buttons are on the right). */
  right: number;
  /** Top of the caption band, fraction of the height. */
  captionTop: number;
  /** Bottom of the caption band, fraction of the height (captions are bottom-aligned to it). */
  captionBottom: number;
  /** Top edge of kinetic overlay text, fraction of the height. */
  overlayTop: number;
}

export const DEFAULT_SAFE_ZONE: SafeZone = {
  left: 0.08,
  right: 0.12,
  captionTop: 0.55,
  captionBottom: 0.75,
  overlayTop: 0.18,
};

/** The safe zone in pixels for a frame size (ASS margins). */
export function safeZoneMargins(
  zone: SafeZone,
  width: number,
  height: number,
): { left: number; right: number; captionBottom: number; captionTop: number; overlayTop: number } {
  return {
    left: Math.round(zone.left * width),
    right: Math.round(zone.right * width),
    captionBottom: Math.round((1 - zone.captionBottom) * height),
    captionTop: Math.round(zone.captionTop * height),
    overlayTop: Math.round(zone.overlayTop * height),
  };
}
