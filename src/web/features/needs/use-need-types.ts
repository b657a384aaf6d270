import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { needKeys, needTypes, type NeedType } from '../../api/needs.api.js';
import { isEnglish } from '../../i18n/i18n.js';
import { typeName } from './need-steps.js';

/** The kinds of need (GET /need-types, the city may add some) and how to name one in the UI language. */
export function useNeedTypes(): { types: NeedType[]; nameOf: (code: string) => string; pending: boolean } {
  const { i18n } = useTranslation();
  const q = useQuery({ queryKey: needKeys.types, queryFn: needTypes, staleTime: Infinity });
  const types = q.data?.items ?? [];
  return { types, nameOf: (code) => typeName(types, code, isEnglish(i18n.language)), pending: q.isPending };
}
