import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { FieldbookApi } from '../../../shared/api/contract';
import type { ExportSelection } from '../../../shared/exchange/selection';
import { MIN_PASSPHRASE_LENGTH, type AnnotationFormat, type Download, type DownloadOutcome } from '../../../shared/exchange/transfer';
import { withChecked } from '../forms/checked-set';
import { errorMessage } from '../forms/error-message';
import { describeCounts } from './labels';
import { Modal } from '../forms/Modal';

type Format = 'fieldbook' | AnnotationFormat;
type Scope = 'all' | 'documents' | 'tag' | 'actor' | 'dates';
type SubjectKind = 'document' | 'actor' | 'event';

interface Choice {
  id: string;
  label: string;
}

interface Choices {
  documents: Choice[];
  tags: Choice[];
  actors: Choice[];
  events: Choice[];
}

const formats: { value: Format; label: string; hint: string }[] = [
  { value: 'fieldbook', label: 'Fieldbook file (.fieldbook)', hint: 'Everything a teammate needs to merge it into their notebook: records, documents and their files.' },
  { value: 'w3c', label: 'Web Annotations (JSON-LD)', hint: 'Highlights and comments in the W3C Web Annotation format, for other annotation tools.' },
  { value: 'events-csv', label: 'Events as CSV', hint: 'One row per event, with ACLED-like columns, for spreadsheets and analysis tools.' },
  { value: 'markdown', label: 'Markdown report', hint: 'A document, an actor or an event, with its evidence quoted and cited.' },
];

const scopes: { value: Scope; label: string }[] = [
  { value: 'all', label: 'The whole notebook' },
  { value: 'documents', label: 'Chosen documents' },
  { value: 'tag', label: 'A tag' },
  { value: 'actor', label: 'An actor’s evidence' },
  { value: 'dates', label: 'What changed in a date range' },
];

interface ExportDialogProps {
  api: FieldbookApi;
  open: boolean;
  /** The format chosen when the dialog opens: the File menu opens it for a .fieldbook file or for other tools. */
  initialFormat: Format;
  onClose(): void;
}

/** Export the notebook, or a selection of it, as a .fieldbook file (optionally encrypted) or in a format other tools read. */
export function ExportDialog({ api, open, initialFormat, onClose }: ExportDialogProps) {
  return (
    <Modal open={open} title="Export" className="exchange-dialog export-dialog" onClose={onClose}>
      <ExportForm key={initialFormat} api={api} initialFormat={initialFormat} />
    </Modal>
  );
}

