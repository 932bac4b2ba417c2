// Reps' call capacity (ops): how many announced calls an hour each rep can really keep, and their
// call blocks (in the rep's zone; none: any time in the call window). PUT /v1/users/{id}/capacity.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../api/client';
import { ErrorNote, Field } from '../components/Field';
import { weekdayNames } from '../components/Weekdays';
import { WindowsEditor } from '../components/WindowsEditor';
import { fieldError } from './ops/access';
import { usePeople, type Person } from './ops/people';
import { ColumnHeads } from '../components/ColumnHeads';

type Block = Person['callBlocks'][number];
const blockText = (b: Block) => `${b.days ? weekdayNames(b.days) : 'Every day'} ${b.start}–${b.end}`;

function CapacityForm({ person, onDone, onCancel }: { person: Person; onDone: () => void; onCancel: () => void }) {
  const client = useQueryClient();
  const [blocks, setBlocks] = useState<Block[]>(person.callBlocks);
  const [callsPerHour, setCallsPerHour] = useState(String(person.callsPerHour));
  const save = useMutation({
    mutationFn: () => unwrap(api.PUT('/v1/users/{userId}/capacity', { params: { path: { userId: person.id } }, body: { callsPerHour: Number(callsPerHour), callBlocks: blocks } })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['users'] });
      onDone();
    },
  });
  const err = (path: string) => fieldError(save.error, `body.${path}`);
  const onSave = (e: FormEvent) => (e.preventDefault(), save.mutate());
  return (
    <form className="rules" onSubmit={onSave} aria-labelledby="capacity-heading">
      <h2 id="capacity-heading">Capacity of {person.name}</h2>
      <p>Times in {person.timeZone ?? 'the workspace zone'}.</p>
      <Field label="Announced calls per hour" name="callsPerHour" type="number" value={callsPerHour} onChange={(e) => setCallsPerHour(e.currentTarget.value)} error={err('callsPerHour')} />
      <WindowsEditor noun="Call block" windows={blocks} onChange={setBlocks} errorOf={(i, f) => err(`callBlocks.${i}.${f}`)} fresh={{ days: [1, 2, 3, 4, 5], start: '09:00', end: '11:00' }} />
      <p className="controls">
        <button type="submit" disabled={save.isPending}>Save the capacity of {person.name}</button>
        <button type="button" className="quiet" onClick={onCancel}>
          Cancel
        </button>
      </p>
      <ErrorNote error={save.error} />
    </form>
  );
}

export function Capacity() {
  const people = usePeople();
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const person = people.data?.data.find((p) => p.id === editing);
  return (
    <>
      <h1>Capacity and call blocks</h1>
      <ErrorNote error={people.error} />
      {saved && <p role="status">Capacity of {saved} saved: it applies to the next calls reserved.</p>}
      {people.data && (
        <table>
          <caption>Announced calls each person can keep</caption>
          <ColumnHeads names={['Name', 'Role', 'Zone', 'Calls per hour', 'Call blocks', 'Change']} />
          <tbody>
            {people.data.data.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.name}</th>
                <td>{p.role}</td>
                <td>{p.timeZone ?? '–'}</td>
                <td>{p.callsPerHour}</td>
                <td>{p.callBlocks.length ? p.callBlocks.map(blockText).join('; ') : 'Any time in the call window'}</td>
                <td>
                  <button type="button" className="quiet" onClick={() => (setEditing(p.id), setSaved(null))}>
                    Edit {p.name}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {person && <CapacityForm key={person.id} person={person} onDone={() => (setEditing(null), setSaved(person.name))} onCancel={() => setEditing(null)} />}
    </>
  );
}
