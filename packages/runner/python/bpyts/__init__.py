"""bpyts: the Python side of @bpyts/runner (runtime module, one-shot bootstrap, worker loop)."""
