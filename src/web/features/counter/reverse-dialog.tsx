import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Modal } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reverseRedemption, supermarketKeys, voidRedemption, type Redemption } from '../../api/supermarkets.api.js';
import { refusalText } from './counter-errors.js';
import { newBasketKey, withRetry } from './redeem-retry.js';

/**
 * Undoes a redemption with a reason: points go back to the wallet and goods back to stock. A
 * site manager or admin reverses at any time; the counter's staff void within 10 minutes.
 */
export function ReverseDialog({
  siteId,
  redemption,
  onClose,
  how = 'reverse',
}: {
  siteId: string;
  redemption: Redemption;
  onClose: () => void;
  how?: 'reverse' | 'void';
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const key = useRef(newBasketKey());
  const reverse = useMutation({
    mutationFn: () =>
      withRetry(() =>
        (how === 'void' ? voidRedemption : reverseRedemption)(redemption.id, { reason, idempotencyKey: key.current }),
      ),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: supermarketKeys.siteRedemptions(siteId) });
      void client.invalidateQueries({ queryKey: supermarketKeys.goods(siteId) });
      onClose();
    },
    onError: (err) => setFailure(refusalText(err, t)),
  });
  return (
    <Modal
      open
      title={t(`counter.redemptions.${how}Title`, { points: redemption.points, name: redemption.volunteerName })}
      okText={t(`counter.redemptions.${how}`)}
      okButtonProps={{ danger: true, disabled: !reason.trim(), loading: reverse.isPending }}
      cancelText={t('common.cancel')}
      onOk={() => reverse.mutate()}
      onCancel={onClose}
    >
      <p>{t(`counter.redemptions.${how}Lead`)}</p>
      {failure && <Alert type="error" showIcon title={failure} />}
      <Form layout="vertical" name="reverse">
        <Form.Item
          label={t(how === 'void' ? 'counter.redemptions.voidReason' : 'counter.redemptions.reason')}
          required
          htmlFor="reverse-reason"
        >
          <Input id="reverse-reason" value={reason} onChange={(e) => setReason(e.target.value)} autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
