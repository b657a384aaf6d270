import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Modal } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reverseRedemption, supermarketKeys, type Redemption } from '../../api/supermarkets.api.js';
import { refusalText } from './counter-errors.js';
import { newBasketKey, withRetry } from './redeem-retry.js';

/** Undoes a redemption with a reason: points go back to the wallet and goods back to stock. */
export function ReverseDialog({
  siteId,
  redemption,
  onClose,
}: {
  siteId: string;
  redemption: Redemption;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const key = useRef(newBasketKey());
  const reverse = useMutation({
    mutationFn: () => withRetry(() => reverseRedemption(redemption.id, { reason, idempotencyKey: key.current })),
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
      title={t('counter.redemptions.reverseTitle', { points: redemption.points, name: redemption.volunteerName })}
      okText={t('counter.redemptions.reverse')}
      okButtonProps={{ danger: true, disabled: !reason.trim(), loading: reverse.isPending }}
      cancelText={t('common.cancel')}
      onOk={() => reverse.mutate()}
      onCancel={onClose}
    >
      <p>{t('counter.redemptions.reverseLead')}</p>
      {failure && <Alert type="error" showIcon title={failure} />}
      <Form layout="vertical" name="reverse">
        <Form.Item label={t('counter.redemptions.reason')} required htmlFor="reverse-reason">
          <Input id="reverse-reason" value={reason} onChange={(e) => setReason(e.target.value)} autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
