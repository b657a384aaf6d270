import { z } from 'zod';
import { GENDERS, ID_TYPES } from '../enums.js';
import { checkIdNumber, MAINLAND_MOBILE } from '../id-numbers.js';
import { LIMITS } from '../limits.js';
import { PageQuery, page, Password, Phone, text } from './common.js';
import { GuardianConsentBody } from './guardians.js';
import { VerificationCode } from './verification.js';

const RegionCode = z.string().trim().min(1).max(20).describe('Code of the region the person lives or serves in');

const Skills = z
  .array(text(LIMITS.tagMax))
  .max(LIMITS.tagsMax)
  .describe(`Skills as short free tags (at most ${LIMITS.tagsMax}, each ≤ ${LIMITS.tagMax} characters)`);

const Fields = z
  .array(text(LIMITS.tagMax))
  .max(LIMITS.tagsMax)
  .describe('Service field codes (服务领域) the volunteer wants to serve in, e.g. "ecology"');

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM');

/** One weekly slot when the volunteer is usually free. */
export const AvailabilitySlot = z
  .strictObject({
    day: z.number().int().min(1).max(7).describe('ISO weekday: 1 Monday … 7 Sunday'),
    from: HHMM.describe('Start, HH:MM local time'),
    to: HHMM.describe('End, HH:MM local time, after the start'),
  })
  .refine((s) => s.from < s.to, { message: 'must end after it starts', path: ['to'] })
  .describe('A weekly slot');
export type AvailabilitySlot = z.infer<typeof AvailabilitySlot>;

const Availability = z.array(AvailabilitySlot).max(28).describe('Weekly slots when the volunteer is usually free');

export const VOLUNTEER_STATUSES = ['active', 'pending_guardian', 'suspended', 'closed'] as const;
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number];

/** POST /api/v1/volunteers: real-name registration. */
export const RegisterVolunteerBody = z
  .strictObject({
    name: text(LIMITS.nameMax).describe('Real name as on the ID document'),
    idType: z.enum(ID_TYPES).describe('Kind of ID document'),
    idNumber: z
      .string()
      .trim()
      .min(1)
      .max(20)
      .describe('ID document number; checked (check digit, birth date), stored encrypted, never returned in full'),
    phone: Phone,
    password: Password,
    regionCode: RegionCode,
    skills: Skills.default([]),
    fields: Fields.default([]),
    availability: Availability.optional(),
    verificationCode: VerificationCode,
    guardian: GuardianConsentBody.optional().describe(
      "A guardian's consent: required under the guardianRegistrationAge setting (14), optional up to the " +
        'guardianAge setting (18), where without it the volunteer registers as pending_guardian; refused for adults',
    ),
  })
  .superRefine((b, ctx) => {
    const r = checkIdNumber(b.idType, b.idNumber);
    if (!r.ok) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: r.message });
  });
export type RegisterVolunteerBody = z.infer<typeof RegisterVolunteerBody>;
/** What a client sends: skills and fields may be left out. */
export type RegisterVolunteerInput = z.input<typeof RegisterVolunteerBody>;

/** PATCH /api/v1/volunteers/:id: what a volunteer may change about themself. */
export const UpdateVolunteerBody = z
  .strictObject({
    phone: Phone.optional(),
    regionCode: RegionCode.optional(),
    skills: Skills.optional(),
    fields: Fields.optional(),
    availability: Availability.optional(),
    currentPassword: z
      .string()
      .min(1)
      .max(LIMITS.passwordMax)
      .optional()
      .describe('The current password; required when the phone changes, because the phone is also a login'),
    verificationCode: VerificationCode.optional().describe(
      'The code sent by SMS to the new phone (purpose phone_change); required when the phone changes',
    ),
  })
  .refine(
    (b) => Object.entries(b).some(([k, v]) => k !== 'currentPassword' && k !== 'verificationCode' && v !== undefined),
    {
      message: 'name at least one field to change',
    },
  )
  .describe('Profile changes; name and ID are real-name data and cannot be changed here');
export type UpdateVolunteerBody = z.infer<typeof UpdateVolunteerBody>;

