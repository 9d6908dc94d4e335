import { toUnixSeconds } from '@lib/search-core';
import { ValidateBy, type ValidationArguments } from 'class-validator';

/** The request's date range; either end may be open. */
export interface DateRange {
  from?: string;
  to?: string;
}

/** End of the day for a bare date, so `to=2017-11-11` includes that day. */
function endOf(iso: string): number | null {
  const seconds = toUnixSeconds(iso);
  if (seconds === null) return null;
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? seconds + 86_399 : seconds;
}

/** The range in unix seconds, both ends inclusive; null for an open or unreadable end. */
export function dateRangeSeconds(range: DateRange): { from: number | null; to: number | null } {
  return {
    from: range.from === undefined ? null : toUnixSeconds(range.from),
    to: range.to === undefined ? null : endOf(range.to),
  };
}

/**
 * Rejects a `to` that ends before `from` starts. Such a range matches nothing, so an empty
 * result would hide what is almost always a client's mistake (the two swapped); the same day
 * in both is a one-day range. Unreadable dates are left to their own validators.
 */
export function IsNotBeforeFrom(): PropertyDecorator {
  return ValidateBy({
    name: 'isNotBeforeFrom',
    validator: {
      validate: (_value: unknown, args?: ValidationArguments): boolean => {
        const { from, to } = dateRangeSeconds(args?.object as DateRange);
        return from === null || to === null || to >= from;
      },
      defaultMessage: () => 'to must not be before from: the range would match nothing',
    },
  });
}
