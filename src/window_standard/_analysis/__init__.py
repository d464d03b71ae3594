"""Population analysis: batch evaluation, result tables, flat layouts, reforms, sweeps and plots.

Nothing here is imported by ``import window_standard``; the modules that need numpy or pandas import them
when they are first used (the ``analysis`` extra).
"""
