import { useState } from 'preact/hooks';
import { language, t } from '../lib/i18n';
import { navigate } from '../lib/router';
import { signIn } from '../lib/session';
import type { Problem } from '../lib/session';

export default function SignIn({ next }: { next: string | null }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    try {
      const answer = await signIn(username.trim(), password, language.get());
      if (answer.ok) navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/');
      else setProblem(answer.problem);
    } catch {
      setProblem({ status: 0, code: 'NETWORK', detail: t('network') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="signin">
      <h1>{t('signIn')}</h1>
      <form onSubmit={submit} aria-describedby={problem ? 'signin-problem' : undefined}>
        <label for="username">{t('username')}</label>
        <input id="username" name="username" autocomplete="username" required autoFocus value={username}
          onInput={(e) => setUsername((e.currentTarget as HTMLInputElement).value)} />
        <label for="password">{t('password')}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required value={password}
          onInput={(e) => setPassword((e.currentTarget as HTMLInputElement).value)} />
        {problem && <p id="signin-problem" class="problem" role="alert">{problem.detail ?? problem.code}</p>}
        <button type="submit" disabled={busy}>{t('signIn')}</button>
      </form>
    </section>
  );
}
