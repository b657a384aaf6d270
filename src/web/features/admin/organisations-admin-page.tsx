import { Alert, Button, Input, Modal, Select, Table, Tree } from 'antd';
import type { TreeDataNode } from 'antd';
import { useEffect, useId, useState } from 'react';
import { ORG_KINDS, type OrgKind } from '../../../common/enums.js';
import { useTranslation } from 'react-i18next';
import { listOrganisations, organisationKeys, type OrganisationSummary } from '../../api/organisations.api.js';
import { ErrorNotice } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { AdminHonours } from '../honours/admin-honours.js';
import { OrganisationForm } from './organisation-form.js';
import { useCursorPages } from '../../components/use-cursor-pages.js';
import { LoadMore } from './admin-load-more.js';
import { useOrgScope, type OrgRoot } from './use-org-scope.js';
import { useRegionNames } from './use-region-names.js';

interface OrgNode extends TreeDataNode {
  key: string;
  name: string;
  children?: OrgNode[];
}

const toNode = (o: OrgRoot): OrgNode => ({ key: o.id, title: o.name, name: o.name });

function attach(nodes: OrgNode[], key: string, children: OrgNode[]): OrgNode[] {
  return nodes.map((n) =>
    n.key === key
      ? { ...n, children, isLeaf: children.length === 0 }
      : n.children
        ? { ...n, children: attach(n.children, key, children) }
        : n,
  );
}

/** Organisations: the tree (roots, then children on demand), the chosen node's children, and creation. */
export function OrganisationsAdminPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.organisations.title'));
  const [tree, setTree] = useState<OrgNode[]>([]);
  const [treeVersion, setTreeVersion] = useState(0);
  const [parent, setParent] = useState<{ id: string; name: string } | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [honoursOf, setHonoursOf] = useState<{ id: string; name: string } | null>(null);

  // A region admin's tree starts at their region's organisations, a department admin's at theirs.
  const scope = useOrgScope();
  useEffect(() => {
    void scope.loadRoots().then((roots) => setTree(roots.map(toNode)));
    // Reloaded after a creation only: the scope comes with the session.
  }, [treeVersion]);

  const [kind, setKind] = useState<OrgKind | undefined>(undefined);
  const [q, setQ] = useState('');
  const kindId = useId();
  const searchId = useId();
  const filtering = !!kind || !!q;
  // Without filters: the chosen node's children. With filters: everything below it (or everywhere).
  // Pages of 50 with the server's cursor: a department may hold thousands of teams.
  const query = filtering
    ? { under: parent?.id, regionCode: parent ? undefined : scope.regionCode, kind, q: q || undefined, limit: 50 }
    : parent
      ? { parentId: parent.id, limit: 50 }
      : { ...scope.list, limit: 50 };
  const children = useCursorPages(organisationKeys.list(query), (cursor) => listOrganisations({ ...query, cursor }));
  const regionName = useRegionNames(children.rows.map((o) => o.regionCode));

  const loadData = async (node: { key: React.Key }) => {
    const key = String(node.key);
    const r = await listOrganisations({ parentId: key, limit: 200 });
    setTree((prev) => attach(prev, key, r.items.map(toNode)));
  };

  return (
    <section aria-labelledby="orgs-title">
      <h1 id="orgs-title">{t('admin.organisations.title')}</h1>
      <div className="admin-split">
        <div className="admin-panel">
          <h2>{t('admin.organisations.tree')}</h2>
          <Tree<OrgNode>
            key={treeVersion}
            treeData={tree}
            loadData={loadData}
            aria-label={t('admin.organisations.tree')}
            onSelect={(_, info) => setParent(info.selected ? { id: info.node.key, name: info.node.name } : null)}
          />
        </div>
        <div className="admin-panel">
          <h2>
            {filtering
              ? t('admin.organisations.found')
              : parent
                ? t('admin.organisations.childrenOf', { name: parent.name })
                : t('admin.organisations.roots')}
          </h2>
          <div className="filter-bar">
            <span className="filter-item">
              <label htmlFor={kindId}>{t('admin.organisations.kind')}</label>
              <Select<OrgKind>
                id={kindId}
                allowClear
                style={{ minWidth: 160 }}
                value={kind}
                placeholder={t('admin.organisations.allKinds')}
                onChange={(v) => setKind(v)}
                options={ORG_KINDS.map((k) => ({ value: k, label: t(`orgKind.${k}`) }))}
              />
            </span>
            <span className="filter-item">
              <label htmlFor={searchId}>{t('admin.organisations.nameContains')}</label>
              <Input.Search id={searchId} allowClear style={{ width: 200 }} onSearch={(v) => setQ(v.trim())} />
            </span>
          </div>
          {children.isError && <ErrorNotice error={children.error} />}
          <Table<OrganisationSummary>
            rowKey="id"
            size="small"
            loading={children.isPending}
            dataSource={children.rows}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            columns={[
              { title: t('admin.organisations.name'), dataIndex: 'name' },
              { title: t('admin.organisations.kind'), dataIndex: 'kind', render: (k: string) => t(`orgKind.${k}`) },
              { title: t('admin.organisations.level'), dataIndex: 'level', render: (l: string) => t(`orgLevel.${l}`) },
              { title: t('admin.region'), dataIndex: 'regionCode', render: (c: string) => regionName(c) },
              {
                title: t('honours.title'),
                key: 'honours',
                render: (_, o) => (
                  <Button
                    size="small"
                    aria-label={t('honours.viewOf', { name: o.name })}
                    onClick={() => setHonoursOf({ id: o.id, name: o.name })}
                  >
                    {t('honours.view')}
                  </Button>
                ),
              },
            ]}
          />
          <LoadMore pages={children} />
          <Modal
            open={!!honoursOf}
            title={honoursOf ? t('honours.of', { name: honoursOf.name }) : ''}
            footer={null}
            width={720}
            onCancel={() => setHonoursOf(null)}
            destroyOnHidden
          >
            {honoursOf && <AdminHonours kind="organisation" id={honoursOf.id} />}
          </Modal>
        </div>
        <div className="admin-panel">
          <h2>{t('admin.organisations.create')}</h2>
          {created && <Alert type="success" role="status" title={t('admin.created', { name: created })} showIcon />}
          <OrganisationForm
            parent={parent}
            onCreated={(o) => {
              setCreated(o.name);
              setTreeVersion((v) => v + 1);
            }}
          />
        </div>
      </div>
    </section>
  );
}
