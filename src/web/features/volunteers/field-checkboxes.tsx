import { useTranslation } from 'react-i18next';

interface Props {
  /** The service fields to offer, each with its name in the UI language. */
  options: { code: string; name: string }[];
  value: string[];
  onChange: (codes: string[]) => void;
  error?: string | undefined;
}

/** Service fields (服务领域) as a group of checkboxes: registration and the profile form. */
export function FieldCheckboxes({ options, value, onChange, error }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset className="checkbox-group" data-testid="field-checkboxes">
      <legend>{t('register.fields')}</legend>
      {options.map((f) => (
        <label key={f.code} className="checkbox">
          <input
            type="checkbox"
            name="fields"
            value={f.code}
            checked={value.includes(f.code)}
            onChange={(e) => onChange(e.target.checked ? [...value, f.code] : value.filter((c) => c !== f.code))}
          />
          {f.name}
        </label>
      ))}
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
