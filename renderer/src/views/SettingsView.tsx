import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Settings, Theme } from '../../../shared/model/settings';
import { themeLabels, themeOrder } from '../styles/theme';

interface SettingsViewProps {
  settings: Settings;
  onSave(patch: Partial<Settings>): Promise<void>;
}

export function SettingsView({ settings, onSave }: SettingsViewProps) {
  const [name, setName] = useState(settings.authorName);
  const [status, setStatus] = useState('');
  const nameId = useId();
  useEffect(() => setName(settings.authorName), [settings.authorName]);

  const saveName = async (event: FormEvent) => {
    event.preventDefault();
    setStatus('Saving…');
    try {
      await onSave({ authorName: name });
      setStatus('Saved.');
    } catch {
      setStatus('Not saved.');
    }
  };

  return (
    <section className="settings-view" aria-labelledby="view-title">
      <header className="view-header">
        <h1 id="view-title">Settings</h1>
      </header>
      <form className="settings-group" onSubmit={(event) => void saveName(event)}>
        <h2>Your name</h2>
        <p>Shown beside the highlights and notes you write, and kept with them when notebooks are exchanged.</p>
        <label htmlFor={nameId}>Display name</label>
        <div className="inline-form">
          <input id={nameId} type="text" dir="auto" maxLength={120} value={name} onChange={(event) => setName(event.target.value)} />
          <button type="submit" className="primary" disabled={name.trim() === settings.authorName}>
            Save name
          </button>
        </div>
        <p role="status" className="form-status">
          {status}
        </p>
      </form>
      <fieldset className="settings-group">
        <legend>Theme</legend>
        {themeOrder.map((theme: Theme) => (
          <label key={theme} className="radio">
            <input type="radio" name="theme" value={theme} checked={settings.theme === theme} onChange={() => void onSave({ theme }).catch(() => undefined)} />
            {themeLabels[theme]}
            {theme === 'system' && <span className="hint"> (follows your computer)</span>}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
