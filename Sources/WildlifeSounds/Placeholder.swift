// WildlifeSounds: placeholder until implemented.
