// TinyCore: placeholder until implemented.
