import { z } from 'zod';
import { MAX_PHOTOS, PhotoSchema } from './files.js';
import { LIMITS } from '../limits.js';
import { CreateActivityBody, Instant, LocationInput, ShiftInput } from './activities.js';
import { Latitude, Longitude, PageQuery, Phone, page, text } from './common.js';

export const NEED_STATUSES = [
  'posted',
  'accepted',
  'rejected',
  'dispatched',
  'taken',
  'completed',
  'rated',
  'cancelled',
] as const;
export const NEED_EVENT_KINDS = [
  'posted',
  'reviewed',
  'dispatched',
  'taken',
  'completed',
  'rated',
  'cancelled',
  'complained',
] as const;

/** The steps a need waits on, each with its service time (SLA): post→review, review→dispatch, dispatch→take, take→done. */
export const NEED_SLA_STEPS = ['review', 'dispatch', 'take', 'done'] as const;
export type NeedSlaStep = (typeof NEED_SLA_STEPS)[number];

/**
 * Services the volunteer regulations count as carrying risk: posting one needs the resident's
 * acceptance of the risk statement (`riskAccepted`), else 422 `need_risk_required`.
 */
export const RISKY_NEED_TYPES: ReadonlySet<string> = new Set(['medical_escort', 'repair']);

export const NeedTypeSchema = z
  .object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })
  .describe('A kind of need the city serves');
export const NeedTypeList = z.object({ items: z.array(NeedTypeSchema) });

export const CreateNeedBody = z.strictObject({
  type: z.string().min(1).max(LIMITS.tagMax).describe('A code from GET /need-types'),
  text: text(LIMITS.textMax).describe('What help is wanted'),
  regionCode: z.string().min(2).max(20).describe('The street or town (or any region) the need is in'),
  address: text(LIMITS.addressMax).describe('Where: stored encrypted, shown to the admins and the taker only'),
  lat: Latitude.optional(),
  lng: Longitude.optional(),
  wantedAt: Instant.optional().describe('When the help is wanted'),
  contactPhone: Phone.optional().describe('The phone to call; shown only once a volunteer has taken the need'),
  riskAccepted: z
    .boolean()
    .default(false)
    .describe('The resident has read the risk statement (required for medical escort and repairs)'),
});
export type CreateNeed = z.infer<typeof CreateNeedBody>;

export const ReviewNeedBody = z.strictObject({
  decision: z.enum(['accept', 'reject']),
  reason: z.string().trim().max(LIMITS.reasonMax).optional().describe('Required to reject: the resident sees it'),
});

export const DispatchNeedBody = z
  .strictObject({
    organisationId: z.string().min(1).max(64).optional().describe('The team the need goes to'),
    activityId: z.string().min(1).max(64).optional().describe('Or the activity it was turned into'),
  })
  .describe('Exactly one of organisationId and activityId');

export const CompleteNeedBody = z.strictObject({
  report: text(LIMITS.textMax).describe('What was done'),
  photoIds: z
    .array(z.string().min(1).max(64))
    .max(MAX_PHOTOS)
    .optional()
    .describe(`Up to ${MAX_PHOTOS} photos uploaded beforehand (POST /needs/:id/photos), in the order to show them`),
});

export const RateNeedBody = z.strictObject({
  score: z.number().int().min(1).max(5),
  comment: z.string().trim().max(LIMITS.reasonMax).optional(),
});

export const CancelNeedBody = z.strictObject({
  reason: z.string().trim().max(LIMITS.reasonMax).optional(),
});

export const NeedEventSchema = z.object({
  kind: z.enum(NEED_EVENT_KINDS),
  at: z.string(),
  by: z.string().nullable().describe('Who took the step: a display name, or null for the system'),
  details: z.record(z.string(), z.unknown()),
});

