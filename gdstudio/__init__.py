"""Gradient Descent Studio: loss function, backpropagation and gradient descent, made visible."""

__version__ = "0.1.0"
