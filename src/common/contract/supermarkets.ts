import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { PageQuery, Phone, page, text } from './common.js';
import { Pin } from './counter-pin.js';

/** Periods a per-person limit counts over, in the platform's time zone; `ever` never resets. */
export const LIMIT_PERIODS = ['day', 'week', 'month', 'year', 'ever'] as const;
export type LimitPeriod = (typeof LIMIT_PERIODS)[number];

/** Why a goods' stock moved; a redemption's reversal puts its units back. */
export const STOCK_MOVEMENT_KINDS = ['initial', 'in', 'out', 'redemption', 'reversal'] as const;
export type StockMovementKind = (typeof STOCK_MOVEMENT_KINDS)[number];

export const REDEMPTION_STATUSES = ['completed', 'reversed'] as const;
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number];

/** Most points one goods may cost, and most of one goods in stock: far beyond any real shop. */
export const GOODS_POINTS_MAX = 1_000_000;
export const STOCK_MAX = 1_000_000;
export const REDEMPTION_ITEMS_MAX = 50;
export const REDEMPTION_QTY_MAX = 99;

const points = z.number().int().min(1).max(GOODS_POINTS_MAX).describe('Price in points (a positive integer)');
const limitPerPerson = z.number().int().min(1).max(STOCK_MAX).describe('Most one volunteer may redeem per period');
const limitPeriod = z.enum(LIMIT_PERIODS).describe('Period of the limit (local time); `ever` by default');
const imageUrl = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .describe('Picture of the goods (http or https URL)');
const donor = z.string().trim().max(LIMITS.titleMax).describe('Who donated the goods (捐赠方)');

export const SupermarketParams = z.strictObject({ siteId: z.string().min(1).max(64).describe('Supermarket site id') });
export const GoodsParams = z.strictObject({
  siteId: z.string().min(1).max(64).describe('Supermarket site id'),
  goodsId: z.string().min(1).max(64).describe('Goods id'),
});

export const CreateGoodsBody = z.strictObject({
  name: text(LIMITS.titleMax).describe('Name of the goods'),
  points,
  stock: z.number().int().min(0).max(STOCK_MAX).describe('Opening stock'),
  limitPerPerson: limitPerPerson.nullish(),
  limitPeriod: limitPeriod.nullish(),
  donor: donor.nullish(),
  imageUrl: imageUrl.nullish(),
});
export type CreateGoods = z.infer<typeof CreateGoodsBody>;

export const UpdateGoodsBody = z.strictObject({
  name: text(LIMITS.titleMax).optional().describe('Name of the goods'),
  points: points.optional(),
  limitPerPerson: limitPerPerson.nullish().describe('null removes the limit'),
  limitPeriod: limitPeriod.nullish(),
  donor: donor.nullish(),
  imageUrl: imageUrl.nullish(),
  active: z.boolean().optional().describe('Inactive goods leave the public catalogue and cannot be redeemed'),
});
export type UpdateGoods = z.infer<typeof UpdateGoodsBody>;

