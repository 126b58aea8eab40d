// TinyFeatures: placeholder until implemented.
