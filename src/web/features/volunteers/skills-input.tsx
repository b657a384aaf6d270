import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../common/limits.js';

interface Props {
  skills: string[];
  onChange: (skills: string[]) => void;
  error?: string | undefined;
}

/** Skills as tags: type one and press Enter (or 添加); each tag has its own remove button. */
export function SkillsInput({ skills, onChange, error }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const shown = problem ?? error;

  const add = () => {
    const words = draft
      .split(/[,，、;；]/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (words.length === 0) return;
    if (words.some((w) => w.length > LIMITS.tagMax))
      return setProblem(t('validation.maxLength', { max: LIMITS.tagMax }));
    const next = [...skills, ...words.filter((w) => !skills.includes(w))];
    if (next.length > LIMITS.tagsMax) return setProblem(t('profile.skills.tooMany', { max: LIMITS.tagsMax }));
    setProblem(null);
    setDraft('');
    onChange(next);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault(); // Enter adds the tag; it does not send the whole form.
    add();
  };
  const remove = (skill: string) => {
    onChange(skills.filter((s) => s !== skill));
    input.current?.focus();
  };

  return (
    <div className={shown ? 'form-row has-error' : 'form-row'}>
      <label htmlFor={id}>{t('profile.skills.label')}</label>
      {skills.length > 0 ? (
        <ul className="tag-list" aria-label={t('profile.skills.current')} data-testid="skill-tags">
          {skills.map((s) => (
            <li key={s} className="tag skill-tag">
              <span>{s}</span>
              <button
                type="button"
                className="tag-remove"
                aria-label={t('profile.skills.remove', { skill: s })}
                onClick={() => remove(s)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">{t('profile.skills.none')}</p>
      )}
      <div className="inline-add">
        <input
          ref={input}
          id={id}
          name="skill"
          value={draft}
          aria-describedby={`${id}-hint${shown ? ` ${id}-error` : ''}`}
          aria-invalid={shown ? true : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="button" onClick={add} data-testid="skill-add">
          {t('profile.skills.add')}
        </button>
      </div>
      <p id={`${id}-hint`} className="hint">
        {t('profile.skills.hint')}
      </p>
      {shown && (
        <p id={`${id}-error`} className="field-error">
          {shown}
        </p>
      )}
    </div>
  );
}
