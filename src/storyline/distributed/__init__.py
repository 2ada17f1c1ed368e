"""Scale-out: the per-article work on a Ray cluster (``RayPool``), in the interface of the local
``storyline.analyze.parallel.AnalysisPool``; Ray is an optional extra, imported only when asked for."""

from storyline.distributed.ray_pool import RayPool

__all__ = ["RayPool"]