export const NeedSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    text: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    status: z.enum(NEED_STATUSES),
    address: z.string().nullable().describe('Only for the resident, the admins over the region and the taker'),
    position: z.object({ lat: z.number(), lng: z.number() }).nullable().describe('As the address'),
    contact: z.string().nullable().describe('The phone, for the resident, the admins and the taker; else null'),
    contactMasked: z.string().nullable(),
    wantedAt: z.string().nullable(),
    riskAccepted: z.boolean(),
    organisationId: z.string().nullable(),
    organisationName: z.string().nullable(),
    activityId: z.string().nullable(),
    taken: z.boolean().describe('Whether a volunteer has taken it'),
    takenByMe: z.boolean(),
    reason: z.string().nullable().describe('Why it was rejected or cancelled'),
    report: z.string().nullable(),
    photos: z.array(PhotoSchema).describe("The taker's photos of the service, attached on completion"),
    rating: z.object({ score: z.number(), comment: z.string().nullable() }).nullable(),
    mine: z.boolean().describe('Posted by the caller'),
    createdAt: z.string(),
    timeline: z.array(NeedEventSchema),
    dueAt: z.string().nullable(),
    overdue: z.boolean(),
  })
  .describe('A resident’s need (点单) and where it stands');
export type Need = z.infer<typeof NeedSchema>;

export const NeedListQuery = z.strictObject({
  view: z
    .enum(['mine', 'board', 'team'])
    .default('mine')
    .describe('mine: what I posted; board: the needs of regions I review; team: needs for teams I belong to'),
  status: z.enum(NEED_STATUSES).optional(),
  regionCode: z.string().min(2).max(20).optional().describe('board: only this region and below'),
  overdue: z.enum(['true', 'false']).optional().describe('`true`: only needs whose current step is past its due time'),
  sort: z
    .enum(['newest', 'due'])
    .default('newest')
    .describe('newest: newest first; due: the earliest due first (overdue on top), needs with nothing due last'),
  ...PageQuery,
});
export const NeedList = page(NeedSchema);

export const ComplainNeedBody = z.strictObject({
  text: text(LIMITS.reasonMax).describe('What went wrong: the admins over the region see it'),
});

const SlaMinutes = z
  .number()
  .int()
  .min(1)
  .max(60 * 24 * 90);
export const NeedSlaTimes = z.object({
  reviewMinutes: SlaMinutes.describe('post → review'),
  dispatchMinutes: SlaMinutes.describe('review → dispatch'),
  takeMinutes: SlaMinutes.describe('dispatch → take'),
  doneMinutes: SlaMinutes.describe('take → done'),
});
export type NeedSlaTimes = z.infer<typeof NeedSlaTimes>;

export const PutNeedSlaBody = z
  .strictObject({
    reviewMinutes: SlaMinutes.nullable().optional(),
    dispatchMinutes: SlaMinutes.nullable().optional(),
    takeMinutes: SlaMinutes.nullable().optional(),
    doneMinutes: SlaMinutes.nullable().optional(),
  })
  .describe("The region's own times, replacing the ones it had: a step absent or null takes the parent region's");

export const NeedSlaSchema = z
  .object({
    regionCode: z.string(),
    regionName: z.string(),
    effective: NeedSlaTimes.describe('The times needs in this region are held to'),
    own: PutNeedSlaBody.required().describe(
      "Set on this region itself; null where the parent's (or the city default) applies",
    ),
    from: z
      .object({
        reviewMinutes: z.string().nullable(),
        dispatchMinutes: z.string().nullable(),
        takeMinutes: z.string().nullable(),
        doneMinutes: z.string().nullable(),
      })
      .describe('The region each effective time comes from; null for the built-in default'),
  })
  .describe('Service times (SLA) of a region for residents’ needs');
export type NeedSla = z.infer<typeof NeedSlaSchema>;

export const NeedActivityBody = z
  .strictObject({
    organisationId: z.string().min(1).max(64).describe('The team that organises it (one the caller administers)'),
    title: text(LIMITS.titleMax),
    field: z.string().min(1).max(LIMITS.tagMax).describe('Service field code'),
    description: z
      .string()
      .trim()
      .max(LIMITS.textMax)
      .default('')
      .describe('Shown to volunteers: never the resident’s address or phone'),
    siteId: z.string().min(1).max(64).optional().describe('Site (阵地) where the volunteers meet'),
    location: LocationInput.optional().describe('Or a meeting place: not the resident’s address, which stays private'),
    radiusM: CreateActivityBody.shape.radiusM,
    requiresApproval: z.boolean().default(false),
    shift: ShiftInput.describe('The one shift of the activity'),
  })
  .refine((b) => (b.siteId === undefined) !== (b.location === undefined), {
    message: 'give exactly one of siteId or location',
    path: ['location'],
  })
  .describe('Turn an accepted need into an activity with one shift, and dispatch the need with it');
export type NeedActivity = z.infer<typeof NeedActivityBody>;
