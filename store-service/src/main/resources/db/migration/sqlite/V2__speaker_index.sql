-- The speaker filter matches whole words of speaker_words; this index finds candidate rows without scanning
-- every statement (the LIKE on speaker_words still decides). It indexes the already normalised words, so it
-- splits words exactly as the filter does.
CREATE VIRTUAL TABLE speakers_fts USING fts5(
    speaker_words, content='statements', content_rowid='id', tokenize='unicode61 remove_diacritics 0');

CREATE TRIGGER speakers_fts_insert AFTER INSERT ON statements BEGIN
    INSERT INTO speakers_fts (rowid, speaker_words) VALUES (new.id, new.speaker_words);
END;
CREATE TRIGGER speakers_fts_delete AFTER DELETE ON statements BEGIN
    INSERT INTO speakers_fts (speakers_fts, rowid, speaker_words) VALUES ('delete', old.id, old.speaker_words);
END;
CREATE TRIGGER speakers_fts_update AFTER UPDATE ON statements BEGIN
    INSERT INTO speakers_fts (speakers_fts, rowid, speaker_words) VALUES ('delete', old.id, old.speaker_words);
    INSERT INTO speakers_fts (rowid, speaker_words) VALUES (new.id, new.speaker_words);
END;

INSERT INTO speakers_fts (speakers_fts) VALUES ('rebuild');
