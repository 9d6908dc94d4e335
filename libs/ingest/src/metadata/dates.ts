/** Month names of English and Russian dates (Russian in the genitive, as in "15 августа"). */
const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ['january', 'января', 'jan', 'янв'],
    ['february', 'февраля', 'feb', 'фев'],
    ['march', 'марта', 'mar', 'мар'],
    ['april', 'апреля', 'apr', 'апр'],
    ['may', 'мая'],
    ['june', 'июня', 'jun', 'июн'],
    ['july', 'июля', 'jul', 'июл'],
    ['august', 'августа', 'aug', 'авг'],
    ['september', 'сентября', 'sep', 'sept', 'сен', 'сент'],
    ['october', 'октября', 'oct', 'окт'],
    ['november', 'ноября', 'nov', 'ноя'],
    ['december', 'декабря', 'dec', 'дек'],
  ].flatMap((names, index) => names.map((name): [string, number] => [name, index + 1])),
);

/** UTC offsets of time-zone abbreviations that news sites print. */
const ZONES: ReadonlyMap<string, string> = new Map([
  ['UTC', '+00:00'],
  ['GMT', '+00:00'],
  ['BST', '+01:00'],
  ['CET', '+01:00'],
  ['CEST', '+02:00'],
  ['MSK', '+03:00'],
  ['EST', '-05:00'],
  ['EDT', '-04:00'],
  ['PST', '-08:00'],
  ['PDT', '-07:00'],
]);

const pad = (n: number): string => String(n).padStart(2, '0');

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return null;
  if (year < 1900 || year > 2100) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function withTime(date: string, time: RegExpMatchArray | null): string {
  if (time === null) return date;
  const zone = ZONES.get((time[3] ?? '').toUpperCase());
  if (zone === undefined) return date;
  return `${date}T${pad(Number(time[1]))}:${time[2]}:00${zone}`;
}

const ISO = /\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?)?\b/;
const DAY_MONTH_YEAR = /\b(\d{1,2})\s+([A-Za-zА-Яа-яёЁ]+)\.?,?\s+(\d{4})\b/;
const MONTH_DAY_YEAR = /\b([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})\b/;
const TIME = /\b(\d{1,2}):(\d{2})\s*([A-Z]{3,4})\b/;

/**
 * An unambiguous date in a short text (a header or byline), as ISO 8601: "2025-08-15",
 * "Saturday 11 November 2017 04:36 EST", "15 августа 2025", "November 11, 2017". Dates without
 * a year, or with numeric day/month order that could be read two ways, give null.
 */
export function findDate(text: string): string | null {
  const iso = ISO.exec(text);
  if (iso !== null) {
    const date = isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (date === null) return null;
    if (iso[4] === undefined) return date;
    const zone =
      iso[7] === undefined ? '' : iso[7] === 'Z' ? 'Z' : iso[7].replace(/(\d{2})(\d{2})$/, '$1:$2');
    return `${date}T${iso[4]}:${iso[5]}:${iso[6] ?? '00'}${zone}`;
  }
  const dmy = DAY_MONTH_YEAR.exec(text);
  const dmyMonth = dmy === null ? undefined : MONTHS.get((dmy[2] ?? '').toLowerCase());
  if (dmy !== null && dmyMonth !== undefined) {
    const date = isoDate(Number(dmy[3]), dmyMonth, Number(dmy[1]));
    return date === null ? null : withTime(date, TIME.exec(text.slice(dmy.index + dmy[0].length)));
  }
  const mdy = MONTH_DAY_YEAR.exec(text);
  const mdyMonth = mdy === null ? undefined : MONTHS.get((mdy[1] ?? '').toLowerCase());
  if (mdy !== null && mdyMonth !== undefined) {
    const date = isoDate(Number(mdy[3]), mdyMonth, Number(mdy[2]));
    return date === null ? null : withTime(date, TIME.exec(text.slice(mdy.index + mdy[0].length)));
  }
  return null;
}
