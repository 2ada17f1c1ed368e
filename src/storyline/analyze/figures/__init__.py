"""Figures: numbers that count or measure something, with what is counted, whose, where and as of when."""

from storyline.analyze.figures.figures import find_figures

__all__ = ["find_figures"]
