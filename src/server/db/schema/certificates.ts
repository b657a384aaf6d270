/** Table types for the certificate register (migration 260). Column names are snake_case as in the migrations. */

export interface CertificatesTable {
  id: string;
  /** The random verification code printed as text and QR code: unguessable, the key of the public page. */
  code: string;
  /** The number printed on the document: the local issue day and a running number of that day. */
  serial: string;
  volunteer_id: string;
  /** The organisation that recorded the service and issues the certificate. */
  organisation_id: string;
  /** The period, local days, both included. */
  from_date: string;
  to_date: string;
  /** The user who handled the issue (the volunteer themselves or an organiser). */
  issued_by: string;
  /** The local issue day (the platform's time zone). */
  issued_on: string;
  /** JSON of what the document shows besides the records: names, ID type and masked number, codes. */
  shown: string;
  /** JSON list of the records as printed: id, day, activity, content, minutes. */
  records: string;
  total_minutes: number;
  created_at: string;
}

export interface CertificatesTables {
  certificates: CertificatesTable;
}
