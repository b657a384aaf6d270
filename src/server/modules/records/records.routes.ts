import { z } from 'zod';
import { IdParams, errorResponses } from '../../../common/contract/common.js';
import {
  BulkConfirmAnswer,
  BulkConfirmBody,
  CorrectionAnswer,
  CorrectionAnswerBody,
  CorrectionBody,
  CorrectionList,
  CorrectionListQuery,
  CorrectionSchema,
  LateEntryBody,
  RecordList,
  RecordListQuery,
  RecordSchema,
  RevokeBody,
} from '../../../common/contract/records.js';
import type { App } from '../../context.js';
import { requireActor } from '../../plugins/auth.js';
import * as corrections from './corrections.service.js';
import * as confirm from './records.confirm.js';
import { presentCorrection, presentListedRecord, presentRecord } from './records.presenter.js';
import * as service from './records.service.js';

export function recordRoutes(app: App): void {
  const tags = ['records'];
  const db = () => app.ctx.database.db;

  app.get(
    '/api/v1/records',
    {
      schema: {
        tags,
        summary: "Service records: one's own, a volunteer's (admins who see them) or an organisation's subtree",
        querystring: RecordListQuery,
        response: { 200: RecordList, ...errorResponses },
      },
    },
    async (req) => {
      const p = await service.listRecords(db(), requireActor(req), req.query);
      return { items: p.items.map(presentListedRecord), nextCursor: p.nextCursor };
    },
  );

  app.get(
    '/api/v1/records/:id',
    {
      schema: {
        tags,
        summary: 'One service record',
        params: IdParams,
        response: { 200: RecordSchema, ...errorResponses },
      },
    },
    async (req) => presentRecord(await service.getRecord(db(), requireActor(req), req.params.id)),
  );

  app.post(
    '/api/v1/records',
    {
      schema: {
        tags,
        summary: 'Late entry (补录) with evidence: pending until a different organiser confirms it',
        body: LateEntryBody,
        response: { 201: RecordSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(presentRecord(await service.createLateEntry(db(), requireActor(req), req.body))),
  );

  app.post(
    '/api/v1/records/:id/confirm',
    {
      schema: {
        tags,
        summary: "Confirm a pending record: the volunteer's hours and star level change in the same transaction",
        params: IdParams,
        response: { 200: RecordSchema, ...errorResponses },
      },
    },
    async (req) => {
      const [r] = await confirm.confirmRecords(db(), requireActor(req), [req.params.id]);
      return presentRecord(r as NonNullable<typeof r>);
    },
  );

  app.post(
    '/api/v1/records/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm records in bulk, all or none: any refusal changes nothing and names the record',
        body: BulkConfirmBody,
        response: { 200: BulkConfirmAnswer, ...errorResponses },
      },
    },
    async (req) => ({
      items: (await confirm.confirmRecords(db(), requireActor(req), req.body.ids)).map(presentRecord),
    }),
  );

  app.post(
    '/api/v1/records/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke a record with a reason: it stays in the history; confirmed hours come off',
        params: IdParams,
        body: RevokeBody,
        response: { 200: RecordSchema, ...errorResponses },
      },
    },
    async (req) => presentRecord(await confirm.revokeRecord(db(), requireActor(req), req.params.id, req.body.reason)),
  );

  app.post(
    '/api/v1/records/:id/corrections',
    {
      schema: {
        tags,
        summary: 'The volunteer asks for a correction of their record',
        params: IdParams,
        body: CorrectionBody,
        response: { 201: CorrectionSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(presentCorrection(await corrections.requestCorrection(db(), requireActor(req), req.params.id, req.body))),
  );

  app.get(
    '/api/v1/records/:id/corrections',
    {
      schema: {
        tags,
        summary: 'Corrections asked for a record',
        params: IdParams,
        response: { 200: z.object({ items: z.array(CorrectionSchema) }), ...errorResponses },
      },
    },
    async (req) => {
      const r = await service.getRecord(db(), requireActor(req), req.params.id);
      return { items: (await corrections.correctionsOfRecord(db(), r.id)).map(presentCorrection) };
    },
  );

  app.get(
    '/api/v1/record-corrections',
    {
      schema: {
        tags,
        summary: "Corrections of an organisation's records, for its organisers",
        querystring: CorrectionListQuery,
        response: { 200: CorrectionList, ...errorResponses },
      },
    },
    async (req) => {
      const p = await corrections.listCorrections(db(), requireActor(req), req.query);
      return { items: p.items.map(presentCorrection), nextCursor: p.nextCursor };
    },
  );

  app.post(
    '/api/v1/record-corrections/:id/answer',
    {
      schema: {
        tags,
        summary: 'The organiser answers a correction; accepting replaces the record with a new one',
        params: IdParams,
        body: CorrectionAnswerBody,
        response: { 200: CorrectionAnswer, ...errorResponses },
      },
    },
    async (req) => {
      const a = await corrections.answerCorrection(db(), requireActor(req), req.params.id, req.body);
      return { correction: presentCorrection(a.correction), record: a.record ? presentRecord(a.record) : null };
    },
  );
}
