// /m/points/shop, 积分超市: the household's points to spend, the community supermarket's goods with price and stock,
// 兑换 (quantity, a confirmation that says the points it uses and how long the pickup code holds), the pickup code shown
// large, and the household's redemptions with their codes and states (不要了 on one still reserved).
import { useState } from 'react';
import { Button, Dialog, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { ApiError, errorText } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { RESERVATION_DAYS, type RedemptionStatus } from '../../../../shared/points.ts';
import { Empty, Failed, Loading, ResidentPage } from '../../participation/public.ts';
import { cancelRedemption, listGoods, listMyRedemptions, redeem, type Goods, type Redemption } from './api.ts';
import './locales.ts';
import './points-mobile.css';

const COLOUR: Record<RedemptionStatus, string> = { reserved: '#b35c00', pickedUp: '#1d7f3c', expired: '#5c6776', cancelled: '#5c6776' };

function refusalText(e: unknown, lang: string, t: (k: string, o?: Record<string, unknown>) => string, balance: number | null, cost: number): string {
  if (e instanceof ApiError && e.code === 'POINTS_INSUFFICIENT') {
    const available = (e.details as { available?: number } | undefined)?.available ?? balance ?? 0;
    return t('ptm.shop.short', { count: Math.max(cost - available, 0) });
  }
  return errorText(e, lang);
}

export function ShopPage() {
  const { t } = useTranslation();
  const goods = useApi((signal) => listGoods(signal), []);
  const mine = useApi((signal) => listMyRedemptions(signal), []);
  const [fresh, setFresh] = useState<Redemption | null>(null);
  const reload = () => { goods.reload(); mine.reload(); };
  const balance = goods.data?.myBalance ?? null;
  return (
    <ResidentPage title={t('ptm.shop.title')} back="/m/points" testId="m-shop">
      <section className="pm-card" aria-labelledby="ptm-shop-balance">
        <h2 id="ptm-shop-balance" style={{ fontSize: 15, color: '#4a5563' }}>{t('ptm.shop.balance')}</h2>
        <div className="pm-big-number" data-testid="m-shop-balance">{balance ?? '—'}</div>
      </section>
      {fresh ? <CodeCard r={fresh} /> : null}
      <h2 className="pm-section-title">{t('ptm.shop.goods')}</h2>
      {goods.loading && !goods.data ? <Loading /> : goods.error ? <Failed error={goods.error} retry={goods.reload} />
        : !goods.data?.items.length ? <Empty text={t('ptm.shop.none')} /> : (
          <div className="ptm-goods">
            {goods.data.items.map((g) => <GoodsCard key={g.id} g={g} balance={balance} onRedeemed={(r) => { setFresh(r); reload(); window.scrollTo(0, 0); }} />)}
          </div>
        )}
      <h2 className="pm-section-title">{t('ptm.shop.mine')}</h2>
      {mine.loading && !mine.data ? <Loading /> : mine.error ? <Failed error={mine.error} retry={mine.reload} />
        : !mine.data?.items.length ? <span className="pm-meta">{t('ptm.shop.noMine')}</span>
        : mine.data.items.map((r) => <RedemptionRow key={r.id} r={r} reload={reload} />)}
    </ResidentPage>
  );
}

function CodeCard({ r }: { r: Redemption }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="pm-ok" role="status" data-testid="m-pickup" style={{ display: 'grid', gap: 6, textAlign: 'center' }}>
      <b>{t('ptm.shop.done')} · {r.goodsName} × {r.qty}</b>
      <span>{t('ptm.shop.code')}</span>
      <span className="pm-code" data-testid="m-pickup-code" translate="no">{r.pickupCode}</span>
      <span>{t('ptm.shop.codeHint')}</span>
      <span>{t('ptm.shop.expires', { date: new Date(r.expiresAt).toLocaleDateString(i18n.language.startsWith('zh') ? 'zh-CN' : 'en-GB') })}</span>
    </section>
  );
}

