import { useTranslation } from 'react-i18next';
import { useCareMode } from './care-mode.js';

/** The one care-mode (关怀版) switch, in the header of every page. */
export function CareModeSwitch() {
  const { t } = useTranslation();
  const [on, setOn] = useCareMode();
  return (
    <button
      type="button"
      className="tool-button care-switch"
      aria-pressed={on}
      onClick={() => setOn(!on)}
      data-testid="care-mode-switch"
    >
      {t('layout.careMode')}
    </button>
  );
}
