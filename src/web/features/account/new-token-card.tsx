import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewApiToken } from '../../../common/contract/tokens.js';

/** The secret of a token just made: shown this once, with a copy button; focus lands on it. */
export function NewTokenCard({ made }: { made: NewApiToken }) {
  const { t } = useTranslation();
  const inputId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [said, setSaid] = useState('');
  useEffect(() => heading.current?.focus(), [made.id]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(made.token);
      setSaid(t('apiTokens.copied'));
    } catch {
      (document.getElementById(inputId) as HTMLInputElement | null)?.select();
      setSaid(t('apiTokens.copyByHand'));
    }
  };
  return (
    <section className="card new-token" aria-labelledby="new-token-title" data-testid="new-token">
      <h2 id="new-token-title" tabIndex={-1} ref={heading}>
        {t('apiTokens.madeTitle', { name: made.name })}
      </h2>
      <p className="notice">{t('apiTokens.shownOnce')}</p>
      <div className="form-row">
        <label htmlFor={inputId}>{t('apiTokens.secret')}</label>
        <input
          id={inputId}
          readOnly
          value={made.token}
          data-testid="new-token-secret"
          onFocus={(e) => e.target.select()}
        />
      </div>
      <button type="button" className="button primary" onClick={() => void copy()} data-testid="copy-token">
        {t('apiTokens.copy')}
      </button>
      <p role="status" className="hint">
        {said}
      </p>
    </section>
  );
}
