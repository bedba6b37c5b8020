import { useState } from 'preact/hooks';
import { formatDate, formatNumber } from '../lib/format';
import { bareClassName, t } from '../lib/i18n';
import type { Key } from '../lib/i18n';
import { schoolInstant, ticked } from '../lib/lists';
import { follow } from '../lib/router';
import { query } from '../lib/schoolApi';
import type { Paged, SchoolApi } from '../lib/schoolApi';
import type { Problem } from '../lib/session';
import { Done, Field, ProblemNote, today, useLoaded, useSchoolApi, valueOf } from '../lib/ui';

interface RosterEntry {
  patronId: string;
  fullName: string;
  category: string;
}

interface SchoolClass {
  classId: string;
  name: string;
  grade: number;
  schoolYear: string;
  homeroomTeacherId: string | null;
  roster: RosterEntry[];
}

interface LibraryPeriod {
  periodId: string;
  heldOn: string;
  activity: string;
  attendees: number;
  enrolledStudents: number;
  note: string | null;
}

interface ReadingEvent {
  eventId: string;
  name: string;
  kind: string;
  startsOn: string;
  endsOn: string;
  participants: number;
}

const ACTIVITIES = ['FREE_READING', 'BOOK_TALK', 'STORYTELLING', 'RESEARCH', 'OTHER'] as const;
const EVENT_KINDS = ['READING_DAY', 'BOOK_TALK', 'FESTIVAL', 'CONTEST'] as const;
const PLACES = ['LIBRARY', 'CLASS_CORNER', 'HOME'] as const;

/** A class: its roster; its library periods, with attendance ticked on the roster; its reading events and sessions. */
export default function ClassPage({ schoolId, classId }: { schoolId: string; classId: string }) {
  const api = useSchoolApi(schoolId);
  const klass = useLoaded(() => api.get<SchoolClass>('/classes/' + encodeURIComponent(classId)), [api, classId]);
  const c = klass.value;
  return (
    <section class="class-page">
      <p><a href="/readers" onClick={follow}>← {t('readers')}</a></p>
      <ProblemNote problem={klass.problem} />
      {c && (
        <>
          <h1>{t('klass', bareClassName(c.name))} <span class="id">({c.schoolYear})</span></h1>
          <p class="meta">{t('enrolled', formatNumber(c.roster.length))}{c.homeroomTeacherId ? ' · ' + t('homeroom', c.homeroomTeacherId) : ''}</p>
          <LibraryPeriods api={api} klass={c} />
          <ReadingEvents api={api} klass={c} />
          <ReadingSession api={api} klass={c} />
        </>
      )}
    </section>
  );
}

