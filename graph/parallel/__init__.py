"""Running the pipeline on many cores (a process pool) or many machines (Dask).

The split that keeps parallel builds identical to a single-process one:

1. **extract** (parallel, the costly part: reading, spaCy, rules) -- each
   document alone, document-local entity keys (:mod:`graph.parallel.work`);
2. **resolve** (the driver, cheap, no NLP) -- cross-document resolution over
   every document's entities (:func:`graph.entities.resolve.plan_resolution`);
3. **render** (parallel) -- each re-keyed extraction to its named graph as an
   N-Quads shard (:mod:`graph.parallel.shards`);
4. **store** (the driver) -- shards bulk-loaded into Oxigraph.

Executors (:mod:`graph.parallel.executors`) run steps 1 and 3 in this
process, in a process pool (``--jobs N``) or on a Dask cluster (``--dask``).
This package imports no Dask unless a Dask executor is asked for.
"""

from graph.timing import STAGES, StageTimer

__all__ = ["STAGES", "StageTimer"]
