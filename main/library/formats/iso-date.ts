/**
 * A calendar date written the ways books and front matter write them (2024-03-05, 2024/3/5,
 * 2024-03-05T08:00:00+08:00, 2024年3月5日) as YYYY-MM-DD; null when it is not a whole, real date
 * (a bare year says too little to be a publication day).
 */
export function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const match = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
