/** Table types for departments' plans and funding (migration 330). Column names are snake_case as in the migrations. */

export interface PlansTable {
  id: string;
  /** The department (organisation of kind department) whose plan it is. */
  department_id: string;
  year: number;
  title: string;
  field: string;
  summary: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface PlanTasksTable {
  id: string;
  plan_id: string;
  title: string;
  /** The organisation responsible: its region decides which region admins see the task. */
  organisation_id: string;
  target: number;
  unit: string;
  /** Local day (platform zone), YYYY-MM-DD. */
  deadline: string;
  /** The latest progress update's value (0 before any). */
  value: number;
  /** When the responsible organisation's admins were told the task is overdue: once. */
  overdue_noticed_at: string | null;
  created_at: string;
}

export interface PlanProgressTable {
  id: string;
  task_id: string;
  value: number;
  note: string | null;
  evidence_url: string | null;
  /** JSON list of file ids (kind plan_photo, owned by the plan): the evidence photos (migration 390). */
  photo_ids: string;
  by_user_id: string;
  at: string;
}

export interface PlanFundingTable {
  id: string;
  plan_id: string;
  /** The programme (brand project). */
  project_id: string;
  year: number;
  /** Integer fen. */
  budget_fen: number;
  /** Sum of the spending entries, integer fen; written only with an entry. */
  spent_fen: number;
  note: string | null;
  created_at: string;
}

export interface PlanSpendingTable {
  id: string;
  funding_id: string;
  amount_fen: number;
  /** Local day. */
  spent_on: string;
  note: string | null;
  /** JSON list of file ids (kind plan_photo, owned by the plan): the receipts (migration 390). */
  photo_ids: string;
  by_user_id: string;
  at: string;
}

export interface PlansTables {
  plans: PlansTable;
  plan_tasks: PlanTasksTable;
  plan_progress: PlanProgressTable;
  plan_funding: PlanFundingTable;
  plan_spending: PlanSpendingTable;
}
