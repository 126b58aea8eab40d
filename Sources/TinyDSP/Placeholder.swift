// TinyDSP: placeholder until implemented.
