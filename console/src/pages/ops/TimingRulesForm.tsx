// The workspace's timing rules, edited in place (PUT /v1/timing-rules replaces the overrides): only
// the fields changed from the effective rules join the overrides already set, so a default stays a
// default. The API's 422 names the field; its message shows beside that field.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../../api/client';
import { ErrorNote, Field } from '../../components/Field';
import { Weekdays } from '../../components/Weekdays';
import { WindowsEditor, type DailyWindow } from '../../components/WindowsEditor';
import { fieldError } from './access';

type Window = { start: string; end: string };
type Rules = { bypassWindows: DailyWindow[]; sendWindow: Window; callWindow: Window; weekendDays: number[]; extraClosedDates: string[]; maxTouchesPerWeek: number; minGapMinutes: number };
const KEYS = ['bypassWindows', 'sendWindow', 'callWindow', 'weekendDays', 'extraClosedDates', 'maxTouchesPerWeek', 'minGapMinutes'] as const;

export function TimingRulesForm({ canEdit }: { canEdit: boolean }) {
  const client = useQueryClient();
  const rules = useQuery({ queryKey: ['timing-rules'], queryFn: () => unwrap(api.GET('/v1/timing-rules')) });
  const [weekend, setWeekend] = useState<number[] | null>(null);
  const [bypass, setBypass] = useState<DailyWindow[] | null>(null);
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => unwrap(api.PUT('/v1/timing-rules', { body })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['timing-rules'] });
      await client.invalidateQueries({ queryKey: ['timing-calendar'] });
    },
  });
  if (!rules.data) return <ErrorNote error={rules.error} />;
  const effective = rules.data.effective as unknown as Rules;
  const weekendDays = weekend ?? effective.weekendDays;
  const bypassWindows = bypass ?? effective.bypassWindows;
  const onSave = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const v = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    const edited: Rules = {
      sendWindow: { start: v.sendStart!, end: v.sendEnd! },
      callWindow: { start: v.callStart!, end: v.callEnd! },
      weekendDays,
      bypassWindows,
      extraClosedDates: v.closedDates!.split(/[\s,]+/).filter(Boolean),
      maxTouchesPerWeek: Number(v.maxTouchesPerWeek),
      minGapMinutes: Number(v.minGapMinutes),
    };
    const changed = KEYS.filter((k) => JSON.stringify(edited[k]) !== JSON.stringify(effective[k]));
    save.mutate({ ...rules.data.timingRules, ...Object.fromEntries(changed.map((k) => [k, edited[k]])) });
  };
  const err = (path: string) => fieldError(save.error, `body.${path}`);
  return (
    <form className="rules" onSubmit={onSave} aria-labelledby="rules-heading">
      <h2 id="rules-heading">Timing rules</h2>
      {!canEdit && <p>Only ops and admins change the timing rules.</p>}
      <fieldset disabled={!canEdit}>
        <legend>Windows, in the prospect&apos;s local time</legend>
        <Field label="Emails and LinkedIn from" name="sendStart" type="time" defaultValue={effective.sendWindow.start} error={err('sendWindow.start')} />
        <Field label="Emails and LinkedIn until" name="sendEnd" type="time" defaultValue={effective.sendWindow.end} error={err('sendWindow.end')} />
        <Field label="Calls from" name="callStart" type="time" defaultValue={effective.callWindow.start} error={err('callWindow.start')} />
        <Field label="Calls until" name="callEnd" type="time" defaultValue={effective.callWindow.end} error={err('callWindow.end')} />
      </fieldset>
      <fieldset disabled={!canEdit}>
        <legend>Pace and closed days</legend>
        <Field label="Touches per prospect per week, at most" name="maxTouchesPerWeek" type="number" defaultValue={effective.maxTouchesPerWeek} error={err('maxTouchesPerWeek')} />
        <Field label="Minutes between two touches, at least" name="minGapMinutes" type="number" defaultValue={effective.minGapMinutes} error={err('minGapMinutes')} />
        <Field label="Closed dates of the workspace (YYYY-MM-DD, comma separated)" name="closedDates" defaultValue={effective.extraClosedDates.join(', ')} error={err('extraClosedDates')} />
      </fieldset>
      <Weekdays legend="Weekend days (no touch)" value={weekendDays} onChange={setWeekend} disabled={!canEdit} />
      {err('weekendDays') && <p className="error">{err('weekendDays')}</p>}
      <fieldset disabled={!canEdit}>
        <legend>By-pass windows: when decision makers pick up themselves</legend>
        <WindowsEditor noun="By-pass window" windows={bypassWindows} onChange={setBypass} errorOf={(i, f) => err(`bypassWindows.${i}.${f}`)} fresh={{ start: '12:30', end: '13:30', label: '' }} disabled={!canEdit} />
      </fieldset>
      <ErrorNote error={save.error} />
      {save.isSuccess && <p role="status">Timing rules saved: they apply to the next touches planned.</p>}
      {canEdit && <button type="submit" disabled={save.isPending}>Save the timing rules</button>}
    </form>
  );
}
