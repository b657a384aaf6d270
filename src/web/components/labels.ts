import { useTranslation } from 'react-i18next';
import { DEFAULT_FIELDS } from '../../common/enums.js';
import { isEnglish } from '../i18n/i18n.js';

/** Names a service field by code in the UI language; unknown codes (data-extended) show as given. */
export function useFieldName(): (code: string) => string {
  const { t, i18n } = useTranslation();
  return (code) => {
    const known = DEFAULT_FIELDS.find((f) => f.code === code);
    const fallback = known ? (isEnglish(i18n.language) ? known.en : known.zh) : code;
    return t(`fields.${code}`, { defaultValue: fallback });
  };
}

/** Colour per site type, shared by map markers and the legend (all ≥ 3:1 against the map background). */
export const SITE_TYPE_COLOURS: Record<string, string> = {
  guidance_centre: '#a8071a',
  town_centre: '#d4380d',
  practice_point: '#ad6800',
  industry_base: '#5b8c00',
  youth_home: '#08979c',
  legal_station: '#1d39c4',
  supermarket: '#722ed1',
  other: '#595959',
};
