import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { VOID_MINUTES } from '../../../common/contract/supermarkets.js';
import type { Receipt as ReceiptData } from '../../api/supermarkets.api.js';
import { useFormat } from '../../components/format.js';

export interface ReceiptLine {
  name: string;
  qty: number;
  points: number;
}

/** What was just redeemed, its receipt number and the wallet's balance after it; printable on its own (print CSS). */
export function Receipt({ receipt, lines, who }: { receipt: ReceiptData; lines: ReceiptLine[]; who: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const until = new Date(Date.parse(receipt.at) + VOID_MINUTES * 60_000).toISOString();
  return (
    <Alert
      type="success"
      showIcon
      data-testid="receipt"
      className="printable"
      title={t('counter.redeem.done', { points: receipt.points, name: who })}
      description={
        <div className="receipt">
          <p className="print-only receipt-title">{t('counter.redeem.receiptTitle')}</p>
          <p className="receipt-no">
            <strong data-testid="receipt-no">{t('counter.redeem.receiptNo', { id: receipt.receiptNo })}</strong>
          </p>
          <p>{t('counter.redeem.receiptAt', { at: f.dateTime(receipt.at) })}</p>
          <ul>
            {lines.map((l) => (
              <li key={l.name}>{t('points.goodsLine', { ...l })}</li>
            ))}
          </ul>
          <p>
            <strong data-testid="receipt-balance">
              {t('counter.redeem.balanceAfter', { balance: receipt.balanceAfter })}
            </strong>
          </p>
          <p className="hint no-print">{t('counter.redeem.voidHint', { until: f.time(until) })}</p>
          <button type="button" className="button no-print" onClick={() => window.print()} data-testid="print-receipt">
            {t('counter.redeem.print')}
          </button>
        </div>
      }
    />
  );
}
