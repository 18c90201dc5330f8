/**
 * A day is a day in the contact centre's time zone (CENTRE_TIME_ZONE in the
 * functions; the dashboard uses the same zone to choose which days to read).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // en-CA writes dates as YYYY-MM-DD; throws a RangeError for an unknown zone.
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether `timeZone` is an IANA zone this runtime knows (`Europe/London`, `America/Chicago`, `UTC`). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The centre-day (`YYYY-MM-DD`) that `instant` falls on in `timeZone`. */
export function centreDayOf(instant: Date, timeZone: string): string {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** `count` consecutive days ending with `lastDay` (both `YYYY-MM-DD`), oldest first. Calendar arithmetic only. */
export function centreDaysEndingWith(lastDay: string, count: number): string[] {
  const [year, month, day] = lastDay.split('-').map(Number);
  const days: string[] = [];
  for (let offset = count - 1; offset >= 0; offset -= 1) {
    const date = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, (day ?? 1) - offset));
    days.push(date.toISOString().slice(0, 10));
  }
  return days;
}
