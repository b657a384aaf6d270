import { IdParams, OPTIONAL_AUTH, PUBLIC, errorResponses } from '../../../common/contract/common.js';
import {
  CreateStoryBody,
  DecideTipBody,
  ManageStoryQuery,
  PatchStoryBody,
  PublicStoryQuery,
  ReturnStoryBody,
  SendTipBody,
  SentTipSchema,
  StoryList,
  StorySchema,
  StoryTipList,
  StoryTipSchema,
  TipQuery,
} from '../../../common/contract/stories.js';
import type { App } from '../../context.js';
import { requireActor } from '../../plugins/auth.js';
import { photoUploadRoute } from '../files/index.js';
import { uploadStoryPhoto } from './stories.photos.js';
import * as service from './stories.service.js';
import * as tips from './story-tips.service.js';

export function storyRoutes(app: App): void {
  const tags = ['stories'];
  const db = () => app.ctx.database.db;
  const story = { 200: StorySchema, ...errorResponses };
  const tipCtx = () => ({ db: db(), cipher: app.ctx.cipher, limiter: app.ctx.limiter });

  app.post(
    '/api/v1/stories',
    {
      schema: {
        tags,
        summary: 'An organisation’s admin starts a story (志愿风采) as a draft',
        body: CreateStoryBody,
        response: { 201: StorySchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createStory(db(), requireActor(req), req.body)),
  );

  app.get(
    '/api/v1/stories',
    {
      schema: {
        security: PUBLIC,
        tags,
        summary: 'Published stories, newest first, by region (and below), field or organisation',
        querystring: PublicStoryQuery,
        response: { 200: StoryList, ...errorResponses },
      },
    },
    async (req) => service.listPublicStories(db(), req.query),
  );

  app.get(
    '/api/v1/stories/manage',
    {
      schema: {
        tags,
        summary: 'Stories the caller writes (view=write) or submitted ones the caller reviews (view=review)',
        querystring: ManageStoryQuery,
        response: { 200: StoryList, ...errorResponses },
      },
    },
    async (req) => service.listManagedStories(db(), requireActor(req), req.query),
  );

  app.get(
    '/api/v1/stories/:id',
    {
      schema: {
        security: OPTIONAL_AUTH,
        tags,
        summary: 'One story: anyone sees a published one; its writers and reviewers see it at every step',
        params: IdParams,
        response: story,
      },
    },
    async (req) => service.getStory(db(), req.actor, req.params.id),
  );

  app.patch(
    '/api/v1/stories/:id',
    {
      schema: {
        tags,
        summary:
          'Change a story (its writers; not while it is reviewed). A published story changed goes back to review and leaves the portal until approved again',
        params: IdParams,
        body: PatchStoryBody,
        response: story,
      },
    },
    async (req) => service.patchStory(db(), requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/stories/:id/submit',
    { schema: { tags, summary: 'Send a draft or returned story for review', params: IdParams, response: story } },
    async (req) => service.submitStory(db(), requireActor(req), req.params.id),
  );

  app.post(
    '/api/v1/stories/:id/approve',
    {
      schema: {
        tags,
        summary: 'Publish a submitted story: the parent organisation’s admins or the region’s admins, not its author',
        params: IdParams,
        response: story,
      },
    },
    async (req) => service.reviewStory(db(), requireActor(req), req.params.id, { approve: true }),
  );

  app.post(
    '/api/v1/stories/:id/return',
    {
      schema: {
        tags,
        summary: 'Return a submitted story to its writers with what to change',
        params: IdParams,
        body: ReturnStoryBody,
        response: story,
      },
    },
    async (req) =>
      service.reviewStory(db(), requireActor(req), req.params.id, { approve: false, reason: req.body.reason }),
  );

  photoUploadRoute(app, {
    path: '/api/v1/stories/:id/photos',
    tags,
    summary: 'A story’s writer uploads a photo for its body or cover (JPEG or PNG; metadata such as GPS removed)',
    attach:
      'Place the returned id in the body (`{type: "image", attrs: {fileId, alt}}`) or as `coverFileId` with PATCH /stories/:id; one never used is deleted after 48 hours.',
    check: (actor, id) => service.checkStoryPhotoUpload(db(), actor, id),
    store: (actor, id, bytes) => uploadStoryPhoto({ db: db(), files: app.ctx.files }, actor, id, bytes),
  });

  app.post(
    '/api/v1/story-tips',
    {
      schema: {
        security: PUBLIC,
        tags,
        summary:
          'Anyone sends a tip for a story (线索); it goes to the organisation for its region. Limited per address',
        body: SendTipBody,
        response: { 201: SentTipSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await tips.sendTip(tipCtx(), req.actor, req.body, req.ip)),
  );

  app.get(
    '/api/v1/story-tips',
    {
      schema: {
        tags,
        summary: 'The tips inbox of the organisations the caller administers (reading a contact is audited)',
        querystring: TipQuery,
        response: { 200: StoryTipList, ...errorResponses },
      },
    },
    async (req) => tips.listTips(tipCtx(), requireActor(req), req.query),
  );

  app.post(
    '/api/v1/story-tips/:id/decide',
    {
      schema: {
        tags,
        summary: 'Mark a tip used or dismissed (the receiving organisation’s admins)',
        params: IdParams,
        body: DecideTipBody,
        response: { 200: StoryTipSchema, ...errorResponses },
      },
    },
    async (req) => tips.decideTip(tipCtx(), requireActor(req), req.params.id, req.body),
  );
}
