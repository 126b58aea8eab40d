// TinyLite: placeholder until implemented.
