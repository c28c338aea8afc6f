-- Authentication types a scan with the profile uses, comma-separated Qualys names such as
-- "Windows,Unix"; empty for none.
ALTER TABLE option_profile ADD COLUMN authentication VARCHAR(255) NOT NULL DEFAULT '';
