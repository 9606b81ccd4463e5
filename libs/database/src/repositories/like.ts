/** Escapes %, _ and \ for a LIKE pattern (used with ESCAPE '\\'). */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export const LIKE_ESCAPE = "ESCAPE '\\'";
