import { z } from 'zod';
import { MEMBERSHIP_ROLES, MEMBERSHIP_STATUSES, ORG_KINDS, ORG_LEVELS, UNIT_STATUSES } from '../enums.js';
import { LIMITS } from '../limits.js';
import { PageQuery, page, text } from './common.js';

const fieldCodes = z.array(z.string().min(1).max(LIMITS.tagMax)).max(LIMITS.tagsMax);

export const CreateOrganisationBody = z.strictObject({
  name: text(LIMITS.titleMax).describe('Full name, e.g. 渝中区生态环境志愿服务队'),
  kind: z.enum(ORG_KINDS).describe('department, organisation or team'),
  level: z.enum(ORG_LEVELS).describe('city, district, town or community'),
  regionCode: z.string().min(2).max(20).describe('Region the organisation serves'),
  parentId: z.string().max(64).nullish().describe('Parent organisation; omitted for a root'),
  departmentId: z.string().max(64).nullish().describe('Supervising department (kind department)'),
  fields: fieldCodes.default([]).describe('Service field codes'),
  description: z.string().trim().max(LIMITS.textMax).nullish(),
});
export type CreateOrganisation = z.infer<typeof CreateOrganisationBody>;

export const OrganisationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(ORG_KINDS),
    level: z.enum(ORG_LEVELS),
    regionCode: z.string(),
    parentId: z.string().nullable(),
    departmentId: z.string().nullable(),
    fields: z.array(z.string()),
    description: z.string().nullable(),
    status: z.enum(UNIT_STATUSES),
    path: z.array(z.string()).describe('Ids from the root down to this organisation'),
    pathNames: z.array(z.string()).describe('Names along `path`'),
    createdAt: z.string(),
  })
  .describe('Organisation');
export type Organisation = z.infer<typeof OrganisationSchema>;

export const OrganisationListQuery = z.strictObject({
  parentId: z.string().max(64).optional().describe('Direct children of this organisation ("root" for roots)'),
  under: z.string().max(64).optional().describe('Everything below this organisation, at any depth'),
  regionCode: z.string().max(20).optional().describe('Organisations in this region or below it'),
  kind: z.enum(ORG_KINDS).optional(),
  q: z.string().trim().max(LIMITS.titleMax).optional().describe('Name contains'),
  ...PageQuery,
});

export const OrganisationSummary = OrganisationSchema.omit({ path: true, pathNames: true });
export const OrganisationList = page(OrganisationSummary);

export const AddMemberBody = z
  .strictObject({
    volunteerId: z.string().min(1).max(64).optional().describe('The volunteer, by id'),
    volunteerCode: z.string().trim().min(1).max(64).optional().describe('The volunteer, by volunteer code'),
    role: z.enum(MEMBERSHIP_ROLES).default('member'),
  })
  .superRefine((b, ctx) => {
    if (b.volunteerId !== undefined && b.volunteerCode !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['volunteerCode'], message: 'give volunteerId or volunteerCode, not both' });
    } else if (b.volunteerId === undefined && b.volunteerCode === undefined) {
      ctx.addIssue({ code: 'custom', path: ['volunteerId'], message: 'give volunteerId or volunteerCode' });
    }
  })
  .describe('Exactly one of volunteerId and volunteerCode');
export type AddMember = z.infer<typeof AddMemberBody>;

export const MembershipSchema = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    volunteerId: z.string(),
    role: z.enum(MEMBERSHIP_ROLES),
    status: z
      .enum(MEMBERSHIP_STATUSES)
      .describe('invited or applied until the other side accepts; active; declined; ended by either side'),
    joinedAt: z.string().describe('ISO-8601: when the membership became active, or when it was asked for'),
  })
  .describe('Membership');

export const MemberSchema = MembershipSchema.extend({
  volunteerName: z
    .string()
    .nullable()
    .describe('Shown once the person has applied or accepted; null for an invitation not (or no longer) accepted'),
  volunteerCode: z.string(),
});
export const MemberList = page(MemberSchema);
export type Membership = z.infer<typeof MembershipSchema>;
export type Member = z.infer<typeof MemberSchema>;

/** A membership as its volunteer sees it, with the organisation's name. */
export const MyMembershipSchema = MembershipSchema.extend({ organisationName: z.string() });
export const MyMembershipList = z.object({ items: z.array(MyMembershipSchema) });
export type MyMembership = z.infer<typeof MyMembershipSchema>;

export const ApplyBody = z.strictObject({}).describe('A volunteer asks to join; the organisation accepts or declines');