/** The roster with a box per student: the attendance of a period, the participants of an event. */
function RosterTicks({ id, roster, checked, toggle }: { id: string; roster: RosterEntry[]; checked: Set<string>; toggle: (ids: string[], on: boolean) => void }) {
  const all = roster.map((r) => r.patronId);
  return (
    <fieldset class="roster-ticks">
      <legend>{t('tickRoster', checked.size, roster.length)}</legend>
      <p class="actions">
        <button type="button" class="secondary" onClick={() => toggle(all, true)}>{t('tickAll')}</button>
        <button type="button" class="secondary" onClick={() => toggle(all, false)}>{t('tickNone')}</button>
      </p>
      <ul>
        {roster.map((entry) => (
          <li key={entry.patronId}>
            <input id={`${id}-${entry.patronId}`} type="checkbox" checked={checked.has(entry.patronId)} data-patron={entry.patronId}
              onChange={(e) => toggle([entry.patronId], (e.currentTarget as HTMLInputElement).checked)} />
            <label for={`${id}-${entry.patronId}`}>{entry.fullName} <span class="id">({entry.patronId})</span></label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function useTicks(): [Set<string>, (ids: string[], on: boolean) => void, () => void] {
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const toggle = (ids: string[], on: boolean) => setChecked((old) => {
    const next = new Set(old);
    ids.forEach((id) => (on ? next.add(id) : next.delete(id)));
    return next;
  });
  return [checked, toggle, () => setChecked(new Set())];
}

function LibraryPeriods({ api, klass }: { api: SchoolApi; klass: SchoolClass }) {
  const periods = useLoaded(() => api.get<Paged<LibraryPeriod>>('/library-periods' + query({ classId: klass.classId, size: 20 })), [api, klass.classId]);
  const [checked, toggle, clear] = useTicks();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const answer = await api.post<{ periodId: string }>('/library-periods', {
      classId: klass.classId, heldOn: valueOf(form, 'heldOn'), activity: valueOf(form, 'activity'),
      attendeeIds: ticked(klass.roster, checked), note: valueOf(form, 'note') || null,
    });
    if (!answer.ok) return setProblem(answer.problem);
    setProblem(null);
    setDone(t('periodRecorded', checked.size, klass.roster.length));
    clear();
    periods.reload();
  }

  return (
    <section class="library-periods" aria-labelledby="periods-heading">
      <h2 id="periods-heading">{t('libraryPeriods')}</h2>
      <form onSubmit={submit}>
        <div class="inline-form">
          <Field id="period-on" label={t('heldOn')}><input id="period-on" name="heldOn" type="date" required defaultValue={today()} /></Field>
          <Field id="period-activity" label={t('activity')}>
            <select id="period-activity" name="activity">{ACTIVITIES.map((a) => <option key={a} value={a}>{t(('activity_' + a) as Key)}</option>)}</select>
          </Field>
          <Field id="period-note" label={t('note')}><input id="period-note" name="note" /></Field>
        </div>
        <RosterTicks id="attended" roster={klass.roster} checked={checked} toggle={toggle} />
        <button type="submit">{t('recordPeriod')}</button>
      </form>
      <ProblemNote problem={problem} />
      <Done text={done} />
      {periods.value && periods.value.items.length > 0 && (
        <table class="periods">
          <thead><tr><th>{t('heldOn')}</th><th>{t('activity')}</th><th>{t('attendance')}</th><th>{t('note')}</th></tr></thead>
          <tbody>
            {periods.value.items.map((p) => (
              <tr key={p.periodId}>
                <td>{formatDate(p.heldOn)}</td><td>{t(('activity_' + p.activity) as Key)}</td>
                <td>{p.attendees}/{p.enrolledStudents}</td><td>{p.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ReadingEvents({ api, klass }: { api: SchoolApi; klass: SchoolClass }) {
  const events = useLoaded(() => api.get<Paged<ReadingEvent>>('/reading-events' + query({ classId: klass.classId, size: 20 })), [api, klass.classId]);
  const [open, setOpen] = useState<string | null>(null);
  const [checked, toggle, clear] = useTicks();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function create(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const answer = await api.post<{ eventId: string }>('/reading-events', {
      name: valueOf(form, 'name'), kind: valueOf(form, 'kind'), startsOn: valueOf(form, 'startsOn'),
      endsOn: valueOf(form, 'endsOn'), classIds: [klass.classId],
    });
    if (!answer.ok) return setProblem(answer.problem);
    setProblem(null);
    setDone(t('eventCreated'));
    form.reset();
    events.reload();
  }

  async function participate(eventId: string) {
    const answer = await api.post<unknown>(`/reading-events/${encodeURIComponent(eventId)}/participations`, { patronIds: ticked(klass.roster, checked) });
    if (!answer.ok) return setProblem(answer.problem);
    setProblem(null);
    setDone(t('participationRecorded', checked.size));
    clear();
    setOpen(null);
    events.reload();
  }

  return (
    <section class="reading-events" aria-labelledby="events-heading">
      <h2 id="events-heading">{t('readingEvents')}</h2>
      <ProblemNote problem={problem} />
      <Done text={done} />
      {events.value && events.value.items.length > 0 && (
        <ul class="events">
          {events.value.items.map((e) => (
            <li key={e.eventId}>
              <strong>{e.name}</strong> · {t(('event_' + e.kind) as Key)} · {formatDate(e.startsOn)}–{formatDate(e.endsOn)} · {t('participants', e.participants)}
              {open !== e.eventId && <button type="button" class="secondary" onClick={() => { clear(); setOpen(e.eventId); }}>{t('recordParticipation')}</button>}
              {open === e.eventId && (
                <div>
                  <RosterTicks id={'took-part-' + e.eventId} roster={klass.roster} checked={checked} toggle={toggle} />
                  <button type="button" onClick={() => participate(e.eventId)}>{t('save')}</button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>{t('newEvent')}</summary>
        <form class="inline-form" onSubmit={create}>
          <Field id="event-name" label={t('eventName')}><input id="event-name" name="name" required /></Field>
          <Field id="event-kind" label={t('eventKind')}>
            <select id="event-kind" name="kind">{EVENT_KINDS.map((k) => <option key={k} value={k}>{t(('event_' + k) as Key)}</option>)}</select>
          </Field>
          <Field id="event-starts" label={t('startsOn')}><input id="event-starts" name="startsOn" type="date" required defaultValue={today()} /></Field>
          <Field id="event-ends" label={t('endsOn')}><input id="event-ends" name="endsOn" type="date" required defaultValue={today()} /></Field>
          <button type="submit">{t('createEvent')}</button>
        </form>
      </details>
    </section>
  );
}

function ReadingSession({ api, klass }: { api: SchoolApi; klass: SchoolClass }) {
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const answer = await api.post<{ sessionId: string }>('/reading-sessions', {
      patronId: valueOf(form, 'patronId'), startedAt: schoolInstant(valueOf(form, 'startedAt')),
      minutes: Number(valueOf(form, 'minutes')), place: valueOf(form, 'place'),
    });
    if (!answer.ok) return setProblem(answer.problem);
    setProblem(null);
    setDone(t('sessionRecorded'));
  }

  return (
    <section class="reading-session" aria-labelledby="session-heading">
      <h2 id="session-heading">{t('readingSession')}</h2>
      <form class="inline-form" onSubmit={submit}>
        <Field id="session-patron" label={t('reader')}>
          <select id="session-patron" name="patronId">{klass.roster.map((r) => <option key={r.patronId} value={r.patronId}>{r.fullName}</option>)}</select>
        </Field>
        <Field id="session-at" label={t('startedAt')}><input id="session-at" name="startedAt" type="datetime-local" required defaultValue={today() + 'T08:00'} /></Field>
        <Field id="session-minutes" label={t('minutes')}><input id="session-minutes" name="minutes" type="number" min={1} required defaultValue="20" /></Field>
        <Field id="session-place" label={t('place')}>
          <select id="session-place" name="place">{PLACES.map((p) => <option key={p} value={p}>{t(('place_' + p) as Key)}</option>)}</select>
        </Field>
        <button type="submit">{t('recordSession')}</button>
      </form>
      <ProblemNote problem={problem} />
      <Done text={done} />
    </section>
  );
}
