"""Batch scoring of memo archives: ``memo-analyzer batch`` and ``memo-analyzer summarize``.

One module per job, in the order the data flows:

- ``discover``: the inputs (files, folders, globs, a list on stdin) as named documents;
- ``work``: a chunk of documents in, a result per document out (what a worker runs);
- ``dispatch``: chunks to the workers, one per worker, and what becomes of those whose workers die;
- ``pool``: the local executor, worker processes that may die without losing anything;
- ``cluster``, ``dask_tasks``: the Dask executor, and its client's bounded waits on the chunks;
- ``manifest``: what each document was and what became of it, between runs;
- ``tables``: the rows and columns of documents.csv, sections.csv, claims.jsonl, errors.csv;
- ``writer``: the output folder; the only code that writes into it;
- ``run``: a whole run, streaming, with progress and a summary;
- ``summary``: the Markdown and HTML overview of a finished batch.
"""
