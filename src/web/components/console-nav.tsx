import { Breadcrumb, Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { locate, WORKBENCH, type ConsoleSection, type SectionKey } from './console-menu.js';

/** One character standing for each console where the collapsed menu has room for nothing else. */
const MARKS: Record<SectionKey | 'workbench', string> = {
  workbench: 'console.marks.workbench',
  organiser: 'console.marks.organiser',
  counter: 'console.marks.counter',
  site: 'console.marks.site',
  admin: 'console.marks.admin',
};

/**
 * The side menu: the workbench, then each console the person's roles open with its pages.
 * Arrow keys move through it and Enter opens a page (Ant Design's menu); moving within one
 * console keeps the page's query (the counter's chosen supermarket, the site manager's site).
 */
export function ConsoleMenu({ sections, onNavigate }: { sections: ConsoleSection[]; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const here = locate(sections, pathname);
  const mark = (key: SectionKey | 'workbench') => (
    <span className="console-mark" aria-hidden="true">
      {t(MARKS[key])}
    </span>
  );
  const items: MenuProps['items'] = [
    { key: WORKBENCH.path, icon: mark('workbench'), label: t(WORKBENCH.label) },
    ...sections.map((s) => ({
      key: s.key,
      icon: mark(s.key),
      label: t(s.label),
      children: s.entries.map((e) => ({ key: e.path, label: t(e.label) })),
    })),
  ];
  const sectionOf = (path: string) => sections.find((s) => s.entries.some((e) => e.path === path));
  const open: MenuProps['onClick'] = ({ key }) => {
    const same = here?.section && sectionOf(key) === here.section;
    void navigate({ pathname: key, search: same ? search : '' });
    onNavigate?.();
  };
  return (
    <nav aria-label={t('console.menu')} className="console-menu">
      <Menu
        mode="inline"
        items={items}
        selectedKeys={here ? [here.entry.path] : []}
        defaultOpenKeys={sections.map((s) => s.key)}
        onClick={open}
      />
    </nav>
  );
}

/** 工作台 / console / page (/ detail), each but the last a link. */
export function ConsoleBreadcrumb({ sections }: { sections: ConsoleSection[] }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const here = locate(sections, pathname);
  const atWorkbench = !here || here.entry === WORKBENCH;
  const crumbs: { title: React.ReactNode }[] = [
    { title: atWorkbench ? t(WORKBENCH.label) : <Link to={WORKBENCH.path}>{t(WORKBENCH.label)}</Link> },
  ];
  if (here?.section) {
    const first = here.section.entries[0];
    crumbs.push({ title: first ? <Link to={first.path}>{t(here.section.label)}</Link> : t(here.section.label) });
    crumbs.push({ title: here.deeper ? <Link to={here.entry.path}>{t(here.entry.label)}</Link> : t(here.entry.label) });
    if (here.deeper) crumbs.push({ title: t('console.detail') });
  }
  const last = crumbs[crumbs.length - 1];
  if (last) last.title = <span aria-current="page">{last.title}</span>;
  return (
    <Breadcrumb
      items={crumbs}
      aria-label={t('console.breadcrumb')}
      className="console-breadcrumb"
      data-testid="console-breadcrumb"
    />
  );
}
