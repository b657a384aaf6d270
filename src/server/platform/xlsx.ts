/** The media type of .xlsx files. Every table file is written by `table-file.ts`. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
