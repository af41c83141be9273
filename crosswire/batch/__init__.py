"""The batch job on Dask: a crawl (WARC, JSONL, HTML shards) to Parquet tables and JSON briefs.

One module per concern: ``shards`` (finding and streaming the inputs),
``models`` (models loaded once per worker), ``articles`` (stage 1, per
shard), ``windows`` (stage 2, stories per time window and the edge merge),
``briefs`` (stage 3, per story batch), ``tables`` (Parquet schemas and the
atomic output folder) and ``job`` (the Dask orchestration). Every stage
calls the pipeline's own stages (``crosswire.pipeline``).
"""

from crosswire.batch.job import BatchReport, run_batch

__all__ = ["BatchReport", "run_batch"]
