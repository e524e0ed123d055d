// 指挥中心与四板块: the boards of the caller's town, or of a town chosen within a wider scope.
import { useState } from 'react';
import { Empty, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth.tsx';
import { useApi } from '../../lib/useApi.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { listUnits } from './api.ts';
import { BoardsView } from './BoardsView.tsx';

export function BoardsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const scope = me.scopeOrgUnit;
  const scopeIsTown = scope?.level === 'town';
  const towns = useApi(scope && !scopeIsTown ? (signal) => listUnits({ level: 'town' }, signal) : null, [scope?.id]);
  const [chosen, setChosen] = useState<string | null>(null);
  const fallback = me.posts[0]?.townId ?? towns.data?.[0]?.id ?? null;
  const townId = scopeIsTown ? scope.id : chosen ?? (towns.data?.some((u) => u.id === fallback) ? fallback : towns.data?.[0]?.id ?? null);
  const townName = scopeIsTown ? scope.name : towns.data?.find((u) => u.id === townId)?.name;

  return (
    <div>
      <PageHeader
        title={`${townName ? `${townName} · ` : ''}${t('boards.title')}`} subtitle={t('boards.subtitle')}
        extra={<>
          {me.posts.length ? (
            <span>{t('boards.mine')}：{me.posts.map((p) => <Tag key={p.id} color="red">{p.name}（{t(p.holder === 'A' ? 'boards.holderA' : p.holder === 'B' ? 'boards.holderB' : 'boards.holderBackup')}）</Tag>)}</span>
          ) : null}
          {!scopeIsTown ? (
            <Select
              style={{ minWidth: 200 }} placeholder={t('boards.chooseTown')} loading={towns.loading} value={townId ?? undefined}
              onChange={setChosen} options={(towns.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              showSearch={{ optionFilterProp: 'label' }}
            />
          ) : null}
        </>}
      />
      {towns.error ? <ErrorState error={towns.error} onRetry={towns.reload} />
        : townId ? <BoardsView townId={townId} myId={me.id} />
        : towns.loading ? null : <Empty description={t('boards.pickTown')} />}
    </div>
  );
}
