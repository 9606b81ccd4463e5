import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';

/**
 * A new, empty database on the MySQL/MariaDB server of `serverUrl`, for a throw-away run
 * (migration checks, end-to-end tests); `drop()` removes it.
 */
export async function createScratchDatabase(serverUrl: string, label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const url = new URL(serverUrl.replace(/^mariadb:/, 'mysql:'));
  const name = `${url.pathname.slice(1) || 'staffing'}_${label}_${randomBytes(4).toString('hex')}`.slice(0, 64);
  const admin = await createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      try {
        await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await admin.end();
      }
    },
  };
}
