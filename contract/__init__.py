"""The contract between the layers: records that cross them, the document kinds, the error root.

Pure data, no I/O; every other package may import it.

May import: nothing of the project.
"""
