import type { ReportLine } from './use-import';

/** How many files of an import ended each way. */
export interface ReportCounts {
  imported: number;
  duplicate: number;
  failed: number;
  skipped: number;
  cancelled: number;
}

export function countReport(lines: readonly ReportLine[]): ReportCounts {
  const counts: ReportCounts = { imported: 0, duplicate: 0, failed: 0, skipped: 0, cancelled: 0 };
  for (const line of lines) counts[line.status] += 1;
  return counts;
}

/**
 * Up to this many files, a report with a failure opens its details by itself: the reader sees why
 * at once. A bigger batch stays a summary line (failures counted, listed first when opened), so a
 * drop of hundreds of files never pushes the library off the screen.
 */
export const OPEN_DETAILS_UP_TO = 5;

export function detailsOpenAtFirst(lines: readonly ReportLine[]): boolean {
  return lines.length <= OPEN_DETAILS_UP_TO && lines.some((l) => l.status === 'failed');
}

const ORDER: Record<ReportLine['status'], number> = {
  failed: 0,
  duplicate: 1,
  skipped: 2,
  cancelled: 3,
  imported: 4,
};

/**
 * The details in the order a reader acts on them: what failed first, then what was already
 * there, what was skipped or cancelled and what came in; files keep their import order within each group.
 */
export function detailsOrder(lines: readonly ReportLine[]): ReportLine[] {
  return lines
    .map((line, i) => ({ line, i }))
    .sort((a, b) => ORDER[a.line.status] - ORDER[b.line.status] || a.i - b.i)
    .map(({ line }) => line);
}
