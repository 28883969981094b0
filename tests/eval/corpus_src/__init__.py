"""Sources of the evaluation corpus: one module per imaginary site (its chrome and its articles).

`python -m tests.eval.build_corpus` renders them into tests/eval/corpus/ and tests/eval/labels.toml.
"""
