import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from './form-field.js';
import './password-dialog.css';

interface Props {
  open: boolean;
  title: string;
  lead: string;
  submitLabel: string;
  /** Set while the confirmed request runs. */
  pending: boolean;
  /** The refusal to show beside the password (a wrong one), or above it. */
  error?: { password?: string | undefined; form?: string | undefined } | undefined;
  onConfirm: (password: string) => void;
  onClose: () => void;
}

/**
 * A modal (the browser's own <dialog>: focus kept inside, Escape closes, focus returns to the
 * button that opened it) asking for the current password before something sensitive is sent.
 * The password lives in this component's state only and is dropped when it closes.
 */
export function PasswordDialog({ open, title, lead, submitLabel, pending, error, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
    if (!open) {
      setPassword('');
      setMissing(false);
    }
  }, [open]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setMissing(!password);
    if (password) onConfirm(password);
  };
  const passwordError = missing ? t('profile.currentPasswordRequired') : error?.password;

  return (
    <dialog
      ref={ref}
      className="password-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      data-testid="password-dialog"
    >
      {open && (
        <form className="form" onSubmit={onSubmit} noValidate>
          <h2 id={titleId}>{title}</h2>
          <p>{lead}</p>
          {error?.form && (
            <p className="notice error" role="alert">
              {error.form}
            </p>
          )}
          <TextField
            label={t('profile.currentPassword')}
            name="confirmPassword"
            type="password"
            autoComplete="current-password"
            required
            autoFocus
            value={password}
            error={passwordError}
            onChange={(e) => setPassword(e.target.value)}
          />
          <div className="dialog-actions">
            <button type="submit" className="button primary" disabled={pending} data-testid="password-dialog-submit">
              {pending ? t('common.working') : submitLabel}
            </button>
            <button type="button" className="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
