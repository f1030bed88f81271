// The app shell: the unlock screen until a member is in, then the screens their roles allow (others are hidden),
// a Lock button, and the auto-lock after ten minutes idle. Locking unmounts every screen, so no personal data
// stays in the page.
import { useCallback, useEffect, useRef, useState } from 'react';
import { call, onLocked, onMenu, onScheduler } from '../api.js';
import { ROLE_LABELS } from '../lib/labels.js';
import { mayCall, screensFor, type ScreenId, type ScreenProps } from '../lib/nav.js';
import { AuditScreen } from '../screens/audit-screen.js';
import { ContactsScreen } from '../screens/contacts-screen.js';
import { ExportScreen } from '../screens/export-screen.js';
import { GroupsScreen } from '../screens/groups-screen.js';
import { HomeScreen } from '../screens/home-screen.js';
import { ImportScreen } from '../screens/import-screen.js';
import { AccountDialog } from '../screens/members/account-dialog.js';
import { MembersScreen } from '../screens/members-screen.js';
import { NoticesScreen } from '../screens/notices-screen.js';
import { RecordsScreen } from '../screens/records-screen.js';
import { RequestsScreen } from '../screens/requests-screen.js';
import { RetentionScreen } from '../screens/retention-screen.js';
import { RecoveryKeyNotice, UnlockScreen, type Unlocked } from '../screens/unlock-screen.js';
import { lastSession } from '../screens/unlock/desktop.js';
import { useStatus } from './status.js';
import { IDLE_LOCK_MS, useIdleLock } from './use-idle-lock.js';

/** The vault path to pre-fill: `?vault=…` in the page address (the Electron menu may open it so), else none. */
function pathFromAddress(): string {
  try {
    return new URLSearchParams(window.location.search).get('vault') ?? '';
  } catch {
    return '';
  }
}

