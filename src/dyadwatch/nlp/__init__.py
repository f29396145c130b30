"""Language processing: the spaCy model and the temporal tagger."""
