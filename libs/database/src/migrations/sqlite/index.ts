import { Registry1795958975916 } from './1795958975916-Registry';

/** In order of creation; the service runs them on start. */
export const SQLITE_MIGRATIONS: (new () => unknown)[] = [Registry1795958975916];
