/**
 * Escapes %, _ and the escape character itself for a LIKE pattern used with LIKE_ESCAPE.
 * The escape character is `!`, not a backslash: a backslash means different things inside SQL
 * string literals on MySQL and on SQLite.
 */
export function likeEscape(text: string): string {
  return text.replace(/[!%_]/g, (c) => `!${c}`);
}

export const LIKE_ESCAPE = "ESCAPE '!'";
