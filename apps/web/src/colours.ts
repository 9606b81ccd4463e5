/** Tag colours: white text on dark backgrounds, each above a 4.5:1 contrast (antd's light presets fall below it). */
export const SEVERITY_COLOURS: Record<string, string> = { CRITICAL: '#a8071a', HIGH: '#ad2102', MEDIUM: '#874d00' };
export const GOOD = '#237804';
export const PENDING = '#0958d9';
export const BAD = '#a8071a';
export const WAITING = '#874d00';
/** A posting's kind: a regular post plain, a rotation, support, shared or shadowing one in its own colour. */
export const POSTING_KIND_COLOURS: Record<string, string | undefined> = {
  ROTATION: '#0958d9',
  SHARED: '#531dab',
  SUPPORT: '#006d75',
  SHADOWING: '#874d00',
};
