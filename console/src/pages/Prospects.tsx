// Prospects: the workspace's people, filtered by status or searched by name or email, each linking to their
// page; admin and ops import a CSV (a preview first, then the per-row errors the API reports).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap, type Session } from '../api/client';
import { ErrorNote } from '../components/Field';
import { ColumnHeads } from '../components/ColumnHeads';
import { Choice } from '../components/Choice';

type Status = 'active' | 'opted_out' | 'invalid_email';
const STATUSES: Array<{ value: Status; label: string }> = [
  { value: 'active', label: 'active' },
  { value: 'opted_out', label: 'opted out' },
  { value: 'invalid_email', label: 'invalid email' },
];

export function Prospects({ session }: { session: Session }) {
  const [status, setStatus] = useState<Status | ''>('');
  const [search, setSearch] = useState('');
  const list = useQuery({
    queryKey: ['prospects', status, search],
    queryFn: () => unwrap(api.GET('/v1/prospects', { params: { query: { limit: 100, ...(status ? { status } : {}), ...(search ? { q: search } : {}) } } })),
  });
  return (
    <>
      <h1>Prospects</h1>
      <form className="toolbar" role="search" onSubmit={(e) => (e.preventDefault(), setSearch(String(new FormData(e.currentTarget).get('q') ?? '').trim()))}>
        <label>
          Name or email <input name="q" type="search" maxLength={200} />
        </label>
        <button type="submit">Find</button>
        <Choice label="Status" value={status} onChange={(e) => setStatus(e.target.value as Status | '')} none="Any" options={STATUSES} />
      </form>
      <ErrorNote error={list.error} />
      {list.data && (
        <table>
          <caption>{list.data.data.length} prospect(s){list.data.nextCursor ? ' (first 100)' : ''}</caption>
          <ColumnHeads names={['Name', 'Email', 'Title', 'Time zone', 'Status']} />
          <tbody>
            {list.data.data.map((p) => (
              <tr key={p.id}>
                <td>
                  <a href={`#/prospects/${p.id}`}>{[p.firstName, p.lastName].filter(Boolean).join(' ') || p.email || p.id}</a>
                </td>
                <td>{p.email}</td>
                <td>{p.title}</td>
                <td>{p.timeZone}</td>
                <td>{p.status.replace(/_/g, ' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(session.role === 'admin' || session.role === 'ops') && <CsvImport />}
    </>
  );
}

function CsvImport() {
  const client = useQueryClient();
  const [csv, setCsv] = useState('');
  const preview = csv.split(/\r?\n/).filter(Boolean).slice(0, 6);
  const rows = Math.max(0, csv.split(/\r?\n/).filter(Boolean).length - 1);
  const upload = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/v1/prospects/import', {
          body: csv as never,
          bodySerializer: (b: unknown) => b as string,
          headers: { 'content-type': 'text/csv' },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['prospects'] }),
  });
  return (
    <section className="import" aria-labelledby="import-title">
      <h2 id="import-title">Import a CSV</h2>
      <label>
        CSV file (a header row: email, firstName, lastName, title, company, country...){' '}
        <input type="file" accept=".csv,text/csv" onChange={(e) => void e.target.files?.[0]?.text().then((t) => (upload.reset(), setCsv(t)))} />
      </label>
      {preview.length > 0 && (
        <>
          <h3>Preview ({rows} row{rows === 1 ? '' : 's'})</h3>
          <pre className="script">{preview.join('\n')}</pre>
          <button type="button" onClick={() => upload.mutate()} disabled={upload.isPending}>
            {upload.isPending ? `Importing ${rows} rows…` : `Import ${rows} rows`}
          </button>
        </>
      )}
      <ErrorNote error={upload.error} />
      {upload.data && (
        <div role="status">
          <p>
            {upload.data.created} created, {upload.data.updated} updated, {upload.data.skipped} skipped, {upload.data.errors.length} row error(s).
          </p>
          {upload.data.errors.length > 0 && (
            <table>
              <caption>Rows not imported</caption>
              <ColumnHeads names={['Row', 'Field', 'Problem']} />
              <tbody>
                {upload.data.errors.map((e) => (
                  <tr key={`${e.row}-${e.field}`}>
                    <td>{e.row}</td>
                    <td>{e.field}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
