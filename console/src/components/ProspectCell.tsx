// A row's prospect: their name, linked to their page, and their local time now, so whoever reads a
// list of rows knows whom they would reach and whether it is a good time to.
import { clockIn } from '../time';
import { useNow } from './LocalTime';

export function ProspectCell({ row }: { row: { prospectId: string | null; prospectName: string | null; prospectTimeZone: string | null } }) {
  const now = useNow();
  if (!row.prospectId) return <>–</>;
  return (
    <>
      <a href={`#/prospects/${row.prospectId}`}>{row.prospectName ?? 'Prospect page'}</a>
      {row.prospectTimeZone && (
        <span className="kind">
          {' '}
          {clockIn(row.prospectTimeZone, now)} their time ({row.prospectTimeZone})
        </span>
      )}
    </>
  );
}
