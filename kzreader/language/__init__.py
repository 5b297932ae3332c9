"""What one language gives the engines: tokens with offsets, sentences, lemmas, name readings, its words as data.

Bottom of the flow with `corpus`: nothing here imports another kzreader package.
"""
