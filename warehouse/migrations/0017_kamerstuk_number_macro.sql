-- 0017: a Kamerstuk's number as printed ("32317-907", "21501-02-1234", "32317-DQ"), written once:
-- the Council meetings and the browse page's meeting documents call this macro (the views of
-- earlier migrations, never edited, still spell it out). NULL when either part is missing.
CREATE OR REPLACE MACRO kamerstuk_number(dossier, ondernummer) AS dossier || '-' || ondernummer;
