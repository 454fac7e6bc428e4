"""Changes of the official initiative list: loading a new list and the choices it retired."""
