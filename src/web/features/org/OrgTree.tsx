// The org tree from the caller's scope unit down, children loaded on expand; a search box above it.
import { useCallback, useEffect, useMemo, useState, type Key } from 'react';
import { Empty, Input, List, Spin, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { useTranslation } from 'react-i18next';
import { listUnits, type OrgUnit } from './api.ts';
import { LevelIcon } from './LevelIcon.tsx';
import { shortGridName } from '../../ui/map/geometry.ts';

interface Props {
  root: OrgUnit;
  selectedId: string | null;
  /** ids to open so that the selected unit shows */
  revealIds: string[];
  onSelect(unit: OrgUnit): void;
}

const leafLevels = new Set(['microGrid', 'dedicatedGrid']);

export function OrgTree({ root, selectedId, revealIds, onSelect }: Props) {
  const { t } = useTranslation();
  const [children, setChildren] = useState<Map<string, OrgUnit[]>>(new Map());
  const [expanded, setExpanded] = useState<Key[]>([root.id]);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<OrgUnit[] | null>(null);
  const [searching, setSearching] = useState(false);

  const loadChildren = useCallback(async (id: string) => {
    const items = await listUnits({ parentId: id });
    setChildren((m) => new Map(m).set(id, items));
  }, []);

  useEffect(() => { void loadChildren(root.id); }, [root.id, loadChildren]);
  useEffect(() => { setExpanded((e) => [...new Set([...e, ...revealIds])]); }, [revealIds]);

  useEffect(() => {
    const q = query.trim();
    if (!q) { setResults(null); return; }
    const ctrl = new AbortController();
    setSearching(true);
    const timer = setTimeout(() => {
      listUnits({ q }, ctrl.signal).then((r) => setResults(r.slice(0, 50)), () => setResults([])).finally(() => setSearching(false));
    }, 250);
    return () => { clearTimeout(timer); ctrl.abort(); };
  }, [query]);

  const units = useMemo(() => {
    const byId = new Map<string, OrgUnit>([[root.id, root]]);
    for (const list of children.values()) for (const u of list) byId.set(u.id, u);
    return byId;
  }, [root, children]);

  const treeData = useMemo(() => {
    const node = (u: OrgUnit, parent?: OrgUnit): TreeDataNode => {
      const kids = children.get(u.id);
      const count = !u.childCount || u.level === 'city' ? '' : u.level === 'grid' ? t('org.microGrids', { count: u.childCount }) : t('org.children', { count: u.childCount });
      return {
        key: u.id,
        icon: <LevelIcon level={u.level} />,
        title: (
          <span data-testid={`tree-node-${u.id}`}>
            <span className="zz-tree-name" title={u.name}>{parent ? shortGridName(u.name, parent.name) : u.name}</span>{count ? <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>{count}</Typography.Text> : null}
          </span>
        ),
        isLeaf: leafLevels.has(u.level) || u.childCount === 0,
        children: kids?.map((k) => node(k, u)),
      };
    };
    return [node(root)];
  }, [root, children, t]);

  return (
    <>
      <div style={{ padding: '4px 4px 8px' }}>
        <Input.Search allowClear placeholder={t('org.searchTree')} value={query} onChange={(e) => setQuery(e.target.value)} loading={searching} />
      </div>
      {results ? (
        results.length ? (
          <List size="small" dataSource={results} renderItem={(u) => (
            <List.Item style={{ cursor: 'pointer', paddingInline: 8 }} onClick={() => { onSelect(u); setQuery(''); }}>
              <List.Item.Meta avatar={<LevelIcon level={u.level} />} title={u.name} description={`${t(`levels.${u.level}`)} · ${u.code}`} />
            </List.Item>
          )} />
        ) : searching ? <Spin style={{ display: 'block', margin: 24 }} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Tree
          showIcon blockNode data-testid="org-tree"
          treeData={treeData}
          expandedKeys={expanded}
          onExpand={(keys) => setExpanded(keys)}
          selectedKeys={selectedId ? [selectedId] : []}
          loadData={async (n) => { if (!children.has(String(n.key))) await loadChildren(String(n.key)); }}
          onSelect={(_, info) => { const u = units.get(String(info.node.key)); if (u) onSelect(u); }}
        />
      )}
    </>
  );
}
