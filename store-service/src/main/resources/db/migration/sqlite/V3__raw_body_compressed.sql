-- Raw page bodies are compressed with zstd from this version on (about six times faster to write and seven
-- times faster to read than gzip, and smaller); rows written before stay gzip. Both formats say what they are
-- in their first bytes, so the column's name no longer names one of them.
ALTER TABLE raw_pages RENAME COLUMN body_gzip TO body_compressed;
