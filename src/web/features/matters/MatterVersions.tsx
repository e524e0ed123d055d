// The version history of one matter: every saved version with its list, tier, owner and limits.
import { Drawer, Empty, Skeleton, Tag, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../lib/useApi.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { NameCode } from '../../ui/NameCode.tsx';
import { matterVersions, type Matter } from './api.ts';
import { slaText } from './sla.ts';

export function MatterVersions({ townId, matter, onClose }: { townId: string | null; matter: Matter | null; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const code = matter?.code ?? null;
  const versions = useApi(code ? (signal) => matterVersions(townId, code, signal) : null, [townId, code]);
  const items = [...(versions.data ?? [])].sort((a, b) => b.version - a.version);
  return (
    <Drawer open={!!matter} onClose={onClose} size={520} title={matter ? t('matter.history.title', { code: `${matter.name} · ${matter.code}` }) : ''} destroyOnHidden>
      {versions.loading ? <Skeleton active /> : null}
      {versions.error ? <ErrorState error={versions.error} onRetry={versions.reload} /> : null}
      {!versions.loading && !items.length ? <Empty /> : null}
      <Timeline
        data-testid="matter-versions"
        items={items.map((m) => ({
          key: m.version,
          color: m.current ? 'green' : 'gray',
          content: (
            <div>
              <div>
                <strong>v{m.version} · {m.name}</strong>{' '}
                {m.current ? <Tag color="green">{t('matter.history.current')}</Tag> : null}
                {m.retired ? <Tag>{t('matter.retired')}</Tag> : null}
              </div>
              <div className="zz-muted" style={{ fontSize: 12 }}>{t('matter.history.createdAt')}：{new Date(m.createdAt).toLocaleString(i18n.language.startsWith('zh') ? 'zh-CN' : 'en-GB')}</div>
              <div style={{ fontSize: 13, marginTop: 4 }}>
                {t(`matter.lists.${m.list}`)} · {t(`matter.tiers.${m.tier}`)} · {m.postCode ? <NameCode name={m.postName} code={m.postCode} /> : null}{m.postCode && m.departmentName ? ' / ' : null}{m.departmentName ?? (m.postCode ? null : '—')}
              </div>
              <div style={{ fontSize: 13 }}>{slaText(m.sla, t)}</div>
            </div>
          ),
        }))}
      />
    </Drawer>
  );
}
