// TinyIO: placeholder until implemented.