export const VolunteerSchema = z
  .object({
    id: z.string().describe('Volunteer id'),
    userId: z.string().describe('The user account of the volunteer'),
    volunteerCode: z.string().describe('志愿者编号: unique, stable, not derived from the ID number; also a login'),
    name: z.string().describe('Real name'),
    idType: z.enum(ID_TYPES).describe('Kind of ID document'),
    idNumber: z
      .string()
      .nullable()
      .describe(
        'Masked ID number: its first and last character only, e.g. 5****************4; null for a minor seen ' +
          'through a team membership',
      ),
    birthYear: z
      .number()
      .int()
      .nullable()
      .describe('Year of birth, from a resident ID number; the whole date is shown to no one but the person'),
    gender: z.enum(GENDERS).nullable().describe('Derived from a resident ID number'),
    phone: z
      .string()
      .nullable()
      .describe('Masked phone, e.g. 138****1234; null for a minor seen through a team membership'),
    regionCode: z.string().describe('Region code'),
    skills: z.array(z.string()).describe('Skills'),
    fields: z.array(z.string()).describe('Service field codes'),
    availability: z.array(AvailabilitySlot).describe('Weekly availability'),
    status: z.enum(VOLUNTEER_STATUSES).describe('"pending_guardian": a minor awaiting a guardian\'s consent'),
    minor: z
      .boolean()
      .describe(
        'Under the guardianAge setting (18) today: a guardian consents for them, and team admins see only ' +
          'their name, code, skills and service',
      ),
    registeredAt: z.string().describe('ISO-8601 time of registration'),
    hours: z.number().describe('Confirmed service hours'),
    starLevel: z.number().int().describe('Star level 0–5 from confirmed hours'),
    pointsBalance: z.number().int().describe('Points in the wallet'),
  })
  .describe('Volunteer');
export type Volunteer = z.infer<typeof VolunteerSchema>;

const ListRegion = z
  .string()
  .max(20)
  .optional()
  .describe('Volunteers of this region and everything under it; required unless a system admin');

const SearchText = z
  .string()
  .trim()
  .min(1)
  .max(LIMITS.nameMax)
  .describe('A name prefix, or a whole volunteer code (志愿者编号)');

const ListOrganisation = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .optional()
  .describe(
    'Instead of a region: the active members of this organisation and of those under it (its admins; shown as a membership shows them)',
  );

export const VolunteerListQuery = z.strictObject({
  regionCode: ListRegion,
  organisationId: ListOrganisation,
  // A phone typed here would sit in URLs, browser history and proxy logs: it is refused, not searched.
  q: SearchText.refine((v) => !MAINLAND_MOBILE.test(v), {
    message: 'looks like a phone number; search by phone with POST /api/v1/volunteers/search',
  }).optional(),
  ...PageQuery,
});
export type VolunteerListQuery = z.infer<typeof VolunteerListQuery>;

/** POST /api/v1/volunteers/search: the list's search with the phone in the body, never in a URL. */
export const VolunteerSearchBody = z
  .strictObject({
    regionCode: ListRegion,
    organisationId: ListOrganisation,
    q: SearchText.optional(),
    phone: Phone.optional().describe('The whole phone number; matched through its keyed hash, never stored or logged'),
    cursor: PageQuery.cursor,
    limit: z.number().int().min(1).max(LIMITS.listMax).default(LIMITS.listDefault).describe('Page size (≤ 200)'),
  })
  .refine((b) => b.q === undefined || b.phone === undefined, { message: 'give q or phone, not both', path: ['phone'] })
  .describe('Search volunteers by name prefix, volunteer code or phone');
export type VolunteerSearchBody = z.infer<typeof VolunteerSearchBody>;

export const VolunteerList = page(VolunteerSchema);

/** POST /api/v1/residents: a resident (群众) account for posting needs. */
export const RegisterResidentBody = z.strictObject({
  name: text(LIMITS.nameMax).describe('Name'),
  phone: Phone,
  password: Password,
  regionCode: RegionCode,
  verificationCode: VerificationCode,
});
export type RegisterResidentBody = z.infer<typeof RegisterResidentBody>;

export const ResidentAnswer = z.object({ userId: z.string().describe('The new user account') });
