import type { Page } from 'playwright-core';
import { ApiCaller } from './support/api-setup.js';
import type { TestServer } from './support/test-server.js';

/** A brand project with an honour and a sub-project, led by a new department, for the portal and its page. */
export async function arrangeProject(server: TestServer): Promise<void> {
  const admin = await ApiCaller.login(server.url);
  const dept = await admin.post<{ id: string }>('/organisations', {
    name: '市文明办',
    kind: 'department',
    level: 'city',
    regionCode: '500000',
    fields: ['community'],
  });
  const project = await admin.post<{ id: string }>('/projects', {
    name: '春风满巴渝',
    departmentId: dept.id,
    field: 'community',
    description: '文明实践进社区，志愿服务暖山城。',
    honours: [{ title: '全国志愿服务优秀项目', year: 2024, awardedBy: '中央文明办' }],
  });
  await admin.post('/projects', {
    name: '春风满巴渝·邻里守望',
    departmentId: dept.id,
    field: 'community',
    parentId: project.id,
  });
}

/** Opens the first brand project from the portal (as a visitor would) and saves its page. */
export async function shootProject(page: Page, save: (page: Page, name: string) => Promise<void>): Promise<void> {
  await page.goto('/');
  await page.locator('section[aria-labelledby="projects-title"] .card a').first().click();
  await page.waitForURL((u) => u.pathname.startsWith('/projects/'));
  await save(page, 'project');
}
