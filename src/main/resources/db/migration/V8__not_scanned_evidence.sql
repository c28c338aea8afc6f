-- Why a host was not scanned, in words: the probes that got no reply, the exclusion list that
-- matched, who cancelled the scan and when. NULL for rows stored before this column existed.
ALTER TABLE scan_host_not_scanned ADD COLUMN evidence VARCHAR(2000);
