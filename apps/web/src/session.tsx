import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setToken, setUnauthorizedHandler, type Schemas } from './api/client';

export type User = Schemas['UserResponse'];
export type Role = 'PROVINCE_ADMIN' | 'CITY_OFFICER' | 'COUNTY_OFFICER' | 'PRINCIPAL' | 'TEACHER';

interface Session {
  user: User | null;
  /** Why the last session ended without the user signing out (shown on the sign-in page). */
  expired: boolean;
  signIn: (username: string, password: string) => Promise<User>;
  signOut: () => void;
}

const SessionContext = createContext<Session | null>(null);

/**
 * The signed-in user. The bearer token is kept in memory only (api/client.ts): a reload or a new tab signs in again,
 * and nothing a script could read from storage carries it. A 401 on a signed-in request ends the session; the route
 * guard then sends the user to sign-in with the page to come back to.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [expired, setExpired] = useState(false);

  const signOut = useCallback(() => {
    setToken(null);
    setUser(null);
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setToken(null);
      setUser(null);
      setExpired(true);
    });
    return () => setUnauthorizedHandler(null);
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const answer = await api.post<Schemas['LoginResponse']>('/auth/login', { username, password });
    setToken(answer.accessToken);
    setExpired(false);
    setUser(answer.user);
    return answer.user;
  }, []);

  const value = useMemo(() => ({ user, expired, signIn, signOut }), [user, expired, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user, inside the console's layout (the guard has made sure there is one). */
export function useUser(): User & { role: Role } {
  const { user } = useSession();
  if (!user) throw new Error('No signed-in user');
  return user;
}
