print("gesture-demo: not implemented yet")