function ExportForm({ api, initialFormat }: { api: FieldbookApi; initialFormat: Format }) {
  const [format, setFormat] = useState<Format>(initialFormat);
  const [scope, setScope] = useState<Scope>('all');
  const [choices, setChoices] = useState<Choices>();
  const [documentIds, setDocumentIds] = useState<ReadonlySet<string>>(new Set());
  const [tag, setTag] = useState('');
  const [actor, setActor] = useState('');
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const [subjectKind, setSubjectKind] = useState<SubjectKind>('document');
  const [subjectId, setSubjectId] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [working, setWorking] = useState(false);
  const [result, setResult] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const outcome = useRef<HTMLDivElement>(null);
  const ids = { tag: useId(), actor: useId(), since: useId(), until: useId(), subject: useId(), passphrase: useId(), again: useId(), passHint: useId() };

  useEffect(() => {
    let current = true;
    Promise.all([api.call('documents.list', {}), api.call('tags.list', {}), api.call('actors.list', {}), api.call('events.list', {})]).then(
      ([documents, tags, actors, events]) => {
        const sorted = (list: Choice[]) => list.sort((a, b) => a.label.localeCompare(b.label));
        if (current) {
          setChoices({
            documents: sorted(documents.map((document) => ({ id: document.id, label: document.title }))),
            tags: sorted(tags.map((record) => ({ id: record.id, label: record.name }))),
            actors: sorted(actors.map((record) => ({ id: record.id, label: record.name }))),
            events: sorted(events.map((record) => ({ id: record.id, label: `${record.title} (${record.date.start})` }))),
          });
        }
      },
      (error: unknown) => current && setProblem(errorMessage(error)),
    );
    return () => {
      current = false;
    };
  }, [api]);

  // The form is taller than a small window: bring what happened into view.
  useEffect(() => {
    outcome.current?.scrollIntoView({ block: 'nearest' });
  }, [result, problem]);

  const selection = (): ExportSelection | string => {
    switch (scope) {
      case 'all':
        return {};
      case 'documents':
        return documentIds.size > 0 ? { documentIds: [...documentIds] } : 'Choose at least one document.';
      case 'tag':
        return tag ? { tag } : 'Choose a tag.';
      case 'actor':
        return actor ? { actor } : 'Choose an actor.';
      case 'dates':
        return since || until ? { ...(since ? { since } : {}), ...(until ? { until } : {}) } : 'Give a first day, a last day, or both.';
    }
  };

  const passphraseProblem =
    format !== 'fieldbook' || (passphrase === '' && again === '')
      ? undefined
      : [...passphrase].length < MIN_PASSPHRASE_LENGTH
        ? `A passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters.`
        : passphrase !== again
          ? 'The two passphrases differ.'
          : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    setResult(undefined);
    const selected = format === 'markdown' ? {} : selection();
    if (typeof selected === 'string') return setProblem(selected);
    if (format === 'markdown' && !subjectId) return setProblem(`Choose the ${subjectKind} to report on.`);
    if (passphraseProblem) return setProblem(passphraseProblem);
    setWorking(true);
    try {
      let download: Download;
      let summary: string;
      if (format === 'fieldbook') {
        const outcome = await api.call('exchange.export', { selection: selected, ...(passphrase ? { passphrase } : {}) });
        download = outcome.download;
        summary = `Exported ${outcome.selection}: ${describeCounts(outcome.counts)}${outcome.encrypted ? ', encrypted with your passphrase' : ''}.`;
      } else {
        download = await api.call('exchange.exportAnnotations', format === 'markdown' ? { format, subject: { kind: subjectKind, id: subjectId } } : { format, selection: selected });
        summary = `Wrote ${formats.find((entry) => entry.value === format)?.label ?? format}.`;
      }
      setResult(`${summary} ${whereSaved(await api.download(download), download)}`);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setWorking(false);
    }
  };

  const subjects = choices ? { document: choices.documents, actor: choices.actors, event: choices.events }[subjectKind] : [];
  return (
    <form className="export-form" onSubmit={(event) => void submit(event)}>
      <fieldset className="dialog-section">
        <legend>What to write</legend>
        {formats.map((entry) => (
          <label key={entry.value} className="choice">
            <input type="radio" name="export-format" value={entry.value} checked={format === entry.value} onChange={() => setFormat(entry.value)} />
            <span>
              {entry.label}
              <span className="hint choice-hint">{entry.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>

      {format === 'markdown' ? (
        <fieldset className="dialog-section">
          <legend>Report on</legend>
          <div className="inline-form">
            <select aria-label="Kind of record" value={subjectKind} onChange={(event) => {
                setSubjectKind(event.target.value as SubjectKind);
                setSubjectId('');
              }}>
              <option value="document">A document</option>
              <option value="actor">An actor</option>
              <option value="event">An event</option>
            </select>
            <label htmlFor={ids.subject} className="visually-hidden">
              Which {subjectKind}
            </label>
            <ChoiceSelect id={ids.subject} value={subjectId} choices={subjects} onChange={setSubjectId} />
          </div>
        </fieldset>
      ) : (
        <fieldset className="dialog-section">
          <legend>Which records</legend>
          <div className="scope-choices">
            {scopes.map((entry) => (
              <label key={entry.value} className="choice">
                <input type="radio" name="export-scope" value={entry.value} checked={scope === entry.value} onChange={() => setScope(entry.value)} />
                <span>{entry.label}</span>
              </label>
            ))}
          </div>
          {scope === 'documents' && (
            <ul className="document-choices" aria-label="Documents to export">
              {choices?.documents.map((choice) => (
                <li key={choice.id}>
                  <label className="choice">
                    <input
                      type="checkbox"
                      checked={documentIds.has(choice.id)}
                      onChange={(event) => setDocumentIds((current) => withChecked(current, choice.id, event.target.checked))}
                    />
                    <span dir="auto">{choice.label}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          {scope === 'tag' && <RecordSelect id={ids.tag} label="Tag" value={tag} choices={choices?.tags ?? []} onChange={setTag} />}
          {scope === 'actor' && <RecordSelect id={ids.actor} label="Actor" value={actor} choices={choices?.actors ?? []} onChange={setActor} />}
          {scope === 'dates' && (
            <div className="date-range">
              <label htmlFor={ids.since}>From</label>
              <input id={ids.since} type="date" value={since} onChange={(event) => setSince(event.target.value)} />
              <label htmlFor={ids.until}>to</label>
              <input id={ids.until} type="date" value={until} onChange={(event) => setUntil(event.target.value)} />
            </div>
          )}
          <p className="hint">A selection brings what it needs: a highlight its document, the actors, events and tags it is linked to.</p>
        </fieldset>
      )}

      {format === 'fieldbook' && (
        <fieldset className="dialog-section passphrase-fields">
          <legend>Passphrase (optional)</legend>
          <p className="hint" id={ids.passHint}>
            With a passphrase the whole file is encrypted; whoever merges it needs the passphrase. Tell it to them another way than the file. At least {MIN_PASSPHRASE_LENGTH}{' '}
            characters; a few unrelated words are easy to type and hard to guess.
          </p>
          <label htmlFor={ids.passphrase}>Passphrase</label>
          <input id={ids.passphrase} type="password" autoComplete="new-password" value={passphrase} aria-describedby={ids.passHint} onChange={(event) => setPassphrase(event.target.value)} />
          <label htmlFor={ids.again}>Passphrase again</label>
          <input id={ids.again} type="password" autoComplete="new-password" value={again} onChange={(event) => setAgain(event.target.value)} />
        </fieldset>
      )}

      <div className="dialog-actions">
        {working && <progress aria-label="Exporting" />}
        <button type="submit" className="primary" disabled={working || choices === undefined}>
          {working ? 'Exporting…' : 'Export'}
        </button>
      </div>
      <div ref={outcome}>
        {problem && (
          <p className="exchange-problem" role="alert" dir="auto">
            {problem}
          </p>
        )}
        {result && (
          <p className="exchange-result" role="status" dir="auto">
            {result}
          </p>
        )}
      </div>
    </form>
  );
}

function RecordSelect({ id, label, value, choices, onChange }: { id: string; label: string; value: string; choices: Choice[]; onChange(value: string): void }) {
  return (
    <div className="inline-form">
      <label htmlFor={id}>{label}</label>
      <ChoiceSelect id={id} value={value} choices={choices} onChange={onChange} />
    </div>
  );
}

function ChoiceSelect({ id, value, choices, onChange }: { id: string; value: string; choices: Choice[]; onChange(value: string): void }) {
  return (
    <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">Choose…</option>
      {choices.map((choice) => (
        <option key={choice.id} value={choice.id}>
          {choice.label}
        </option>
      ))}
    </select>
  );
}

function whereSaved(outcome: DownloadOutcome, download: Download): string {
  if (outcome.path) return `Saved to ${outcome.path}.`;
  if (outcome.saved) return `Your browser downloads it as “${download.fileName}”.`;
  return 'Not saved: the save was cancelled. Export again to save it.';
}
