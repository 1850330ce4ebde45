-- The speaker filter matches whole words of speaker_words; this index finds candidate rows without scanning
-- every statement (the LIKE on speaker_words still decides).
CREATE INDEX statements_speaker_words ON statements USING GIN (to_tsvector('simple', speaker_words));
