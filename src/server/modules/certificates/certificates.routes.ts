import { z } from 'zod';
import {
  CertificateCodeParams,
  CertificateList,
  CertificateListQuery,
  CertificateVerification,
  IssueCertificateBody,
  IssuedCertificate,
} from '../../../common/contract/certificates.js';
import { errorResponses, PUBLIC } from '../../../common/contract/common.js';
import type { App } from '../../context.js';
import { requireActor } from '../../plugins/auth.js';
import { renderCertificatePdf } from './certificates.pdf.js';
import * as service from './certificates.service.js';

export function certificateRoutes(app: App): void {
  const tags = ['certificates'];
  const ctx = app.ctx;
  const db = () => ctx.database.db;
  /** Links on the configured public URL; without one, the request's origin (as the calendar's). */
  const originOf = (req: { protocol: string; host: string }): string =>
    ctx.config.publicUrl ?? `${req.protocol}://${req.host}`;

  app.post(
    '/api/v1/certificates',
    {
      schema: {
        tags,
        summary:
          'Issue a service certificate (志愿服务证明) for a period: a volunteer for themselves, an organiser for a ' +
          'volunteer who served with its organisation; kept in the register, the PDF at `url`',
        body: IssueCertificateBody,
        response: { 201: IssuedCertificate, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.issueCertificate(db(), requireActor(req), req.body, originOf(req))),
  );

  app.get(
    '/api/v1/certificates',
    {
      schema: {
        tags,
        summary: "My certificates, or an organisation's issued ones (its organisers), newest first",
        querystring: CertificateListQuery,
        response: { 200: CertificateList, ...errorResponses },
      },
    },
    async (req) => service.listCertificates(db(), requireActor(req), req.query),
  );

  app.get(
    '/api/v1/certificates/:code/pdf',
    {
      schema: {
        tags,
        summary: 'The certificate as an A4 PDF: for the volunteer, the issuer and the organisation’s organisers',
        params: CertificateCodeParams,
        response: { 200: z.any().describe('application/pdf'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const printed = await service.certificateToPrint(db(), requireActor(req), req.params.code, originOf(req));
      const pdf = await renderCertificatePdf(printed);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="certificate-${printed.serial}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.get(
    '/api/v1/certificates/verify/:code',
    {
      schema: {
        security: PUBLIC,
        tags,
        summary: 'Verify a certificate by its code (anyone): what it shows, and which records were revoked since',
        params: CertificateCodeParams,
        response: { 200: CertificateVerification, ...errorResponses },
      },
    },
    async (req, reply) => {
      const answer = await service.verifyCertificate(db(), req.params.code);
      return reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').send(answer);
    },
  );
}
