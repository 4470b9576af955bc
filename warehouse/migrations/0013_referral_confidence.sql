-- 0013: how sure the parser is of the pair a referral resolves to (parsers/segment/referrals.py):
-- 1.0 for one candidate or "bovenstaand antwoord", the best score's share of the best two
-- otherwise (0.5 a tie), 0.0 when the fractie has no earlier pair. Every referral of an answer is
-- a row now (pair 98 of the example points to two VVD answers). Stored rows keep NULL until
-- `jbz reparse` (PARSER_VERSION 2.5.0).
ALTER TABLE answer_references ADD COLUMN confidence DOUBLE;
