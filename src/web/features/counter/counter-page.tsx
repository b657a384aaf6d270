import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Tabs } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  listGoods,
  memberLookup,
  redeem,
  supermarketKeys,
  type Member,
  type MemberLookupInput,
  type Receipt as ReceiptData,
} from '../../api/supermarkets.api.js';
import { ApiError } from '../../api/http-client.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { basketItems, basketTotal, BasketTable, type Basket } from './basket-table.js';
import { refusalText } from './counter-errors.js';
import { MemberScan } from './member-scan.js';
import { PinLookup } from './pin-lookup.js';
import { Receipt, type ReceiptLine } from './receipt.js';
import { isTransient, newBasketKey, withRetry } from './redeem-retry.js';

/** How the clerk identifies the volunteer: the scanned member code, or volunteer code or phone and counter PIN. */
type Mode = 'scan' | 'pin';

interface Customer extends Member {
  /** What the redemption sends as `memberCode`: the scanned code, or the member token of a PIN look-up. */
  code: string;
  via: Mode;
}

/**
 * The counter: identify the volunteer (member code, or volunteer code or phone and PIN for those
 * without a smartphone), pick goods, confirm; points and stock move together or not at all.
 */
export function CounterPage({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  usePageTitle(t('counter.redeem.title'));
  const client = useQueryClient();
  const goods = useQuery({ queryKey: supermarketKeys.goods(siteId), queryFn: () => listGoods(siteId) });
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [basket, setBasket] = useState<Basket>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<{ receipt: ReceiptData; lines: ReceiptLine[]; who: string } | null>(null);
  const [focusKey, setFocusKey] = useState(0);
  const [mode, setMode] = useState<Mode>('scan');
  // A new customer gets an empty PIN form (the last one's code or phone does not stay on screen).
  const [serial, setSerial] = useState(0);
  const key = useRef<string | null>(null);
  // A confirm that got no answer: the basket stays as sent until the same attempt is answered.
  const [unanswered, setUnanswered] = useState(false);
  const firstQty = useRef<HTMLDivElement>(null);
  // Points leave the wallet for good: the clerk sees the balance before and after and says yes once more.
  const [reviewing, setReviewing] = useState(false);
  const finalButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (reviewing) finalButton.current?.focus();
  }, [reviewing]);
  const [basketFocus, setBasketFocus] = useState(0);
  // After a look-up, the first quantity field takes the focus (once the catalogue is there).
  useEffect(() => {
    if (basketFocus) firstQty.current?.querySelector<HTMLInputElement>('input:not([disabled])')?.focus();
  }, [basketFocus, goods.data]);

  const lookup = useMutation({
    mutationFn: (body: MemberLookupInput): Promise<Customer> =>
      memberLookup(siteId, body).then((m) => ({
        ...m,
        code: m.memberToken ?? body.memberCode ?? '',
        via: body.memberCode === undefined ? 'pin' : 'scan',
      })),
    onSuccess: (c) => {
      setFailure(null);
      setDone(null);
      // The same volunteer showing a fresh code keeps the basket; someone else starts afresh.
      if (customer?.volunteerCode !== c.volunteerCode) {
        setBasket({});
        key.current = null;
        setUnanswered(false);
      }
      setCustomer(c);
      setBasketFocus((n) => n + 1);
    },
    onError: (err) => {
      setFailure(refusalText(err, t));
      setFocusKey((k) => k + 1);
    },
  });
  const onCode = useCallback((memberCode: string) => lookup.mutate({ memberCode }), [lookup]);
  // A member token that ran out asks for the PIN again, not for a fresh code on a phone.
  const refusal = (err: unknown, c: Customer | null) =>
    c?.via === 'pin' && err instanceof ApiError && err.code === 'TOKEN_EXPIRED'
      ? t('counter.errors.PIN_TOKEN_EXPIRED')
      : refusalText(err, t, (id) => goods.data?.items.find((g) => g.id === id)?.name);

  const items = goods.data?.items ?? [];
  const total = basketTotal(items, basket);
  const confirm = useMutation({
    mutationFn: (c: Customer) => {
      // One key per basket: a repeat after a network failure is the same attempt, never a second payment.
      key.current ??= newBasketKey();
      const idempotencyKey = key.current;
      return withRetry(() => redeem(siteId, { memberCode: c.code, items: basketItems(basket), idempotencyKey }));
    },
    onSuccess: (receipt, c) => {
      setReviewing(false);
      const lines = items
        .filter((g) => (basket[g.id] ?? 0) > 0)
        .map((g) => ({ name: g.name, qty: basket[g.id] ?? 0, points: g.points * (basket[g.id] ?? 0) }));
      setDone({ receipt, lines, who: c.volunteerName });
      setCustomer(null);
      setSerial((n) => n + 1);
      setBasket({});
      setFailure(null);
      key.current = null;
      setUnanswered(false);
      setFocusKey((k) => k + 1);
      void client.invalidateQueries({ queryKey: supermarketKeys.goods(siteId) });
      void client.invalidateQueries({ queryKey: supermarketKeys.siteRedemptions(siteId) });
    },
    onError: (err, c) => {
      setReviewing(false);
      setFailure(refusal(err, c));
      // Still unanswered: pressing confirm again repeats the same attempt. A refusal changed nothing,
      // so the next attempt gets its own key.
      const transient = isTransient(err);
      setUnanswered(transient);
      if (!transient) key.current = null;
    },
  });

  const change = (goodsId: string, qty: number) => {
    setReviewing(false);
    setBasket((b) => ({ ...b, [goodsId]: qty }));
    key.current = null;
  };
  const reset = () => {
    setReviewing(false);
    setUnanswered(false);
    setCustomer(null);
    setSerial((n) => n + 1);
    setBasket({});
    setFailure(null);
    key.current = null;
    setFocusKey((k) => k + 1);
  };

  return (
    <section className="admin-panel counter-panel" aria-labelledby="counter-title">
      <h1 id="counter-title">{t('counter.redeem.title')}</h1>
      <p>{t('counter.redeem.lead')}</p>
      <Tabs
        activeKey={mode}
        onChange={(k) => {
          setMode(k as Mode);
          setFocusKey((n) => n + 1);
        }}
        aria-label={t('counter.redeem.modes')}
        items={[
          {
            key: 'scan',
            label: <span data-testid="mode-scan">{t('counter.redeem.byScan')}</span>,
            children: mode === 'scan' && <MemberScan onCode={onCode} busy={lookup.isPending} focusKey={focusKey} />,
          },
          {
            key: 'pin',
            label: <span data-testid="mode-pin">{t('counter.redeem.byPin')}</span>,
            children: mode === 'pin' && (
              <PinLookup key={serial} onLookup={(b) => lookup.mutate(b)} busy={lookup.isPending} focusKey={focusKey} />
            ),
          },
        ]}
      />
      <div aria-live="polite" className="counter-messages">
        {done && <Receipt {...done} />}
        {failure && <Alert type="error" showIcon title={failure} role="alert" data-testid="counter-error" />}
      </div>
      {customer && (
        <section className="counter-customer" aria-labelledby="customer-title" data-testid="customer">
          <h2 id="customer-title">
            {t('counter.redeem.customer', { name: customer.volunteerName, code: customer.volunteerCode })}
          </h2>
          <p className="counter-balance">
            {t('counter.redeem.balance')} <strong data-testid="customer-balance">{customer.balance}</strong>
          </p>
          {goods.isPending && <Loading />}
          {goods.isError && <ErrorNotice error={goods.error} />}
          <div ref={firstQty}>
            <BasketTable goods={items} basket={basket} onChange={change} locked={unanswered} />
          </div>
          <p className="counter-total" aria-live="polite">
            {t('counter.redeem.total')} <strong data-testid="basket-total">{total}</strong>
            {total > customer.balance && <span className="counter-warn"> {t('counter.redeem.overBalance')}</span>}
          </p>
          {reviewing ? (
            <div className="counter-review" role="group" aria-labelledby="review-title" data-testid="redemption-review">
              <p id="review-title">
                {t('counter.redeem.review', {
                  points: total,
                  before: customer.balance,
                  after: customer.balance - total,
                })}
              </p>
              <div className="admin-row">
                <Button
                  ref={finalButton}
                  type="primary"
                  size="large"
                  loading={confirm.isPending}
                  onClick={() => confirm.mutate(customer)}
                  data-testid="confirm-redemption-final"
                >
                  {t('counter.redeem.confirmFinal')}
                </Button>
                <Button size="large" onClick={() => setReviewing(false)}>
                  {t('counter.redeem.back')}
                </Button>
              </div>
            </div>
          ) : (
            <div className="admin-row">
              <Button
                type="primary"
                size="large"
                disabled={total === 0 || total > customer.balance}
                onClick={() => setReviewing(true)}
                data-testid="confirm-redemption"
              >
                {t('counter.redeem.confirm')}
              </Button>
              <Button size="large" onClick={reset}>
                {t('counter.redeem.next')}
              </Button>
            </div>
          )}
        </section>
      )}
    </section>
  );
}
