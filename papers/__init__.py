"""Figures and tables that reproduce published arguments, one module per argument.

Each module defines ``FIGURES``, a list of :class:`papers._registry.FigureSpec`; modules
that offer an interactive classroom view also define ``DEMOS`` (name -> callable).
``python -m papers`` discovers them, builds every figure and prints its equilibria.
"""
