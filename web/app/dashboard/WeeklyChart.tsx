import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { WeeklySeries } from '../lib/dashboards';
import { formatDate, formatNumber } from '../lib/format';
import { language, t } from '../lib/i18n';
import { useSignal } from '../lib/signal';

const COLOURS = { loans: '#1f5fa8', activeReaders: '#2e7d32', readingMinutes: '#b45309' };

function shortDate(date: string): string {
  return formatDate(date).slice(0, 5); // 07/12
}

function shown(value: number | null): string {
  return value === null ? '–' : formatNumber(value);
}

/**
 * A class's weeks over the semester: loans and active readers on the left scale, the minutes of
 * reading the school saw on the right. The canvas is for the eye; the table under it says the same
 * to a screen reader (and to the browser tests).
 */
export function WeeklyChart({ series }: { series: WeeklySeries }) {
  const lang = useSignal(language);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const target = box.current;
    if (!target || series.weeks.length === 0) return;
    const label = (i: number) => (Number.isInteger(i) && series.weeks[i - 1] ? shortDate(series.weeks[i - 1].from) : '');
    const plot = new uPlot({
      width: Math.max(280, Math.min(target.clientWidth || 800, 900)),
      height: 260,
      scales: { x: { time: false }, minutes: { auto: true } },
      axes: [
        { values: (_, splits) => splits.map(label), incrs: [1, 2, 4, 8] },
        { values: (_, splits) => splits.map((v) => formatNumber(v)) },
        { scale: 'minutes', side: 1, grid: { show: false }, values: (_, splits) => splits.map((v) => formatNumber(v)) },
      ],
      series: [
        { label: t('week'), value: (_, i) => (i === null ? '' : label(i)) },
        { label: t('loansLabel'), stroke: COLOURS.loans, width: 2, points: { show: true }, value: (_, v) => shown(v) },
        { label: t('activeReadersLabel'), stroke: COLOURS.activeReaders, width: 2, points: { show: true }, value: (_, v) => shown(v) },
        {
          label: t('readingMinutesLabel'), stroke: COLOURS.readingMinutes, width: 2, dash: [6, 4], scale: 'minutes',
          points: { show: true }, value: (_, v) => shown(v),
        },
      ],
    }, [series.weeks.map((_, i) => i + 1), series.loans, series.activeReaders, series.readingMinutes] as uPlot.AlignedData, target);
    return () => plot.destroy();
  }, [series, lang]);

  if (series.weeks.length === 0) return <p class="muted">{t('noWeeksYet')}</p>;
  return (
    <figure class="weekly">
      <div ref={box} class="chart" aria-hidden="true" />
      <figcaption class="visually-hidden">{t('weeklyCaption')}</figcaption>
      <div class="table-scroll" tabIndex={0} role="region" aria-label={t('weeklyTable')}>
        <table class="weeks">
          <caption>{t('weeklyTable')}</caption>
          <thead>
            <tr><th scope="col">{t('week')}</th><th scope="col">{t('loansLabel')}</th><th scope="col">{t('activeReadersLabel')}</th><th scope="col">{t('readingMinutesLabel')}</th></tr>
          </thead>
          <tbody>
            {series.weeks.map((week, i) => (
              <tr key={week.from} data-week={week.from}>
                <th scope="row">{shortDate(week.from)}–{shortDate(week.to)}</th>
                <td class="loans">{shown(series.loans[i])}</td>
                <td class="active-readers">{shown(series.activeReaders[i])}</td>
                <td class="reading-minutes">{shown(series.readingMinutes[i])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
