// The public face of the plans module (departments' plans: key tasks, progress, funding): what others may use.
export { planRoutes } from './plans.routes.js';
/** The jobs loop tells owners of overdue key tasks, once per task. */
export { noticeOverdueTasks } from './plans.overview.js';
/** Every department's plans of a year, one row each (system admins): for the overview's .xlsx. */
export { planOverview } from './plans.overview.js';
/** For the demo: a plan with its tasks, progress and funding, written as its department admin would. */
export { addFunding, addProgress, addSpending, addTask, createPlan } from './plans.service.js';
/** Photos on plans (evidence, receipts): who sees one, and which were never attached. */
export { planPhotoOwner, planPhotoSweeper, PLAN_PHOTO } from './plans.photos.js';
