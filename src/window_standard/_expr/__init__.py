"""The expression language: parse and type-check (:mod:`.check`), generate code (:mod:`.codegen`)."""
