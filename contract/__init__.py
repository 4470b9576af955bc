"""The contract between the layers: records that cross them, the document kinds, the error root.

Pure data, no I/O. Imports nothing of the project; every other package may import it.
"""
