print("kws-demo: not implemented yet")