function GoodsCard({ g, balance, onRedeemed }: { g: Goods; balance: number | null; onRedeemed: (r: Redemption) => void }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const start = async () => {
    let qty = 1;
    const max = Math.max(1, Math.min(g.stock, 20));
    const Qty = () => {
      const [n, setN] = useState(1);
      qty = n;
      return (
        <div style={{ display: 'grid', gap: 10 }}>
          <div className="ptm-qty" role="group" aria-label={t('ptm.shop.qty')}>
            <Button aria-label={t('ptm.shop.less')} disabled={n <= 1} onClick={() => setN(n - 1)}>−</Button>
            <b data-testid="m-redeem-qty">{n}</b>
            <Button aria-label={t('ptm.shop.moreQty')} disabled={n >= max} onClick={() => setN(n + 1)}>+</Button>
          </div>
          <span style={{ textAlign: 'center' }}>{t('ptm.shop.confirmBody', { points: n * g.pricePoints, days: RESERVATION_DAYS })}</span>
        </div>
      );
    };
    const sure = await Dialog.confirm({
      title: t('ptm.shop.confirmTitle', { name: g.name }), content: <Qty />,
      confirmText: t('ptm.shop.confirm'), cancelText: t('ptm.common.cancel'),
    });
    if (!sure) return;
    setBusy(true);
    try {
      const r = await redeem(g.id, qty);
      Toast.show({ icon: 'success', content: t('ptm.shop.done') });
      onRedeemed(r);
    } catch (e) {
      Toast.show({ icon: 'fail', content: refusalText(e, i18n.language, t, balance, qty * g.pricePoints), duration: 3000 });
    } finally { setBusy(false); }
  };
  const short = balance !== null && balance < g.pricePoints;
  return (
    <article className="ptm-good" data-testid="m-goods" data-id={g.id}>
      {g.imageHash ? <img className="ptm-good-img" src={`/api/files/${g.imageHash}`} alt={g.name} /> : null}
      <h3>{g.name}</h3>
      {g.description ? <small style={{ color: '#5c6776', fontSize: 13 }}>{g.description}</small> : null}
      <span className="ptm-price">{t('ptm.shop.price', { count: g.pricePoints })}</span>
      <span className="pm-meta">{g.stock > 0 ? t('ptm.shop.stock', { count: g.stock }) : t('ptm.shop.soldOut')}</span>
      <Button color="primary" size="small" loading={busy} disabled={g.stock <= 0 || short || !g.policies.includes('redeem')} onClick={() => void start()} data-testid="m-redeem">
        {t('ptm.shop.redeem')}
      </Button>
      {short ? <small style={{ color: '#b02a1e', fontSize: 12 }}>{t('ptm.shop.short', { count: g.pricePoints - (balance ?? 0) })}</small> : null}
    </article>
  );
}

function RedemptionRow({ r, reload }: { r: Redemption; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const cancel = async () => {
    const sure = await Dialog.confirm({ content: t('ptm.shop.cancelAsk'), confirmText: t('ptm.shop.cancel'), cancelText: t('ptm.common.cancel') });
    if (!sure) return;
    try { await cancelRedemption(r.id); Toast.show({ icon: 'success', content: t('ptm.shop.cancelled') }); reload(); } catch (e) {
      Toast.show({ icon: 'fail', content: errorText(e, i18n.language) });
    }
  };
  return (
    <article className="pm-card" data-testid="m-redemption" data-status={r.status}>
      <span className="pm-meta"><Tag color={COLOUR[r.status]} fill="outline">{t(`ptm.shop.status.${r.status}`)}</Tag>
        <span>{new Date(r.reservedAt).toLocaleDateString(i18n.language.startsWith('zh') ? 'zh-CN' : 'en-GB')}</span></span>
      <h3>{r.goodsName} × {r.qty} · {t('ptm.common.points', { count: r.points })}</h3>
      {r.status === 'reserved' && r.pickupCode ? (
        <>
          <span className="pm-meta">{t('ptm.shop.code')} <span className="pm-code" style={{ fontSize: 22 }} translate="no">{r.pickupCode}</span></span>
          <span className="pm-meta">{t('ptm.shop.expires', { date: new Date(r.expiresAt).toLocaleDateString(i18n.language.startsWith('zh') ? 'zh-CN' : 'en-GB') })}</span>
        </>
      ) : null}
      {r.policies.includes('cancel') ? <div className="pm-actions"><Button size="small" fill="outline" onClick={() => void cancel()}>{t('ptm.shop.cancel')}</Button></div> : null}
    </article>
  );
}
