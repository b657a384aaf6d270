import { useQuery } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { listProjects, projectKeys, type ProjectSummary } from '../../api/projects.api.js';

interface Node {
  value: string;
  title: string;
  children: Node[];
}

/** Brand projects as a tree: each project under its parent, sub-projects of sub-projects too. */
function treeOf(items: ProjectSummary[]): Node[] {
  const nodes = new Map(items.map((p) => [p.id, { value: p.id, title: p.name, children: [] as Node[] }]));
  const roots: Node[] = [];
  for (const p of items) {
    const node = nodes.get(p.id) as Node;
    const parent = p.parentId ? nodes.get(p.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

const useAllProjects = () => useQuery({ queryKey: projectKeys.all, queryFn: () => listProjects({ limit: 200 }) });

/** A project's name from the same list the picker shows; null without a project. */
export function useProjectName(id: string | null): string | null {
  const projects = useAllProjects();
  if (!id) return null;
  return projects.data?.items.find((p) => p.id === id)?.name ?? id;
}

interface Props {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  disabled?: boolean;
}

/** Picks a brand project (品牌项目) or a sub-project; clearing it means "no project". */
export function ProjectPicker({ id, value, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const projects = useAllProjects();
  return (
    <TreeSelect
      id={id}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      disabled={disabled}
      allowClear
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }}
      placeholder={t('organiser.form.noProject')}
      loading={projects.isFetching}
      notFoundContent={t('organiser.form.noProjects')}
      treeData={treeOf(projects.data?.items ?? [])}
      data-testid="project-picker"
    />
  );
}