export function App() {
  const status = useStatus();
  const [session, setSession] = useState<Unlocked | null>(null);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [screen, setScreen] = useState<ScreenId | null>(null);
  const [initialPath, setInitialPath] = useState(pathFromAddress);
  // The member name used last on this computer (never a passphrase), pre-filled with the vault.
  const [initialName, setInitialName] = useState('');
  const [account, setAccount] = useState(false);
  const [checked, setChecked] = useState(false);

  // A vault already unlocked in the main process (e.g. after a reload) is taken up again; else the desktop's
  // last vault and member name are offered (none known: the unlock screen welcomes a first launch).
  useEffect(() => {
    const start = async () => {
      try {
        const s = await call('vault.status', {});
        if (s.member && s.path) setSession({ member: s.member, name: '', path: s.path });
        const last = await lastSession();
        const path = s.path ?? last.path;
        if (path) setInitialPath((current) => current || path);
        if (last.name && last.path === path) setInitialName(last.name);
      } catch {
        // No core: the unlock screen says so when used.
      }
      setChecked(true);
    };
    void start();
  }, []);

  const locked = useCallback(
    (message: string) => {
      setSession(null);
      setRecoveryKey(null);
      setAccount(false);
      setScreen(null);
      status.announce(message, 'info');
    },
    [status],
  );

  useEffect(() => onLocked(() => locked('The vault is locked. Unlock it to go on.')), [locked]);

  // The desktop menu: "Open vault…" offers the chosen file on the unlock screen; "Lock" (or the main process's
  // own lock) returns there. The daily destruction's line is shown in the status region.
  useEffect(() => {
    const offMenu = onMenu((command) => {
      if (command.type === 'locked') locked('The vault is locked.');
      else if (command.type === 'open-vault') {
        void call('vault.lock', {}).catch(() => {});
        locked(`Unlock ${command.path} to open it.`);
        setInitialPath(command.path);
      }
    });
    const offScheduler = onScheduler((notice) => status.announce(notice.message, notice.ok ? 'info' : 'error'));
    return () => {
      offMenu();
      offScheduler();
    };
  }, [locked, status]);

  const lock = useCallback(
    async (why: 'button' | 'idle') => {
      try {
        await call('vault.lock', {});
      } catch {
        // Locked or not, the page forgets everything.
      }
      locked(why === 'idle' ? 'The vault was locked after 10 minutes without activity.' : 'The vault is locked.');
    },
    [locked],
  );

  useIdleLock(session !== null, IDLE_LOCK_MS, () => void lock('idle'));

  const screens = session ? screensFor(session.member.roles) : [];
  const current = screens.find((s) => s.id === screen) ?? screens[0] ?? null;
  const roles = session?.member.roles ?? [];

  // A message belongs to the screen that said it: opening another screen clears it (not locking, whose message the
  // unlock screen shows).
  const shown = useRef<ScreenId | null>(null);
  const currentId = current?.id ?? null;
  useEffect(() => {
    if (currentId !== null && shown.current !== null && currentId !== shown.current) status.clear();
    shown.current = currentId;
  }, [currentId, status]);

  return (
    <div className="app" data-testid="app">
      <header className="app-header">
        <h1>Contact Sanitizer</h1>
        {session ? (
          <div className="who" data-testid="session">
            <span>
              {session.name ? <strong>{session.name}</strong> : 'Signed in'} · {roles.map((r) => ROLE_LABELS[r]).join(', ')}
            </span>
            <span className="hint vault-path" title={session.path}>
              {session.path}
            </span>
            <button type="button" data-testid="account-button" aria-haspopup="dialog" onClick={() => setAccount(true)}>
              Account
            </button>
            <button type="button" data-testid="lock-button" onClick={() => void lock('button')}>
              <span aria-hidden="true">🔒 </span>Lock
            </button>
          </div>
        ) : null}
        {session && account ? <AccountDialog onClose={() => setAccount(false)} /> : null}
      </header>
      {session && !recoveryKey && screens.length > 0 ? (
        <nav className="app-nav" aria-label="Screens">
          <ul>
            {screens.map((s) => (
              <li key={s.id}>
                <button type="button" data-testid={`nav-${s.id}`} aria-current={current?.id === s.id ? 'page' : undefined} onClick={() => setScreen(s.id)}>
                  {s.label}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <main className="app-main" id="main">
        {!session ? (
          checked ? (
            <UnlockScreen
              key={initialPath}
              initialPath={initialPath}
              initialName={initialName}
              onUnlocked={(u) => {
                setSession(u);
                // After a lock, the unlock screen offers the same vault and member name again.
                setInitialPath(u.path);
                setInitialName(u.name);
                setRecoveryKey(u.recoveryKey ?? null);
                setScreen(null);
              }}
            />
          ) : (
            <p className="hint">Starting…</p>
          )
        ) : recoveryKey ? (
          <RecoveryKeyNotice
            recoveryKey={recoveryKey}
            vaultPath={session.path}
            onDone={() => {
              // The key is put away: the message about keeping it goes with it.
              setRecoveryKey(null);
              status.clear();
            }}
          />
        ) : current === null ? (
          <p>Your member has no role that can use a screen here.</p>
        ) : (
          <Screen id={current.id} roles={roles} memberId={session.member.id} navigate={setScreen} />
        )}
      </main>
    </div>
  );
}

function Screen({ id, ...props }: ScreenProps & { id: ScreenId }) {
  const { roles, memberId } = props;
  switch (id) {
    case 'home':
      return <HomeScreen {...props} />;
    case 'notices':
      return <NoticesScreen {...props} />;
    case 'requests':
      return <RequestsScreen {...props} />;
    case 'export':
      return <ExportScreen {...props} />;
    case 'records':
      return <RecordsScreen {...props} />;
    case 'import':
      return <ImportScreen />;
    case 'groups':
      return <GroupsScreen />;
    case 'contacts':
      return <ContactsScreen canErase={mayCall('contacts.erase', roles)} />;
    case 'retention':
      return <RetentionScreen />;
    case 'members':
      return <MembersScreen selfId={memberId} />;
    case 'audit':
      return <AuditScreen />;
  }
}
