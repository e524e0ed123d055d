// Keeps the session: the token in localStorage, the current user from /api/me.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, tokenStore } from '../lib/api.ts';
import { fetchMe, login as apiLogin, logout as apiLogout, type Me } from '../features/identity/api.ts';

type Status = 'loading' | 'signedOut' | 'signedIn';

interface AuthValue {
  status: Status;
  me: Me | null;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  /** reads /api/me again, after a change of one's own account (a one-time password replaced) or a token set by registration */
  refresh(): Promise<Me>;
}

const AuthContext = createContext<AuthValue | null>(null);

/**
 * What follows a failed /api/me at start: a 401 has already signed out (the API client's handler); no network, a server
 * restarting or a request cut by the page being left (Chromium rejects it with an AbortError) keep the token and ask again (1 s, 2 s, 4 s … at most 15 s) —
 * signing out then would throw away a good session, shared by every tab; any other answer signs out.
 */
export function afterFailedSessionCheck(e: unknown, attempt: number): 'signedOut' | 'signOut' | { retryInMs: number } {
  if (e instanceof ApiError && e.status === 401) return 'signedOut';
  // the browser aborts a page's requests when it leaves the page (an AbortError we did not ask for): not an answer
  const cut = e instanceof Error && e.name === 'AbortError';
  if (cut || (e instanceof ApiError && (e.status === 0 || e.status >= 500))) return { retryInMs: Math.min(15_000, 1000 * 2 ** attempt) };
  return 'signOut';
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>(tokenStore.get() ? 'loading' : 'signedOut');
  const [me, setMe] = useState<Me | null>(null);

  const signOutLocally = useCallback(() => {
    tokenStore.set(null);
    setMe(null);
    setStatus('signedOut');
  }, []);

  useEffect(() => {
    tokenStore.onUnauthorized(signOutLocally);
    if (!tokenStore.get()) return () => tokenStore.onUnauthorized(null);
    const ctrl = new AbortController();
    let again: ReturnType<typeof setTimeout> | undefined;
    const check = (attempt: number) => fetchMe(ctrl.signal).then(
      (user) => { setMe(user); setStatus('signedIn'); },
      (e: unknown) => {
        if (ctrl.signal.aborted) return;
        const next = afterFailedSessionCheck(e, attempt);
        if (next === 'signOut') { console.warn('session check failed', e); signOutLocally(); }
        else if (next !== 'signedOut') again = setTimeout(() => void check(attempt + 1), next.retryInMs);
      },
    );
    void check(0);
    return () => { ctrl.abort(); clearTimeout(again); tokenStore.onUnauthorized(null); };
  }, [signOutLocally]);

  const login = useCallback(async (username: string, password: string) => {
    const { token } = await apiLogin(username, password);
    tokenStore.set(token);
    const user = await fetchMe();
    setMe(user);
    setStatus('signedIn');
    return user;
  }, []);

  const refresh = useCallback(async () => {
    const user = await fetchMe();
    setMe(user);
    setStatus('signedIn'); // also after a sign-in by a token from elsewhere (resident registration)
    return user;
  }, []);

  const logout = useCallback(async () => {
    try { await apiLogout(); } catch { /* the token may already be gone */ }
    signOutLocally();
  }, [signOutLocally]);

  const value = useMemo(() => ({ status, me, login, logout, refresh }), [status, me, login, logout, refresh]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}

/** The signed-in user; only for pages behind RequireAuth. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a signed-in user');
  return me;
}
