// What the desk says about the records that wait: offline, being sent, or stopped by a refusal
// of the whole batch, which trying again cannot change (so it must not look like sending).
import { t } from '../lib/i18n';
import type { BatchRefusal } from './queue';

/** Where the sign-in sends the librarian back to: the desk, whose upload then resumes. */
export const SIGN_IN_TO_DESK = '/signin?next=/desk';

export interface WaitingNotice {
  heading: string;
  /** The upload stopped at a refusal: an alert, not a status that something is under way. */
  stopped: boolean;
  help: string | null;
  /** The link to sign in again with, when the session is what stops the upload. */
  signIn: string | null;
}

export function waitingNotice(offline: boolean, waiting: number, refusal: BatchRefusal | null): WaitingNotice {
  if (refusal && waiting > 0 && !offline) {
    if (refusal.status === 401) {
      return { heading: t('signInToSend', waiting), stopped: true, help: t('keptUntilSignIn'), signIn: SIGN_IN_TO_DESK };
    }
    const heading = t('batchRefused', waiting, refusal.code);
    return { heading: refusal.detail ? `${heading} ${refusal.detail}` : heading, stopped: true, help: t('keptAfterRefusal'), signIn: null };
  }
  return { heading: t(offline ? 'offlineWaiting' : 'onlineWaiting', waiting), stopped: false,
    help: offline ? t('offlineHelp') : null, signIn: null };
}
