import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Receipt as ReceiptData } from '../../api/supermarkets.api.js';

export interface ReceiptLine {
  name: string;
  qty: number;
  points: number;
}

/** What was just redeemed, and the wallet's balance after it. */
export function Receipt({ receipt, lines, who }: { receipt: ReceiptData; lines: ReceiptLine[]; who: string }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="success"
      showIcon
      data-testid="receipt"
      className="printable"
      title={t('counter.redeem.done', { points: receipt.points, name: who })}
      description={
        <div className="receipt">
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
          <p className="hint">{t('counter.redeem.receiptNo', { id: receipt.id })}</p>
          <button type="button" className="button no-print" onClick={() => window.print()} data-testid="print-receipt">
            {t('counter.redeem.print')}
          </button>
        </div>
      }
    />
  );
}
