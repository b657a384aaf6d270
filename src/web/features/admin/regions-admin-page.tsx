import { Descriptions, Tree } from 'antd';
import type { TreeDataNode } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listRegions, type Region } from '../../api/regions.api.js';
import { ErrorNotice } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useRegionNames } from './use-region-names.js';

interface RegionNode extends TreeDataNode {
  key: string;
  region: Region;
  children?: RegionNode[];
}

const toNode = (r: Region): RegionNode => ({ key: r.code, title: r.name, region: r });

function attach(nodes: RegionNode[], key: string, children: RegionNode[]): RegionNode[] {
  return nodes.map((n) =>
    n.key === key
      ? { ...n, children, isLeaf: children.length === 0 }
      : n.children
        ? { ...n, children: attach(n.children, key, children) }
        : n,
  );
}

/** The region tree (行政区划), loaded level by level through GET /regions?parent=. */
export function RegionsAdminPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.regions.title'));
  const [tree, setTree] = useState<RegionNode[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [selected, setSelected] = useState<Region | null>(null);
  const regionName = useRegionNames([selected?.parentCode]);

  useEffect(() => {
    listRegions(null)
      .then((r) => setTree(r.items.map(toNode)))
      .catch(setError);
  }, []);

  const loadData = async (node: { key: React.Key }) => {
    const key = String(node.key);
    const r = await listRegions(key);
    setTree((prev) => attach(prev, key, r.items.map(toNode)));
  };

  return (
    <section aria-labelledby="regions-title">
      <h1 id="regions-title">{t('admin.regions.title')}</h1>
      <p>{t('admin.regions.lead')}</p>
      {!!error && <ErrorNotice error={error} />}
      <div className="admin-split">
        <div className="admin-panel">
          <Tree<RegionNode>
            treeData={tree}
            loadData={loadData}
            titleRender={(n) => t('admin.regions.node', { name: n.region.name, code: n.region.code })}
            aria-label={t('admin.regions.tree')}
            onSelect={(_, info) => setSelected(info.node.region)}
          />
        </div>
        {selected && (
          <div className="admin-panel" aria-live="polite">
            <Descriptions
              title={selected.name}
              column={1}
              bordered
              size="small"
              items={[
                { key: 'code', label: t('admin.regions.code'), children: selected.code },
                { key: 'level', label: t('admin.regions.level'), children: t(`regionLevel.${selected.level}`) },
                { key: 'kind', label: t('admin.regions.kind'), children: t(`admin.regions.kinds.${selected.kind}`) },
                {
                  key: 'parent',
                  label: t('admin.regions.parent'),
                  children: selected.parentCode
                    ? t('admin.regions.node', { name: regionName(selected.parentCode), code: selected.parentCode })
                    : '—',
                },
              ]}
            />
          </div>
        )}
      </div>
    </section>
  );
}
