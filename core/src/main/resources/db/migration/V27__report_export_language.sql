-- The language an export's labels were asked in (lang= or Accept-Language), null when none was: CSV then keeps the
-- field names and XLSX and PDF take the configured language, as the same report answered directly does.
alter table report_exports add column language text check (language in ('en', 'zh-CN'));