export const GoodsSchema = z
  .object({
    id: z.string(),
    siteId: z.string(),
    name: z.string(),
    points: z.number().int(),
    stock: z.number().int().nullable().describe('Units in stock; null for the public (staff see it)'),
    available: z.boolean().describe('Active and in stock'),
    limitPerPerson: z.number().int().nullable(),
    limitPeriod: z.enum(LIMIT_PERIODS).nullable(),
    donor: z.string().nullable(),
    imageUrl: z.string().nullable(),
    active: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .describe('Goods (积分超市商品)');
export type Goods = z.infer<typeof GoodsSchema>;

export const GoodsList = z.object({ items: z.array(GoodsSchema) });

export const StockBody = z.strictObject({
  delta: z
    .number()
    .int()
    .min(-STOCK_MAX)
    .max(STOCK_MAX)
    .refine((n) => n !== 0, 'must not be 0')
    .describe('Units in (positive) or out (negative)'),
  reason: text(LIMITS.reasonMax).describe('Why, e.g. 爱心企业捐赠 or 过期报损'),
});
export type StockChange = z.infer<typeof StockBody>;

export const StockMovementSchema = z
  .object({
    id: z.string(),
    goodsId: z.string(),
    delta: z.number().int(),
    kind: z.enum(STOCK_MOVEMENT_KINDS),
    reason: z.string(),
    redemptionId: z.string().nullable(),
    stockAfter: z.number().int(),
    at: z.string(),
  })
  .describe('Stock movement');
export type StockMovement = z.infer<typeof StockMovementSchema>;

export const StockMovementList = page(StockMovementSchema);
export const MovementListQuery = z.strictObject({ ...PageQuery });

export const StockAnswer = z.object({ goods: GoodsSchema, movement: StockMovementSchema });

const idempotencyKey = z
  .string()
  .trim()
  .min(8)
  .max(100)
  .regex(/^[\w:.-]+$/, 'letters, digits and _ : . - only')
  .describe('Chosen by the client once per attempt; a repeat returns the first answer');
const memberCode = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .describe("The volunteer's rotating member code as scanned, or the memberToken of a PIN look-up at this counter");

/** Minutes after a redemption during which the staff of its counter may still void it. */
export const VOID_MINUTES = 10;

/**
 * Who is at the counter: the scanned member code, or — for volunteers without a smartphone —
 * their volunteer code or phone together with their counter PIN.
 */
const customer = {
  memberCode: memberCode.optional(),
  volunteerCode: z
    .string()
    .trim()
    .min(1)
    .max(32)
    .optional()
    .describe('The volunteer code (志愿者编号), with `pin`, instead of `memberCode`'),
  phone: Phone.optional().describe('The phone of the account, with `pin`, instead of `memberCode`'),
  pin: Pin.optional(),
};

/** Exactly one way to name the customer: a member code alone, or a volunteer code or phone with the PIN. */
function oneCustomer(
  b: { memberCode?: string; volunteerCode?: string; phone?: string; pin?: string },
  c: z.RefinementCtx,
) {
  const named = [b.memberCode, b.volunteerCode, b.phone].filter((x) => x !== undefined).length;
  if (named !== 1) {
    c.addIssue({
      code: 'custom',
      path: ['memberCode'],
      message: 'give memberCode, or volunteerCode or phone with pin',
    });
  } else if (b.memberCode === undefined && b.pin === undefined) {
    c.addIssue({ code: 'custom', path: ['pin'], message: 'required with volunteerCode or phone' });
  } else if (b.memberCode !== undefined && b.pin !== undefined) {
    c.addIssue({ code: 'custom', path: ['pin'], message: 'only with volunteerCode or phone, not with memberCode' });
  }
}

export const RedeemBody = z
  .strictObject({
    ...customer,
    items: z
      .array(
        z.strictObject({
          goodsId: z.string().min(1).max(64),
          qty: z.number().int().min(1).max(REDEMPTION_QTY_MAX),
        }),
      )
      .min(1)
      .max(REDEMPTION_ITEMS_MAX)
      .refine((items) => new Set(items.map((i) => i.goodsId)).size === items.length, 'each goods once')
      .describe('What the volunteer takes'),
    idempotencyKey,
  })
  .superRefine(oneCustomer);
export type Redeem = z.infer<typeof RedeemBody>;

export const RedeemAnswer = z
  .object({
    id: z.string().describe('Redemption id'),
    points: z.number().int().describe('Points spent'),
    balanceAfter: z.number().int().describe("The wallet's balance right after this redemption"),
    receiptNo: z.string().describe('Short receipt number (8 letters and digits) printed on the receipt'),
    at: z.string().describe('When it was made'),
  })
  .describe('Redemption result');

export const MemberLookupBody = z.strictObject(customer).superRefine(oneCustomer);
export type MemberLookup = z.infer<typeof MemberLookupBody>;
export const MemberLookupAnswer = z.object({
  volunteerName: z.string().describe('Masked, e.g. 陈*美'),
  volunteerCode: z.string(),
  balance: z.number().int(),
  memberToken: z
    .string()
    .optional()
    .describe(
      'After a PIN look-up: send it as `memberCode` in this counter’s redemption (by this clerk, until memberTokenExpiresAt)',
    ),
  memberTokenExpiresAt: z.string().optional(),
});

export const ReverseBody = z.strictObject({
  reason: text(LIMITS.reasonMax).describe('Why the redemption is undone'),
  idempotencyKey,
});

export const RedemptionSchema = z
  .object({
    id: z.string(),
    siteId: z.string(),
    siteName: z.string(),
    volunteerCode: z.string(),
    volunteerName: z.string().describe('Masked'),
    points: z.number().int(),
    balanceAfter: z.number().int(),
    status: z.enum(REDEMPTION_STATUSES),
    items: z.array(
      z.object({ goodsId: z.string(), name: z.string(), qty: z.number().int(), points: z.number().int() }),
    ),
    at: z.string(),
    receiptNo: z.string().describe('Short receipt number'),
    voidableUntil: z
      .string()
      .describe(`Until when the staff of its counter may void it (${VOID_MINUTES} minutes); later only a reversal`),
    reversedAt: z.string().nullable(),
    reverseReason: z.string().nullable(),
  })
  .describe('Redemption');
export type Redemption = z.infer<typeof RedemptionSchema>;

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');

export const RedemptionListQuery = z.strictObject({
  from: localDate.optional().describe('First local day (YYYY-MM-DD), inclusive'),
  to: localDate.optional().describe('Last local day (YYYY-MM-DD), inclusive'),
  ...PageQuery,
});
export const RedemptionList = page(RedemptionSchema);
export const MyRedemptionsQuery = z.strictObject({ ...PageQuery });

export const ExportQuery = z.strictObject({
  from: localDate.optional().describe('First local day (YYYY-MM-DD), inclusive'),
  to: localDate.optional().describe('Last local day (YYYY-MM-DD), inclusive'),
});

export const DayReportQuery = z.strictObject({ date: localDate.describe('Local day (YYYY-MM-DD)') });
export const DayReport = z
  .object({
    siteId: z.string(),
    date: z.string(),
    redemptions: z.number().int().describe('Completed redemptions made that day'),
    reversed: z.number().int().describe('Redemptions of that day reversed since'),
    points: z.number().int().describe('Points of the completed ones'),
    stockIn: z.number().int().describe('Units added by stock-in that day'),
    stockOut: z.number().int().describe('Units removed by stock-out that day (positive number)'),
    goods: z.array(
      z.object({
        goodsId: z.string(),
        name: z.string(),
        redeemed: z.number().int(),
        points: z.number().int(),
        stockIn: z.number().int(),
        stockOut: z.number().int(),
      }),
    ),
  })
  .describe('A supermarket day report');
