import { t } from '../lib/i18n';
import type { Key } from '../lib/i18n';

/** One figure of a dashboard's row of figures: the number large, what it counts under it. */
export function Figure({ label, value }: { label: Key; value: string }) {
  return <li><span class="figure-value">{value}</span><span class="figure-label">{t(label)}</span></li>;
}
