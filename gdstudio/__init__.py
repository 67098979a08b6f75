"""Gradient Descent Studio: loss function, backpropagation and gradient descent, made visible."""

import time

__version__ = "0.1.0"
STARTED = time.perf_counter()  # for the start-up probe (time to the first painted window)
