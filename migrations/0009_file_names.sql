-- Evidence file names are shown to applicants and staff: drop any bidirectional-text
-- control (which can make "invoice<RLO>fdp.exe" read as "invoiceexe.pdf") from names stored
-- before uploads were cleaned of them, and refuse them from now on.
update application_documents
   set file_name = regexp_replace(file_name, '[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]', '', 'g')
 where file_name ~ '[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]';
alter table application_documents
  add constraint application_documents_file_name_no_bidi
  check (file_name !~ '[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]');
