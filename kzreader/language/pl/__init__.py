"""Polish: morfeusz2 for lemmas and tags, a guesser for names the dictionary lacks, and the words as YAML."""
