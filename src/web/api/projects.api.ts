import type { z } from 'zod';
import type { ProjectList, ProjectListQuery, ProjectSchema } from '../../common/contract/projects.js';
import { api } from './http-client.js';

export type Project = z.infer<typeof ProjectSchema>;
export type ProjectPage = z.infer<typeof ProjectList>;
export type ProjectSummary = ProjectPage['items'][number];
export type ProjectQuery = Partial<z.infer<typeof ProjectListQuery>>;

/** Brand projects (品牌项目), public; `parentId: 'root'` for the top-level ones. */
export const listProjects = (query: ProjectQuery = {}) => api.get<ProjectPage>('/projects', { ...query });
/** One brand project with its direct sub-projects and honours, public. */
export const getProject = (id: string) => api.get<Project>(`/projects/${encodeURIComponent(id)}`);

/** React Query keys of brand projects. */
export const projectKeys = {
  one: (projectId: string) => ['project', projectId] as const,
  all: ['projects', 'all'] as const,
  portal: ['projects', 'portal'] as const,
};
