import { useTranslation } from 'react-i18next';
import { MemberCodeScan } from '../../components/member-code-scan.js';

/** The counter's member-code field: a USB scanner, the clerk's typing or the camera. */
export function MemberScan({
  onCode,
  busy,
  focusKey,
}: {
  onCode: (code: string) => void;
  busy: boolean;
  /** Changes whenever the field should take the focus again (a new customer, an expired code). */
  focusKey: number;
}) {
  const { t } = useTranslation();
  return (
    <MemberCodeScan
      onCode={onCode}
      busy={busy}
      focusKey={focusKey}
      label={t('counter.redeem.memberCode')}
      submitText={t('counter.redeem.lookup')}
      formLabel={t('counter.redeem.scanForm')}
      placeholder={t('counter.redeem.memberCodeHint')}
      inputTestId="member-code-input"
      submitTestId="member-lookup"
    />
  );
}
