import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { IdType } from '../../../common/enums.js';

/**
 * The certificate as an A4 PDF (pdfkit): Noto Sans Hans Regular from the npm package
 * `@embedpdf/fonts-sc`, subset on embed (only the glyphs used go in: a page is tens of kB, not
 * the font's 8 MB). The package exports only its script, so the font is found beside it.
 */
const FONT = join(
  dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')),
  '..',
  'fonts',
  'NotoSansHans-Regular.otf',
);

/** ID types as printed on the document (a Chinese official paper, whatever the reader's language). */
const ID_TYPE_ZH: Record<IdType, string> = {
  resident_id: '居民身份证',
  passport: '护照',
  hk_macao_permit: '港澳居民来往内地通行证',
  taiwan_permit: '台湾居民来往大陆通行证',
  foreign_permanent_id: '外国人永久居留身份证',
};

export interface PrintedRecord {
  date: string;
  activity: string;
  content: string;
  minutes: number;
}

export interface PrintedCertificate {
  serial: string;
  code: string;
  verifyUrl: string;
  issuedOn: string;
  volunteerName: string;
  idType: IdType;
  idNumberMasked: string;
  volunteerCode: string;
  organisationName: string;
  responsibleName: string | null;
  issuerName: string;
  from: string;
  to: string;
  records: PrintedRecord[];
  totalMinutes: number;
}

/** Hours as printed: up to two decimals, no trailing zeros. */
export const hoursOf = (minutes: number): number => Math.round((minutes / 60) * 100) / 100;

const zhDate = (d: string): string => {
  const [y, m, day] = d.split('-');
  return `${y}年${Number(m)}月${Number(day)}日`;
};

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const COLUMNS = [
  { title: '日期', width: 80 },
  { title: '活动', width: 145 },
  { title: '服务内容', width: 178 },
  { title: '时长（小时）', width: 80 },
];

export async function renderCertificatePdf(c: PrintedCertificate): Promise<Buffer> {
  const qr = await QRCode.toBuffer(c.verifyUrl, { errorCorrectionLevel: 'M', margin: 1, width: 300 });
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `志愿服务证明 ${c.serial}`, Producer: 'Shanmei', Creator: 'Shanmei' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', FONT);
  doc.font('cjk');
  const width = A4.width - 2 * MARGIN;

  doc.fontSize(26).text('志愿服务证明', MARGIN, 70, { width, align: 'center', characterSpacing: 6 });
  doc.fontSize(10).text(`编号：${c.serial}`, MARGIN, 112, { width, align: 'right' });
  doc
    .fontSize(12)
    .text(
      `兹证明 ${c.volunteerName}（证件类型：${ID_TYPE_ZH[c.idType]}，证件号码：${c.idNumberMasked}，` +
        `志愿者编号：${c.volunteerCode}）于 ${zhDate(c.from)} 至 ${zhDate(c.to)} 期间在${c.organisationName}` +
        `参加志愿服务，经确认的服务记录如下：`,
      MARGIN,
      140,
      { width, lineGap: 6 },
    );

  let y = doc.y + 12;
  const row = (cells: string[], header: boolean) => {
    doc.fontSize(header ? 10.5 : 10);
    const heights = cells.map((t, i) => doc.heightOfString(t, { width: (COLUMNS[i]?.width ?? 80) - 8 }));
    const h = Math.max(...heights) + 8;
    if (y + h > A4.height - 250) {
      doc.addPage();
      y = MARGIN;
    }
    let x = MARGIN;
    cells.forEach((t, i) => {
      const w = COLUMNS[i]?.width ?? 80;
      doc.rect(x, y, w, h).lineWidth(0.6).stroke('#333333');
      doc.fillColor('#000000').text(t, x + 4, y + 4, { width: w - 8, align: i === 3 ? 'right' : 'left' });
      x += w;
    });
    y += h;
  };
  row(
    COLUMNS.map((col) => col.title),
    true,
  );
  for (const r of c.records) row([r.date, r.activity, r.content, String(hoursOf(r.minutes))], false);
  row(['合计', '', '', String(hoursOf(c.totalMinutes))], true);

  y += 18;
  doc.fontSize(12);
  const lines = [
    `累计志愿服务时长：${hoursOf(c.totalMinutes)} 小时`,
    `出具单位：${c.organisationName}`,
    `负责人：${c.responsibleName ?? '—'}`,
    `经办人：${c.issuerName}`,
    `出具日期：${zhDate(c.issuedOn)}`,
  ];
  for (const l of lines) {
    doc.text(l, MARGIN, y, { width: width - 170 });
    y = doc.y + 4;
  }

  // The seal's place: the organisation stamps it on paper (盖章处).
  const sealX = A4.width - MARGIN - 80;
  const sealY = y - 60;
  doc.circle(sealX, sealY, 52).lineWidth(1).dash(4, { space: 3 }).stroke('#b22222').undash();
  doc
    .fillColor('#b22222')
    .fontSize(10)
    .text('（盖章处）', sealX - 40, sealY - 6, { width: 80, align: 'center' });
  doc.fillColor('#000000');

  const qrY = Math.max(y + 24, sealY + 70);
  doc.image(qr, MARGIN, qrY, { width: 96 });
  doc
    .fontSize(10)
    .text(`验证码：${c.code}`, MARGIN + 110, qrY + 14, { width: width - 110 })
    .text(`扫描二维码或访问以下网址核验本证明：`, { width: width - 110 })
    .text(c.verifyUrl, { width: width - 110 });
  doc
    .fontSize(9)
    .fillColor('#555555')
    .text('本证明依据志愿服务记录出具，免费；证件号码已按隐私规则隐去。', MARGIN, qrY + 110, { width });
  doc.end();
  return done;
}
