/** YYYY-MM-DD of the day `days` before `now` (UTC). */
export function isoDay(days = 0, now: Date = new Date()): string {
  const date = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  return date.toISOString().slice(0, 10);
}

/** A timestamp as the UI shows it: the date, and the time when it is today. */
export function formatDate(value: string | null | undefined): string {
  if (!value) {
    return '—';
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return value;
  }
  return date.toISOString().slice(0, 10);
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) {
    return '—';
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return value;
  }
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** YYYY-MM-DD of the day `days` after `now` (UTC). */
export function isoDayFromNow(days: number, now: Date = new Date()): string {
  return isoDay(-days, now);
}
