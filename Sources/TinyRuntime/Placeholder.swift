// TinyRuntime: placeholder until implemented.
