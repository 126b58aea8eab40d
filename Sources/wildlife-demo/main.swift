print("wildlife-demo: not implemented yet")
