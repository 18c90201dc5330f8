/**
 * The dashboard's periods as centre-days (a day in the centre's time zone),
 * and the instant a centre-day starts, for queries on stored times.
 */
import { centreDayOf, centreDaysEndingWith } from '@interaction-history/model';
import type { DayRange } from '../../data/dashboard.js';

export const PERIODS = { today: 1, last7: 7, last30: 30 } as const;
export type Period = keyof typeof PERIODS;

export function dayRange(period: Period, now: Date, timeZone: string): DayRange {
  const days = centreDaysEndingWith(centreDayOf(now, timeZone), PERIODS[period]);
  return { first: days[0] ?? '', last: days[days.length - 1] ?? '', days: days.length };
}

/** Minutes `timeZone` is ahead of UTC at `instant`. */
function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value ?? 0);
  const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The first instant of a centre-day (`YYYY-MM-DD`) in `timeZone`; checked twice, for a day on which the clocks change. */
export function startOfCentreDay(day: string, timeZone: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  const midnightUtc = Date.UTC(year ?? 1970, (month ?? 1) - 1, date ?? 1);
  let guess = midnightUtc - offsetMinutes(new Date(midnightUtc), timeZone) * 60_000;
  guess = midnightUtc - offsetMinutes(new Date(guess), timeZone) * 60_000;
  return new Date(guess);
}
