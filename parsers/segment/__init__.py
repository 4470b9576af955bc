"""Helpers of the segmenter (`parsers.consultation.parse_blocks`), one concern per module."""
