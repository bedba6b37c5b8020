-- A workbook row's cells and the file's headers with each issue of the row, so that the report
-- gives the rows back as they were: mended, the report imports again as it is.
alter table cmd_import_issue add column headers text[];
alter table cmd_import_issue add column cells text[];
