-- Business-key numbering of sale cases (SALE-yyyy-nnnn, docs/sale-approval.md "Case numbers"):
-- the last number taken per year. A submission takes its number with one UPDATE in a short
-- transaction of its own, before its own transaction, so concurrent submissions (threads and
-- cluster nodes) wait for each other only for that moment; the unique key on
-- ov_sale_case.business_key stays. A number whose submission fails after taking it stays unused
-- (a gap). Portable SQL: runs on H2 and PostgreSQL.
CREATE TABLE ov_sale_number (
    sale_year   INTEGER NOT NULL PRIMARY KEY,
    last_number INTEGER NOT NULL
);

-- Seeded with the highest number of each year used so far (keys of another form are ignored).
INSERT INTO ov_sale_number (sale_year, last_number)
SELECT sale_year, MAX(case_number) FROM (
    SELECT CAST(SUBSTRING(business_key FROM 6 FOR 4) AS INTEGER) AS sale_year,
           CAST(SUBSTRING(business_key FROM 11) AS INTEGER) AS case_number
    FROM ov_sale_case
    WHERE business_key LIKE 'SALE-____-_%'
      AND LENGTH(business_key) <= 19
      AND LTRIM(SUBSTRING(business_key FROM 6 FOR 4), '0123456789') = ''
      AND LTRIM(SUBSTRING(business_key FROM 11), '0123456789') = ''
) used_keys
GROUP BY sale_year;
