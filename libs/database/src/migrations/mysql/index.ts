import { Registry1795957873414 } from './1795957873414-Registry';

/** In order of creation; the service runs them on start. */
export const MYSQL_MIGRATIONS: (new () => unknown)[] = [Registry1795957873414];
