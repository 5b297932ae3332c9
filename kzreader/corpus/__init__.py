"""Files -> Article: walking a folder, decoding, header rules, sidecars, near-duplicates."""
